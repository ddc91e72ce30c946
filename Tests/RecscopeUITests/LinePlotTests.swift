import Testing
@testable import RecscopeUI

/// Line plots drawn into text, checked against hand-worked rows.
@Suite struct LinePlotTests {
  /// A rising and a falling line crossing a 9 × 8 rect: a y title, two
  /// plot rows, the x axis and its labels, an x title and a legend too
  /// wide for one row.
  func crossing(_ glyphs: PlotGlyphs) -> LinePlot {
    LinePlot(series: [PlotSeries(name: "a", points: [(0, 0), (1, 2)]),
                      PlotSeries(name: "b", points: [(0, 2), (1, 0)])],
             xTitle: "x", yTitle: "y", glyphs: glyphs)
  }

  // Braille: 7 × 2 cells are 14 × 8 dots. Line a runs from dot (0, 7)
  // to (13, 0), Bresenham's steps two across for each one up; line b
  // mirrors it, dashed (two dots on, two off).
  @Test func brailleRows() {
    #expect(crossing(.braille).textLines(width: 9, height: 8) == [
      "y",
      "2┤⠑ ⢄⢀⡠⠔⠊",
      "0┤⡠⠔⠊⠁⠑ ⢄",
      " └┬─────┬",
      "  0     1",
      "     x",
      "⠒⠒⠒ a",
      "⠒ ⠒ b",
    ])
  }

  // Quadrant blocks: 14 × 4 dots.
  @Test func blockRows() {
    #expect(crossing(.block).textLines(width: 9, height: 8) == [
      "y",
      "2┤▀ ▄▗▄▞▀",
      "0┤▄▞▀▘▀ ▄",
      " └┬─────┬",
      "  0     1",
      "     x",
      "▀▀▀ a",
      "▀ ▀ b",
    ])
  }

  // ASCII: one mark a cell, the later series on top where they meet.
  @Test func asciiRows() {
    #expect(crossing(.ascii).textLines(width: 9, height: 8) == [
      "y",
      "2+ooo****",
      "0+***oooo",
      " ++-----+",
      "  0     1",
      "     x",
      "*** a",
      "ooo b",
    ])
  }

  @Test func eachSeriesDrawsInItsOwnRole() {
    var grid = CellGrid(width: 20, height: 10)
    crossing(.braille).draw(into: &grid, in: Rect(x: 5, y: 1, width: 9, height: 8))
    #expect(grid.textRow(2) == "     2┤⠑ ⢄⢀⡠⠔⠊")
    #expect(grid[7, 2].style.foreground == .series(1))
    #expect(grid[11, 2].style.foreground == .series(0))
    #expect(grid[5, 7].style.foreground == .series(0))
    #expect(grid[5, 8].style.foreground == .series(1))
    #expect(grid.textRow(0) == "" && grid.textRow(9) == "")
    #expect(ColorRole.series(3).name == "ser3")
  }

  @Test func onePointGetsARangeAroundIt() {
    let plot = LinePlot(series: [PlotSeries(name: "p", points: [(3, 2)])],
                        glyphs: .ascii)
    // y spans 2 ± 5 %, ticks 1.9, 2.0, 2.1 over four rows (2.0 rounds
    // to the third); x spans 3 ± 5 % with one round tick inside, at 3,
    // the middle of the eight columns.
    #expect(plot.textLines(width: 12, height: 7) == [
      "2.1+",
      "   |",
      "2.0+    *",
      "1.9+",
      "   +----+---",
      "       3.0",
      "*** p",
    ])
  }

  @Test func equalValuesDrawAFlatLine() {
    let plot = LinePlot(series: [PlotSeries(name: "flat", values: [0, 0, 0])],
                        glyphs: .ascii)
    let rows = plot.textLines(width: 14, height: 6)
    #expect(rows[1] == " 0+***********")
    #expect(rows[0].hasPrefix(" 1+") && rows[2].hasPrefix("-1+"))
  }

  @Test func nonFiniteValuesAreSkippedAndBreakTheLine() {
    let plot = LinePlot(
      series: [PlotSeries(name: "gap", values: [1, 1, .nan, 1, .infinity, 1])],
      glyphs: .ascii)
    let rows = plot.textLines(width: 13, height: 5)
    // y is 1 ± 5 %, too narrow for round ticks on two rows: they widen
    // it to 0…2. x runs 1…6 over 11 columns, two a step: points at
    // columns 0, 2, 6 and 10, joined only where both ends are finite.
    #expect(rows[0] == "2+***   *   *")
  }

  @Test func emptySeriesAreNamedAndDrawNothing() {
    let plot = LinePlot(series: [PlotSeries(name: "none", points: []),
                                 PlotSeries(name: "nan", values: [.nan])],
                        glyphs: .ascii)
    let rows = plot.textLines(width: 20, height: 6)
    #expect(rows.last == "*** none   ooo nan")
    #expect(rows[0] == "1.0+" && rows[2] == "0.0+")
    #expect(!rows.contains { $0.contains("*") && !$0.contains("none") })
  }

  @Test func tinyRectsDropPartsAndNeverDrawOutside() {
    let plot = crossing(.braille)
    for (w, h) in [(0, 0), (1, 1), (3, 2), (2, 9), (9, 3), (40, 1)] {
      var grid = CellGrid(width: 50, height: 12)
      plot.draw(into: &grid, in: Rect(x: 2, y: 2, width: w, height: h))
      for y in 0..<12 {
        for x in 0..<50 where grid[x, y].character != " " {
          #expect(x >= 2 && x < 2 + w && y >= 2 && y < 2 + h, "\(w)×\(h) at \(x),\(y)")
        }
      }
    }
    // Too short for axes: the lines alone, over the whole rect.
    #expect(plot.textLines(width: 3, height: 2) == ["⠑⢀⠎", "⡰⠉⠂"])
  }

  @Test func logarithmicAxisAtGivenTicks() {
    let plot = LinePlot(
      series: [PlotSeries(name: "e", points: [(0.1, 3), (1, 2), (10, 1)])],
      glyphs: .ascii, xScale: .logarithmic, xTicks: [0.1, 1, 10])
    let rows = plot.textLines(width: 13, height: 6)
    #expect(rows == ["3+***", "2+   *****", "1+        ***",
                     " ++----+----+", " 0.1   1   10", "*** e"])
  }
}

/// Round tick values and their labels.
@Suite struct AxisTicksTests {
  @Test func widenedToRoundEnds() {
    let t = AxisTicks(0.76...1.25, limit: 5, widening: true)
    #expect(t.values == [0.75, 1, 1.25] && t.labels == ["0.75", "1.00", "1.25"])
    let u = AxisTicks(0...2, limit: 5, widening: true)
    #expect(u.labels == ["0.0", "0.5", "1.0", "1.5", "2.0"])
    #expect(AxisTicks(0...2, limit: 2, widening: true).values == [0, 2])
  }

  @Test func insideTheRange() {
    #expect(AxisTicks(1...20, limit: 5, widening: false).values == [5, 10, 15, 20])
    #expect(AxisTicks(1...1.5, limit: 5, widening: false).labels
              == ["1.0", "1.2", "1.4"])
  }

  @Test func labelsAtGivenPlaces() {
    #expect(AxisTicks(at: [5, 10, 80]).labels == ["5", "10", "80"])
    #expect(AxisTicks(at: [0.1, 0.25, 1]).labels == ["0.1", "0.25", "1"])
    #expect(AxisTicks.label(-0.04, decimals: 1) == "0.0")
    #expect(AxisTicks.label(-0.06, decimals: 1) == "-0.1")
  }
}

extension LinePlotTests {
  @Test func givenTicksAreLabelledLeftToRightInAnyOrder() {
    let plot = LinePlot(
      series: [PlotSeries(name: "e", points: [(10, 1), (1, 3)])],
      glyphs: .ascii, xScale: .logarithmic, xTicks: [10, 2, 1])
    let rows = plot.textLines(width: 13, height: 6)
    // log₁₀ 2 ≈ 0.3 of the way: dot 3 of 0…10.
    #expect(rows[3] == " ++--+------+" && rows[4] == "  1  2     10")
  }
}
