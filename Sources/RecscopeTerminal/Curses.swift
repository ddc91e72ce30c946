import CNcursesw
import Glibc
import RecscopeUI

/// Swift faces for the ncursesw calls the terminal makes, one C call (or
/// one tightly bound group) each.
///
/// Keeping them here, with Swift types at the boundary, leaves the logic
/// in ``CursesTerminal`` readable. The terminal reaches them through
/// ``CursesCalls`` (`NcursesCalls` forwards here), so that tests can
/// stand a recording double in their place.
enum Curses {
  typealias Window = UnsafeMutablePointer<WINDOW>

  /// Raw input as `wget_wch` reports it.
  enum Input {
    case timeout
    case character(UInt32)
    case keyCode(Int32)
  }

  /// Opens the screen on standard output and input, without the exit
  /// that `initscr` performs when `TERM` is unknown.
  static func openScreen() -> Window? {
    guard let output = fdopen(STDOUT_FILENO, "w"),
      let input = fdopen(STDIN_FILENO, "r"),
      newterm(nil, output, input) != nil
    else { return nil }
    return rs_stdscr()
  }

  /// Keys arrive one at a time, unechoed, with function keys decoded; a
  /// lone Esc arrives after `escapeDelay` milliseconds instead of 1 s.
  static func configureInput(_ window: Window, escapeDelay: Int32) {
    _ = cbreak()
    _ = noecho()
    _ = nonl()
    _ = keypad(window, true)
    _ = intrflush(window, false)
    _ = set_escdelay(escapeDelay)
  }

  /// Teaches curses the Home and End sequences that terminals send but
  /// their terminfo entries do not list (tmux sends `ESC [1~` whatever
  /// `TERM` says). Sequences the entry already binds are left alone.
  static func defineExtraKeys() {
    let extra: [(String, Int32)] = [
      ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME),
      ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
      ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END),
      ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
    ]
    for (sequence, code) in extra where key_defined(sequence) == 0 {
      _ = define_key(sequence, code)
    }
  }

  /// Hides the cursor and stops curses from moving it back after writes.
  static func hideCursor(_ window: Window) {
    _ = curs_set(0)
    _ = leaveok(window, true)
  }

  /// Starts colour if the terminal has it.
  ///
  /// - Returns: the colour and pair counts (0 without colour), and
  ///   whether -1 may name the terminal's default colours.
  static func startColors() -> (colors: Int, pairs: Int, defaults: Bool) {
    guard has_colors(), start_color() == OK else { return (0, 0, false) }
    let defaults = use_default_colors() == OK
    return (Int(rs_colors()), Int(rs_color_pairs()), defaults)
  }

  static func definePair(
    _ number: Int32, foreground: Int32, background: Int32
  ) -> Bool {
    init_extended_pair(number, foreground, background) == OK
  }

  /// Reports button-1 presses and the wheel, at once rather than after a
  /// click interval.
  static func enableMouse() -> Bool {
    let wanted = RS_BUTTON1_PRESSED | RS_BUTTON4_PRESSED | RS_BUTTON5_PRESSED
    let granted = mousemask(wanted, nil)
    _ = mouseinterval(0)
    return granted != 0
  }

  static func size(_ window: Window) -> Size {
    Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
  }

  /// Blanks the window and makes the next refresh clear the terminal.
  static func clear(_ window: Window) { _ = wclear(window) }

  /// Writes one character cell: `characters` is a base character and up
  /// to three combining ones, zero-terminated.
  static func put(
    _ characters: [wchar_t], x: Int, y: Int, attributes: attr_t,
    pair: Int32, window: Window
  ) {
    var cell = cchar_t()
    var pairNumber = pair
    _ = setcchar(&cell, characters, attributes, 0, &pairNumber)
    // The bottom-right cell reports an error because the cursor cannot
    // advance past it; the character is drawn all the same.
    _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
  }

  static func refresh(_ window: Window) {
    _ = wnoutrefresh(window)
    _ = doupdate()
  }

  /// Waits up to `milliseconds` for input.
  static func read(_ window: Window, milliseconds: Int32) -> Input {
    wtimeout(window, milliseconds)
    var code: wint_t = 0
    switch wget_wch(window, &code) {
    case OK: return .character(code)
    case KEY_CODE_YES: return .keyCode(Int32(bitPattern: code))
    default: return .timeout
    }
  }

  /// The mouse action behind a `KEY_MOUSE`, if it is one we report.
  static func mouseEvent() -> MouseEvent? {
    var event = MEVENT()
    guard getmouse(&event) == OK else { return nil }
    return mouseEvent(buttons: event.bstate, x: Int(event.x), y: Int(event.y))
  }

  /// The action `getmouse` reports as `buttons` at (`x`, `y`), if it is
  /// one we report; a press of button 1 wins over the wheel.
  static func mouseEvent(buttons: mmask_t, x: Int, y: Int) -> MouseEvent? {
    if buttons & RS_BUTTON1_PRESSED != 0 {
      return MouseEvent(.press, x: x, y: y)
    }
    if buttons & RS_BUTTON4_PRESSED != 0 {
      return MouseEvent(.wheelUp, x: x, y: y)
    }
    if buttons & RS_BUTTON5_PRESSED != 0 {
      return MouseEvent(.wheelDown, x: x, y: y)
    }
    return nil
  }

  static func end() { _ = endwin() }

  /// The bytes of a terminfo string capability, padding removed, or
  /// `nil` if the terminal lacks it.
  static func capability(_ name: String) -> [UInt8]? {
    guard let value = tigetstr(name), Int(bitPattern: value) != -1 else {
      return nil
    }
    var bytes = Array(String(cString: value).utf8)
    // "$<5>" and the like are delays for slow terminals, meant for tputs.
    while let start = bytes.firstIndex(of: UInt8(ascii: "$")),
      start + 1 < bytes.count, bytes[start + 1] == UInt8(ascii: "<"),
      let end = bytes[start...].firstIndex(of: UInt8(ascii: ">"))
    {
      bytes.removeSubrange(start...end)
    }
    return bytes
  }

  /// Columns the C library gives `scalar` in the current locale; -1 when
  /// it cannot print it.
  static func columns(of scalar: Unicode.Scalar) -> Int {
    Int(rs_wcwidth(wchar_t(bitPattern: scalar.value)))
  }

  static let bold = RS_A_BOLD
  static let dim = RS_A_DIM
  static let reverse = RS_A_REVERSE
  static let underline = RS_A_UNDERLINE
}
