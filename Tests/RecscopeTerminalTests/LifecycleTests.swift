import RecscopeUI
import Testing

@testable import RecscopeTerminal

@Suite("Opening and closing the screen")
struct LifecycleTests {
  typealias Call = RecordingCurses.Call

  @Test func startOpensAScreenReadyForKeysAndColour() throws {
    let curses = RecordingCurses()
    let terminal = CursesTerminal(calls: curses)
    try terminal.start()

    #expect(terminal.isActive)
    #expect(terminal.size == Size(width: 12, height: 3))
    #expect(terminal.colorMode == .palette256)
    let calls = curses.take()
    #expect(Array(calls.dropLast()) == [
      .isTerminal, .setLocale, .saveTerminalModes, .openScreen,
      .configureInput(escapeDelay: 25), .defineExtraKeys, .hideCursor,
      .startColors, .enableMouse,
    ])
    guard case .armRescue = calls.last else {
      Issue.record("the rescue is armed last, got \(calls)")
      return
    }
  }

  @Test func aLoneEscapeWaitsOnlyAsLongAsAsked() throws {
    let curses = RecordingCurses()
    let terminal = CursesTerminal(calls: curses)
    try terminal.start(TerminalOptions(escapeDelay: .milliseconds(200)))
    #expect(curses.count(of: .configureInput(escapeDelay: 200)) == 1)

    let negative = RecordingCurses()
    let other = CursesTerminal(calls: negative)
    try other.start(TerminalOptions(escapeDelay: .seconds(-1)))
    #expect(negative.count(of: .configureInput(escapeDelay: 0)) == 1)
  }

  @Test func withoutATerminalNothingIsTouched() {
    let curses = RecordingCurses()
    curses.standardStreamsAreTerminals = false
    let terminal = CursesTerminal(calls: curses)

    #expect(throws: TerminalError.notATerminal) { try terminal.start() }
    #expect(!terminal.isActive)
    terminal.stop()
    #expect(curses.take() == [.isTerminal])
  }

  @Test func anUnknownTerminalIsNamedAndNeverClosed() {
    let curses = RecordingCurses()
    curses.screenOpens = false
    let terminal = CursesTerminal(calls: curses)

    #expect(throws: TerminalError.unknownTerminal("vt999")) {
      try terminal.start(TerminalOptions(environment: ["TERM": "vt999"]))
    }
    #expect(!terminal.isActive)
    #expect(terminal.size == .zero)
    terminal.stop()
    let calls = curses.take()
    #expect(calls.last == .openScreen)
    #expect(!calls.contains(.end))
  }

  @Test func startingTwiceIsRefused() throws {
    let curses = RecordingCurses()
    let terminal = try curses.startedTerminal()
    #expect(throws: TerminalError.alreadyStarted) { try terminal.start() }
    #expect(curses.take().isEmpty)
  }

  @Test func stopRestoresTheTerminalOnceHoweverOftenItIsCalled() throws {
    let curses = RecordingCurses()
    let terminal = try curses.startedTerminal()
    terminal.stop()
    terminal.stop()

    #expect(!terminal.isActive)
    #expect(curses.take() == [.clear, .refresh, .end, .disarmRescue])
    terminal.draw(CellGrid(width: 12, height: 3))
    #expect(terminal.readKey(timeout: .milliseconds(100)) == nil)
    terminal.copyToClipboard("after")
    #expect(curses.take().isEmpty)
  }

  @Test func stopBeforeStartDoesNothing() {
    let curses = RecordingCurses()
    CursesTerminal(calls: curses).stop()
    #expect(curses.take().isEmpty)
  }

  @Test func aTerminalLetGoWhileOpenStillRestoresTheScreen() throws {
    let curses = RecordingCurses()
    do {
      let terminal = try curses.startedTerminal()
      terminal.draw(CellGrid(width: 12, height: 3))
    }
    #expect(curses.count(of: .end) == 1)
    #expect(curses.count(of: .disarmRescue) == 1)
  }

  @Test func theScreenCanOpenAgainAfterStop() throws {
    let curses = RecordingCurses()
    let terminal = try curses.startedTerminal()
    terminal.stop()
    try terminal.start()
    #expect(terminal.isActive)
    #expect(curses.count(of: .openScreen) == 1)
  }

  @Test func theRescueUndoesMouseColoursAndTheAlternateScreen() throws {
    let curses = RecordingCurses()
    curses.capabilities = [
      "sgr0": Array("<sgr0>".utf8), "op": Array("<op>".utf8),
      "clear": Array("<clear>".utf8), "cnorm": Array("<cnorm>".utf8),
      "rmkx": Array("<rmkx>".utf8), "rmcup": Array("<rmcup>".utf8),
    ]
    let terminal = CursesTerminal(calls: curses)
    try terminal.start()
    let mouseOff = "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l"
    #expect(curses.take().last == .armRescue(Array(
      (mouseOff + "<sgr0><op><clear><cnorm><rmkx><rmcup>").utf8)))
  }

  @Test func theRescueLeavesMouseReportingAloneWhenItWasNeverOn() throws {
    let curses = RecordingCurses()
    curses.capabilities = ["sgr0": Array("<sgr0>".utf8)]
    curses.mouseGranted = false
    let refused = CursesTerminal(calls: curses)
    try refused.start()

    let other = RecordingCurses()
    other.capabilities = curses.capabilities
    let unasked = CursesTerminal(calls: other)
    try unasked.start(TerminalOptions(mouse: false))

    // Without `rmcup` the rescue ends the last line instead.
    let expected = Call.armRescue(Array("<sgr0>\r\n".utf8))
    #expect(curses.take().last == expected)
    let calls = other.take()
    #expect(calls.last == expected)
    #expect(!calls.contains(.enableMouse))
  }

  struct ColourCase: Sendable, CustomTestStringConvertible {
    let environment: [String: String]
    let colors: Int
    let expected: ColorMode
    var testDescription: String {
      "\(environment) with \(colors) colours → \(expected)"
    }
  }

  @Test(arguments: [
    // curses cannot send 24-bit colour without a direct-colour entry.
    ColourCase(environment: ["COLORTERM": "truecolor"], colors: 256,
               expected: .palette256),
    ColourCase(environment: ["COLORTERM": "truecolor"], colors: 8,
               expected: .basic8),
    ColourCase(environment: [:], colors: 1 << 24, expected: .trueColor),
    ColourCase(environment: ["NO_COLOR": "1"], colors: 256, expected: .none),
    ColourCase(environment: ["TERM": "xterm-256color"], colors: 0,
               expected: .none),
  ])
  func colourIsWhatBothTheTerminalAndTheEnvironmentAllow(
    _ colourCase: ColourCase
  ) throws {
    let curses = RecordingCurses()
    curses.colors = (colourCase.colors, 64, true)
    let terminal = try curses.startedTerminal(
      TerminalOptions(environment: colourCase.environment))
    #expect(terminal.colorMode == colourCase.expected)
  }

  @Test(arguments: [
    ("C.UTF-8", true), ("en_US.utf8", true), ("de_DE.UTF_8", true),
    ("C", false), ("POSIX", false), ("en_US.ISO-8859-1", false),
  ])
  func unicodeNeedsAUTF8Locale(locale: String, unicode: Bool) throws {
    let curses = RecordingCurses()
    curses.locale = locale
    let terminal = try curses.startedTerminal()
    #expect(terminal.unicode == unicode)
  }

  @Test func theClipboardGetsTheTextAsAnOSC52Escape() throws {
    let curses = RecordingCurses()
    let terminal = try curses.startedTerminal()
    terminal.copyToClipboard("ana → m04")
    #expect(curses.take() == [
      .writeOutput(Array("\u{1B}]52;c;YW5hIOKGkiBtMDQ=\u{07}".utf8))
    ])
  }

  @Test func nothingReachesTheClipboardBeforeTheScreenOpens() {
    let curses = RecordingCurses()
    CursesTerminal(calls: curses).copyToClipboard("early")
    #expect(curses.take().isEmpty)
  }
}
