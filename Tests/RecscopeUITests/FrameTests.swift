import Testing
@testable import RecscopeUI

@Suite("Frame updates")
struct FrameTests {
  func grid(_ rows: [String], width: Int = 8) -> CellGrid {
    var grid = CellGrid(width: width, height: rows.count)
    for (y, row) in rows.enumerated() { grid.put(row, x: 0, y: y) }
    return grid
  }

  func runs(_ update: FrameUpdate) -> [String] {
    update.runs.map { "\($0.x),\($0.y) \($0.text)" }
  }

  @Test func identicalFramesWriteNothing() {
    let frame = grid(["hello", "world"])
    #expect(FrameUpdate.changes(from: frame, to: frame).isEmpty)
  }

  @Test func onlyChangedRunsAreWritten() {
    let update = FrameUpdate.changes(
      from: grid(["hello", "world"]), to: grid(["jelly", "world!"]))
    #expect(!update.isFullRepaint)
    #expect(runs(update) == ["0,0 j", "4,0 y", "5,1 !"])
  }

  @Test func smallGapsCanBeMerged() {
    let update = FrameUpdate.changes(
      from: grid(["hello"]), to: grid(["jelly"]), mergeGap: 3)
    #expect(runs(update) == ["0,0 jelly"])
    let apart = FrameUpdate.changes(
      from: grid(["hello"]), to: grid(["jelly"]), mergeGap: 2)
    #expect(runs(apart) == ["0,0 j", "4,0 y"])
  }

  @Test func styleChangesAreChanges() {
    let before = grid(["abc"])
    var after = before
    after.setStyle(.selection, in: Rect(x: 1, y: 0, width: 1, height: 1))
    let update = FrameUpdate.changes(from: before, to: after)
    #expect(runs(update) == ["1,0 b"])
    #expect(update.runs[0].cells[0].style == .selection)
  }

  @Test func wideCharactersAreWrittenWhole() {
    let update = FrameUpdate.changes(from: grid(["ab日c"]), to: grid(["ab本c"]))
    #expect(runs(update) == ["2,0 本"])
    #expect(update.runs[0].cells.count == 2)

    let replaced = FrameUpdate.changes(from: grid(["日x"]), to: grid(["a日"]))
    #expect(runs(replaced) == ["0,0 a日"])

    var halfGone = grid(["x日y"])
    halfGone.put("z", x: 2, y: 0)
    let update2 = FrameUpdate.changes(from: grid(["x日y"]), to: halfGone)
    #expect(runs(update2) == ["1,0  z"])
  }

  @Test func screenRepaintsFirstFrameAfterResizeAndAfterInvalidate() {
    var screen = Screen()
    let first = screen.update(to: grid(["ab"], width: 3))
    #expect(first.isFullRepaint)
    #expect(runs(first) == ["0,0 ab "])

    #expect(screen.update(to: grid(["ab"], width: 3)).isEmpty)
    #expect(runs(screen.update(to: grid(["ac"], width: 3))) == ["1,0 c"])

    #expect(screen.update(to: grid(["ac"], width: 4)).isFullRepaint)
    screen.invalidate()
    #expect(screen.update(to: grid(["ac"], width: 4)).isFullRepaint)
    #expect(screen.current == grid(["ac"], width: 4))
  }

  @Test func emptyScreensNeedNoRuns() {
    var screen = Screen()
    let update = screen.update(to: CellGrid(width: 0, height: 0))
    #expect(update.isFullRepaint && update.runs.isEmpty)
  }
}

@Suite("Colour pairs")
struct ColorPairTableTests {
  @Test func defaultColorsArePairZero() {
    var table = ColorPairTable(capacity: 8)
    #expect(table.pair(foreground: -1, background: -1) == .existing(0))
    #expect(table.count == 0)
  }

  @Test func pairsAreAllocatedOnceAndReused() {
    var table = ColorPairTable(capacity: 8)
    #expect(table.pair(foreground: 1, background: -1) == .new(1))
    #expect(table.pair(foreground: 2, background: 4) == .new(2))
    #expect(table.pair(foreground: 1, background: -1) == .existing(1))
    #expect(table.count == 2)
  }

  @Test func exhaustionIsReportedAndResetStartsOver() {
    var table = ColorPairTable(capacity: 3)
    #expect(table.pair(foreground: 1, background: 0) == .new(1))
    #expect(table.pair(foreground: 2, background: 0) == .new(2))
    #expect(table.pair(foreground: 3, background: 0) == .exhausted)
    table.reset()
    #expect(table.pair(foreground: 3, background: 0) == .new(1))
  }
}
