import CNcursesw
import Glibc
import RecscopeUI

/// The real ``CursesCalls``: each call goes to ncursesw through `Curses`,
/// to `TerminalRescue`, or to the C library, on the window the screen
/// opened.
final class NcursesCalls: CursesCalls {
  private var window: Curses.Window?

  init() {}

  func isTerminal() -> Bool {
    isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
  }

  func setLocaleFromEnvironment() -> String {
    setlocale(LC_ALL, "").map { String(cString: $0) } ?? "C"
  }

  func saveTerminalModes() { TerminalRescue.saveModes(of: STDOUT_FILENO) }

  func armRescue(restoreBytes: [UInt8]) {
    TerminalRescue.arm(restoreBytes: restoreBytes)
  }

  func disarmRescue() { TerminalRescue.disarm() }

  func setWaitingForInput(_ waiting: Bool) {
    TerminalRescue.setWaitingForInput(waiting)
  }

  func takePendingSignal() -> Int32 { TerminalRescue.takePendingSignal() }

  func writeOutput(_ bytes: [UInt8]) {
    var done = 0
    while done < bytes.count {
      let n = bytes[done...].withUnsafeBytes {
        write(STDOUT_FILENO, $0.baseAddress, $0.count)
      }
      if n <= 0 { break }
      done += n
    }
  }

  func openScreen() -> Bool {
    window = Curses.openScreen()
    return window != nil
  }

  func configureInput(escapeDelay: Int32) {
    guard let window else { return }
    Curses.configureInput(window, escapeDelay: escapeDelay)
  }

  func defineExtraKeys() { Curses.defineExtraKeys() }

  func hideCursor() {
    guard let window else { return }
    Curses.hideCursor(window)
  }

  func startColors() -> (colors: Int, pairs: Int, defaults: Bool) {
    Curses.startColors()
  }

  func definePair(
    _ number: Int32, foreground: Int32, background: Int32
  ) -> Bool {
    Curses.definePair(number, foreground: foreground, background: background)
  }

  func enableMouse() -> Bool { Curses.enableMouse() }

  func size() -> Size {
    guard let window else { return .zero }
    return Curses.size(window)
  }

  func clear() {
    guard let window else { return }
    Curses.clear(window)
  }

  func put(
    _ characters: [wchar_t], x: Int, y: Int, attributes: attr_t,
    pair: Int32
  ) {
    guard let window else { return }
    Curses.put(
      characters, x: x, y: y, attributes: attributes, pair: pair,
      window: window)
  }

  func refresh() {
    guard let window else { return }
    Curses.refresh(window)
  }

  func read(milliseconds: Int32) -> Curses.Input {
    guard let window else { return .timeout }
    return Curses.read(window, milliseconds: milliseconds)
  }

  func mouseEvent() -> MouseEvent? { Curses.mouseEvent() }

  /// Closes the screen; the window is gone after `endwin`.
  func end() {
    Curses.end()
    window = nil
  }

  func capability(_ name: String) -> [UInt8]? { Curses.capability(name) }

  func columns(of scalar: Unicode.Scalar) -> Int { Curses.columns(of: scalar) }
}
