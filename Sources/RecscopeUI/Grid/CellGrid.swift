/// A width×height buffer of cells that panes draw into, with no terminal
/// behind it.
///
/// Drawing never fails: text is sanitised (see ``TextSanitizer``), and
/// anything outside the grid or the given clip rect is dropped, whatever
/// the coordinates or sizes. A wide character always occupies a lead
/// cell and a continuation cell; writing over either half blanks the
/// other, so rows never shift. A wide character cut by an edge shows as
/// a space in the visible column.
///
/// The terminal adapter copies a finished grid to the screen; tests read
/// it back as text (see ``textRows``).
public struct CellGrid: Hashable, Sendable {
  public let size: Size
  private(set) var cells: [Cell]

  /// A grid of `size` filled with `fill`.
  public init(size: Size, fill: Cell = .blank) {
    let filler = fill.width == 1 ? fill : Cell(" ", style: fill.style)
    self.size = size
    self.cells = Array(repeating: filler, count: size.width * size.height)
  }

  public init(width: Int, height: Int, fill: Cell = .blank) {
    self.init(size: Size(width: width, height: height), fill: fill)
  }

  public var width: Int { size.width }
  public var height: Int { size.height }
  /// The whole grid as a rect at the origin.
  public var bounds: Rect { Rect(size: size) }

  /// The cell at (`x`, `y`); a blank cell outside the grid.
  public subscript(x: Int, y: Int) -> Cell {
    bounds.contains(x: x, y: y) ? cells[y * width + x] : .blank
  }

  /// Puts one cell at (`x`, `y`), clipped like ``put(_:x:y:style:clip:)``.
  public mutating func set(_ cell: Cell, x: Int, y: Int, clip: Rect? = nil) {
    let area = clipArea(clip)
    guard !cell.isContinuation, area.contains(x: x, y: y) else { return }
    if cell.width == 2, x + 1 >= area.maxX {
      place(Cell(" ", style: cell.style), x: x, y: y)
    } else {
      place(cell, x: x, y: y)
    }
  }

  /// Writes `text` from (`x`, `y`) to the right in `style`.
  ///
  /// The text is sanitised, then clipped to `clip` (if given) and to the
  /// grid. Coordinates may be negative or far outside: the visible part,
  /// if any, is drawn where it would be.
  ///
  /// - Returns: the column after the text, as if nothing were clipped,
  ///   so consecutive pieces can be chained.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, style: Style = .normal,
    clip: Rect? = nil
  ) -> Int {
    let area = clipArea(clip)
    if TextSanitizer.isPrintableASCII(text) {
      return putASCII(text, x: x, y: y, style: style, area: area)
    }
    let graphemes = TextSanitizer.displayGraphemes(text)
    var column = x
    guard y >= area.y, y < area.maxY else {
      return x + graphemes.reduce(0) { $0 + $1.width }
    }
    for (character, columns) in graphemes {
      defer { column += columns }
      if column >= area.maxX || column + columns <= area.x { continue }
      if column < area.x || column + columns > area.maxX {
        let visible = max(column, area.x)..<min(column + columns, area.maxX)
        for cut in visible {
          place(Cell(" ", style: style), x: cut, y: y)
        }
      } else {
        place(Cell(sanitized: character, width: columns, style: style),
              x: column, y: y)
      }
    }
    return column
  }

  /// ``put(_:x:y:style:clip:)`` for printable ASCII, one byte a cell:
  /// most text on screen (numbers, ids, keys), written without
  /// splitting it into graphemes.
  private mutating func putASCII(
    _ text: String, x: Int, y: Int, style: Style, area: Rect
  ) -> Int {
    let count = text.utf8.count
    guard y >= area.y, y < area.maxY else { return x + count }
    var column = x
    for byte in text.utf8 {
      defer { column += 1 }
      if column < area.x { continue }
      if column >= area.maxX { break }
      place(Cell(sanitized: Character(Unicode.Scalar(byte)), width: 1,
                 style: style),
            x: column, y: y)
    }
    return x + count
  }

  /// Fills `rect` (clipped to the grid) with copies of `cell`; a wide
  /// cell repeats every two columns, with a space in an odd last column.
  public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty, !cell.isContinuation else { return }
    let step = cell.width == 2 ? 2 : 1
    for row in area.y..<area.maxY {
      var column = area.x
      while column < area.maxX {
        set(cell, x: column, y: row, clip: area)
        column += step
      }
    }
  }

  /// Replaces the style of every cell in `rect`, keeping the characters;
  /// for highlighting a row that is already drawn.
  public mutating func setStyle(_ style: Style, in rect: Rect) {
    restyle(rect) { $0 = style }
  }

  /// Changes the style of every cell in `rect` with `change`.
  public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    for row in area.y..<area.maxY {
      for column in area.x..<area.maxX {
        change(&cells[row * width + column].style)
      }
    }
  }

  private func clipArea(_ clip: Rect?) -> Rect {
    clip.map { $0.intersection(bounds) } ?? bounds
  }

  /// Stores `cell` (one or two columns, known to fit) at (`x`, `y`), and
  /// blanks the other half of any wide character it overwrites.
  mutating func place(_ cell: Cell, x: Int, y: Int) {
    let columns = cell.width == 2 ? [x, x + 1] : [x]
    for column in columns { breakWideCharacter(at: column, y: y) }
    cells[y * width + x] = cell
    if cell.width == 2 {
      cells[y * width + x + 1] = Cell(continuationWith: cell.style)
    }
  }

  private mutating func breakWideCharacter(at x: Int, y: Int) {
    let index = y * width + x
    let current = cells[index]
    if current.isContinuation, x > 0 {
      cells[index - 1] = Cell(" ", style: cells[index - 1].style)
    } else if current.width == 2, x + 1 < width {
      cells[index + 1] = Cell(" ", style: cells[index + 1].style)
    }
    if current.isContinuation || current.width == 2 {
      cells[index] = Cell(" ", style: current.style)
    }
  }
}
