import CNcursesw
import RecscopeUI
import Testing

@testable import RecscopeTerminal

@Suite("Reading keys")
struct InputTests {
  typealias Call = RecordingCurses.Call

  struct Case: Sendable, CustomTestStringConvertible {
    let input: Curses.Input
    let key: Key
    var testDescription: String { "\(input) → \(key)" }

    init(_ input: Curses.Input, _ key: Key) {
      self.input = input
      self.key = key
    }

    init(_ code: Int32, _ key: Key) { self.init(.keyCode(code), key) }
  }

  static let cases: [Case] = [
    Case(.character(0x61), .character("a")),
    Case(.character(0x20), .character(" ")),
    Case(.character(0xE9), .character("é")),
    Case(.character(0x65E5), .character("日")),
    // A lone Esc, once the escape delay has passed with nothing after it.
    Case(.character(0x1B), .escape),
    Case(.character(0x0D), .enter),
    Case(.character(0x09), .tab),
    Case(.character(0x7F), .backspace),
    Case(.character(0x08), .backspace),
    Case(.character(0x01), .control("a")),
    Case(.character(0x1A), .control("z")),
    Case(KEY_UP, .up), Case(KEY_DOWN, .down),
    Case(KEY_LEFT, .left), Case(KEY_RIGHT, .right),
    Case(KEY_PPAGE, .pageUp), Case(KEY_NPAGE, .pageDown),
    Case(KEY_HOME, .home), Case(KEY_END, .end),
    Case(KEY_ENTER, .enter), Case(KEY_BACKSPACE, .backspace),
    Case(KEY_DC, .delete), Case(KEY_BTAB, .backTab),
    Case(KEY_F0 + 1, .function(1)), Case(KEY_F0 + 12, .function(12)),
    Case(KEY_F0 + 63, .function(63)),
  ]

  @Test(arguments: cases)
  func inputBecomesTheKeyPressed(_ keyCase: Case) throws {
    let curses = RecordingCurses()
    let terminal = try curses.startedTerminal()
    curses.input = [keyCase.input]
    #expect(terminal.readKey(timeout: .milliseconds(100)) == keyCase.key)
  }

  @Test func aClickArrivesWhereItHappened() throws {
    let curses = RecordingCurses()
    let terminal = try curses.startedTerminal()
    curses.input = [.keyCode(KEY_MOUSE), .keyCode(KEY_MOUSE)]
    curses.mouseEvents = [
      MouseEvent(.press, x: 3, y: 1), MouseEvent(.wheelDown, x: 0, y: 2),
    ]
    #expect(terminal.readKey() == .mouse(MouseEvent(.press, x: 3, y: 1)))
    #expect(terminal.readKey() == .mouse(MouseEvent(.wheelDown, x: 0, y: 2)))
  }

  @Test func cursesMouseReportsBecomeMouseActions() {
    #expect(Curses.mouseEvent(buttons: RS_BUTTON1_PRESSED, x: 4, y: 2)
      == MouseEvent(.press, x: 4, y: 2))
    #expect(Curses.mouseEvent(buttons: RS_BUTTON4_PRESSED, x: 0, y: 0)
      == MouseEvent(.wheelUp, x: 0, y: 0))
    #expect(Curses.mouseEvent(buttons: RS_BUTTON5_PRESSED, x: 7, y: 1)
      == MouseEvent(.wheelDown, x: 7, y: 1))
    #expect(Curses.mouseEvent(
      buttons: RS_BUTTON1_PRESSED | RS_BUTTON5_PRESSED, x: 1, y: 1)
      == MouseEvent(.press, x: 1, y: 1))
    // A click (press and release together) and other buttons are not
    // asked for, and not reported.
    #expect(Curses.mouseEvent(buttons: RS_BUTTON1_CLICKED, x: 1, y: 1) == nil)
    #expect(Curses.mouseEvent(buttons: 0, x: 1, y: 1) == nil)
  }

  @Test func inputWeDoNotReportIsSkipped() throws {
    let curses = RecordingCurses()
    let terminal = try curses.startedTerminal()
    curses.input = [
      .keyCode(KEY_IC),  // Insert: no key of ours.
      .keyCode(KEY_F0 + 64),
      .keyCode(KEY_MOUSE),  // A button we do not report.
      .character(0xD800),  // Not a Unicode scalar.
      .character(0),
      .character(0x71),
    ]
    curses.mouseEvents = [nil]
    #expect(terminal.readKey(timeout: .milliseconds(100)) == .character("q"))
    #expect(curses.count(of: .mouseEvent) == 1)
  }

  @Test func aWaitIsCutIntoSlicesAndEndsAtTheTimeout() throws {
    let curses = RecordingCurses()
    let terminal = try curses.startedTerminal()
    #expect(terminal.readKey(timeout: .milliseconds(250)) == nil)
    #expect(curses.take() == [
      .read(milliseconds: 100, waiting: true),
      .read(milliseconds: 100, waiting: true),
      .read(milliseconds: 50, waiting: true),
    ])

    #expect(terminal.readKey(timeout: .zero) == nil)
    #expect(curses.take() == [.read(milliseconds: 0, waiting: true)])
  }

  @Test func withoutATimeoutReadingWaitsForAKey() throws {
    let curses = RecordingCurses()
    let terminal = try curses.startedTerminal()
    curses.input = [.timeout, .timeout, .timeout, .character(0x78)]
    #expect(terminal.readKey() == .character("x"))
    #expect(curses.take().count == 4)
  }

  @Test func nothingIsReadBeforeTheScreenOpens() {
    let curses = RecordingCurses()
    curses.input = [.character(0x61)]
    #expect(CursesTerminal(calls: curses).readKey() == nil)
    #expect(curses.take().isEmpty)
  }

  @Test func aResizeRepaintsEverythingAtTheNewSize() throws {
    let curses = RecordingCurses()
    let terminal = try curses.startedTerminal()
    var small = CellGrid(width: 12, height: 3)
    small.put("before", x: 0, y: 0)
    terminal.draw(small)
    _ = curses.take()

    curses.screenSize = Size(width: 20, height: 4)
    curses.input = [.keyCode(KEY_RESIZE)]
    let key = terminal.readKey(timeout: .milliseconds(100))
    #expect(key == .resize(Size(width: 20, height: 4)))
    #expect(terminal.size == Size(width: 20, height: 4))

    var large = CellGrid(size: terminal.size)
    large.put("after", x: 0, y: 3)
    _ = curses.take()
    terminal.draw(large)
    let writes = curses.writes
    #expect(curses.take().first == .clear)
    #expect(writes.count == 20 * 4)
    #expect(curses.rows == ["", "", "", "after"])
  }

  /// A resize to the same size (a terminal reattached, a font changed)
  /// may still have disturbed the screen, so it is repainted too.
  @Test func aResizeToTheSameSizeStillRepaints() throws {
    let curses = RecordingCurses()
    let terminal = try curses.startedTerminal()
    let frame = CellGrid(width: 12, height: 3)
    terminal.draw(frame)
    curses.input = [.keyCode(KEY_RESIZE)]
    _ = terminal.readKey(timeout: .milliseconds(100))
    _ = curses.take()

    terminal.draw(frame)
    let writes = curses.writes
    #expect(curses.take().first == .clear)
    #expect(writes.count == 12 * 3)
  }
}
