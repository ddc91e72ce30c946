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

/// Why the screen could not open, in words for the person at it.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
  /// Standard input or output is a file or a pipe.
  case notATerminal
  /// curses has no description of this `TERM`.
  case unknownTerminal(String?)
  /// ``CursesTerminal/start(_:)`` ran twice.
  case alreadyStarted

  public var description: String {
    switch self {
    case .notATerminal:
      "the explorer needs a terminal on standard input and output; "
        + "use --dump-screen to render without one"
    case .unknownTerminal(let name?):
      "cannot open a screen on terminal type \"\(name)\"; "
        + "try TERM=xterm-256color"
    case .unknownTerminal(nil):
      "cannot open a screen: TERM is not set; try TERM=xterm-256color"
    case .alreadyStarted:
      "the screen is already open"
    }
  }
}
