/// A sentence for the status line; thrown by actions that cannot go
/// ahead, so the person sees why instead of nothing happening.
public struct ExplorerMessage: Error, Equatable, Sendable,
  CustomStringConvertible
{
  public var text: String
  public var isError: Bool

  public init(_ text: String, isError: Bool = true) {
    self.text = text
    self.isError = isError
  }

  public var description: String { text }
}
