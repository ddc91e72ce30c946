import Testing
@testable import RecscopeUI

@Suite("Boxes")
struct BoxTests {
  @Test func boxWithTitle() {
    var grid = CellGrid(width: 10, height: 3)
    grid.drawBox(grid.bounds, title: "Items")
    #expect(grid.textRows == [
      "┌ Items ─┐",
      "│        │",
      "└────────┘",
    ])
  }

  @Test func longTitleIsTruncatedWithEllipsis() {
    var grid = CellGrid(width: 10, height: 2)
    grid.drawBox(grid.bounds, title: "Recommendations")
    #expect(grid.textRows == ["┌ Recom… ┐", "└────────┘"])
  }

  @Test func titleIsLeftOutWhenThereIsNoRoom() {
    var grid = CellGrid(width: 4, height: 2)
    grid.drawBox(grid.bounds, title: "Items")
    #expect(grid.textRows == ["┌──┐", "└──┘"])
  }

  @Test func titleIsSanitised() {
    var grid = CellGrid(width: 12, height: 2)
    grid.drawBox(grid.bounds, title: "a\u{1B}[2Jb")
    #expect(grid.textRows == ["┌ a�[2Jb ──┐", "└──────────┘"])
  }

  @Test func smallestBoxIsTwoByTwo() {
    var grid = CellGrid(width: 3, height: 3)
    grid.drawBox(Rect(x: 0, y: 0, width: 2, height: 2), title: "T")
    grid.drawBox(Rect(x: 2, y: 2, width: 1, height: 1))
    grid.drawBox(Rect(x: 2, y: 0, width: 1, height: 3))
    #expect(grid.textRows == ["┌┐", "└┘", ""])
  }

  @Test func boxPartlyOutsideTheGridIsClipped() {
    var grid = CellGrid(width: 3, height: 2)
    grid.drawBox(Rect(x: -1, y: -1, width: 4, height: 3))
    #expect(grid.textRows == ["  │", "──┘"])
  }

  @Test func heavyLinesForFocus() {
    var grid = CellGrid(width: 5, height: 3)
    grid.drawBox(grid.bounds, lines: .heavy, style: .focusBorder)
    #expect(grid.textRows == ["┏━━━┓", "┃   ┃", "┗━━━┛"])
    #expect(grid[0, 0].style == .focusBorder)
  }

  @Test func borderAndTitleStylesAreKeptApart() {
    var grid = CellGrid(width: 9, height: 2)
    grid.drawBox(grid.bounds, title: "Sim")
    #expect(grid.styledText == """
      ┌ Sim ──┐
      └───────┘
      --- styles
      0 0-0 fg=border
      0 1-5 fg=header +bold
      0 6-8 fg=border
      1 0-8 fg=border
      """)
  }
}
