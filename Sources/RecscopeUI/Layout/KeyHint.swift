/// A key and what it does, as the status line shows it: `Tab pane`.
public struct KeyHint: Equatable, Sendable {
  public let keys: String
  public let action: String

  public init(_ keys: String, _ action: String) {
    self.keys = keys
    self.action = action
  }

  /// Columns the hint takes: keys, a space, the action.
  var width: Int { DisplayWidth.of(keys) + 1 + DisplayWidth.of(action) }
}
