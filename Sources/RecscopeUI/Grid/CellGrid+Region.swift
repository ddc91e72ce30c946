extension CellGrid {
  /// Runs `draw` on the part of the grid inside `rect`, in coordinates
  /// local to `rect`, and copies the result back.
  ///
  /// This is how a pane draws: it sees a grid exactly its size, with the
  /// origin at its top left, and cannot touch its neighbours. A wide
  /// character cut by the region's edge arrives as a space.
  ///
  /// - Complexity: O(area of `rect`) for the two copies.
  public mutating func withRegion<Result>(
    _ rect: Rect, _ draw: (inout CellGrid) throws -> Result
  ) rethrows -> Result {
    let area = rect.intersection(bounds)
    var region = CellGrid(size: area.size)
    region.blit(self, from: area, at: 0, y: 0)
    let result = try draw(&region)
    blit(region, from: region.bounds, at: area.x, y: area.y)
    return result
  }

  /// A new grid holding a copy of the cells in `rect`.
  public func region(_ rect: Rect) -> CellGrid {
    let area = rect.intersection(bounds)
    var region = CellGrid(size: area.size)
    region.blit(self, from: area, at: 0, y: 0)
    return region
  }

  /// Copies the cells of `source` inside `sourceRect` so that its top
  /// left lands on (`x`, `y`), clipped to this grid.
  public mutating func blit(
    _ source: CellGrid, from sourceRect: Rect? = nil, at x: Int, y: Int
  ) {
    let from = (sourceRect ?? source.bounds).intersection(source.bounds)
    guard !from.isEmpty else { return }
    let target = Rect(x: x, y: y, width: from.width, height: from.height)
    for row in 0..<from.height {
      for column in 0..<from.width {
        let cell = source[from.x + column, from.y + row]
        if cell.isContinuation {
          // Its lead is copied with it; alone, it was cut by the edge.
          if column == 0 {
            set(Cell(" ", style: cell.style), x: x, y: y + row, clip: target)
          }
          continue
        }
        set(cell, x: x + column, y: y + row, clip: target)
      }
    }
  }
}
