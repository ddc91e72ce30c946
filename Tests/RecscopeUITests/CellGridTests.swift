import Testing
@testable import RecscopeUI

@Suite("Writing text into a grid")
struct CellGridTests {
  @Test func textFitsFromTheOrigin() {
    var grid = CellGrid(width: 8, height: 2)
    grid.put("hello", x: 0, y: 0)
    #expect(grid.textRows == ["hello", ""])
  }

  @Test func textIsClippedAtTheRightEdge() {
    var grid = CellGrid(width: 3, height: 1)
    grid.put("hello", x: 0, y: 0)
    #expect(grid.textRows == ["hel"])
  }

  @Test func textStartingLeftOfTheGridShowsItsTail() {
    var grid = CellGrid(width: 5, height: 1)
    grid.put("hello", x: -2, y: 0)
    #expect(grid.textRows == ["llo"])
  }

  @Test func textStartingPastAnEdgeDrawsNothing() {
    var grid = CellGrid(width: 5, height: 2)
    grid.put("hello", x: 5, y: 0)
    grid.put("hello", x: -5, y: 0)
    grid.put("hello", x: 0, y: -1)
    grid.put("hello", x: 0, y: 2)
    grid.put("hello", x: Int.max / 2, y: Int.min / 2)
    #expect(grid == CellGrid(width: 5, height: 2))
  }

  @Test func putReturnsTheColumnAfterTheTextEvenWhenClipped() {
    var grid = CellGrid(width: 3, height: 1)
    #expect(grid.put("hello", x: 1, y: 0) == 6)
    #expect(grid.put("日本", x: 0, y: 5) == 4)
  }

  @Test func clipRectLimitsTheText() {
    var grid = CellGrid(width: 8, height: 3)
    grid.put("abcdef", x: 1, y: 1, clip: Rect(x: 2, y: 0, width: 3, height: 3))
    grid.put("abcdef", x: 0, y: 2, clip: Rect(x: 0, y: 0, width: 8, height: 2))
    #expect(grid.textRows == ["", "  bcd", ""])
  }

  @Test func zeroAndNegativeSizesDrawNothing() {
    var empty = CellGrid(width: 0, height: 0)
    empty.put("x", x: 0, y: 0)
    empty.fill(Rect(x: 0, y: 0, width: 5, height: 5), with: Cell("#"))
    #expect(empty.textRows == [])

    var flat = CellGrid(width: 0, height: 2)
    flat.put("x", x: 0, y: 1)
    #expect(flat.textRows == ["", ""])

    var grid = CellGrid(width: -3, height: 4)
    #expect(grid.size == Size(width: 0, height: 4))
    grid.put("x", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: -1, height: -1))
    #expect(grid.textRows == ["", "", "", ""])
  }

  @Test func fillCoversOnlyTheRectInsideTheGrid() {
    var grid = CellGrid(width: 4, height: 3)
    grid.fill(Rect(x: 2, y: 1, width: 10, height: 10), with: Cell("#"))
    #expect(grid.textRows == ["", "  ##", "  ##"])
  }

  @Test func setStyleKeepsCharacters() {
    var grid = CellGrid(width: 4, height: 1)
    grid.put("ab", x: 0, y: 0)
    grid.setStyle(.selection, in: Rect(x: 0, y: 0, width: 4, height: 1))
    #expect(grid.textRows == ["ab"])
    #expect(grid[1, 0].style == .selection)
    #expect(grid[3, 0].style == .selection)
  }

  @Test func readingOutsideTheGridGivesABlankCell() {
    let grid = CellGrid(width: 2, height: 2, fill: Cell("x"))
    #expect(grid[-1, 0] == .blank)
    #expect(grid[0, 2] == .blank)
    #expect(grid[1, 1].character == "x")
  }
}

@Suite("Wide characters in a grid")
struct WideCharacterTests {
  @Test func wideCharactersTakeTwoCellsAndReadBackOnce() {
    var grid = CellGrid(width: 6, height: 1)
    let end = grid.put("日本x", x: 0, y: 0)
    #expect(end == 5)
    #expect(grid.textRows == ["日本x"])
    #expect(grid[0, 0].character == "日")
    #expect(grid[1, 0].isContinuation)
    #expect(grid[4, 0].character == "x")
  }

  @Test func columnsAfterWideCharactersStayAligned() {
    var grid = CellGrid(width: 6, height: 2)
    grid.put("日本|", x: 0, y: 0)
    grid.put("abcd|", x: 0, y: 1)
    #expect(grid[4, 0].character == "|")
    #expect(grid[4, 1].character == "|")
  }

  @Test func wideCharacterCutByTheRightEdgeBecomesASpace() {
    var grid = CellGrid(width: 2, height: 1, fill: Cell("."))
    grid.put("a日", x: 0, y: 0)
    #expect(grid.textRows == ["a"])
    #expect(!grid[1, 0].isContinuation)
  }

  @Test func wideCharacterCutByTheLeftEdgeBecomesASpace() {
    var grid = CellGrid(width: 4, height: 1)
    grid.put("日本", x: -1, y: 0)
    #expect(grid.textRows == [" 本"])
  }

  @Test func overwritingEitherHalfBlanksTheOther() {
    var grid = CellGrid(width: 4, height: 2)
    grid.put("日", x: 0, y: 0)
    grid.put("x", x: 1, y: 0)
    grid.put("日", x: 0, y: 1)
    grid.put("x", x: 0, y: 1)
    #expect(grid.textRows == [" x", "x"])
    #expect(!grid[1, 1].isContinuation)
  }

  @Test func emojiAndCombiningMarks() {
    var grid = CellGrid(width: 6, height: 1)
    grid.put("🙂e\u{301}!", x: 0, y: 0)
    #expect(grid.textRows == ["🙂e\u{301}!"])
    #expect(grid[3, 0].character == "!")
  }
}

@Suite("Regions of a grid")
struct RegionTests {
  @Test func regionDrawsInLocalCoordinatesAndClips() {
    var grid = CellGrid(width: 8, height: 3)
    let size = grid.withRegion(Rect(x: 2, y: 1, width: 3, height: 2)) {
      region in
      region.put("abcdef", x: 0, y: 0)
      region.put("zz", x: 2, y: 1)
      return region.size
    }
    #expect(size == Size(width: 3, height: 2))
    #expect(grid.textRows == ["", "  abc", "    z"])
  }

  @Test func regionPartlyOutsideTheGridIsCutToIt() {
    var grid = CellGrid(width: 4, height: 2)
    grid.withRegion(Rect(x: 2, y: -1, width: 5, height: 2)) { region in
      #expect(region.size == Size(width: 2, height: 1))
      region.put("xyz", x: 0, y: 0)
    }
    #expect(grid.textRows == ["  xy", ""])
  }

  @Test func regionKeepsWhatWasAlreadyDrawn() {
    var grid = CellGrid(width: 5, height: 1)
    grid.put("hello", x: 0, y: 0)
    grid.withRegion(Rect(x: 1, y: 0, width: 3, height: 1)) { region in
      #expect(region.textRows == ["ell"])
      region.put("A", x: 1, y: 0)
    }
    #expect(grid.textRows == ["heAlo"])
  }

  @Test func blitCopiesWideCharactersWhole() {
    var source = CellGrid(width: 4, height: 1)
    source.put("日本", x: 0, y: 0)
    var target = CellGrid(width: 5, height: 1)
    target.blit(source, at: 1, y: 0)
    #expect(target.textRows == [" 日本"])
    target.blit(source, from: Rect(x: 1, y: 0, width: 3, height: 1),
                at: 0, y: 0)
    #expect(target.textRows == [" 本本"])
  }
}
