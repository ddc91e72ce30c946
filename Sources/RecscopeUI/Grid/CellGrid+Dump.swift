/// Plain and annotated text renderings of a grid, for tests and for the
/// headless `--dump-screen` mode.
extension CellGrid {
  /// Row `y` as text, each wide character once, trailing spaces trimmed.
  public func textRow(_ y: Int) -> String {
    guard y >= 0, y < height else { return "" }
    var text = ""
    for x in 0..<width {
      let cell = self[x, y]
      if !cell.isContinuation { text.append(cell.character) }
    }
    while text.last == " " { text.removeLast() }
    return text
  }

  /// Every row as text (see ``textRow(_:)``).
  public var textRows: [String] { (0..<height).map(textRow) }

  /// The rows joined by newlines, trailing blank rows kept so the height
  /// shows.
  public var text: String { textRows.joined(separator: "\n") }

  /// The text rows followed by one line per run of cells whose style is
  /// not ``Style/normal``:
  ///
  ///     ┌ Items ┐
  ///     └───────┘
  ///     --- styles
  ///     0 0-1 fg=focusBorder +bold
  ///     0 2-8 fg=header +bold
  ///
  /// Each style line gives the row, the first and last column, and the
  /// roles and attributes that differ from normal. A run never spans
  /// rows.
  public var styledText: String {
    var lines = textRows
    lines.append("--- styles")
    for y in 0..<height {
      var x = 0
      while x < width {
        let style = self[x, y].style
        var end = x
        while end + 1 < width, self[end + 1, y].style == style { end += 1 }
        if style != .normal {
          lines.append("\(y) \(x)-\(end) \(Self.describe(style))")
        }
        x = end + 1
      }
    }
    return lines.joined(separator: "\n")
  }

  static func describe(_ style: Style) -> String {
    var parts: [String] = []
    if style.foreground != .normal {
      parts.append("fg=\(style.foreground.name)")
    }
    if style.background != .normal {
      parts.append("bg=\(style.background.name)")
    }
    if !style.attributes.isEmpty {
      parts.append("+\(style.attributes.names)")
    }
    return parts.joined(separator: " ")
  }
}
