/// How many colours the screen may use.
public enum ColorMode: String, CaseIterable, Comparable, Sendable {
  /// No colour at all: attributes and glyphs carry every meaning.
  case none
  /// The eight ANSI colours, whose shades follow the reader's theme.
  case basic8
  /// The xterm 256-colour palette (see ``XtermPalette``).
  case palette256
  /// 24-bit colour.
  case trueColor

  public static func < (a: ColorMode, b: ColorMode) -> Bool {
    a.depth < b.depth
  }

  private var depth: Int {
    switch self {
    case .none: 0
    case .basic8: 1
    case .palette256: 2
    case .trueColor: 3
    }
  }

  /// Whether colour alone can tell heatmap bins apart in this mode; when
  /// it cannot, heatmaps add glyphs (see ``HeatmapPainter``).
  public var distinguishesBins: Bool { self >= .palette256 }
}

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
