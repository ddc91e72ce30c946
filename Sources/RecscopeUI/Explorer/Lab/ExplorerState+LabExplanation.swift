import RecscopeCore

/// The worked arithmetic of a lab table row: each fold's train and test
/// RMSE and their gap, then the means and deviations the table shows,
/// written out with their values, so a figure can be traced to the folds
/// it came from.
extension ExplorerState {
  /// The explanation of the selected model's row; nil before it has
  /// figures.
  func labExplanation() -> ExplanationText? {
    let models = labModels
    guard let evaluation = lab.evaluation, lab.cursor < models.count,
      let row = evaluation.rows.first(where: {
        $0.algorithm == models[lab.cursor] }),
      case .success(let figures) = row.result
    else { return nil }
    let name = row.algorithm.rawValue
    var lines = [
      "split     \(evaluation.key.split.description), seed \(evaluation.seed)"
        + ", \(evaluation.tested) test ratings in all",
      "RMSE      √(Σ (r_ui − r̂_ui)² / n) over a fold's n test ratings",
      "          (over its training ratings for train RMSE)",
      "gap       test − train RMSE: what the model loses on unseen ratings",
      "",
      "  fold  train    test     gap",
    ]
    for fold in figures.folds {
      let v = fold.values
      lines.append("  " + [
        pad(String(fold.fold + 1), 4), pad(number(v[.trainRMSE]), 7),
        pad(number(v[.rmse]), 7), signed(v[.gap]),
      ].joined(separator: "  "))
    }
    lines.append("")
    for (label, metric) in [("train", Metric.trainRMSE), ("test", .rmse),
                            ("gap", .gap)] {
      lines += meanLines(label, figures.folds.compactMap { $0.values[metric] },
                         figures.summary[metric])
    }
    if let impossible = figures.summary[.impossible], impossible.mean > 0 {
      lines.append("fallbacks \(display(impossible.mean * 100)) % of test "
                   + "estimates were impossible; the fallback stood in")
    }
    return ExplanationText(title: "Lab figures of \(name)", lines: lines)
  }

  /// `test      mean = (1.4 + 1.3) / 2 = 1.35, sd = √(Σ (x − mean)² / 2)
  /// = 0.05`.
  private func meanLines(_ label: String, _ values: [Double],
                         _ summary: Summary?) -> [String] {
    guard let summary, !values.isEmpty else { return [] }
    let n = values.count
    let sum = values.map { display($0) }.joined(separator: " + ")
    return [
      pad(label, 9) + " mean = (\(sum)) / \(n) = \(display(summary.mean))",
      pad("", 9) + " sd = √(Σ (x − mean)² / \(n)) = "
        + display(summary.standardDeviation),
    ]
  }

  private func number(_ value: Double?) -> String {
    value.map { display($0) } ?? "—"
  }

  private func signed(_ value: Double?) -> String {
    guard let value else { return "—" }
    return (value >= 0 ? "+" : "") + display(value)
  }

  private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text
      : text + String(repeating: " ", count: width - text.count)
  }
}
