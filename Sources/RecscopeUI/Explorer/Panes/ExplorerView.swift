import RecscopeCore

/// Draws the whole explorer for one state: frames and tabs, the three
/// panes (or the focused one), overlays, and the status line with the
/// keys of the focused pane, a prompt or a question.
public enum ExplorerView {
  /// A new frame for `state` at its size.
  /// - Complexity: proportional to the visible cells, plus the selected
  ///   user's recommendations when they are not cached.
  public static func render(_ state: ExplorerState) -> CellGrid {
    state.prepareFrame()
    var grid = CellGrid(size: state.size)
    if state.lab.isOpen {
      let view = LabView(state: state)
      view.draw(into: &grid, status: statusLine(state))
      guard view.layout.arrangement != .tooSmall else { return grid }
      drawOverlayAndInput(state, into: &grid)
      return grid
    }
    let layout = state.geometry.layout
    layout.drawChrome(into: &grid, focus: state.focus,
                      status: statusLine(state))
    guard layout.arrangement != .tooSmall else { return grid }

    for pane in Pane.allCases {
      guard let content = layout.content(of: pane), !content.isEmpty
      else { continue }
      switch pane {
      case .matrix: MatrixPane(state: state, content: content).draw(into: &grid)
      case .heatmap:
        HeatmapPane(state: state, content: content).draw(into: &grid)
      case .recommendations:
        RecommendationsPane(state: state, content: content).draw(into: &grid)
      }
      if layout.arrangement == .split, let frame = layout.panes[pane] {
        drawTitle(pane, state, frame, into: &grid)
      }
    }
    drawOverlayAndInput(state, into: &grid)
    return grid
  }

  /// An overlay over everything but the status line, and a prompt or a
  /// question in the status line.
  private static func drawOverlayAndInput(_ state: ExplorerState,
                                          into grid: inout CellGrid) {
    if let overlay = state.overlay {
      let area = Rect(size: state.size).sliceBottom(1).rest
      OverlayView(state: state, area: area).draw(overlay, into: &grid)
    }
    let status = Rect(size: state.size).sliceBottom(1).bottom
    drawInput(state, status, into: &grid)
  }

  /// A pane title with what it currently shows: `Similarity: users ·
  /// cosine`.
  private static func drawTitle(_ pane: Pane, _ state: ExplorerState,
                                _ frame: Rect, into grid: inout CellGrid) {
    let settings = state.engine.settings
    let title: String
    switch pane {
    case .matrix:
      title = "\(pane.title) \(state.roster.users.count)×"
        + "\(state.roster.items.count)"
    case .heatmap:
      title = "\(pane.title): \(settings.basis == .user ? "users" : "items")"
        + " · \(settings.similarity.rawValue)"
    case .recommendations:
      title = pane.title
    }
    guard frame.width >= 8 else { return }
    let focused = pane == state.focus
    let fitted = TextFit.truncate(title, toWidth: frame.width - 4)
    grid.put(" \(fitted) ", x: frame.x + 1, y: frame.y,
             style: focused ? .focusBorder : .header,
             clip: Rect(x: frame.x + 1, y: frame.y, width: frame.width - 2,
                        height: 1))
  }

  static func statusLine(_ state: ExplorerState) -> StatusLine {
    var hints = HelpText.hints(for: state.focus)
    if state.lab.isOpen {
      hints = HelpText.labHints
    } else if let hint = state.trainingHint {
      hints.insert(hint, at: 0)
    }
    if state.overlay != nil {
      hints = [KeyHint("Esc", "close")]
    }
    let message = state.message
    if state.lab.isOpen, state.overlay == nil, state.labIsRunning,
      message == nil || message?.isError == false
    {
      // The lab's own header shows the run's progress.
      return StatusLine(hints: [KeyHint("Esc", "cancel")] + hints,
                        message: message?.text ?? "")
    }
    if let running = state.backgroundProgress,
      message == nil || message?.isError == false
    {
      return StatusLine(
        hints: state.overlay == nil ? [KeyHint("Esc", "cancel")] : hints,
        message: progressText(running.title, running.progress))
    }
    // A message is news; the pane's keys are back on the next key.
    if let message, !message.text.isEmpty { hints = [] }
    return StatusLine(hints: hints, message: message?.text ?? "",
                      messageStyle: message?.isError == true
                        ? Style(foreground: .error, background: .statusBar,
                                attributes: .bold)
                        : .statusBar)
  }

  /// `training svd ▕█████░░░░░░░░░░░▏ epoch 5/20 · train RMSE 0.91`.
  static func progressText(_ title: String,
                           _ p: BackgroundTask.Progress) -> String {
    var text = "\(title) \(progressBar(p)) \(p.unit) \(p.step)/\(p.total)"
    if !p.detail.isEmpty { text += " · \(p.detail)" }
    return text
  }

  /// `▕█████░░░░░░░░░░░▏`: the done share in 16 cells.
  static func progressBar(_ p: BackgroundTask.Progress) -> String {
    let width = 16
    let filled = Int((p.fraction * Double(width)).rounded(.down))
    return "▕" + String(repeating: "█", count: filled)
      + String(repeating: "░", count: width - filled) + "▏"
  }

  /// A prompt or a question replaces the status line while open.
  private static func drawInput(_ state: ExplorerState, _ status: Rect,
                                into grid: inout CellGrid) {
    let line = status.sliceTop(1).top
    if let prompt = state.prompt {
      grid.fill(line, with: Cell(" ", style: .statusBar))
      let shown = prompt.label + prompt.text
      // Keep the end of long input in view, with room for the cursor.
      let overflow = DisplayWidth.of(shown) + 1 - line.width
      let visible = overflow > 0 ? "…" + String(shown.suffix(
        max(0, shown.count - overflow - 1))) : shown
      let x = grid.put(visible, x: line.x, y: line.y, style: .statusBar,
                       clip: line)
      grid.set(Cell(" ", style: .selection.adding(.reverse)), x: x,
               y: line.y, clip: line)
      return
    }
    guard case .question(let question)? = state.overlay else { return }
    grid.fill(line, with: Cell(" ", style: .statusBar))
    let text: String
    switch question {
    case .restore(let steps, _):
      let n = steps.count
      let source = state.options.dataPath == nil ? "sample" : "file"
      text = "Restore \(n) unsaved edit\(n == 1 ? "" : "s") from the journal?"
        + " y restore · n start from the \(source)"
    case .quit:
      let n = state.history.unsavedCount
      text = "\(n) unsaved edit\(n == 1 ? "" : "s"): w save and quit · "
        + "d discard and quit · Esc cancel"
    }
    grid.put(TextFit.truncate(text, toWidth: line.width), x: line.x,
             y: line.y, style: .statusKey, clip: line)
  }
}
