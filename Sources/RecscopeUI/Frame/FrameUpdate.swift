/// What the terminal must write to go from one frame to the next.
public struct FrameUpdate: Equatable, Sendable {
  /// When true the terminal clears the screen first and `runs` covers
  /// every row; after a resize, or when what is on screen is unknown.
  public let isFullRepaint: Bool
  public let runs: [CellRun]

  /// Whether nothing needs writing.
  public var isEmpty: Bool { !isFullRepaint && runs.isEmpty }

  /// Every row of `grid` as one run.
  public static func fullRepaint(of grid: CellGrid) -> FrameUpdate {
    let runs = (0..<grid.height).compactMap { y -> CellRun? in
      guard grid.width > 0 else { return nil }
      let cells = (0..<grid.width).map { grid[$0, y] }
      return CellRun(x: 0, y: y, cells: cells)
    }
    return FrameUpdate(isFullRepaint: true, runs: runs)
  }

  /// The runs of cells that differ between `old` and `new`, which must
  /// have the same size.
  ///
  /// A changed half of a wide character brings the other half into the
  /// run. Unchanged gaps of up to `mergeGap` cells between changes are
  /// written as part of one run, which costs less than moving the cursor.
  ///
  /// - Complexity: O(cells).
  public static func changes(
    from old: CellGrid, to new: CellGrid, mergeGap: Int = 0
  ) -> FrameUpdate {
    precondition(
      old.size == new.size,
      "FrameUpdate.changes: sizes \(old.size) and \(new.size) differ")
    var runs: [CellRun] = []
    for y in 0..<new.height {
      var changed = (0..<new.width).map { old[$0, y] != new[$0, y] }
      widenOverWideCharacters(&changed, old: old, new: new, y: y)
      var x = 0
      while x < new.width {
        guard changed[x] else {
          x += 1
          continue
        }
        var end = x
        var probe = x + 1
        while probe < new.width {
          if changed[probe] {
            end = probe
            probe += 1
          } else if probe - end <= mergeGap {
            probe += 1
          } else {
            break
          }
        }
        runs.append(
          CellRun(x: x, y: y, cells: (x...end).map { new[$0, y] }))
        x = end + 1
      }
    }
    return FrameUpdate(isFullRepaint: false, runs: runs)
  }

  /// Marks the lead of every changed continuation, and the continuation
  /// of every changed lead, in either frame.
  private static func widenOverWideCharacters(
    _ changed: inout [Bool], old: CellGrid, new: CellGrid, y: Int
  ) {
    for x in changed.indices where changed[x] {
      for grid in [old, new] {
        let cell = grid[x, y]
        if cell.isContinuation, x > 0 { changed[x - 1] = true }
        if cell.width == 2, x + 1 < changed.count { changed[x + 1] = true }
      }
    }
    // A lead marked above may itself pair with a continuation.
    for x in changed.indices where changed[x] && new[x, y].width == 2 {
      if x + 1 < changed.count { changed[x + 1] = true }
    }
  }
}
