import RecscopeCore

/// The similarity heatmap: a window of sim(x, x′) around the matrix
/// selection, on a fixed scale so a colour means the same value before
/// and after an edit.
///
/// Row one is the inspector (`sim(ana, ben) = 0.82 · cosine · 5
/// co-rated`); row two the legend, drawn from the same bins as the cells,
/// with the cursor's value marked on it. Below, with 256 colours or more,
/// each character cell holds two rows of values as half blocks; with
/// fewer, one value per cell as a glyph, and the cursor in reverse video.
/// Only the visible window is computed.
///
/// TODO(heatmap): rows and columns are named only at the cursor (the
/// inspector line and the `▸` mark); ids along the edges, where there is
/// room, would help reading the window without moving.
struct HeatmapPane {
  let state: ExplorerState
  let content: Rect

  func draw(into grid: inout CellGrid) {
    let painter = HeatmapPainter(scale: state.heatScale, mode: state.colorMode)
    let side = state.basisRoster
    drawInspector(into: &grid)
    drawLegend(painter, into: &grid)
    guard !side.isEmpty else { return }

    let g = state.geometry
    let cells = g.heatCells
    let perCell = painter.valuesPerCell
    let cursorRow = state.heatRow
    let cursorColumn = state.heatColumn
    for cy in 0..<cells.height {
      let top = state.heatTop + cy * perCell
      guard top < side.count else { break }
      let rowsHere = top..<min(side.count, top + perCell)
      // One similarity row per heatmap row: computed once, then cached
      // by the engine until an edit touches it.
      let sims = rowsHere.map { state.engine.similarityRow(side[$0]) }
      if rowsHere.contains(cursorRow) {
        grid.put(perCell == 2 ? (cursorRow == top ? "▸" : "▹") : "▸",
                 x: cells.x - 1, y: cells.y + cy, style: .header, clip: content)
      }
      for cx in 0..<cells.width {
        let c = state.heatLeft + cx
        guard c < side.count else { break }
        let x2 = side[c]
        let values = sims.map { $0[x2] }
        var cell = perCell == 2
          ? painter.halfBlock(top: values[0], bottom: values.count > 1 ? values[1] : nil)
          : painter.cell(for: values[0])
        let marked = !state.changedPairs.isEmpty && rowsHere.contains {
          state.changedPairs.contains(.init(a: side[$0], b: x2))
        }
        let cursorHere = c == cursorColumn && rowsHere.contains(cursorRow)
        if cursorHere {
          cell = cursorCell(painter, value: values[cursorRow - top], base: cell)
        } else if marked {
          cell = markedCell(painter, values: values, base: cell)
        }
        grid.set(cell, x: cells.x + cx, y: cells.y + cy, clip: content)
      }
    }
  }

  /// The cursor: `×` on the cursor value's colour with half blocks;
  /// the glyph in reverse video without them.
  private func cursorCell(_ painter: HeatmapPainter, value: Double,
                          base: Cell) -> Cell {
    let plain = painter.cell(for: value)
    if painter.valuesPerCell == 2 {
      var style = plain.style
      style.foreground = Self.contrast(on: value, painter.scale)
      style.attributes.insert(.bold)
      return Cell("×", style: style)
    }
    return Cell(plain.character, style: plain.style.adding(.reverse))
  }

  /// A bin colour that stands out on `value`'s own: the ramp's darkest
  /// on a light bin, its lightest on a dark one. White marks vanish on
  /// the yellow end of viridis; the ramp's own extremes never do.
  static func contrast(on value: Double, _ scale: HeatScale) -> ColorRole {
    let ramp = scale.ramp
    let bins = 0..<ramp.binCount
    let light = { (bin: Int) in ramp.color(ofBin: bin).lightness }
    let darkest = bins.min { light($0) < light($1) } ?? 0
    let lightest = bins.max { light($0) < light($1) } ?? 0
    let bin = ramp.bin(for: value) ?? 0
    return scale.role(ofBin: light(bin) > 55 ? darkest : lightest)
  }

  /// A value the last edit changed: `•` in the change colour over the
  /// cell's own; underlined glyph without half blocks.
  private func markedCell(_ painter: HeatmapPainter, values: [Double],
                          base: Cell) -> Cell {
    let plain = painter.cell(for: values[0])
    if painter.valuesPerCell == 2 {
      var style = plain.style
      style.foreground = Self.contrast(on: values[0], painter.scale)
      style.attributes.insert(.bold)
      return Cell("•", style: style)
    }
    var style = plain.style
    if style.foreground == .normal { style.foreground = .changed }
    style.attributes.insert(.underline)
    return Cell(plain.character, style: style)
  }

  /// `sim(u12, u40) = 0.82 · cosine · 5 co-rated`.
  private func drawInspector(into grid: inout CellGrid) {
    guard let s = state.cursorSimilarity() else {
      grid.put("nothing to compare yet", x: content.x, y: content.y,
               style: .dim, clip: content)
      return
    }
    let text = "sim(\(s.xID), \(s.otherID)) = \(display(s.value, digits: 2))"
      + " · \(s.measure.rawValue) · \(s.entries.count) co-rated"
    grid.put(TextFit.truncate(text, toWidth: content.width), x: content.x,
             y: content.y, style: .header, clip: content)
  }

  /// `0 ▕bins▏ 1`, with the cursor's bin marked.
  private func drawLegend(_ painter: HeatmapPainter,
                          into grid: inout CellGrid) {
    let ramp = painter.scale.ramp
    let low = display(ramp.domain.lowerBound)
    let high = display(ramp.domain.upperBound)
    let y = content.y + 1
    let barWidth = content.width - low.count - high.count - 2
    guard barWidth >= 2 else { return }
    var x = grid.put(low + " ", x: content.x, y: y, style: .dim, clip: content)
    let bar = painter.legend(width: barWidth)
    var marker: Int?
    if let s = state.cursorSimilarity(), let bin = ramp.bin(for: s.value) {
      // The legend column showing that very bin, else the nearest.
      let binAt = { (k: Int) in k * (ramp.binCount - 1) / (barWidth - 1) }
      marker = (0..<barWidth).min {
        (abs(binAt($0) - bin), $0) < (abs(binAt($1) - bin), $1)
      }
    }
    for (k, cell) in bar.enumerated() {
      var drawn = cell
      if k == marker {
        if painter.valuesPerCell == 2, let s = state.cursorSimilarity() {
          var style = cell.style
          style.foreground = Self.contrast(on: s.value, painter.scale)
          style.attributes.insert(.bold)
          drawn = Cell("┃", style: style)
        } else {
          drawn = Cell(cell.character, style: cell.style.adding(.reverse))
        }
      }
      grid.set(drawn, x: x + k, y: y, clip: content)
    }
    x += barWidth
    grid.put(" " + high, x: x, y: y, style: .dim, clip: content)
  }
}
