import CNcursesw
import Glibc
import RecscopeUI

/// Every call ``CursesTerminal`` makes outside its own state: the
/// ncursesw calls (see `Curses`), and the few POSIX ones around them that
/// check for a terminal, set the locale, arm the rescue and write raw
/// bytes.
///
/// `NcursesCalls` forwards each to the C library; a test hands the
/// terminal a double that records them and scripts the answers, so the
/// adapter's logic (what it writes, which pairs it defines, which keys it
/// reports) runs without a terminal. The window curses draws in stays
/// inside the implementation.
protocol CursesCalls: AnyObject {
  /// Whether standard input and output are both terminals.
  func isTerminal() -> Bool

  /// Sets the locale from the environment; returns its name.
  func setLocaleFromEnvironment() -> String

  /// Records the terminal modes for the rescue, before curses changes
  /// them.
  func saveTerminalModes()

  /// Stores the bytes that undo the screen and installs the handlers
  /// that write them (see `TerminalRescue`).
  func armRescue(restoreBytes: [UInt8])

  /// Undoes ``armRescue(restoreBytes:)`` after a normal stop.
  func disarmRescue()

  /// Brackets a wait for input, during which a termination signal is
  /// left to the loop.
  func setWaitingForInput(_ waiting: Bool)

  /// The termination signal that arrived while waiting, or 0.
  func takePendingSignal() -> Int32

  /// Writes `bytes` to the terminal directly, past curses.
  func writeOutput(_ bytes: [UInt8])

  /// Opens the screen; false when curses does not know the terminal.
  func openScreen() -> Bool

  /// Keys one at a time, unechoed, function keys decoded, a lone Esc
  /// after `escapeDelay` milliseconds.
  func configureInput(escapeDelay: Int32)

  /// Binds the Home and End sequences terminfo entries often lack.
  func defineExtraKeys()

  func hideCursor()

  /// Starts colour if the terminal has it: the colour and pair counts
  /// (0 without colour), and whether -1 may name the default colours.
  func startColors() -> (colors: Int, pairs: Int, defaults: Bool)

  func definePair(
    _ number: Int32, foreground: Int32, background: Int32
  ) -> Bool

  /// Reports presses of button 1 and the wheel; false if refused.
  func enableMouse() -> Bool

  /// The screen size.
  func size() -> Size

  /// Blanks the screen and makes the next refresh clear the terminal.
  func clear()

  /// Writes one cell: a base character and up to three combining ones,
  /// zero-terminated.
  func put(
    _ characters: [wchar_t], x: Int, y: Int, attributes: attr_t,
    pair: Int32)

  /// Sends what was written to the terminal.
  func refresh()

  /// Waits up to `milliseconds` for input.
  func read(milliseconds: Int32) -> Curses.Input

  /// The mouse action behind a `KEY_MOUSE`, if it is one we report.
  func mouseEvent() -> MouseEvent?

  /// Closes the screen (`endwin`).
  func end()

  /// The bytes of a terminfo string capability, or `nil`.
  func capability(_ name: String) -> [UInt8]?

  /// Columns the C library gives `scalar`; -1 when it cannot print it.
  func columns(of scalar: Unicode.Scalar) -> Int
}
