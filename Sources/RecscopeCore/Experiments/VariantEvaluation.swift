/// One way of training (a kind of noise at one strength, a bit width, a
/// starting point) measured on every fold, beside a baseline measured on
/// the same folds: the unit of the comparison reports.
public struct VariantEvaluation: Sendable {
  /// What was done, such as `none`, `gaussian` or `laplace`.
  public var name: String
  /// Its strength: σ, p, ε, a bit width; nil for the baseline.
  public var setting: Double?
  /// The figures of each fold, in fold order.
  public var folds: [FoldResult]
  /// Mean and deviation over the folds that have each figure.
  public var summary: [Metric: Summary]
  /// Per figure, the fold-by-fold difference from the baseline (variant
  /// minus baseline), summarised; empty for the baseline itself.
  public var change: [Metric: Summary]
  /// The verdict on test RMSE; nil for the baseline.
  public var verdict: Verdict?
  /// The verdict on cold-item RMSE, when it was measured.
  public var coldVerdict: Verdict?
  /// The verdict on unseen-item RMSE, when it was measured.
  public var unseenVerdict: Verdict?

  public var isBaseline: Bool { verdict == nil }

  /// Summaries, changes and verdicts for variants whose first entry is
  /// the baseline.
  /// - Parameter testShare: n_test/n_train of the folds, for the verdicts'
  ///   correction (see ``Verdict``).
  /// - Precondition: every variant has one result per fold.
  static func compare(
    _ runs: [(name: String, setting: Double?, folds: [FoldResult])],
    testShare: Double
  ) -> [VariantEvaluation] {
    guard let baseline = runs.first else { return [] }
    precondition(runs.allSatisfy { $0.folds.count == baseline.folds.count },
                 "VariantEvaluation.compare: fold counts differ")
    return runs.enumerated().map { n, run in
      let summary = Summary.byMetric(run.folds)
      var change: [Metric: Summary] = [:]
      var differences: [Metric: [Double]] = [:]
      for metric in Metric.allCases where n > 0 {
        let d = zip(run.folds, baseline.folds).compactMap { v, b in
          v.values[metric].flatMap { x in b.values[metric].map { x - $0 } }
        }
        if !d.isEmpty {
          change[metric] = Summary(d)
          differences[metric] = d
        }
      }
      return VariantEvaluation(
        name: run.name, setting: run.setting, folds: run.folds,
        summary: summary, change: change,
        verdict: n == 0 ? nil
          : Verdict(differences: differences[.rmse] ?? [],
                    testShare: testShare),
        coldVerdict: n == 0 ? nil : differences[.coldRMSE].map {
          Verdict(differences: $0, testShare: testShare) },
        unseenVerdict: n == 0 ? nil : differences[.unseenRMSE].map {
          Verdict(differences: $0, testShare: testShare) })
    }
  }
}
