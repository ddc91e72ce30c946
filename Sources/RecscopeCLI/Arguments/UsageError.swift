/// A mistake in how a command was called. The user sees one sentence that
/// quotes the offending token and, where one can be guessed, the fix; the
/// process exits with status 2.
public enum UsageError: Error, Equatable, Sendable, CustomStringConvertible {
  case unknownCommand(String, suggestion: String?)
  case unknownOption(String, suggestion: String?)
  /// An option that needs a value was last, or followed by another option.
  case missingValue(option: String)
  /// A value that does not convert; `expected` ends "… expects …".
  case invalidValue(option: String, expected: String, got: String,
                    suggestion: String?)
  /// A flag written with a value, as in `--json=yes`.
  case unexpectedValue(option: String, got: String)
  /// A list with an empty item, as in `--users a,,b`.
  case emptyListItem(option: String, got: String)
  /// A required option that was not given, as its synopsis: `--out <dir>`.
  case missingOption(String)
  /// A required positional argument that was not given, as `<file>`.
  case missingArgument(String)
  case unexpectedArgument(String, suggestion: String?)
  /// A command's own sentence, such as a clash between two options.
  case message(String)

  public var description: String {
    switch self {
    case let .unknownCommand(token, suggestion):
      return "unknown command '\(token)'" + Self.guess(suggestion)
    case let .unknownOption(token, suggestion):
      return "unknown option '\(token)'" + Self.guess(suggestion)
    case let .missingValue(option):
      return "missing value for '\(option)'"
    case let .invalidValue(option, expected, got, suggestion):
      return "'\(option)' expects \(expected), got '\(got)'"
        + Self.guess(suggestion)
    case let .unexpectedValue(option, got):
      return "'\(option)' takes no value; write '\(option)' alone, "
        + "not '\(option)=\(got)'"
    case let .emptyListItem(option, got):
      return "'\(option)' has an empty item in '\(got)'; separate values "
        + "with single commas"
    case let .missingOption(synopsis):
      return "missing required option '\(synopsis)'"
    case let .missingArgument(synopsis):
      return "missing required argument '\(synopsis)'"
    case let .unexpectedArgument(token, suggestion):
      return "unexpected argument '\(token)'" + Self.guess(suggestion)
    case let .message(text):
      return text
    }
  }

  private static func guess(_ suggestion: String?) -> String {
    suggestion.map { "; did you mean '\($0)'?" } ?? ""
  }
}
