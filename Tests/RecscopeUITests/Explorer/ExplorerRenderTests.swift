import Foundation
import RecscopeCore
import TestSupport
import Testing
@testable import RecscopeUI

/// The explorer drawn into a grid and read back as text and styles, at
/// ordinary and tiny sizes and in each colour mode.
@Suite("Explorer rendering")
struct ExplorerRenderTests {
  let fixture = ExplorerFixture()

  static let sizes = [
    (0, 0), (1, 1), (2, 1), (1, 5), (10, 3), (23, 6), (24, 6), (30, 8),
    (40, 12), (79, 24), (80, 19), (80, 20), (80, 24), (132, 43),
  ]

  /// The styles of row `y` as `styledText` lists them.
  func styles(_ grid: CellGrid, row y: Int) -> [String] {
    grid.styledText.split(separator: "\n").map(String.init)
      .filter { $0.hasPrefix("\(y) ") }
  }

  @Test(arguments: sizes)
  func everySizeDrawsInEveryModeAndPane(width: Int, height: Int) throws {
    let size = Size(width: width, height: height)
    for mode in ColorMode.allCases {
      let state = try fixture.state(size: size, colorMode: mode)
      for script in ["", "<Tab>", "<Tab><Tab>", "jjj 4 <Enter>", "?", "s",
                     "f", ":"] {
        let grid = ExplorerHeadless.replay(try KeyScript.parse(script),
                                           on: state)
        #expect(grid.size == size)
        _ = state.handle(.escape)
        _ = state.handle(.escape)
      }
      let rows = ExplorerView.render(state).textRows
      if width >= 24 && height >= 6 {
        #expect(rows.last?.hasPrefix("? help") == true, "\(size) \(mode)")
      } else if height > 0 && width >= 5 {
        #expect(rows.contains { $0.contains("24×6") }, "\(size) \(mode)")
      }
    }
  }

  @Test func splitScreenAt80x24() throws {
    let state = try fixture.state(size: Size(width: 80, height: 24))
    let rows = ExplorerView.render(state).textRows
    #expect(rows[0] == "┏ Ratings 12×15 ━━━━━━━━━━━━━━━━━━━━━━━━━━━┓"
      + "┌ Similarity: users · cosine ──────┐")
    #expect(rows[1].hasPrefix("┃ana × m01 rated 5 Rust and Thunder        ┃"))
    #expect(rows[2].hasPrefix("┃1:5    m01  m04  m07  m12  m09  m02  m06  ┃"))
    #expect(rows[3].hasPrefix("┃ana      5    4    5    5    4    2    1  ┃"))
    #expect(rows[6].hasPrefix("┃dev      ·    ·    ·    ·    ·    ·    ·  ┃"))
    #expect(rows[1].hasSuffix("│sim(ana, ana) = 1 · cosine · 8 co…│"))
    #expect(rows[13].hasSuffix("│for ana · k-NN basic · user-based…│"))
    #expect(rows[14].hasSuffix("│ 1     The Long Th…   3.9 k-NN    │"))
    #expect(rows[23].hasPrefix("? help  1-9 rate  x clear  Enter explain"))
  }

  @Test func resizingRelaysOutTheScreen() throws {
    let state = try fixture.state(size: Size(width: 80, height: 24))
    var rows = try fixture.type("<Resize 40 12>", into: state)
    #expect(rows[0] == " 1 Ratings  2 Sim  3 Recs")
    #expect(rows[1].hasPrefix("┌ Ratings ─"))
    rows = try fixture.type("<Tab>", into: state)
    #expect(rows[1].hasPrefix("┌ Similarity ─"))
    rows = try fixture.type("<Resize 20 5>", into: state)
    #expect(rows[2] == "Need 24×6, now 20×5")
    rows = try fixture.type("<Resize 120 40>", into: state)
    #expect(rows[0].contains("Similarity: users"))
    #expect(rows.count == 40)
  }

  @Test func heatmapUsesHalfBlocksWith256Colours() throws {
    let state = try fixture.state(size: Size(width: 80, height: 24),
                                  colorMode: .palette256)
    let grid = ExplorerHeadless.replay(try KeyScript.parse("<Tab> l"),
                                       on: state)
    // Row 3 holds ana (top) and ben (bottom); the cursor is on sim(ana, ben).
    #expect(grid.textRow(3).hasSuffix("┃▸▀×▀▀▀▀▀▀▀▀▀▀                     ┃"))
    let row3 = styles(grid, row: 3)
    // The cursor mark takes the ramp's darkest colour on its light bin.
    #expect(row3.contains("3 47-47 fg=seq0 bg=seq15 +bold"))
    // sim(ana, ana) = 1 over sim(ben, ana) = 1; sim(ana, dev) = 0.
    #expect(row3.contains("3 46-46 fg=seq15 bg=seq15"))
    #expect(row3.contains("3 49-49 fg=seq0 bg=seq0"))
    // The legend is the same bins, with the cursor's bin marked.
    #expect(styles(grid, row: 2).contains {
      $0.contains("fg=seq0 bg=seq15 +bold")
    })
    #expect(grid.textRow(1).contains("sim(ana, ben) = 1 · cosine · 7 co…"))
  }

  @Test func heatmapUsesGlyphsAndReverseVideoWithoutColour() throws {
    let state = try fixture.state(size: Size(width: 80, height: 24),
                                  colorMode: .none)
    let grid = ExplorerHeadless.replay(try KeyScript.parse("<Tab> l"),
                                       on: state)
    #expect(grid.textRow(2).hasSuffix("┃0 ....::::--====++++****##%%%%@@ 1┃"))
    #expect(grid.textRow(3).hasSuffix("┃▸@@+.@@*%@@@@                     ┃"))
    #expect(styles(grid, row: 3).contains("3 47-47 +reverse"))
    #expect(styles(grid, row: 2).contains("2 76-76 +reverse"))
    // No role in this mode relies on colour: every heat cell is plain.
    #expect(!grid.styledText.contains("seq"))

    let basic = try fixture.state(size: Size(width: 80, height: 24),
                                  colorMode: .basic8)
    let tinted = ExplorerHeadless.replay(try KeyScript.parse("<Tab> l"),
                                         on: basic)
    #expect(tinted.textRow(3) == grid.textRow(3))
    #expect(styles(tinted, row: 3).contains("3 47-47 fg=seq15 +reverse"))
  }

  @Test func signedMeasuresGetTheDivergingScale() throws {
    let state = try fixture.state(size: Size(width: 80, height: 24),
                                  colorMode: .palette256)
    let grid = ExplorerHeadless.replay(
      try KeyScript.parse(":set<Space>sim=pearson<Enter> <Tab> jj"), on: state)
    #expect(grid.textRow(2).contains("┃-1 "))
    #expect(grid.styledText.contains("bg=div"))
    #expect(!grid.styledText.contains("bg=seq"))
    #expect(grid.textRow(1).contains("sim(cara, ana) = -0.96 · pearson"))
  }

  @Test func selectingASimilarityHighlightsItsCoRatedItems() throws {
    let state = try fixture.state(size: Size(width: 80, height: 24))
    let grid = ExplorerHeadless.replay(try KeyScript.parse("<Tab> jj"),
                                       on: state)
    // sim(cara, ana): they share m01, m07, m02, m06 among the columns;
    // m01 is the selected column.
    let header = styles(grid, row: 2)
    for column in [17, 32, 37] {
      #expect(header.contains {
        $0.hasPrefix("2 \(column)-") && $0.contains("bg=highlight")
      }, "column at \(column)")
    }
    #expect(!header.contains { $0.hasPrefix("2 12-") && $0.contains("highlight") })
    #expect(styles(grid, row: 5).contains("5 17-20 bg=highlight"))
    #expect(styles(grid, row: 5).contains("5 12-15 fg=dim"))
  }

  @Test func anEditMarksWhatChangedUntilTheNextKey() throws {
    let state = try fixture.state(size: Size(width: 80, height: 24))
    var grid = ExplorerHeadless.replay(try KeyScript.parse("jjj ll 5"),
                                       on: state)
    #expect(grid.textRow(23).contains("dev × m07: · → 5 · 7 recommendations"
                                      + " moved · 10 similarities changed"))
    #expect(grid.textRow(4).contains("▹×•••"))
    #expect(grid.textRow(16).hasSuffix("│ 3 ↑2  Harbor Ligh…     4 k-NN    │"))
    #expect(grid.textRow(18).contains(" 5 new Signal Lost"))
    grid = ExplorerHeadless.replay([.right], on: state)
    #expect(!grid.textRow(4).contains("•"))
    // Rank moves stay until the next edit.
    #expect(grid.textRow(16).contains("↑2"))
  }

  @Test func predictionsShowDimmedInUnratedCells() throws {
    let state = try fixture.state(size: Size(width: 80, height: 24))
    let grid = ExplorerHeadless.replay(try KeyScript.parse("p"), on: state)
    #expect(grid.textRow(6).hasPrefix("┃dev    2.5"))
    #expect(styles(grid, row: 6).contains("6 7-10 fg=dim"))
    #expect(grid.textRow(3).hasPrefix("┃ana      5    4"))
  }

  @Test func controlCharactersInIdsAndTitlesAreReplaced() throws {
    var data = Datasets.make([("ev\u{1B}[31mil", "i\u{7}1", 4),
                              ("bob", "i\u{7}1", 2), ("bob", "i2", 5)],
                             featureNames: ["a"])
    data.catalog.setTitle("Bell\u{7}\u{202E}Title", of: ItemIndex(0))
    let engine = try Engine(dataset: data)
    let grid = ExplorerHeadless.run(
      engine: engine, options: ExplorerOptions(journaling: false),
      keys: try KeyScript(parsing: "<Tab><Tab>"),
      size: Size(width: 80, height: 24), colorMode: .palette256)
    let text = grid.text
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(!text.contains("\u{202E}"))
    #expect(text.contains("ev\u{FFFD}[31mil"))
    #expect(text.contains("Bell\u{FFFD}\u{FFFD}Title"))
  }

  @Test func emptyDataDrawsAndGrowsByHand() throws {
    let engine = try Engine(dataset: Dataset(ratings: RatingMatrix(),
                                             scale: RatingScale(1, 5)))
    let state = ExplorerState(engine: engine,
                              options: ExplorerOptions(journaling: false),
                              size: Size(width: 80, height: 24),
                              colorMode: .palette256)
    var rows = ExplorerView.render(state).textRows
    #expect(rows[1].contains("no items yet: A adds one"))
    #expect(rows[3].contains("no users yet: a adds one"))
    #expect(rows[1].contains("nothing to compare yet"))
    rows = try fixture.type(
      "a<Enter> A<Enter><Enter> 4 A<Enter>Second<Enter> 2", into: state)
    #expect(engine.ratings.count == 2)
    #expect(rows[3].hasPrefix("┃new1     4    2"))
  }

  @Test func wideTitlesKeepColumnsAligned() throws {
    var data = Datasets.make([("u1", "a", 4), ("u1", "b", 3), ("u2", "a", 5),
                              ("u2", "c", 2)])
    data.catalog.setTitle("七人の侍 Seven Samurai", of: ItemIndex(0))
    let engine = try Engine(dataset: data)
    let grid = ExplorerHeadless.run(
      engine: engine, options: ExplorerOptions(journaling: false),
      keys: try KeyScript(parsing: "j"), size: Size(width: 80, height: 24),
      colorMode: .palette256)
    #expect(grid.textRow(1).hasPrefix("┃u2 × a rated 5 七人の侍 Seven Samurai"))
    // Every row still ends in the pane's border at the same column.
    for y in 1..<12 { #expect(grid[43, y].character == "┃", "row \(y)") }
  }

  @Test func helpNamesTheFocusedPanesKeys() throws {
    let state = try fixture.state(size: Size(width: 80, height: 30))
    var rows = try fixture.type("?", into: state)
    #expect(rows.contains { $0.contains("Help: Ratings") })
    #expect(rows.contains { $0.contains("1-9        rate the cell") })
    rows = try fixture.type("<Esc> <Tab> <F1>", into: state)
    #expect(rows.contains { $0.contains("Help: Similarity") })
    rows = try fixture.type("<Esc>", into: state)
    #expect(!rows.contains { $0.contains("Help:") })
  }
}
