/// The bottom line: the keys that work in the focused pane, and a short
/// message.
///
/// `? help` always comes first and is never cut, so a reader who is lost
/// can always find the way out. The other hints follow in the order
/// given, most useful first, and drop from the end when the line is too
/// narrow. The message is right-aligned in whatever room is left, and
/// truncated with `…`.
public struct StatusLine: Equatable, Sendable {
  public static let help = KeyHint("?", "help")
  static let separator = 2

  public var hints: [KeyHint]
  public var message: String
  public var messageStyle: Style

  public init(
    hints: [KeyHint], message: String = "", messageStyle: Style = .statusBar
  ) {
    self.hints = hints.filter { $0 != Self.help }
    self.message = message
    self.messageStyle = messageStyle
  }

  /// The hints that fit in `width` columns, `? help` first.
  public func fittedHints(width: Int) -> [KeyHint] {
    var shown = [Self.help]
    var used = Self.help.width
    for hint in hints {
      let needed = Self.separator + hint.width
      guard used + needed <= width else { break }
      shown.append(hint)
      used += needed
    }
    return shown
  }

  /// Draws the line across `rect`'s top row.
  public func draw(into grid: inout CellGrid, rect: Rect) {
    let row = rect.sliceTop(1).top
    guard !row.isEmpty else { return }
    grid.fill(row, with: Cell(" ", style: .statusBar))
    guard row.width >= Self.help.width else {
      grid.put(Self.help.keys, x: row.x, y: row.y, style: .statusKey,
               clip: row)
      return
    }

    var x = row.x
    for (index, hint) in fittedHints(width: row.width).enumerated() {
      if index > 0 { x += Self.separator }
      x = grid.put(hint.keys, x: x, y: row.y, style: .statusKey, clip: row)
      x = grid.put(" " + hint.action, x: x, y: row.y, style: .statusBar,
                   clip: row)
    }

    let room = row.maxX - x - Self.separator
    guard !message.isEmpty, room >= 2 else { return }
    let shown = TextFit.truncate(message, toWidth: room)
    grid.put(shown, x: row.maxX - DisplayWidth.of(shown), y: row.y,
             style: messageStyle, clip: row)
  }
}
