/// Consecutive cells of one row to write to the terminal, left to right.
///
/// A run starts on a full character (never on the right half of a wide
/// one) and ends after one, so the adapter can write it in one go.
public struct CellRun: Equatable, Sendable {
  public let x: Int
  public let y: Int
  /// The cells, continuations included; the adapter skips those.
  public let cells: [Cell]

  public init(x: Int, y: Int, cells: [Cell]) {
    self.x = x
    self.y = y
    self.cells = cells
  }

  /// The run's text, for tests.
  public var text: String {
    String(cells.filter { !$0.isContinuation }.map(\.character))
  }
}
