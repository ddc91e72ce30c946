/// A style as the terminal draws it: concrete colours and attributes.
public struct ResolvedStyle: Hashable, Sendable {
  public var foreground: TerminalColor
  public var background: TerminalColor
  public var attributes: Attributes

  public init(
    foreground: TerminalColor, background: TerminalColor,
    attributes: Attributes
  ) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }
}
