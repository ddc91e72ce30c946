import RecscopeCore

/// Draws the lab view over the whole screen: a line on how and when the
/// figures were measured, then the table of models, the learning curve
/// and the sweep (side by side, or one per tab on a small screen), and
/// the status line.
struct LabView {
  let state: ExplorerState
  let layout: LabLayout

  init(state: ExplorerState) {
    self.state = state
    layout = LabLayout(size: state.size, section: state.lab.section)
  }

  var lab: LabState { state.lab }

  func draw(into grid: inout CellGrid, status: StatusLine) {
    guard layout.arrangement != .tooSmall else {
      // The panes' notice, in the same words.
      ScreenLayout(size: state.size, focus: state.focus)
        .drawChrome(into: &grid, focus: state.focus, status: status)
      return
    }
    if let header = layout.header { drawHeader(header, into: &grid) }
    if let tabBar = layout.tabBar { drawTabs(tabBar, into: &grid) }
    for section in LabSection.allCases {
      guard let box = layout.boxes[section] else { continue }
      let focused = section == lab.section && layout.arrangement == .split
      grid.drawBox(box, title: title(of: section),
                   lines: focused ? .heavy : .light,
                   style: focused ? .focusBorder : .border)
      let inside = box.inset(by: 1)
      guard !inside.isEmpty else { continue }
      grid.withRegion(inside) { region in
        switch section {
        case .models: drawModels(into: &region)
        case .curve: drawCurve(into: &region)
        case .sweep: drawSweep(into: &region)
        }
      }
    }
    if let line = layout.statusLine { status.draw(into: &grid, rect: line) }
  }

  // MARK: Header and tabs

  /// `5-fold cross-validation · seed 0 · up to date; reruns by itself
  /// …`, in the longest wording that fits.
  private func drawHeader(_ rect: Rect, into grid: inout CellGrid) {
    let seed = state.engine.settings.factorization.seed
    let ratings = state.engine.ratings.count
    let split = lab.split
    let (words, style) = stateWords()
    let prefixes = [
      "Lab · \(split.description) · seed \(seed) · \(ratings) ratings · ",
      "\(split.description) · seed \(seed) · ",
      "\(split.shortDescription) · seed \(seed) · ",
      "\(split.shortDescription) · ",
    ]
    let (p1, p2, p3, p4) = (prefixes[0], prefixes[1], prefixes[2],
                            prefixes[3])
    let (long, medium, short) = words
    let wordings = [
      p1 + long, p2 + long, p2 + medium, p3 + long, p3 + medium, p4 + medium,
      p3 + short, p4 + short, short,
    ]
    let text = wordings.first { DisplayWidth.of($0) <= rect.width }
      ?? TextFit.truncate(short, toWidth: rect.width)
    grid.put(text, x: rect.x, y: rect.y, style: style, clip: rect)
  }

  /// Where the figures stand, in three lengths, and how to show it.
  private func stateWords()
    -> (words: (long: String, medium: String, short: String), style: Style) {
    if let running = state.backgroundProgress {
      guard state.labIsRunning else {
        let title = running.title
        return (("waits for \(title) to end (Esc cancels it)",
                 "waits for \(title)", "waits"), .dim)
      }
      let p = running.progress
      let what = stale ? "stale; measuring again" : "measuring"
      let bar = ExplorerView.progressBar(p)
      let counts = "step \(p.step)/\(p.total)"
      return (("\(what) \(bar) \(counts) · \(p.detail) · Esc cancels",
               "\(what) \(bar) \(counts) · Esc cancels",
               "\(stale ? "stale, " : "")\(p.step)/\(p.total) · Esc"),
              .changed)
    }
    switch lab.note {
    case .cancelled?:
      guard lab.evaluation != nil else {
        return (("cancelled before any figure · r measures",
                 "cancelled · r measures", "cancelled · r"), .changed)
      }
      let old = stale ? ", stale" : ""
      return (("cancelled: last finished figures\(old) · r measures again",
               "cancelled\(old) · r measures again", "cancelled · r"),
              .changed)
    case .failed(let reason)?:
      return (("failed: \(reason) · r tries again",
               "failed: \(reason)", "failed · r"), .error)
    case nil:
      break
    }
    if lab.evaluation == nil {
      return (("not measured yet · r measures", "not measured · r",
               "r measures"), .dim)
    }
    if stale {
      return (("stale · r measures again", "stale · r measures again",
               "stale · r"), .changed)
    }
    return (("up to date; reruns by itself after edits and setting changes",
             "up to date; reruns after changes", "up to date"), .dim)
  }

  /// Whether anything on screen was measured on other data, settings or
  /// split than the explorer's now.
  private var stale: Bool {
    let key = state.currentLabKey
    if let evaluation = lab.evaluation, evaluation.key != key { return true }
    if let sweep = lab.shownSweep, sweep.key != key { return true }
    return false
  }

  /// ` 1 Models  2 Curve  3 Sweep `, shortening as the panes' tabs do.
  private func drawTabs(_ rect: Rect, into grid: inout CellGrid) {
    grid.fill(rect, with: Cell(" ", style: .statusBar))
    let all = LabSection.allCases
    let labelSets: [[String]] = [
      all.map { " \($0.rawValue + 1) \($0.title) " },
      all.map { " \($0.rawValue + 1) \($0.shortTitle) " },
      all.map {
        $0 == lab.section
          ? " \($0.rawValue + 1) \($0.shortTitle) " : " \($0.rawValue + 1) "
      },
    ]
    let labels = labelSets.first {
      $0.reduce(0) { $0 + DisplayWidth.of($1) } <= rect.width
    } ?? labelSets[labelSets.count - 1]
    var x = rect.x
    for (section, label) in zip(all, labels) {
      let style: Style = section == lab.section
        ? .selection.adding(.bold) : .statusBar
      x = grid.put(label, x: x, y: rect.y, style: style, clip: rect)
    }
  }

  /// A part's box title: `Models · 5-fold`, `Learning curve: svd · stale`.
  private func title(of section: LabSection) -> String {
    let key = state.currentLabKey
    let staleNote = " · stale"
    switch section {
    case .models:
      let old = lab.evaluation.map { $0.key != key } ?? false
      return "Models · \(lab.split.shortDescription)" + (old ? staleNote : "")
    case .curve:
      let old = lab.evaluation.map { $0.key != key } ?? false
      return "Learning curve: \(lab.factorModel.rawValue)"
        + (old ? staleNote : "")
    case .sweep:
      let sweep = lab.shownSweep
      let model = sweep?.model ?? state.labSweepModel
      let old = sweep.map {
        $0.key != key || $0.model != state.labSweepModel
      } ?? false
      return "Sweep of \(model.rawValue)" + (old ? staleNote : "")
    }
  }
}
