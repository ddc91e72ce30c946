import RecscopeCore

/// Draws whatever covers the panes: help, an explanation, an item's
/// features or the settings, each in a heavy box over the pane area.
struct OverlayView {
  let state: ExplorerState
  /// The area the overlay may cover (everything but the status line).
  let area: Rect

  func draw(_ overlay: Overlay, into grid: inout CellGrid) {
    switch overlay {
    case .help(let pane, let top):
      drawText(title: "Help: \(pane.title)", lines: HelpText.lines(for: pane),
               top: top, footer: "Esc close · ↑↓ scroll", into: &grid)
    case .labHelp(let top):
      drawText(title: "Help: Lab", lines: HelpText.labLines, top: top,
               footer: "Esc close · ↑↓ scroll", into: &grid)
    case .explanation(let text):
      drawText(title: text.title, lines: text.lines, top: text.top,
               footer: "Esc close · y copy · ↑↓ scroll", into: &grid)
    case .features(let item, let cursor):
      drawFeatures(item: item, cursor: cursor, into: &grid)
    case .settings(let cursor):
      drawSettings(cursor: cursor, into: &grid)
    case .question:
      break
    }
  }

  /// The box, cleared, with title and footer; returns its inside.
  private func box(title: String, footer: String, wanted: Int,
                   into grid: inout CellGrid) -> Rect {
    let margin = area.width >= 60 ? 2 : 0
    let width = area.width - 2 * margin
    let height = min(area.height, wanted + 2)
    let rect = Rect(x: area.x + margin, y: area.y, width: width, height: height)
    // A blank gutter keeps the panes' lines from running into the box.
    let gutter = Rect(x: rect.x - 1, y: rect.y, width: rect.width + 2,
                      height: rect.height + 1)
    grid.fill(gutter.intersection(area), with: .blank)
    grid.drawBox(rect, title: title, lines: .heavy, style: .focusBorder)
    let room = rect.width - 4
    if room >= DisplayWidth.of(footer) + 2, rect.height >= 2 {
      let text = " \(footer) "
      grid.put(text, x: rect.maxX - 2 - DisplayWidth.of(text),
               y: rect.maxY - 1, style: .dim, clip: rect)
    }
    return rect.inset(horizontal: 2, vertical: 1)
  }

  private func drawText(title: String, lines: [String], top: Int,
                        footer: String, into grid: inout CellGrid) {
    let inside = box(title: title, footer: footer, wanted: lines.count,
                     into: &grid)
    guard inside.height > 0 else { return }
    let first = min(top, max(0, lines.count - inside.height))
    for (k, line) in lines.dropFirst(first).prefix(inside.height).enumerated() {
      grid.put(line, x: inside.x, y: inside.y + k, clip: inside)
    }
  }

  private func drawFeatures(item: Int, cursor: Int, into grid: inout CellGrid) {
    let catalog = state.engine.catalog
    let values = catalog.features(of: ItemIndex(item))
    let names = catalog.featureNames
    let inside = box(
      title: "Features of \(state.itemID(item)) \(state.itemName(item))",
      footer: "Space toggle · 0-9 set · = value · Esc", wanted: names.count + 2,
      into: &grid)
    guard inside.height > 0 else { return }
    let nameWidth = min(names.map(DisplayWidth.of).max() ?? 4, 20)
    let first = ExplorerState.scroll(0, cursor: cursor, visible: inside.height - 2)
    for (k, f) in names.indices.dropFirst(first).prefix(inside.height - 2)
      .enumerated()
    {
      let v = values[f]
      let box = v == 0 ? "[ ]" : v == 1 ? "[x]" : "[~]"
      let line = "\(box) \(TextFit.fit(names[f], width: nameWidth))  "
        + display(v)
      grid.put(line, x: inside.x, y: inside.y + k,
               style: f == cursor ? .selection : .normal, clip: inside)
    }
    let algorithm = state.engine.settings.algorithm
    let note = algorithm == .content || algorithm == .hybrid
      ? "content and hybrid scores update as you edit"
      : "used by the content and hybrid algorithms (s to switch)"
    grid.put(note, x: inside.x, y: inside.maxY - 1, style: .dim, clip: inside)
  }

  private func drawSettings(cursor: Int, into grid: inout CellGrid) {
    let fields = SettingField.allCases
    let settings = state.engine.settings
    let inside = box(title: "Settings", footer: "←→ change · Enter type · u undo · Esc",
                     wanted: fields.count + 2, into: &grid)
    guard inside.height > 0 else { return }
    let first = ExplorerState.scroll(0, cursor: cursor, visible: inside.height)
    for (k, field) in fields.enumerated().dropFirst(first)
      .prefix(inside.height).map(\.element).enumerated()
    {
      let line = TextFit.fit(field.name, width: 19)
        + TextFit.fit(field.value(in: settings), width: 17) + field.help
      grid.put(line, x: inside.x, y: inside.y + k,
               style: field == fields[cursor] ? .selection : .normal,
               clip: inside)
    }
  }
}
