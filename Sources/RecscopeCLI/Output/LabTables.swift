import RecscopeCore

/// The tables of `recscope lab`: one list of columns per experiment, each
/// column a key and how a row's value is read, so the TSV header and the
/// JSON keys cannot drift apart.
enum LabTables {
  /// A figure or null.
  static func number(_ value: Double?) -> JSONValue {
    guard let value else { return .null }
    if value.isInfinite { return .string(value > 0 ? "inf" : "-inf") }
    return .number(value)
  }

  /// `key` and `key_std` from a summary.
  static func pair<Row>(_ key: String, _ read: @escaping (Row) -> Summary?)
    -> [(String, (Row) -> JSONValue)] {
    [(key, { number(read($0)?.mean) }),
     (key + "_std", { number(read($0)?.standardDeviation) })]
  }

  static func table<Row>(_ columns: [(String, (Row) -> JSONValue)],
                         _ rows: [Row]) -> Table {
    var table = Table(columns: columns.map(\.0))
    for row in rows { table.append(columns.map { $0.1(row) }) }
    return table
  }

  /// rmse, train_rmse and gap with their deviations, for a summary dict.
  static func errors<Row>(_ summary: @escaping (Row) -> [Metric: Summary])
    -> [(String, (Row) -> JSONValue)] {
    pair("rmse") { summary($0)[.rmse] }
      + pair("train_rmse") { summary($0)[.trainRMSE] }
      + pair("gap") { summary($0)[.gap] }
  }

  /// The change in test RMSE from the baseline and the verdict on it.
  static var change: [(String, (VariantEvaluation) -> JSONValue)] {
    pair("change") { $0.change[.rmse] }
      + [("verdict", { .string($0.verdict?.rawValue ?? "baseline") })]
  }

  /// One row per epoch and model.
  static func curve(_ curves: [(algo: String, curve: LearningCurve)]) -> Table {
    typealias Row = (algo: String, point: LearningCurve.Point)
    let columns: [(String, (Row) -> JSONValue)] = [
      ("algo", { .string($0.algo) }), ("epoch", { .integer($0.point.epoch) }),
    ] + pair("rmse") { $0.point.testRMSE }
      + pair("train_rmse") { $0.point.trainRMSE }
      + pair("gap") { $0.point.gap }
    return table(columns, curves.flatMap { c in c.curve.points.map { (c.algo, $0) } })
  }

  /// Variant rows: algo, variant, `before`, the errors, change and
  /// verdict, `after`.
  static func variants(
    _ rows: [(algo: String, variant: VariantEvaluation)],
    before: [(String, (VariantEvaluation) -> JSONValue)] = [],
    after: [(String, (VariantEvaluation) -> JSONValue)] = []
  ) -> Table {
    typealias Row = (algo: String, variant: VariantEvaluation)
    func lift(_ c: [(String, (VariantEvaluation) -> JSONValue)])
      -> [(String, (Row) -> JSONValue)] {
      c.map { key, read in (key, { read($0.variant) }) }
    }
    let columns: [(String, (Row) -> JSONValue)] =
      [("algo", { .string($0.algo) }), ("variant", { .string($0.variant.name) })]
      + lift(before) + errors { $0.variant.summary } + lift(change) + lift(after)
    return table(columns, rows)
  }

  /// The setting column of a comparison.
  static var setting: (String, (VariantEvaluation) -> JSONValue) {
    ("setting", { number($0.setting) })
  }
}
