import CNcursesw
import Glibc
import RecscopeUI

extension CursesTerminal {
  /// Shows `grid`, writing only the cells that changed since the last
  /// frame (everything after a resize or ``invalidate()``).
  ///
  /// A grid of another size than the screen is drawn clipped, or leaves
  /// the rest blank; the next resize key says when to redraw at the new
  /// size.
  public func draw(_ grid: CellGrid) {
    guard isActive else { return }
    if !write(screen.update(to: grid)) {
      // Pair numbers ran out mid-frame: start numbering again and repaint
      // once. A frame that alone needs more pairs than the terminal has
      // shows its excess cells in default colours.
      pairs.reset()
      screen.invalidate()
      _ = write(screen.update(to: grid))
    }
    calls.refresh()
  }

  /// Writes `update`; false if colour pairs ran out on the way.
  private func write(_ update: FrameUpdate) -> Bool {
    if update.isFullRepaint { calls.clear() }
    let palette = self.palette
    var pairsLasted = true
    for run in update.runs {
      for (offset, cell) in run.cells.enumerated() where !cell.isContinuation {
        let style = palette.resolve(cell.style)
        let pair = colorPair(for: style, lasted: &pairsLasted)
        let attributes = Self.cursesAttributes(style.attributes)
        let (characters, padded) = glyph(for: cell)
        let x = run.x + offset
        calls.put(
          characters, x: x, y: run.y, attributes: attributes, pair: pair)
        if padded {
          calls.put(
            [0x20, 0], x: x + 1, y: run.y, attributes: attributes,
            pair: pair)
        }
      }
    }
    return pairsLasted
  }

  /// The pair for a resolved style, defined on first use.
  private func colorPair(
    for style: ResolvedStyle, lasted: inout Bool
  ) -> Int32 {
    guard colorMode != .none else { return 0 }
    let foreground = cursesColor(style.foreground, foreground: true)
    let background = cursesColor(style.background, foreground: false)
    switch pairs.pair(foreground: foreground, background: background) {
    case .existing(let number):
      return number
    case .new(let number):
      _ = calls.definePair(
        number, foreground: foreground, background: background)
      return number
    case .exhausted:
      lasted = false
      return 0
    }
  }

  /// The curses colour number of `color`.
  ///
  /// `colorMode` never exceeds what the terminal reports, so indices fit
  /// and RGB only appears with direct colour; the other branches keep a
  /// wrong combination from drawing garbage.
  private func cursesColor(_ color: TerminalColor, foreground: Bool) -> Int32 {
    switch color {
    case .terminalDefault:
      guard defaultColors else {
        return Int32(foreground ? COLOR_WHITE : COLOR_BLACK)
      }
      return -1
    case .indexed(let index):
      return Int(index) < reportedColors ? Int32(index) : -1
    case .rgb(let rgb):
      if directColor {
        return Int32(rgb.red) << 16 | Int32(rgb.green) << 8 | Int32(rgb.blue)
      }
      return reportedColors >= 256
        ? Int32(XtermPalette.nearestIndex(to: rgb)) : -1
    }
  }

  static func cursesAttributes(_ attributes: Attributes) -> attr_t {
    var result: attr_t = 0
    if attributes.contains(.bold) { result |= Curses.bold }
    if attributes.contains(.dim) { result |= Curses.dim }
    if attributes.contains(.reverse) { result |= Curses.reverse }
    if attributes.contains(.underline) { result |= Curses.underline }
    return result
  }

  /// The characters to hand curses for `cell`, zero-terminated, and
  /// whether a space must follow to fill the cell's second column.
  ///
  /// Our width table and the C library's `wcwidth` can disagree (see
  /// `DisplayWidth`); curses lays the screen out by `wcwidth`, so the
  /// cell is drawn in a way both agree on: a base character that the C
  /// library finds narrower is followed by a space, and one it finds
  /// wider, or cannot print, becomes U+FFFD. Combining marks ride along
  /// with their base, up to the four curses allows. Outside a UTF-8
  /// locale every cell becomes ASCII (see `AsciiFallback`).
  func glyph(for cell: Cell) -> (characters: [wchar_t], padded: Bool) {
    guard unicode else {
      let ascii = AsciiFallback.character(for: cell.character)
      return ([wchar_t(ascii.asciiValue ?? 0x3F), 0], cell.width == 2)
    }
    let scalars = Array(cell.character.unicodeScalars)
    guard let base = scalars.first else { return ([0x20, 0], false) }
    let columns = calls.columns(of: base)
    if columns == cell.width {
      var characters = [wchar_t(bitPattern: base.value)]
      for mark in scalars.dropFirst()
      where characters.count < Int(CCHARW_MAX) - 1
        && mark.value != 0x200D && calls.columns(of: mark) == 0
      {
        characters.append(wchar_t(bitPattern: mark.value))
      }
      return (characters + [0], false)
    }
    if columns == 1 {
      return ([wchar_t(bitPattern: base.value), 0], true)
    }
    let replacement: wchar_t =
      calls.columns(of: "\u{FFFD}") == 1 ? 0xFFFD : 0x3F
    return ([replacement, 0], cell.width == 2)
  }
}
