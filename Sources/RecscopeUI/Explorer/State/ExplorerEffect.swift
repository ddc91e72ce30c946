/// What a key asks of the loop that feeds the keys: the state has
/// already changed; the loop only draws, or stops.
public enum ExplorerEffect: Equatable, Sendable {
  /// Nothing visible changed.
  case none
  /// Draw a new frame.
  case redraw
  /// Leave the explorer with this exit status.
  case quit(Int32)
}
