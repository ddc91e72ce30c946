import RecscopeCore
import RecscopeUI
import Testing

@testable import RecscopeTerminal

@Suite("Drawing frames")
struct DrawingTests {
  typealias Write = RecordingCurses.Write

  func grid(_ rows: [String], width: Int = 12, height: Int = 3) -> CellGrid {
    var grid = CellGrid(width: width, height: height)
    for (y, row) in rows.enumerated() { grid.put(row, x: 0, y: y) }
    return grid
  }

  @Test func theFirstFrameClearsAndWritesEveryCell() throws {
    let curses = RecordingCurses()
    let terminal = try curses.startedTerminal()
    terminal.draw(grid(["hello", "world"]))

    let writes = curses.writes
    let calls = curses.take()
    #expect(calls.first == .clear)
    #expect(calls.last == .refresh)
    #expect(calls.count(where: { $0 == .refresh }) == 1)
    #expect(writes.count == 12 * 3)
    #expect(curses.rows == ["hello", "world", ""])
  }

  @Test func aChangedCellIsTheOnlyOneWritten() throws {
    let curses = RecordingCurses()
    let terminal = try curses.startedTerminal()
    terminal.draw(grid(["hello", "world"]))
    _ = curses.take()

    terminal.draw(grid(["hello", "wOrld"]))
    #expect(curses.take() == [
      .put(Write(text: "O", x: 1, y: 1, attributes: 0, pair: 0)), .refresh,
    ])
    #expect(curses.rows == ["hello", "wOrld", ""])
  }

  @Test func anUnchangedFrameOnlyRefreshes() throws {
    let curses = RecordingCurses()
    let terminal = try curses.startedTerminal()
    terminal.draw(grid(["hello"]))
    _ = curses.take()

    terminal.draw(grid(["hello"]))
    #expect(curses.take() == [.refresh])
  }

  @Test func invalidateRepaintsEverything() throws {
    let curses = RecordingCurses()
    let terminal = try curses.startedTerminal()
    terminal.draw(grid(["hello"]))
    _ = curses.take()

    terminal.invalidate()
    terminal.draw(grid(["hello"]))
    let writes = curses.writes
    #expect(curses.take().first == .clear)
    #expect(writes.count == 12 * 3)
  }

  @Test func aFrameOfAnotherSizeIsRepaintedWhole() throws {
    let curses = RecordingCurses()
    let terminal = try curses.startedTerminal()
    terminal.draw(grid(["hello"]))
    _ = curses.take()

    terminal.draw(grid(["hello"], width: 6, height: 2))
    let writes = curses.writes
    #expect(curses.take().first == .clear)
    #expect(writes.count == 6 * 2)
  }

  @Test func nothingIsDrawnBeforeTheScreenOpens() {
    let curses = RecordingCurses()
    CursesTerminal(calls: curses).draw(grid(["hello"]))
    #expect(curses.take().isEmpty)
  }

  @Test func attributesReachCursesAsTheirCursesBits() throws {
    let curses = RecordingCurses()
    let terminal = try curses.startedTerminal()
    var frame = grid([])
    frame.put("b", x: 0, y: 0, style: Style(attributes: .bold))
    frame.put("d", x: 1, y: 0, style: Style(attributes: .dim))
    frame.put("r", x: 2, y: 0, style: Style(attributes: .reverse))
    frame.put("u", x: 3, y: 0, style: Style(attributes: .underline))
    frame.put(
      "a", x: 4, y: 0, style: Style(attributes: [.bold, .underline]))
    terminal.draw(frame)

    let attributes = curses.writes.filter { $0.y == 0 && $0.x < 5 }
      .map(\.attributes)
    #expect(attributes == [
      Curses.bold, Curses.dim, Curses.reverse, Curses.underline,
      Curses.bold | Curses.underline,
    ])
    #expect(Set(attributes).count == 5)
  }

  /// Random frames of ASCII, wide and combining characters in a few
  /// styles, drawn one after another: after each, the screen the calls
  /// leave reads as the frame, and a frame drawn twice writes nothing.
  @Test func partialUpdatesAlwaysLeaveTheFrameOnScreen() throws {
    let pieces = ["a", "b", " ", "日", "本", "e\u{301}", "·", "─"]
    let styles: [Style] = [.normal, .selection, .header, .dim]
    for seed in UInt64(1)...30 {
      var random = SeededGenerator(seed: seed)
      let curses = RecordingCurses()
      curses.screenSize = Size(width: 9, height: 4)
      let terminal = try curses.startedTerminal()
      var frame = CellGrid(width: 9, height: 4)
      for step in 0..<12 {
        for _ in 0..<Int.random(in: 1...6, using: &random) {
          frame.put(
            pieces.randomElement(using: &random)!,
            x: Int.random(in: -1..<9, using: &random),
            y: Int.random(in: 0..<4, using: &random),
            style: styles.randomElement(using: &random)!)
        }
        terminal.draw(frame)
        #expect(
          curses.rows == frame.textRows, "seed \(seed), step \(step)")
        _ = curses.take()
        terminal.draw(frame)
        #expect(curses.take() == [.refresh], "seed \(seed), step \(step)")
      }
    }
  }
}
