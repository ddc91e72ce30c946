/// A line plot of named series over a shared x axis, drawn in character
/// cells: into a ``CellGrid`` at a rect (a pane of the explorer) or into
/// plain text lines (the command line).
///
///     RMSE
///     1.20┤⠑⢄
///     1.10┤  ⠑⠢⢄⣀
///     1.00┤      ⠉⠉⠒⠒⠤⠤
///         └┬────┬────┬──
///          1    5    10
///                epoch
///     ⠒⠒⠒ train   ⠒⠀⠒ test
///
/// Layout, top to bottom: the y title, the plot with 3 to 5 round tick
/// values on the left (the y range widened to the outer ticks), the x
/// axis with its ticks and their labels, the x title, and a legend that
/// shows each series' mark in its style. A rect too small for all of it
/// drops the legend, then the titles, then the axes, and draws what is
/// left; an empty rect draws nothing.
///
/// Degenerate data still draws: one point, or every y equal, gets a
/// range around its value; a series with no finite point is named in
/// the legend and draws nothing; with no point at all the axes span
/// 0 to 1.
public struct LinePlot: Sendable, Equatable {
  /// How x values map to columns.
  public enum Scale: Sendable, Equatable {
    case linear
    /// log₁₀ x; points with x ≤ 0 are left out.
    case logarithmic
  }

  public var series: [PlotSeries]
  public var xTitle: String
  public var yTitle: String
  public var glyphs: PlotGlyphs
  public var xScale: Scale
  /// Where the x axis is marked; round values inside the range when nil.
  public var xTicks: [Double]?

  public init(series: [PlotSeries], xTitle: String = "", yTitle: String = "",
              glyphs: PlotGlyphs = .braille, xScale: Scale = .linear,
              xTicks: [Double]? = nil) {
    self.series = series
    self.xTitle = xTitle
    self.yTitle = yTitle
    self.glyphs = glyphs
    self.xScale = xScale
    self.xTicks = xTicks
  }

  /// The colour role of series `n`.
  public static func role(ofSeries n: Int) -> ColorRole { .series(n) }

  /// The plot as `height` lines of at most `width` columns, trailing
  /// spaces trimmed.
  public func textLines(width: Int, height: Int) -> [String] {
    var grid = CellGrid(width: width, height: height)
    draw(into: &grid, in: grid.bounds)
    return grid.textRows
  }
}
