import RecscopeCore

/// How the explorer is opened: what the command line decided, plus the
/// environment it reads colour and clipboard support from.
public struct ExplorerOptions: Sendable {
  /// What to do with a journal of unsaved edits found at start-up.
  public enum RestorePolicy: String, Sendable, CaseIterable {
    /// Show a one-line prompt and let the person choose.
    case ask
    /// Replay the edits without asking (headless runs, scripts).
    case restore
    /// Delete the journal and start from the file as it is.
    case discard
  }

  /// The `--color` choice.
  public var colorOption: ColorOption
  /// Whether clicks and the wheel are reported (`--no-mouse` turns it off).
  public var mouse: Bool
  /// Where diagnostics go; nothing is written while the screen is up
  /// otherwise.
  public var logPath: String?
  /// The journal of unsaved edits; nil puts it beside the data (see
  /// ``resolvedJournalPath``).
  public var journalPath: String?
  /// The file or directory the data came from; `:w` writes back to it.
  public var dataPath: String?
  /// What the loader found, so saving keeps the format it came in.
  public var report: LoadReport?
  public var restore: RestorePolicy
  /// The process environment (colour detection, `NO_COLOR`, clipboard).
  public var environment: [String: String]
  /// How many recommendations the pane lists.
  public var recommendationCount: Int
  /// Whether unrated matrix cells start out showing predictions.
  public var showPredictions: Bool
  /// Whether `y` may copy with OSC 52; nil decides from the environment.
  public var clipboardEscape: Bool?
  /// Where `y` writes when OSC 52 is not used; nil picks a temporary file.
  public var copyPath: String?
  /// Whether edits are journaled at all (off for benchmarks).
  public var journaling: Bool
  /// Whether the screen shows characters outside ASCII (a UTF-8 locale).
  /// The terminal turns every such character it cannot show into an ASCII
  /// stand-in; drawings with no good stand-in, such as braille plots,
  /// choose ASCII themselves when this is false.
  public var unicode: Bool

  public init(
    colorOption: ColorOption = .auto,
    mouse: Bool = true,
    logPath: String? = nil,
    journalPath: String? = nil,
    dataPath: String? = nil,
    report: LoadReport? = nil,
    restore: RestorePolicy = .ask,
    environment: [String: String] = [:],
    recommendationCount: Int = 10,
    showPredictions: Bool = false,
    clipboardEscape: Bool? = nil,
    copyPath: String? = nil,
    journaling: Bool = true,
    unicode: Bool = true
  ) {
    self.colorOption = colorOption
    self.mouse = mouse
    self.logPath = logPath
    self.journalPath = journalPath
    self.dataPath = dataPath
    self.report = report
    self.restore = restore
    self.environment = environment
    self.recommendationCount = recommendationCount
    self.showPredictions = showPredictions
    self.clipboardEscape = clipboardEscape
    self.copyPath = copyPath
    self.journaling = journaling
    self.unicode = unicode
  }

  /// The journal's path: the given one, else `recscope.journal` inside a
  /// data directory or `<ratings file>.journal` beside a ratings file;
  /// nil for data from standard input or from memory.
  ///
  /// TODO(journal): beside read-only data (an installed sample) the
  /// journal cannot be written and edits go unjournaled, with a message;
  /// falling back to a per-user state directory would close this.
  public var resolvedJournalPath: String? {
    guard journaling else { return nil }
    if let journalPath { return journalPath }
    guard let dataPath, dataPath != "-" else { return nil }
    if DataFiles.kind(of: dataPath) == .directory {
      return DataFiles.join(dataPath, "recscope.journal")
    }
    return dataPath + ".journal"
  }

  /// Whether OSC 52 reaches a clipboard here: terminals known to honour
  /// it, and tmux and screen, which pass it on.
  var copiesWithEscape: Bool {
    if let clipboardEscape { return clipboardEscape }
    let term = environment["TERM"]?.lowercased() ?? ""
    let known = ["xterm", "tmux", "screen", "kitty", "alacritty", "foot",
                 "wezterm", "rxvt"]
    return known.contains { term.hasPrefix($0) }
      || environment["TERM_PROGRAM"] != nil
  }
}
