import RecscopeCore

/// The three parts of the lab view, each drawn into a region its size.
extension LabView {
  // MARK: Models

  /// The columns of the table that fit a width, widest set first.
  private static func columns(for width: Int) -> [Column] {
    let sets: [[Column]] = [
      [.train, .test, .gap, .deviation], [.train, .test, .gap],
      [.test, .gap], [.test], [],
    ]
    // Whole names first (knn-baseline is 12), then figures.
    return sets.first { 2 + 12 + 7 * $0.count <= width }
      ?? sets.first { 2 + 6 + 7 * $0.count <= width } ?? []
  }

  private enum Column {
    case train, test, gap, deviation

    var title: String {
      switch self {
      case .train: "train"
      case .test: "test"
      case .gap: "gap"
      case .deviation: "sd"
      }
    }

    /// The figure, with three decimals; the gap signed.
    func text(_ figures: LabFigures) -> String {
      switch self {
      case .train: Self.number(figures.trainRMSE?.mean)
      case .test: Self.number(figures.testRMSE?.mean)
      case .gap: Self.number(figures.gap?.mean, signed: true)
      case .deviation: Self.number(figures.testRMSE?.standardDeviation)
      }
    }

    static func number(_ value: Double?, signed: Bool = false) -> String {
      guard let value else { return "-" }
      let text = AxisTicks.label(value, decimals: 3)
      return signed && value >= 0 ? "+" + text : text
    }
  }

  /// `• knn-basic   0.831  1.467 +0.636  0.291` per model, the cursor's
  /// row highlighted; figures of another key dimmed.
  func drawModels(into g: inout CellGrid) {
    let models = state.labModels
    let columns = Self.columns(for: g.width)
    let nameWidth = max(1, g.width - 2 - 7 * columns.count)
    let evaluation = lab.evaluation
    let current = evaluation?.key == state.currentLabKey
    let header = g.height >= 2 ? 1 : 0
    if header == 1 {
      var line = "  " + TextFit.fit("model", width: nameWidth)
      for column in columns {
        line += TextFit.fit(column.title, width: 7, alignment: .right)
      }
      g.put(line, x: 0, y: 0, style: .header)
    }
    let visible = g.height - header
    let first = ExplorerState.scroll(0, cursor: lab.cursor, visible: visible)
    let algorithm = state.engine.settings.algorithm
    for (n, model) in models.enumerated().dropFirst(first).prefix(visible) {
      let y = header + n - first
      let selected = n == lab.cursor
      let base: Style = selected
        ? (lab.section == .models || layout.arrangement == .tabbed
          ? .selection : Style(attributes: .reverse))
        : .normal
      g.fill(Rect(x: 0, y: y, width: g.width, height: 1),
             with: Cell(" ", style: base))
      let mark = model == algorithm ? "• " : "  "
      var x = g.put(mark + TextFit.fit(model.rawValue, width: nameWidth),
                    x: 0, y: y, style: base)
      let row = evaluation?.rows.first { $0.algorithm == model }
      switch row?.result {
      case .success(let figures)?:
        var style = base
        if !current && !selected { style = .dim }
        for column in columns {
          x = g.put(TextFit.fit(column.text(figures), width: 7,
                                alignment: .right),
                    x: x, y: y, style: style)
        }
      case .failure(let failure)?:
        g.put(" " + failure.reason, x: x, y: y,
              style: selected ? base : .error)
      case nil:
        if !columns.isEmpty {
          g.put(TextFit.fit("…", width: 7 * columns.count,
                            alignment: .center),
                x: x, y: y, style: selected ? base : .dim)
        }
      }
    }
    let notes = [
      "• explorer's algorithm · gap = test - train",
      evaluation.map {
        "\($0.tested) test ratings over \(lab.split.foldCount) "
          + "split\(lab.split.foldCount == 1 ? "" : "s"), seed \($0.seed)"
      } ?? "",
    ]
    var y = header + models.count + 1
    for note in notes where y < g.height && !note.isEmpty {
      g.put(TextFit.truncate(note, toWidth: g.width), x: 0, y: y, style: .dim)
      y += 1
    }
  }

  // MARK: Curve

  /// Train and test RMSE of the chosen factor model per epoch, with the
  /// epoch of the lowest test RMSE above the plot when there is room.
  func drawCurve(into g: inout CellGrid) {
    let model = lab.factorModel
    guard let evaluation = lab.evaluation else {
      return say(waitingText, into: &g)
    }
    let row = evaluation.rows.first { $0.algorithm == model }
    if case .failure(let failure)? = row?.result {
      return say("\(model.rawValue) could not train: \(failure.reason)",
                 into: &g, style: .error)
    }
    guard let curve = evaluation.curves[model], !curve.points.isEmpty else {
      return say("\(model.rawValue) trained no epoch", into: &g)
    }
    var area = g.bounds
    if g.height >= 8,
      let best = curve.points.min(by: { $0.testRMSE.mean < $1.testRMSE.mean })
    {
      let line = "lowest test RMSE "
        + AxisTicks.label(best.testRMSE.mean, decimals: 3)
        + " at epoch \(best.epoch) of \(curve.points.count)"
      g.put(TextFit.truncate(line, toWidth: g.width), x: 0, y: 0, style: .dim)
      area = area.sliceTop(1).rest
    }
    let plot = LinePlot(
      series: [
        PlotSeries(name: "train", values: curve.points.map(\.trainRMSE.mean)),
        PlotSeries(name: "test", values: curve.points.map(\.testRMSE.mean)),
      ],
      xTitle: "epoch", yTitle: "RMSE", glyphs: state.labGlyphs,
      xTicks: Self.epochTicks(curve.points.count, columns: area.width - 6))
    plot.draw(into: &g, in: area)
  }

  /// Whole epochs to mark: 1 and the multiples of the smallest round
  /// step (1, 2, 5, 10, 20, …) that leaves about six columns a tick.
  static func epochTicks(_ epochs: Int, columns: Int) -> [Double] {
    let most = max(2, columns / 6)
    var step = 1, power = 1
    search: while true {
      for multiple in [1, 2, 5] where epochs / (multiple * power) <= most {
        step = multiple * power
        break search
      }
      power *= 10
    }
    let marks = Set([1] + stride(from: step, through: epochs, by: step))
    return marks.sorted().map(Double.init)
  }

  // MARK: Sweep

  /// The setting chooser, then the sweep as a plot beside a table, or
  /// whichever of the two fits.
  func drawSweep(into g: inout CellGrid) {
    // Every setting with the chosen one marked, or the chosen one alone.
    let all = LabSweepSetting.allCases
    let shown = all.map { $0.rawValue.count + 2 }.reduce(4, +) <= g.width
      ? all : [lab.sweepSetting]
    var x = 0
    for setting in shown {
      let chosen = setting == lab.sweepSetting
      x = g.put(" \(setting.rawValue) ", x: x, y: 0,
                style: chosen ? .selection.adding(.bold) : .normal)
    }
    g.put(" ←→", x: x, y: 0, style: .dim)
    let body = g.bounds.sliceTop(1).rest
    guard !body.isEmpty else { return }
    guard let sweep = lab.shownSweep else {
      let text = lab.evaluation?.key == state.currentLabKey
        ? waitingText : "measured after the table of models"
      return g.withRegion(body) { say(text, into: &$0) }
    }
    let tableWidth = 2 + 7 * 4
    if body.width >= tableWidth + 24, body.height >= 5 {
      let (left, right) = body.sliceLeft(body.width - tableWidth - 1)
      sweepPlot(sweep).draw(into: &g, in: left)
      g.withRegion(right.sliceLeft(1).rest) { drawSweepTable(sweep, into: &$0) }
    } else if body.height >= 6 {
      sweepPlot(sweep).draw(into: &g, in: body)
    } else {
      g.withRegion(body) { drawSweepTable(sweep, into: &$0) }
    }
  }

  /// Train and test RMSE against the setting, with ticks at the values
  /// and a logarithmic axis when they span a factor of 8 or more (as
  /// `recscope lab sweep --plot` draws them).
  private func sweepPlot(_ sweep: LabSweep) -> LinePlot {
    let values = sweep.points.map(\.value)
    let logarithmic = values.allSatisfy { $0 > 0 }
      && (values.max() ?? 1) / (values.min() ?? 1) >= 8
    func series(_ name: String, _ metric: Metric) -> PlotSeries {
      PlotSeries(name: name, points: sweep.points.map { point in
        let y = (try? point.result.get())?.summary[metric]?.mean ?? .nan
        return (point.value, y)
      })
    }
    return LinePlot(
      series: [series("train", .trainRMSE), series("test", .rmse)],
      xTitle: sweep.setting.rawValue, yTitle: "RMSE",
      glyphs: state.labGlyphs,
      xScale: logarithmic ? .logarithmic : .linear, xTicks: values)
  }

  /// `• 40   0.831  1.467 +0.636` per value, the explorer's own marked.
  private func drawSweepTable(_ sweep: LabSweep, into g: inout CellGrid) {
    let sets: [[Column]] = [[.train, .test, .gap], [.test, .gap], [.test]]
    let columns = sets.first { 2 + 7 + 7 * $0.count <= g.width } ?? []
    var header = "  " + TextFit.fit(sweep.setting.rawValue, width: 7)
    for column in columns {
      header += TextFit.fit(column.title, width: 7, alignment: .right)
    }
    g.put(header, x: 0, y: 0, style: .header)
    let current = sweep.key == state.currentLabKey
      && sweep.model == state.labSweepModel
    for (n, point) in sweep.points.enumerated() where n + 1 < g.height {
      let mark = point.value == sweep.current ? "• " : "  "
      let x = g.put(mark + TextFit.fit(sweep.setting.label(point.value),
                                       width: 7),
                    x: 0, y: n + 1)
      switch point.result {
      case .success(let figures):
        let text = columns.map {
          TextFit.fit($0.text(figures), width: 7, alignment: .right)
        }.joined()
        g.put(text, x: x, y: n + 1, style: current ? .normal : .dim)
      case .failure(let failure):
        g.put(" " + failure.reason, x: x, y: n + 1, style: .error)
      }
    }
  }

  // MARK: Messages

  /// What an empty part says while it waits for figures.
  private var waitingText: String {
    state.labIsRunning ? "measuring…" : "not measured yet (r measures)"
  }

  private func say(_ text: String, into g: inout CellGrid,
                   style: Style = .dim) {
    g.put(TextFit.truncate(text, toWidth: g.width), x: 0, y: 0, style: style)
  }
}
