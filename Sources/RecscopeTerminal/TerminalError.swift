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
