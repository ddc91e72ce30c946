import CNcursesw
import RecscopeUI
import Testing

@testable import RecscopeTerminal

@Suite("Colour pairs")
struct ColorPairTests {
  typealias Call = RecordingCurses.Call

  /// Rows of `text`, each in its style, on a 12×3 grid.
  func grid(_ rows: [(String, Style)]) -> CellGrid {
    var grid = CellGrid(width: 12, height: 3)
    for (y, (text, style)) in rows.enumerated() {
      grid.put(text, x: 0, y: y, style: style)
    }
    return grid
  }

  func definitions(_ calls: [Call]) -> [Call] {
    calls.filter {
      if case .definePair = $0 { return true }
      return false
    }
  }

  /// The curses number of a 256-colour palette colour.
  func number(_ color: TerminalColor) -> Int32 {
    switch color {
    case .terminalDefault: -1
    case .indexed(let index): Int32(index)
    case .rgb(let rgb): Int32(XtermPalette.nearestIndex(to: rgb))
    }
  }

  @Test func eachCombinationIsDefinedOnceAndReused() throws {
    let curses = RecordingCurses()
    let terminal = try curses.startedTerminal()
    let palette = Palette(mode: .palette256)
    let selection = palette.resolve(.selection)
    let header = palette.resolve(.header)

    terminal.draw(grid([("select", .selection), ("head", .header)]))
    let first = curses.writes
    #expect(definitions(curses.take()) == [
      .definePair(1, foreground: number(selection.foreground),
                  background: number(selection.background)),
      .definePair(2, foreground: number(header.foreground),
                  background: number(header.background)),
    ])
    #expect(first.filter { $0.y == 0 && $0.x < 6 }.allSatisfy {
      $0.pair == 1
    })
    #expect(first.filter { $0.y == 1 && $0.x < 4 }.allSatisfy {
      $0.pair == 2
    })

    // The same styles elsewhere, and after a full repaint, reuse them.
    terminal.draw(grid([("head", .header), ("", .normal), ("sel", .selection)]))
    let second = curses.writes
    #expect(definitions(curses.take()).isEmpty)
    #expect(second.filter { $0.y == 2 && $0.x < 3 }.allSatisfy {
      $0.pair == 1
    })
    terminal.invalidate()
    terminal.draw(grid([("head", .header)]))
    #expect(definitions(curses.take()).isEmpty)
  }

  @Test func theTerminalsOwnColoursNeedNoPair() throws {
    let curses = RecordingCurses()
    let terminal = try curses.startedTerminal()
    terminal.draw(grid([("plain", .normal)]))
    let writes = curses.writes
    #expect(definitions(curses.take()).isEmpty)
    #expect(writes.allSatisfy { $0.pair == 0 })
  }

  @Test func withoutColourEveryCellUsesTheDefaultPair() throws {
    let curses = RecordingCurses()
    curses.colors = (0, 0, false)
    let terminal = try curses.startedTerminal()
    terminal.draw(grid([("select", .selection), ("error", .error)]))

    let writes = curses.writes
    #expect(definitions(curses.take()).isEmpty)
    #expect(writes.allSatisfy { $0.pair == 0 })
    // Roles still show: the selection in reverse video.
    let selected = writes.filter { $0.y == 0 && $0.x < 6 }
    #expect(selected.allSatisfy { $0.attributes & Curses.reverse != 0 })
    #expect(writes.filter { $0.y == 2 }.allSatisfy { $0.attributes == 0 })
  }

  @Test func withoutDefaultColoursTheDefaultIsWhiteOnBlack() throws {
    let curses = RecordingCurses()
    curses.colors = (8, 64, false)
    let terminal = try curses.startedTerminal()
    terminal.draw(grid([("plain", .normal)]))
    #expect(definitions(curses.take()) == [
      .definePair(
        1, foreground: Int32(COLOR_WHITE), background: Int32(COLOR_BLACK))
    ])
  }

  @Test func directColourTerminalsGetColoursAsRGBNumbers() throws {
    let curses = RecordingCurses()
    curses.colors = (1 << 24, 65536, true)
    let terminal = try curses.startedTerminal()
    #expect(terminal.colorMode == .trueColor)
    guard case .rgb(let rgb) = Palette(mode: .trueColor).color(.error) else {
      Issue.record("the error role has a 24-bit colour")
      return
    }
    terminal.draw(grid([("oops", .error)]))
    let packed =
      Int32(rgb.red) << 16 | Int32(rgb.green) << 8 | Int32(rgb.blue)
    #expect(definitions(curses.take()) == [
      .definePair(1, foreground: packed, background: -1)
    ])
  }

  @Test func pairsAFrameCannotHaveLeaveTheRestInDefaultColours() throws {
    let curses = RecordingCurses()
    curses.colors = (256, 3, true)  // Pairs 1 and 2 only.
    let terminal = try curses.startedTerminal()
    terminal.draw(
      grid([("sel", .selection), ("head", .header), ("bad", .error)]))

    let writes = curses.writes
    let calls = curses.take()
    // Repainted once after numbering restarted, refreshed once.
    #expect(calls.count(where: { $0 == .clear }) == 2)
    #expect(calls.count(where: { $0 == .refresh }) == 1)
    let last = writes.suffix(12 * 3)
    #expect(last.filter { $0.y == 0 && $0.x < 3 }.allSatisfy { $0.pair == 1 })
    #expect(last.filter { $0.y == 1 && $0.x < 4 }.allSatisfy { $0.pair == 2 })
    #expect(last.filter { $0.y == 2 && $0.x < 3 }.allSatisfy { $0.pair == 0 })
    #expect(curses.rows == ["sel", "head", "bad"])
  }

  @Test func pairsRunningOutBetweenFramesRestartTheNumbering() throws {
    let curses = RecordingCurses()
    curses.colors = (256, 3, true)
    let terminal = try curses.startedTerminal()
    terminal.draw(grid([("sel", .selection), ("head", .header)]))
    _ = curses.take()

    // The selection gives way to a header, and an error needs a third.
    let palette = Palette(mode: .palette256)
    let header = palette.resolve(.header)
    let error = palette.resolve(.error)
    terminal.draw(grid([("sel", .header), ("head", .header),
                        ("bad", .error)]))
    let writes = curses.writes
    let calls = curses.take()
    #expect(calls.count(where: { $0 == .clear }) == 1)
    #expect(definitions(calls) == [
      .definePair(1, foreground: number(header.foreground),
                  background: number(header.background)),
      .definePair(2, foreground: number(error.foreground),
                  background: number(error.background)),
    ])
    let repaint = writes.suffix(12 * 3)
    #expect(repaint.filter { $0.y == 2 && $0.x < 3 }.allSatisfy {
      $0.pair == 2
    })
    #expect(curses.rows == ["sel", "head", "bad"])
  }
}
