/// Train and test RMSE of a factor model after each epoch, averaged over
/// the splits it was measured on: where the two part is where the model
/// starts to learn its training ratings rather than their pattern.
///
/// On k folds each epoch's figure is the mean over folds with its
/// population deviation (as ``Summary`` gives for `evaluate`); on one
/// holdout the deviation is 0. Every fold trains the same number of
/// epochs, so each point averages the same folds.
public struct LearningCurve: Sendable {
  /// One epoch's figures over the folds.
  public struct Point: Sendable, Equatable {
    /// 1 for the first epoch.
    public var epoch: Int
    /// RMSE over the ratings the model trained on.
    public var trainRMSE: Summary
    /// RMSE over the held-out test ratings.
    public var testRMSE: Summary
    /// Test minus train RMSE, fold by fold.
    public var gap: Summary
    /// RMSE over the validation ratings, when some were held back.
    public var validationRMSE: Summary?
  }

  /// The trainer's name, as ``ModelMaker/name`` gives it.
  public var name: String
  public var points: [Point]
  /// Per fold, train RMSE after each epoch.
  public var train: [[Double]]
  /// Per fold, test RMSE after each epoch.
  public var test: [[Double]]
  /// Per fold, validation RMSE after each epoch; nil without validation.
  public var validation: [[Double]]?

  /// Summaries per epoch of per-fold series; a fold with fewer epochs
  /// than the others ends the curve.
  init(name: String, train: [[Double]], test: [[Double]],
       validation: [[Double]]? = nil) {
    self.name = name
    self.train = train
    self.test = test
    self.validation = validation
    let epochs = (train + test + (validation ?? [])).map(\.count).min() ?? 0
    points = (0..<epochs).map { e in
      let tr = train.map { $0[e] }, te = test.map { $0[e] }
      return Point(
        epoch: e + 1, trainRMSE: Summary(tr), testRMSE: Summary(te),
        gap: Summary(zip(te, tr).map { $0 - $1 }),
        validationRMSE: validation.map { v in Summary(v.map { $0[e] }) })
    }
  }
}

/// Measures learning curves.
public enum LearningCurveRunner {
  /// Trains `trainer` on each split's train set for all its epochs,
  /// taking train and test RMSE after every epoch.
  /// - Parameter parallel: runs the folds on all cores; the figures do
  ///   not depend on it.
  /// - Throws: ``EvaluationError/modelFailed(model:fold:reason:)`` for the
  ///   first fold that failed; ``EvaluationError/invalidSetting(_:)`` for
  ///   a split without test ratings.
  /// - Complexity: one training per fold, plus an RMSE over the fold's
  ///   train and test ratings after each epoch.
  public static func run(_ trainer: some FactorTrainer,
                         on splits: [TrainTestSplit],
                         parallel: Bool = true)
    throws(EvaluationError) -> LearningCurve {
    try checkTestSets(splits)
    let outcomes = ParallelJobs.run(splits.count, parallel: parallel) { f in
      try trainer.fitRecording(splits[f].train, test: splits[f].test).reports
    }
    var reports: [[EpochReport]] = []
    for (f, outcome) in outcomes.enumerated() {
      switch outcome {
      case .success(let r): reports.append(r)
      case .failure(let e):
        throw .modelFailed(model: trainer.name, fold: f, reason: "\(e)")
      }
    }
    return LearningCurve(
      name: trainer.name, train: reports.map { $0.map(\.trainRMSE) },
      test: reports.map { $0.map { $0.testRMSE ?? .nan } })
  }

  static func checkTestSets(_ splits: [TrainTestSplit]) throws(EvaluationError) {
    guard !splits.isEmpty else {
      throw .invalidSetting("there are no splits to measure on")
    }
    if let f = splits.firstIndex(where: { $0.test.isEmpty }) {
      throw .invalidSetting("split \(f + 1) has no test ratings")
    }
  }
}
