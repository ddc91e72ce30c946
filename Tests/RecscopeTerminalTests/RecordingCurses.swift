import CNcursesw
import Glibc
import RecscopeUI
import Testing

@testable import RecscopeTerminal

/// A terminal that is not there: it records each call ``CursesTerminal``
/// makes, answers from a script, and keeps the screen those calls would
/// leave, so a test can read back both what was written and what a
/// person would see.
///
/// Set the script (size, colours, input, ...) before starting the
/// terminal; ``take()`` hands over the calls so far and forgets them, so
/// each step of a test looks at its own calls only.
final class RecordingCurses: CursesCalls {
  /// One cell written with `put`.
  struct Write: Equatable, CustomStringConvertible {
    /// The base character and its combining marks, as curses got them.
    var text: String
    var x: Int
    var y: Int
    var attributes: UInt32
    var pair: Int32

    var description: String {
      "put(\(text.debugDescription) at \(x),\(y) pair \(pair)"
        + (attributes == 0 ? "" : " attr \(attributes)") + ")"
    }
  }

  enum Call: Equatable {
    case isTerminal, setLocale, saveTerminalModes
    case armRescue([UInt8])
    case disarmRescue
    case writeOutput([UInt8])
    case openScreen
    case configureInput(escapeDelay: Int32)
    case defineExtraKeys, hideCursor, startColors
    case definePair(Int32, foreground: Int32, background: Int32)
    case enableMouse, clear
    case put(Write)
    case refresh
    /// A wait for input, and whether the rescue was told of it.
    case read(milliseconds: Int32, waiting: Bool)
    case mouseEvent, end
  }

  // The script.

  var standardStreamsAreTerminals = true
  var locale = "C.UTF-8"
  var screenOpens = true
  var colors: (colors: Int, pairs: Int, defaults: Bool) = (256, 65536, true)
  var mouseGranted = true
  var screenSize = Size(width: 12, height: 3)
  /// What `read` returns, in order; a timeout once it runs out.
  var input: [Curses.Input] = []
  /// What `mouseEvent` returns, in order; nil once it runs out.
  var mouseEvents: [MouseEvent?] = []
  var capabilities: [String: [UInt8]] = [:]
  var pendingSignal: Int32 = 0
  /// The C library's width of a scalar: -1 for controls, which it cannot
  /// print, otherwise our own table.
  var columns: (Unicode.Scalar) -> Int = { scalar in
    switch scalar.value {
    case 0x00..<0x20, 0x7F..<0xA0: -1
    default: DisplayWidth.of(scalar)
    }
  }

  // What happened.

  private(set) var calls: [Call] = []
  /// The screen as the calls so far leave it: one string a cell, "" for
  /// the second column of a wide character.
  private(set) var cells: [[String]] = []
  private var waiting = false
  private var readsPastTheScript = 0

  /// The calls since the last `take()`, forgotten here.
  func take() -> [Call] {
    defer { calls.removeAll() }
    return calls
  }

  /// The cells written since the last `take()`.
  var writes: [Write] {
    calls.compactMap { call in
      if case .put(let write) = call { return write }
      return nil
    }
  }

  func count(of call: Call) -> Int { calls.filter { $0 == call }.count }

  /// The screen as text, trailing spaces trimmed, as
  /// `CellGrid.textRows` gives a grid.
  var rows: [String] {
    cells.map { row in
      var text = row.joined()
      while text.last == " " { text.removeLast() }
      return text
    }
  }

  // CursesCalls.

  func isTerminal() -> Bool {
    calls.append(.isTerminal)
    return standardStreamsAreTerminals
  }

  func setLocaleFromEnvironment() -> String {
    calls.append(.setLocale)
    return locale
  }

  func saveTerminalModes() { calls.append(.saveTerminalModes) }

  func armRescue(restoreBytes: [UInt8]) {
    calls.append(.armRescue(restoreBytes))
  }

  func disarmRescue() { calls.append(.disarmRescue) }

  func setWaitingForInput(_ waiting: Bool) { self.waiting = waiting }

  func takePendingSignal() -> Int32 { pendingSignal }

  func writeOutput(_ bytes: [UInt8]) { calls.append(.writeOutput(bytes)) }

  func openScreen() -> Bool {
    calls.append(.openScreen)
    if screenOpens { blank() }
    return screenOpens
  }

  func configureInput(escapeDelay: Int32) {
    calls.append(.configureInput(escapeDelay: escapeDelay))
  }

  func defineExtraKeys() { calls.append(.defineExtraKeys) }

  func hideCursor() { calls.append(.hideCursor) }

  func startColors() -> (colors: Int, pairs: Int, defaults: Bool) {
    calls.append(.startColors)
    return colors
  }

  func definePair(
    _ number: Int32, foreground: Int32, background: Int32
  ) -> Bool {
    calls.append(
      .definePair(number, foreground: foreground, background: background))
    return true
  }

  func enableMouse() -> Bool {
    calls.append(.enableMouse)
    return mouseGranted
  }

  func size() -> Size { screenSize }

  func clear() {
    calls.append(.clear)
    blank()
  }

  func put(
    _ characters: [wchar_t], x: Int, y: Int, attributes: attr_t,
    pair: Int32
  ) {
    let scalars = characters.prefix { $0 != 0 }.map {
      Unicode.Scalar(UInt32(bitPattern: $0)) ?? "\u{FFFD}"
    }
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars)
    calls.append(.put(Write(
      text: text, x: x, y: y, attributes: attributes, pair: pair)))

    guard y >= 0, y < cells.count, x >= 0, x < cells[y].count else { return }
    cells[y][x] = text
    if let base = scalars.first, columns(base) == 2, x + 1 < cells[y].count {
      cells[y][x + 1] = ""
    }
  }

  func refresh() { calls.append(.refresh) }

  func read(milliseconds: Int32) -> Curses.Input {
    calls.append(.read(milliseconds: milliseconds, waiting: waiting))
    if let next = input.first {
      input.removeFirst()
      return next
    }
    readsPastTheScript += 1
    if readsPastTheScript > 10_000 {
      // A wait with no end would hang the test run; an Esc ends it.
      Issue.record("the terminal kept reading after its input ran out")
      return .character(0x1B)
    }
    return .timeout
  }

  func mouseEvent() -> MouseEvent? {
    calls.append(.mouseEvent)
    return mouseEvents.isEmpty ? nil : mouseEvents.removeFirst()
  }

  func end() { calls.append(.end) }

  func capability(_ name: String) -> [UInt8]? { capabilities[name] }

  func columns(of scalar: Unicode.Scalar) -> Int { columns(scalar) }

  private func blank() {
    cells = Array(
      repeating: Array(repeating: " ", count: screenSize.width),
      count: screenSize.height)
  }
}

extension RecordingCurses {
  /// A terminal started on this double, with the start-up calls taken.
  func startedTerminal(
    _ options: TerminalOptions = TerminalOptions()
  ) throws -> CursesTerminal {
    let terminal = CursesTerminal(calls: self)
    try terminal.start(options)
    _ = take()
    return terminal
  }
}
