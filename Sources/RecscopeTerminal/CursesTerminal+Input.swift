import CNcursesw
import RecscopeUI

#if canImport(Glibc)
import Glibc
#endif

extension CursesTerminal {
  /// The next key, mouse action or resize, or `nil` if `timeout` passes
  /// first (`nil` waits for ever).
  ///
  /// Waits in slices of at most 100 ms so that a termination signal is
  /// noticed promptly: when one arrived, the screen is stopped, held
  /// messages printed, ``beforeSignalExit`` run, and the process exits
  /// with 128 + signal. Input curses reports but we do not use (other
  /// mouse buttons, unmapped function keys) is skipped. A resize makes
  /// the next ``draw(_:)`` repaint everything.
  public func readKey(timeout: Duration? = nil) -> Key? {
    guard isActive else { return nil }
    var remaining = timeout.map(\.milliseconds)
    while true {
      exitIfSignalled()
      let slice = min(remaining ?? 100, 100)
      calls.setWaitingForInput(true)
      let input = calls.read(milliseconds: Int32(slice))
      calls.setWaitingForInput(false)
      exitIfSignalled()

      if let key = decode(input) { return key }
      if case .timeout = input {
        if let left = remaining {
          remaining = left - slice
          if left - slice <= 0 { return nil }
        }
      }
    }
  }

  private func exitIfSignalled() {
    let signal = calls.takePendingSignal()
    guard signal != 0 else { return }
    stop()
    beforeSignalExit?(signal)
    exit(128 + signal)
  }

  /// The ``Key`` for raw curses input, if it is one we report.
  private func decode(_ input: Curses.Input) -> Key? {
    switch input {
    case .timeout:
      return nil
    case .character(let code):
      if code < 0x20 || code == 0x7F {
        return Key.fromControlCode(UInt8(code))
      }
      return Unicode.Scalar(code).map { .character(Character($0)) }
    case .keyCode(let code):
      return decodeKeyCode(code)
    }
  }

  private func decodeKeyCode(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_ENTER: return .enter
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_BTAB: return .backTab
    case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
    case KEY_MOUSE: return calls.mouseEvent().map(Key.mouse)
    case KEY_RESIZE:
      screen.invalidate()
      return .resize(size)
    default: return nil
    }
  }
}
