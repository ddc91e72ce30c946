/// How a plot draws its lines in character cells.
///
/// Braille packs 2 × 4 dots into a cell, the finest grid a terminal font
/// gives; quadrant blocks pack 2 × 2 and survive fonts without braille;
/// ASCII puts one mark a cell and names each series by its mark, for any
/// terminal or a file read as plain text. With braille and blocks the
/// series are told apart by colour and by line pattern: solid, dashed,
/// dotted, dash-dot, in turn.
public enum PlotGlyphs: String, CaseIterable, Sendable {
  case braille
  case block
  case ascii

  /// Dots across one cell.
  var dotsAcross: Int { self == .ascii ? 1 : 2 }
  /// Dots down one cell.
  var dotsDown: Int {
    switch self {
    case .braille: return 4
    case .block: return 2
    case .ascii: return 1
    }
  }

  /// The marks of the ASCII set, one per series in turn.
  static let asciiMarks: [Character] = ["*", "o", "+", "x", "#", "@", "%", "="]

  /// Which dots of a line's run are drawn, per series in turn: the pattern
  /// repeats along the line, one entry a dot step.
  static let patterns: [[Bool]] = [
    [true],
    [true, true, false, false],
    [true, false],
    [true, true, true, false, true, false],
  ]

  /// The pattern of series `n`; ASCII lines are always solid.
  func pattern(ofSeries n: Int) -> [Bool] {
    self == .ascii ? [true] : Self.patterns[n % Self.patterns.count]
  }

  /// The character for a cell whose dots are the bits of `mask`, the dot
  /// at (row r, column c) being bit r·2 + c, drawn last by series
  /// `owner`; nil for an empty cell.
  func character(mask: UInt8, owner: Int) -> Character? {
    guard mask != 0 else { return nil }
    switch self {
    case .ascii:
      return Self.asciiMarks[owner % Self.asciiMarks.count]
    case .block:
      return Self.quadrants[Int(mask & 0x0F)]
    case .braille:
      var code: UInt32 = 0
      for bit in 0..<8 where mask & (1 << bit) != 0 {
        code |= Self.brailleBits[bit]
      }
      return Character(Unicode.Scalar(0x2800 + code)!)
    }
  }

  /// The braille dot of (row, column) at index row·2 + column: dots 1–3
  /// and 7 down the left, 4–6 and 8 down the right.
  private static let brailleBits: [UInt32] = [
    0x01, 0x08, 0x02, 0x10, 0x04, 0x20, 0x40, 0x80,
  ]

  /// Quadrant blocks by mask: top left 1, top right 2, bottom left 4,
  /// bottom right 8.
  private static let quadrants: [Character] = [
    " ", "▘", "▝", "▀", "▖", "▌", "▞", "▛",
    "▗", "▚", "▐", "▜", "▄", "▙", "▟", "█",
  ]

  /// The axis pieces: vertical, horizontal, corner, a tick on the y axis,
  /// a tick on the x axis.
  var axis: (vertical: Character, horizontal: Character, corner: Character,
             yTick: Character, xTick: Character) {
    self == .ascii ? ("|", "-", "+", "+", "+") : ("│", "─", "└", "┤", "┬")
  }
}
