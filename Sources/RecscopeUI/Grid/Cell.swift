/// One character cell of the screen grid panes draw into.
///
/// A wide character (see ``DisplayWidth``) occupies two cells: the first
/// holds the character, the second is a *continuation* that holds nothing
/// of its own and is never drawn. ``CellGrid`` keeps the two together.
public struct Cell: Hashable, Sendable {
  /// What the cell shows; never a control or zero-width character.
  public private(set) var character: Character
  public var style: Style
  /// Whether this is the right half of a wide character.
  public private(set) var isContinuation: Bool
  /// The character's columns, measured once: the grid asks for them on
  /// every write, and measuring a `Character` is not cheap.
  private var columns: UInt8

  /// A cell showing `character`, made safe by ``TextSanitizer`` first.
  public init(_ character: Character = " ", style: Style = .normal) {
    let safe = TextSanitizer.cellCharacter(character)
    self.character = safe
    self.style = style
    self.isContinuation = false
    self.columns = safe.isASCII ? 1 : UInt8(DisplayWidth.of(safe))
  }

  /// A cell for a grapheme ``TextSanitizer/displayGraphemes(_:)``
  /// already made safe and measured.
  init(sanitized character: Character, width: Int, style: Style) {
    self.character = character
    self.style = style
    self.isContinuation = false
    self.columns = UInt8(width)
  }

  init(continuationWith style: Style) {
    self.character = " "
    self.style = style
    self.isContinuation = true
    self.columns = 0
  }

  /// An empty cell in the terminal's own colours.
  public static let blank = Cell()

  /// Columns this cell's character takes: 1 or 2, and 0 for a
  /// continuation.
  public var width: Int { Int(columns) }
}
