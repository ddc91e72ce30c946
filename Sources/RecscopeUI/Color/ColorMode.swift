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
