extension CellGrid {
  /// Draws a box along the edges of `rect` with an optional title in its
  /// top edge: `┌ Title ───┐`.
  ///
  /// Boxes smaller than 2×2 are not drawn. A title that does not fit is
  /// truncated with `…`; with less than three columns between the
  /// corners it is left out.
  public mutating func drawBox(
    _ rect: Rect,
    title: String? = nil,
    lines: BoxLines = .light,
    style: Style = .border,
    titleStyle: Style = .header
  ) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let glyph = lines.glyphs
    let horizontal = String(repeating: glyph[4], count: rect.width - 2)
    put(String(glyph[0]) + horizontal + String(glyph[1]),
        x: rect.x, y: rect.y, style: style)
    put(String(glyph[2]) + horizontal + String(glyph[3]),
        x: rect.x, y: rect.maxY - 1, style: style)
    for row in (rect.y + 1)..<(rect.maxY - 1) {
      set(Cell(glyph[5], style: style), x: rect.x, y: row)
      set(Cell(glyph[5], style: style), x: rect.maxX - 1, y: row)
    }

    guard let title, rect.width - 2 >= 3 else { return }
    let fitted = TextFit.truncate(title, toWidth: rect.width - 4)
    guard !fitted.isEmpty else { return }
    put(" " + fitted + " ", x: rect.x + 1, y: rect.y, style: titleStyle)
  }

  /// A horizontal line of `─` across `rect`'s top row.
  public mutating func drawHorizontalLine(
    _ rect: Rect, style: Style = .border
  ) {
    put(String(repeating: "─", count: rect.width),
        x: rect.x, y: rect.y, style: style, clip: rect)
  }

  /// A vertical line of `│` down `rect`'s left column.
  public mutating func drawVerticalLine(
    _ rect: Rect, style: Style = .border
  ) {
    for row in rect.y..<rect.maxY {
      set(Cell("│", style: style), x: rect.x, y: row, clip: rect)
    }
  }
}
