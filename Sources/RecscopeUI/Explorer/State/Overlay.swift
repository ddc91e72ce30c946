import RecscopeCore

/// What covers the panes, if anything. At most one at a time; Esc
/// closes any of them at once.
enum Overlay {
  /// Keys and what they do in one pane.
  case help(pane: Pane, top: Int)
  /// Keys and what they do in the lab view.
  case labHelp(top: Int)
  /// Worked arithmetic of a prediction or a similarity.
  case explanation(ExplanationText)
  /// The feature vector w_i of one item, for toggling and setting.
  case features(item: Int, cursor: Int)
  /// Every engine setting, stepped with ←/→.
  case settings(cursor: Int)
  /// A yes/no question on the status line.
  case question(Question)
}

/// A one-line question that must be answered before anything else.
enum Question {
  /// Unsaved edits were found in the journal at start-up.
  case restore(steps: [EditJournal.Step], badLine: Int?)
  /// `q` with unsaved edits.
  case quit
}
