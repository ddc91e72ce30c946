/// What the help overlay and the status line say about keys.
enum HelpText {
  static func lines(for pane: Pane) -> [String] {
    var lines: [String]
    switch pane {
    case .matrix:
      lines = [
        "Ratings: users are rows, items are columns; · is unrated.",
        "",
        "  1-9        rate the cell with that value",
        "  r = .      type any rating; 3.5 typed straight works too",
        "  x  Del     remove the rating",
        "  Enter      worked arithmetic of this cell's prediction",
        "  f          features of the selected item (toggle, set)",
        "  p          show predictions, dimmed, in unrated cells",
        "  a  A       add a user (cold start)  /  add an item",
        "  ^  $       first / last column",
        "",
        "In this pane digits rate: change panes with Tab or a click.",
      ]
    case .heatmap:
      lines = [
        "Similarity: row x is the matrix selection, column x' moves",
        "with ←/→. Colours keep their meaning across edits; the legend",
        "marks the value under the cursor. Cells the last edit changed",
        "are marked until the next key. In the matrix, the co-rated",
        "entries behind the selected similarity are highlighted.",
        "",
        "  ←/→ h/l    compare with another row",
        "  ↑/↓ j/k    move the matrix selection",
        "  Enter      the similarity's arithmetic over co-rated entries",
        "  t          switch user-user / item-item (the engine's basis)",
      ]
    case .recommendations:
      lines = [
        "Recommendations for the selected user: rank, how the rank",
        "moved after the last edit (↑2 ↓1 new), title, score and the",
        "method that produced it. A note says when a fallback is in",
        "use (no ratings yet: most popular; 1 rating: content-based).",
        "",
        "  ↑/↓ j/k    choose a recommendation",
        "  Enter      worked arithmetic of its score",
      ]
    }
    lines += [
      "",
      "Everywhere",
      "  arrows hjkl  PgUp PgDn  g G Home End   move",
      "  Tab S-Tab  1 2 3   focus a pane (1-3 outside the ratings)",
      "  /  n  N    search users and items by id or title",
      "  u  C-r     undo / redo any edit or setting",
      "  s  t       settings  /  user-based vs item-based",
      "  R          svd/als: retrain the model in the background on the",
      "             ratings as they are now (progress below; Esc cancels);",
      "             until then edits are folded in and the old model answers;",
      "             choosing svd/als or a factor setting trains the same way,",
      "             the baseline answering until the model is in",
      "  L          the lab: train and test RMSE of several models, a",
      "             learning curve and a sweep, measured in the background",
      "  y          copy the explanation of the selection",
      "  :          command line: :w [file]  :e file  :set k=20  :train  :q",
      "  ?  F1      this help;  Esc closes any overlay",
      "  q          quit (asks when edits are unsaved)",
      "",
      "Settings: " + SettingField.allCases.map(\.name)
        .joined(separator: " "),
    ]
    return lines
  }

  /// The lab view's help.
  static let labLines: [String] = [
    "Lab: how well models generalise on the data as it is now, edits",
    "included. Each model trains on every split's train set and is",
    "scored on its test set; train RMSE is scored on the ratings it",
    "trained on, and the gap (test - train) grows as it overfits.",
    "",
    "Models     the explorer's algorithm (•), baseline, svd and als;",
    "           sd is the test RMSE's deviation over the folds",
    "Curve      train and test RMSE of svd or als after each epoch",
    "Sweep      train and test RMSE against k, factors, reg or epochs",
    "",
    "Figures are measured in the background with a progress bar and",
    "rerun by themselves when the data, the settings or the split",
    "change while the lab is open; until then the old figures stay,",
    "marked stale. A cancelled run leaves the last finished figures.",
    "",
    "  ↑/↓ j/k    choose a model; on svd or als the curve follows",
    "  ←/→ h/l    choose the setting to sweep",
    "  Enter      the model's figures fold by fold, and their means",
    "  f          split: 5-fold / 20 % holdout / new items in 5 folds",
    "  r          measure again now (also after a cancel)",
    "  Esc        cancel the run; with nothing running, close",
    "  Tab 1 2 3  show another part (small screens show one)",
    "  s  u  C-r  settings, undo, redo: the figures rerun",
    "  L  q       close the lab (a run goes on; Esc cancels it)",
    "",
    "The seed setting seeds the split and the factor models, as",
    "recscope lab --seed does; the same seed gives the same figures.",
  ]

  /// The lab view's keys for the status line.
  static let labHints: [KeyHint] = [
    KeyHint("↑↓", "model"), KeyHint("Enter", "folds"),
    KeyHint("←→", "sweep"), KeyHint("r", "rerun"),
    KeyHint("f", "split"), KeyHint("Tab", "part"), KeyHint("s", "settings"),
    KeyHint("L", "close"),
  ]

  /// The keys the status line offers in each pane, most useful first.
  static func hints(for pane: Pane) -> [KeyHint] {
    switch pane {
    case .matrix:
      [KeyHint("1-9", "rate"), KeyHint("x", "clear"),
       KeyHint("Enter", "explain"), KeyHint("a", "user"),
       KeyHint("u", "undo"), KeyHint("f", "features"),
       KeyHint("s", "settings"), KeyHint("L", "lab"), KeyHint("Tab", "pane"),
       KeyHint(":", "cmd"), KeyHint("q", "quit")]
    case .heatmap:
      [KeyHint("←→", "compare"), KeyHint("Enter", "explain"),
       KeyHint("t", "user/item"), KeyHint("u", "undo"),
       KeyHint("s", "settings"), KeyHint("L", "lab"), KeyHint("Tab", "pane"),
       KeyHint(":", "cmd"), KeyHint("q", "quit")]
    case .recommendations:
      [KeyHint("↑↓", "choose"), KeyHint("Enter", "explain"),
       KeyHint("u", "undo"), KeyHint("s", "settings"),
       KeyHint("L", "lab"), KeyHint("Tab", "pane"), KeyHint(":", "cmd"),
       KeyHint("q", "quit")]
    }
  }
}
