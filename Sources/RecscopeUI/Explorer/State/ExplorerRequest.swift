/// Something the state wants done outside itself, collected for the loop
/// to carry out after drawing (the state never writes to the terminal).
public enum ExplorerRequest: Equatable, Sendable {
  /// Put text on the clipboard with OSC 52.
  case clipboard(String)
}
