import Testing
@testable import RecscopeUI

@Suite("Rect")
struct RectTests {
  @Test func negativeSizesBecomeEmpty() {
    let rect = Rect(x: 3, y: 4, width: -2, height: 5)
    #expect(rect.width == 0)
    #expect(rect.isEmpty)
  }

  @Test func intersectionOfDisjointRectsIsEmpty() {
    let a = Rect(x: 0, y: 0, width: 2, height: 2)
    let b = Rect(x: 5, y: 5, width: 2, height: 2)
    #expect(a.intersection(b).isEmpty)
    #expect(!a.intersects(b))
    #expect(a.intersection(Rect(x: 1, y: 1, width: 5, height: 5))
      == Rect(x: 1, y: 1, width: 1, height: 1))
  }

  @Test func slicesTileTheRect() {
    let rect = Rect(x: 2, y: 3, width: 10, height: 6)
    let (top, rest) = rect.sliceTop(2)
    #expect(top == Rect(x: 2, y: 3, width: 10, height: 2))
    #expect(rest == Rect(x: 2, y: 5, width: 10, height: 4))
    let (right, left) = rect.sliceRight(20)
    #expect(right == rect)
    #expect(left.isEmpty)
    #expect(rect.sliceBottom(-1).bottom.isEmpty)
  }

  @Test func weightedSplitsAddUpExactly() {
    let rect = Rect(x: 1, y: 0, width: 10, height: 1)
    let parts = rect.splitColumns([1, 1, 1])
    #expect(parts.map(\.width) == [4, 3, 3])
    #expect(parts.map(\.x) == [1, 5, 8])
    #expect(rect.splitColumns([0, 0]).map(\.width) == [5, 5])
    #expect(rect.splitColumns([3, -1]).map(\.width) == [10, 0])
    #expect(Rect.zero.splitRows([1, 2]).map(\.height) == [0, 0])
  }

  @Test func insetNeverInvertsTheRect() {
    let rect = Rect(x: 0, y: 0, width: 3, height: 1)
    #expect(rect.inset(by: 1) == Rect(x: 1, y: 0, width: 1, height: 1))
    #expect(rect.inset(by: 5).width >= 0)
    #expect(rect.contains(rect.inset(by: 5)))
  }
}

@Suite("Screen layout")
struct ScreenLayoutTests {
  static let sizes = [
    (0, 0), (1, 1), (10, 3), (23, 6), (24, 5), (24, 6), (40, 12),
    (79, 24), (80, 19), (80, 20), (80, 24), (200, 60),
  ]

  @Test(arguments: sizes)
  func everyRectIsOnScreenAndNoneOverlap(width: Int, height: Int) {
    for focus in Pane.allCases {
      let layout = ScreenLayout(
        size: Size(width: width, height: height), focus: focus)
      let screen = Rect(size: layout.size)
      let rects = layout.allRects
      for rect in rects {
        #expect(screen.contains(rect), "\(rect) leaves \(screen)")
      }
      for (i, a) in rects.enumerated() {
        for b in rects[(i + 1)...] {
          #expect(!a.intersects(b), "\(a) overlaps \(b)")
        }
      }
    }
  }

  @Test(arguments: sizes)
  func drawingTheChromeNeverTrapsAndStaysInside(width: Int, height: Int) {
    let size = Size(width: width, height: height)
    let layout = ScreenLayout(size: size, focus: .heatmap)
    var grid = CellGrid(size: size)
    let status = StatusLine(hints: [KeyHint("Tab", "pane")], message: "ok")
    layout.drawChrome(into: &grid, focus: .heatmap, status: status)
    #expect(grid.size == size)
  }

  @Test func arrangementFollowsTheMinimums() {
    func arrangement(_ width: Int, _ height: Int) -> ScreenLayout.Arrangement {
      ScreenLayout(size: Size(width: width, height: height), focus: .matrix)
        .arrangement
    }
    #expect(arrangement(80, 20) == .split)
    #expect(arrangement(200, 60) == .split)
    #expect(arrangement(79, 24) == .tabbed)
    #expect(arrangement(80, 19) == .tabbed)
    #expect(arrangement(24, 6) == .tabbed)
    #expect(arrangement(23, 6) == .tooSmall)
    #expect(arrangement(24, 5) == .tooSmall)
    #expect(arrangement(0, 0) == .tooSmall)
  }

  @Test func splitLayoutTilesTheScreen() {
    let layout = ScreenLayout(size: Size(width: 80, height: 24), focus: .matrix)
    #expect(layout.panes[.matrix] == Rect(x: 0, y: 0, width: 44, height: 23))
    #expect(layout.panes[.heatmap] == Rect(x: 44, y: 0, width: 36, height: 12))
    #expect(layout.panes[.recommendations]
      == Rect(x: 44, y: 12, width: 36, height: 11))
    #expect(layout.statusLine == Rect(x: 0, y: 23, width: 80, height: 1))
    #expect(layout.allRects.reduce(0) { $0 + $1.area } == 80 * 24)
  }

  @Test func tabbedLayoutShowsOnlyTheFocusedPane() {
    let layout = ScreenLayout(
      size: Size(width: 40, height: 12), focus: .recommendations)
    #expect(Array(layout.panes.keys) == [.recommendations])
    #expect(layout.content(of: .recommendations)
      == Rect(x: 1, y: 2, width: 38, height: 8))
    #expect(layout.content(of: .matrix) == nil)
  }

  @Test func tabbedScreenAt40x12() {
    let size = Size(width: 40, height: 12)
    let layout = ScreenLayout(size: size, focus: .heatmap)
    var grid = CellGrid(size: size)
    let status = StatusLine(hints: [KeyHint("Tab", "pane"), KeyHint("q", "quit")])
    layout.drawChrome(into: &grid, focus: .heatmap, status: status)
    let side = "│" + String(repeating: " ", count: 38) + "│"
    #expect(grid.textRows == [
      " 1 Ratings  2 Sim  3 Recs",
      "┌ Similarity " + String(repeating: "─", count: 26) + "┐",
      side, side, side, side, side, side, side, side,
      "└" + String(repeating: "─", count: 38) + "┘",
      "? help  Tab pane  q quit",
    ])
    #expect(grid[12, 0].style == .selection.adding(.bold))
  }

  @Test func focusedPaneHasHeavyFrameInSplitLayout() {
    let size = Size(width: 80, height: 20)
    let layout = ScreenLayout(size: size, focus: .heatmap)
    var grid = CellGrid(size: size)
    layout.drawChrome(into: &grid, focus: .heatmap, status: StatusLine(hints: []))
    #expect(grid.textRows[0].hasPrefix("┌ Ratings ─"))
    #expect(grid[44, 0].character == "┏")
    #expect(grid[44, 0].style == .focusBorder)
    #expect(grid[44, 10].character == "┌")
    #expect(grid.textRows[19] == "? help")
  }

  @Test func clicksFindTheirPane() {
    let split = ScreenLayout(size: Size(width: 80, height: 24), focus: .matrix)
    #expect(split.pane(atX: 0, y: 0, focus: .matrix) == .matrix)
    #expect(split.pane(atX: 50, y: 5, focus: .matrix) == .heatmap)
    #expect(split.pane(atX: 79, y: 22, focus: .matrix) == .recommendations)
    #expect(split.pane(atX: 10, y: 23, focus: .matrix) == nil)

    let tabbed = ScreenLayout(size: Size(width: 40, height: 12), focus: .heatmap)
    #expect(tabbed.pane(atX: 3, y: 0, focus: .heatmap) == .matrix)
    #expect(tabbed.pane(atX: 20, y: 0, focus: .heatmap) == .recommendations)
    #expect(tabbed.pane(atX: 39, y: 0, focus: .heatmap) == nil)
    #expect(tabbed.pane(atX: 5, y: 5, focus: .heatmap) == .heatmap)
  }

  @Test func tooSmallScreenSaysWhatItNeeds() {
    func rows(_ width: Int, _ height: Int) -> [String] {
      let size = Size(width: width, height: height)
      var grid = CellGrid(size: size)
      ScreenLayout(size: size, focus: .matrix)
        .drawChrome(into: &grid, focus: .matrix, status: StatusLine(hints: []))
      return grid.textRows
    }
    #expect(rows(10, 3) == ["", "Need 24×6", ""])
    #expect(rows(20, 1) == ["Need 24×6, now 20×1"])
    #expect(rows(1, 1) == ["…"])
    #expect(rows(0, 0) == [])
    #expect(rows(5, 0) == [])
  }
}

@Suite("Status line")
struct StatusLineTests {
  let hints = [
    KeyHint("Tab", "pane"), KeyHint("↑↓", "move"), KeyHint("Enter", "edit"),
  ]

  func row(_ line: StatusLine, width: Int) -> String {
    var grid = CellGrid(width: width, height: 1)
    line.draw(into: &grid, rect: grid.bounds)
    return grid.textRows[0]
  }

  @Test func allHintsFitWhenThereIsRoom() {
    #expect(row(StatusLine(hints: hints), width: 40)
      == "? help  Tab pane  ↑↓ move  Enter edit")
  }

  @Test func leastImportantHintsDropFirst() {
    #expect(row(StatusLine(hints: hints), width: 25) == "? help  Tab pane  ↑↓ move")
    #expect(row(StatusLine(hints: hints), width: 24) == "? help  Tab pane")
    #expect(row(StatusLine(hints: hints), width: 15) == "? help")
  }

  @Test func helpIsNeverCut() {
    let many = (1...20).map { KeyHint("k\($0)", String(repeating: "x", count: $0)) }
    let line = StatusLine(hints: many, message: "a long message here")
    for width in 6...120 {
      let text = row(line, width: width)
      #expect(text.hasPrefix("? help"), "width \(width): \(text)")
      #expect(DisplayWidth.of(text) <= width)
    }
    #expect(row(line, width: 3) == "?")
    #expect(row(line, width: 0) == "")
  }

  @Test func messageIsRightAlignedAndTruncated() {
    let line = StatusLine(hints: [KeyHint("q", "quit")], message: "user 12 · 3 edits")
    #expect(row(line, width: 40)
      == "? help  q quit" + String(repeating: " ", count: 9) + "user 12 · 3 edits")
    #expect(row(line, width: 24) == "? help  q quit  user 12…")
  }

  @Test func keysAreStyledApartFromActions() {
    var grid = CellGrid(width: 20, height: 1)
    StatusLine(hints: []).draw(into: &grid, rect: grid.bounds)
    #expect(grid[0, 0].style == .statusKey)
    #expect(grid[2, 0].style == .statusBar)
    #expect(grid[19, 0].style == .statusBar)
  }
}
