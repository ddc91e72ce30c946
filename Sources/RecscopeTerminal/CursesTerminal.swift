import CNcursesw
import Glibc
import RecscopeUI

/// The one place that talks to ncursesw: opens the screen, draws grids,
/// reads keys, and always puts the terminal back.
///
/// Use it from one thread, the one running the main loop:
///
///     let terminal = CursesTerminal()
///     try terminal.start(TerminalOptions(environment: environment))
///     defer { terminal.stop() }
///     while true {
///       terminal.draw(frame(for: terminal.size))
///       guard let key = terminal.readKey(timeout: .milliseconds(250))
///       else { continue }
///       ...
///     }
///
/// While the screen is up nothing may write to standard output or error;
/// pass messages to ``hold(_:)`` and they are printed after ``stop()``.
/// Signals and crashes restore the terminal too (see `TerminalRescue`).
public final class CursesTerminal {
  /// The colour mode in use: the detected one, capped at what curses can
  /// draw on this terminal. Valid after ``start(_:)``.
  public private(set) var colorMode: ColorMode = .none
  /// Whether the screen is up.
  public private(set) var isActive = false
  /// Runs after the terminal is restored when a signal ends the program
  /// during ``readKey(timeout:)``, just before it exits with
  /// 128 + signal; for saving work. It must not draw.
  public var beforeSignalExit: ((Int32) -> Void)?

  /// Where every call to curses and the terminal goes.
  let calls: any CursesCalls
  var screen = Screen()
  var pairs = ColorPairTable(capacity: 1)
  var defaultColors = true
  var reportedColors = 0
  /// Whether colour numbers are 24-bit RGB (a `*-direct` terminfo).
  var directColor = false
  /// Whether the locale can show characters beyond ASCII.
  var unicode = true
  private var heldMessages: [String] = []

  public convenience init() { self.init(calls: NcursesCalls()) }

  /// A terminal whose calls go to `calls`; tests pass a recording double.
  init(calls: any CursesCalls) { self.calls = calls }

  deinit { stop() }

  /// The palette for ``colorMode``.
  public var palette: Palette { Palette(mode: colorMode) }

  /// The screen size, or zero when the screen is not up.
  public var size: Size {
    guard isActive else { return .zero }
    return calls.size()
  }

  /// Opens the screen.
  ///
  /// Sets the locale from the environment (so UTF-8 works), then opens
  /// curses with keys unbuffered and unechoed, a short Esc delay, the
  /// cursor hidden, colours on with the terminal's defaults kept, and the
  /// mouse if asked. Arms the terminal rescue before returning.
  ///
  /// - Throws: ``TerminalError`` when there is no terminal or curses does
  ///   not know it; the terminal is untouched then.
  public func start(
    _ options: TerminalOptions = TerminalOptions()
  ) throws(TerminalError) {
    guard !isActive else { throw .alreadyStarted }
    guard calls.isTerminal() else { throw .notATerminal }
    let locale = calls.setLocaleFromEnvironment()
    unicode = locale.lowercased().replacingUTF8Spelling.contains("utf8")

    calls.saveTerminalModes()
    guard calls.openScreen() else {
      throw .unknownTerminal(options.environment["TERM"])
    }
    isActive = true

    calls.configureInput(
      escapeDelay: Int32(options.escapeDelay.milliseconds))
    calls.defineExtraKeys()
    calls.hideCursor()
    let colors = calls.startColors()
    reportedColors = colors.colors
    defaultColors = colors.defaults
    directColor = colors.colors >= 1 << 24
    pairs = ColorPairTable(capacity: Int32(clamping: colors.pairs))
    // TODO(color): COLORTERM=truecolor with a 256-colour terminfo entry
    // gets 256 colours, because curses can only send 24-bit colour when
    // the entry has direct colour (TERM=xterm-direct). Opening the screen
    // with such an entry when COLORTERM asks for it, and the system has
    // one, would close this.
    colorMode = min(
      ColorMode.detect(
        option: options.color, environment: options.environment,
        reportedColors: colors.colors),
      Self.deepestMode(colors: colors.colors))
    let mouse = options.mouse && calls.enableMouse()

    calls.armRescue(restoreBytes: restoreBytes(mouse: mouse))
    screen.invalidate()
  }

  /// Closes the screen and prints held messages to standard error. Safe
  /// to call any number of times, and before ``start(_:)``.
  public func stop() {
    guard isActive else { return }
    // Some terminals (tmux after the window grew) leave rows of the
    // alternate screen visible after leaving it; blank them first.
    calls.clear()
    calls.refresh()
    calls.end()
    calls.disarmRescue()
    isActive = false
    let messages = heldMessages
    heldMessages.removeAll()
    messages.forEach(Self.printError)
  }

  /// Keeps `message` for standard error until the screen closes.
  public func hold(_ message: String) {
    if isActive {
      heldMessages.append(message)
    } else {
      Self.printError(message)
    }
  }

  private static func printError(_ message: String) {
    fputs(message.hasSuffix("\n") ? message : message + "\n", stderrStream)
    fflush(stderrStream)
  }

  /// Restores the terminal, prints `message` (after any held ones) and
  /// exits with status 1.
  public func fatal(_ message: String) -> Never {
    hold(message)
    stop()
    exit(1)
  }

  /// Makes the next ``draw(_:)`` repaint everything, for when something
  /// else may have written to the terminal.
  public func invalidate() { screen.invalidate() }

  /// The richest mode curses can draw with `colors` colours.
  static func deepestMode(colors: Int) -> ColorMode {
    switch colors {
    case (1 << 24)...: .trueColor
    case 256...: .palette256
    case 8...: .basic8
    default: .none
    }
  }

  /// Bytes that undo what the screen did to the terminal: mouse
  /// reporting off, attributes and colours reset, the alternate screen
  /// blanked and left, cursor shown, keypad mode off.
  func restoreBytes(mouse: Bool) -> [UInt8] {
    var bytes: [UInt8] = []
    if mouse {
      bytes += Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l".utf8)
    }
    for name in ["sgr0", "op", "clear", "cnorm", "rmkx"] {
      bytes += calls.capability(name) ?? []
    }
    if let leave = calls.capability("rmcup"), !leave.isEmpty {
      bytes += leave
    } else {
      bytes += Array("\r\n".utf8)
    }
    return bytes
  }
}

/// Standard error as a C stream, without touching the `stderr` global
/// that Swift 6 rejects as shared mutable state.
nonisolated(unsafe) private let stderrStream = fdopen(STDERR_FILENO, "w")

extension Duration {
  /// Whole milliseconds, rounded down and clamped to `Int32`.
  var milliseconds: Int {
    let (seconds, attoseconds) = components
    let total = seconds * 1000 + attoseconds / 1_000_000_000_000_000
    return Int(clamping: min(max(total, 0), Int64(Int32.max)))
  }
}

extension String {
  /// The string with `-` and `_` removed, so `UTF-8` and `utf8` match.
  fileprivate var replacingUTF8Spelling: String {
    String(filter { $0 != "-" && $0 != "_" })
  }
}
