import RecscopeUI
import Testing

@testable import RecscopeTerminal

@Suite("What reaches curses for each cell")
struct GlyphTests {
  typealias Write = RecordingCurses.Write

  /// The writes for `text` drawn at the start of the first row, and the
  /// row as the screen shows it.
  func draw(
    _ text: String, with curses: RecordingCurses = RecordingCurses()
  ) throws -> (writes: [String], row: String) {
    let terminal = try curses.startedTerminal()
    var grid = CellGrid(width: 12, height: 3)
    grid.put(text, x: 0, y: 0)
    terminal.draw(grid)
    let writes = curses.writes.filter { $0.y == 0 }
    let shown = writes.reversed().drop { $0.text == " " }.reversed()
    return (shown.map(\.text), curses.rows[0])
  }

  @Test func controlCharactersInDataNeverReachTheTerminal() throws {
    let curses = RecordingCurses()
    let terminal = try curses.startedTerminal()
    var grid = CellGrid(width: 12, height: 3)
    grid.put("id\u{1B}[2J\u{07}\u{9B}", x: 0, y: 0)
    grid.put("m\u{202E}04\tx\n", x: 0, y: 1)
    grid.set(Cell("\u{0}"), x: 0, y: 2)
    terminal.draw(grid)

    let scalars = curses.writes.flatMap { $0.text.unicodeScalars }
    #expect(!scalars.contains(where: TextSanitizer.isUnsafe))
    #expect(curses.rows == ["id�[2J��", "m�04�x�", "�"])
  }

  @Test func aCharacterTheCLibraryCannotPrintIsReplaced() throws {
    let curses = RecordingCurses()
    curses.columns = { $0 == "☃" ? -1 : 1 }
    #expect(try draw("a☃b", with: curses).writes == ["a", "\u{FFFD}", "b"])
  }

  @Test func withoutAPrintableReplacementAQuestionMarkStandsIn() throws {
    let curses = RecordingCurses()
    curses.columns = { $0 == "☃" || $0 == "\u{FFFD}" ? -1 : 1 }
    #expect(try draw("a☃b", with: curses).writes == ["a", "?", "b"])
  }

  @Test func aCharacterTheCLibraryFindsWiderIsReplaced() throws {
    let curses = RecordingCurses()
    curses.columns = { $0 == "☃" ? 2 : 1 }
    let drawn = try draw("a☃b", with: curses)
    #expect(drawn.writes == ["a", "\u{FFFD}", "b"])
    #expect(drawn.row == "a\u{FFFD}b")
  }

  @Test func aWideCharacterTheCLibraryFindsNarrowerIsPadded() throws {
    let curses = RecordingCurses()
    curses.columns = { _ in 1 }
    let drawn = try draw("a日b", with: curses)
    #expect(drawn.writes == ["a", "日", " ", "b"])
    #expect(drawn.row == "a日 b")
  }

  @Test func aWideCharacterIsWrittenOnceAndTakesTwoColumns() throws {
    let curses = RecordingCurses()
    let terminal = try curses.startedTerminal()
    var grid = CellGrid(width: 12, height: 3)
    grid.put("日x", x: 0, y: 0)
    terminal.draw(grid)

    let firstRow = curses.writes.filter { $0.y == 0 && $0.x < 3 }
    #expect(firstRow.map(\.x) == [0, 2])
    #expect(firstRow.map(\.text) == ["日", "x"])
  }

  @Test func combiningMarksRideWithTheirBase() throws {
    #expect(try draw("e\u{301}a").writes == ["e\u{301}", "a"])
  }

  @Test func marksBeyondWhatACursesCellHoldsAreDropped() throws {
    let marks = "\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}"
    let drawn = try draw("e" + marks)
    #expect(drawn.writes.count == 1)
    let written = Array(drawn.writes[0].unicodeScalars)
    // A curses cell holds at most CCHARW_MAX (5) wide characters.
    #expect(written.count <= 5)
    let given = Array(("e" + marks).unicodeScalars)
    #expect(written == Array(given.prefix(written.count)))
  }

  @Test func outsideAUTF8LocaleEveryCellIsASCII() throws {
    let curses = RecordingCurses()
    curses.locale = "C"
    let drawn = try draw("┌─日é·x", with: curses)
    #expect(drawn.writes == ["+", "-", "?", " ", "?", ".", "x"])
    #expect(drawn.row == "+-? ?.x")
  }
}
