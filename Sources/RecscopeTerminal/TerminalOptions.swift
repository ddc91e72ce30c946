import RecscopeUI

/// How ``CursesTerminal`` sets the screen up.
public struct TerminalOptions: Sendable {
  /// The `--color` choice.
  public var color: ColorOption
  /// The process environment, read for colour detection (`NO_COLOR`,
  /// `COLORTERM`, `TERM`).
  public var environment: [String: String]
  /// Whether to report clicks and the wheel. Off leaves the terminal's
  /// own text selection working.
  public var mouse: Bool
  /// How long a lone Esc waits for the rest of an escape sequence.
  public var escapeDelay: Duration

  public init(
    color: ColorOption = .auto,
    environment: [String: String] = [:],
    mouse: Bool = true,
    escapeDelay: Duration = .milliseconds(25)
  ) {
    self.color = color
    self.environment = environment
    self.mouse = mouse
    self.escapeDelay = escapeDelay
  }
}
