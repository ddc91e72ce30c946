/// Fitting the panes to the screen: where their parts go, and scrolling
/// so that every cursor stays in view. Runs before each frame is drawn.
extension ExplorerState {
  /// Lays the frame out for the current size and scrolls to the cursors.
  public func prepareFrame() {
    clampCursors()
    var g = FrameGeometry(layout: ScreenLayout(size: size, focus: focus))
    if let content = g.layout.content(of: .matrix) {
      layOutMatrix(content, &g)
    }
    if let content = g.layout.content(of: .heatmap) {
      layOutHeatmap(content, &g)
    }
    if let content = g.layout.content(of: .recommendations) {
      let list = content.sliceTop(1).rest
      g.recList = list
      g.recRows = list.height
      recTop = Self.scroll(recTop, cursor: recCursor, visible: g.recRows)
    }
    geometry = g
  }

  private func layOutMatrix(_ content: Rect, _ g: inout FrameGeometry) {
    let longest = longestUserID()
    let idWidth = min(min(12, max(3, longest)) + 1, max(content.width / 3, 1))
    let body = content.sliceTop(2).rest
    let cells = body.sliceLeft(idWidth).rest
    g.matrixIDWidth = idWidth
    g.matrixCells = cells
    g.matrixRows = cells.height
    g.matrixColumns = cells.width / FrameGeometry.matrixColumnWidth
    matrixTop = Self.scroll(matrixTop, cursor: row, visible: g.matrixRows)
    matrixLeft = Self.scroll(matrixLeft, cursor: column,
                             visible: g.matrixColumns)
  }

  private func layOutHeatmap(_ content: Rect, _ g: inout FrameGeometry) {
    let grid = content.sliceTop(2).rest
    let cells = grid.sliceLeft(1).rest
    let perCell = HeatmapPainter(scale: heatScale, mode: colorMode).valuesPerCell
    g.heatCells = cells
    g.heatRows = cells.height * perCell
    g.heatColumns = cells.width
    // Half-block rows pair up from an even row, so a value never changes
    // halves as the window scrolls.
    heatTop = Self.scroll(heatTop, cursor: heatRow, visible: g.heatRows)
    if perCell == 2 { heatTop -= heatTop % 2 }
    heatLeft = Self.scroll(heatLeft, cursor: heatColumn,
                           visible: g.heatColumns)
  }

  /// The widest user id in columns, remeasured only when users come or
  /// go (measuring thousands of ids each frame would cost more than
  /// drawing it).
  private func longestUserID() -> Int {
    let count = roster.users.count
    if let cached = idWidthCache, cached.count == count { return cached.width }
    let width = roster.users.lazy.map { DisplayWidth.of(self.userID($0)) }
      .max() ?? 2
    idWidthCache = (count, width)
    return width
  }

  /// The least scroll that keeps `cursor` in a window of `visible`.
  static func scroll(_ top: Int, cursor: Int, visible: Int) -> Int {
    guard visible > 0 else { return max(0, cursor) }
    if cursor < top { return cursor }
    if cursor >= top + visible { return cursor - visible + 1 }
    return max(0, top)
  }

  /// Keeps every cursor on something that exists.
  func clampCursors() {
    row = Self.clamp(row, roster.users.count)
    column = Self.clamp(column, roster.items.count)
    heatColumn = Self.clamp(heatColumn, basisRoster.count)
    let recs = recommendationCache?.list.items.count
      ?? options.recommendationCount
    recCursor = Self.clamp(recCursor, recs)
  }

  static func clamp(_ value: Int, _ count: Int) -> Int {
    max(0, min(value, count - 1))
  }
}
