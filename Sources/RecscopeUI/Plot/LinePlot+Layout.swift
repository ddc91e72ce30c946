/// Where each part of a ``LinePlot`` goes in a region, decided once from
/// its size: the parts that do not fit are dropped in a fixed order.
struct PlotLayout {
  var yTitleRow: Int?
  var xTitleRow: Int?
  /// The x axis line; its tick labels are on the row below.
  var axisRow: Int?
  var legendRows: Range<Int> = 0..<0
  var legend: [[(series: Int, text: String)]] = []
  /// Where the dots go.
  var plot: Rect
  /// The y tick labels' column width (0 without axes).
  var labelWidth = 0
  var yTicks: AxisTicks?

  init(_ plot: LinePlot, size: Size, yRange: ClosedRange<Double>) {
    var showLegend = true, showTitles = true, showAxes = true
    self.plot = Rect(size: size)
    while true {
      legend = showLegend ? plot.legendLines(width: size.width) : []
      let top = showTitles && !plot.yTitle.isEmpty ? 1 : 0
      let xTitle = showTitles && !plot.xTitle.isEmpty ? 1 : 0
      let axis = showAxes ? 2 : 0
      let rows = size.height - top - xTitle - axis - legend.count
      yTicks = showAxes && rows >= 2
        ? AxisTicks(yRange, limit: min(5, rows), widening: true) : nil
      labelWidth = showAxes
        ? (yTicks?.labels.map { DisplayWidth.of($0) }.max() ?? 0) : 0
      let columns = size.width - labelWidth - (showAxes ? 1 : 0)
      if rows >= 1 && columns >= 1 {
        self.plot = Rect(x: size.width - columns, y: top, width: columns,
                         height: rows)
        yTitleRow = top == 1 ? 0 : nil
        axisRow = showAxes ? top + rows : nil
        xTitleRow = xTitle == 1 ? top + rows + axis : nil
        legendRows = (top + rows + axis + xTitle)..<size.height
        return
      }
      if showLegend && !legend.isEmpty {
        showLegend = false
      } else if showTitles && (!plot.yTitle.isEmpty || !plot.xTitle.isEmpty) {
        showTitles = false
      } else if showAxes {
        showAxes = false
      } else {
        self.plot = .zero
        legend = []
        return
      }
    }
  }
}

extension LinePlot {
  /// Draws into a region exactly the plot's size.
  func draw(into g: inout CellGrid) {
    let (xRange, dataY) = ranges()
    let layout = PlotLayout(self, size: g.size, yRange: dataY)
    guard !layout.plot.isEmpty else { return }
    let yTicks = layout.yTicks
    let yRange = yTicks.map { $0.values.first!...$0.values.last! } ?? dataY
    var canvas = DotCanvas(columns: layout.plot.width,
                           rows: layout.plot.height, glyphs: glyphs)
    let toDot = DotMapping(x: xRange, y: yRange, canvas: canvas)
    for n in series.indices {
      var previous: (x: Int, y: Int)?
      var step = 0
      for point in scaledPoints(n) {
        guard let point else {
          previous = nil
          step = 0
          continue
        }
        let dot = toDot(point)
        canvas.line(from: previous ?? dot, to: dot, series: n,
                    pattern: glyphs.pattern(ofSeries: n), step: &step,
                    includingStart: previous == nil)
        previous = dot
      }
    }
    paint(canvas, at: layout.plot, into: &g)
    if let row = layout.yTitleRow { g.put(yTitle, x: 0, y: row, style: .header) }
    if let row = layout.axisRow {
      drawAxes(&g, layout: layout, row: row, xRange: xRange, toDot: toDot)
    }
    if let row = layout.xTitleRow {
      let start = layout.plot.x
        + max(0, (layout.plot.width - DisplayWidth.of(xTitle)) / 2)
      g.put(xTitle, x: start, y: row, style: .header)
    }
    for (line, row) in zip(layout.legend, layout.legendRows) {
      var x = 0
      for (n, entry) in line.enumerated() {
        if n > 0 { x += 3 }
        x = g.put(legendSample(entry.series), x: x, y: row,
                  style: Style(foreground: Self.role(ofSeries: entry.series)))
        x = g.put(" " + entry.text, x: x, y: row)
      }
    }
  }

  /// Every cell of the canvas that holds a dot, in its series' colour.
  private func paint(_ canvas: DotCanvas, at plot: Rect, into g: inout CellGrid) {
    for r in 0..<canvas.rows {
      for c in 0..<canvas.columns {
        let cell = r * canvas.columns + c
        guard let character = glyphs.character(mask: canvas.masks[cell],
                                               owner: canvas.owners[cell])
        else { continue }
        g.set(Cell(character,
                   style: Style(foreground: Self.role(ofSeries: canvas.owners[cell]))),
              x: plot.x + c, y: plot.y + r)
      }
    }
  }

  private func drawAxes(_ g: inout CellGrid, layout: PlotLayout, row: Int,
                        xRange: ClosedRange<Double>, toDot: DotMapping) {
    let axis = glyphs.axis, plot = layout.plot
    let column = plot.x - 1
    for r in plot.y..<plot.maxY {
      g.set(Cell(axis.vertical, style: .dim), x: column, y: r)
    }
    if let ticks = layout.yTicks {
      for (value, label) in zip(ticks.values, ticks.labels) {
        let r = plot.y + toDot.y(value) / glyphs.dotsDown
        g.set(Cell(axis.yTick, style: .dim), x: column, y: r)
        g.put(label, x: column - DisplayWidth.of(label), y: r)
      }
    }
    g.set(Cell(axis.corner, style: .dim), x: column, y: row)
    for c in plot.x..<plot.maxX {
      g.set(Cell(axis.horizontal, style: .dim), x: c, y: row)
    }
    var labelEnd = Int.min
    for (value, label) in xTickMarks(xRange, columns: plot.width) {
      let c = plot.x + toDot.x(value) / glyphs.dotsAcross
      g.set(Cell(axis.xTick, style: .dim), x: c, y: row)
      let width = DisplayWidth.of(label)
      let start = min(max(c - (width - 1) / 2, 0), g.width - width)
      guard start > labelEnd else { continue }
      g.put(label, x: start, y: row + 1)
      labelEnd = start + width
    }
  }

  /// The x ticks on the axis's scale, with their labels.
  func xTickMarks(_ range: ClosedRange<Double>,
                  columns: Int) -> [(Double, String)] {
    if let given = xTicks {
      // Labels are placed left to right, skipping any that would touch
      // the one before.
      let shown = given.sorted().filter { t in
        let x = xScale == .logarithmic ? Self.logarithm(t) : t
        return x.isFinite && range.contains(x)
      }
      let labels = AxisTicks(at: shown).labels
      return zip(shown, labels).map { t, label in
        (xScale == .logarithmic ? Self.logarithm(t) : t, label)
      }
    }
    if xScale == .logarithmic {
      let low = range.lowerBound.rounded(.up), high = range.upperBound.rounded(.down)
      guard low <= high else { return [] }
      let exponents = stride(from: low, through: high, by: 1).map { $0 }
      let labels = AxisTicks(at: exponents.map { AxisTicks.power(Int($0)) }).labels
      return Array(zip(exponents, labels))
    }
    let ticks = AxisTicks(range, limit: max(2, min(5, columns / 6)),
                          widening: false)
    return Array(zip(ticks.values, ticks.labels))
  }

  /// Legend entries wrapped into lines of at most `width` columns.
  func legendLines(width: Int) -> [[(series: Int, text: String)]] {
    var lines: [[(series: Int, text: String)]] = []
    var line: [(series: Int, text: String)] = []
    var used = 0
    for (n, s) in series.enumerated() {
      let entry = 4 + DisplayWidth.of(s.name)
      if !line.isEmpty && used + 3 + entry > width {
        lines.append(line)
        line = []
        used = 0
      }
      used += (line.isEmpty ? 0 : 3) + entry
      line.append((n, s.name))
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }

  /// Three cells of series `n`'s line, as the plot draws it across.
  func legendSample(_ n: Int) -> String {
    var canvas = DotCanvas(columns: 3, rows: 1, glyphs: glyphs)
    var step = 0
    let row = glyphs == .braille ? 1 : 0
    canvas.line(from: (0, row), to: (canvas.width - 1, row), series: n,
                pattern: glyphs.pattern(ofSeries: n), step: &step)
    return String((0..<3).map {
      glyphs.character(mask: canvas.masks[$0], owner: n) ?? " "
    })
  }
}

/// From the axes' values to dot coordinates, top left (0, 0).
struct DotMapping {
  let x: ClosedRange<Double>
  let y: ClosedRange<Double>
  let width: Int
  let height: Int

  init(x: ClosedRange<Double>, y: ClosedRange<Double>, canvas: DotCanvas) {
    self.x = x
    self.y = y
    width = canvas.width
    height = canvas.height
  }

  func x(_ value: Double) -> Int {
    Self.place(value, in: x, dots: width, flipped: false)
  }

  func y(_ value: Double) -> Int {
    Self.place(value, in: y, dots: height, flipped: true)
  }

  func callAsFunction(_ p: (x: Double, y: Double)) -> (x: Int, y: Int) {
    (x(p.x), y(p.y))
  }

  private static func place(_ v: Double, in range: ClosedRange<Double>,
                            dots: Int, flipped: Bool) -> Int {
    let span = range.upperBound - range.lowerBound
    let t = span > 0 ? (v - range.lowerBound) / span : 0.5
    let at = Int((min(max(t, 0), 1) * Double(dots - 1)).rounded())
    return flipped ? dots - 1 - at : at
  }
}
