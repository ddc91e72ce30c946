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

  /// A cell showing `character`, made safe by ``TextSanitizer`` first.
  public init(_ character: Character = " ", style: Style = .normal) {
    self.character = TextSanitizer.cellCharacter(character)
    self.style = style
    self.isContinuation = false
  }

  init(continuationWith style: Style) {
    self.character = " "
    self.style = style
    self.isContinuation = true
  }

  /// An empty cell in the terminal's own colours.
  public static let blank = Cell()

  /// Columns this cell's character takes: 1 or 2, and 0 for a
  /// continuation.
  public var width: Int {
    isContinuation ? 0 : DisplayWidth.of(character)
  }
}
