/// The value of `--color`: `auto` or a fixed ``ColorMode``.
public enum ColorOption: Equatable, Sendable {
  case auto
  case fixed(ColorMode)

  /// The spellings `--color` accepts, for usage text.
  public static let spellings = "auto|24bit|256|8|none"

  /// Parses a `--color` value; case does not matter.
  ///
  /// - Throws: ``ColorOptionError`` quoting the value and listing the
  ///   accepted ones.
  public init(argument: String) throws(ColorOptionError) {
    switch argument.lowercased() {
    case "auto": self = .auto
    case "24bit", "truecolor": self = .fixed(.trueColor)
    case "256": self = .fixed(.palette256)
    case "8": self = .fixed(.basic8)
    case "none", "never", "0": self = .fixed(.none)
    default: throw ColorOptionError(value: argument)
    }
  }
}

/// A `--color` value that is not one of ``ColorOption/spellings``.
public struct ColorOptionError: Error, Equatable, CustomStringConvertible {
  public let value: String

  public var description: String {
    "invalid --color value \"\(value)\"; "
      + "expected one of \(ColorOption.spellings)"
  }
}
