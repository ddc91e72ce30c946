/// What the terminal currently shows, as far as we know, and what to
/// write to show the next frame.
///
/// The terminal adapter owns one. Each frame it asks for the update from
/// the last grid it drew to the new one; after a resize, or anything else
/// that may have disturbed the screen, it calls ``invalidate()`` and the
/// next update repaints everything.
public struct Screen: Sendable {
  private var shown: CellGrid?

  public init() {}

  /// The grid on screen after the last ``update(to:)``.
  public var current: CellGrid? { shown }

  /// The writes that turn the screen into `grid`; records `grid` as
  /// shown.
  ///
  /// - Complexity: O(cells of `grid`).
  public mutating func update(to grid: CellGrid) -> FrameUpdate {
    defer { shown = grid }
    guard let shown, shown.size == grid.size else {
      return .fullRepaint(of: grid)
    }
    return .changes(from: shown, to: grid)
  }

  /// Forgets what is on screen, so the next update repaints it all.
  public mutating func invalidate() { shown = nil }
}
