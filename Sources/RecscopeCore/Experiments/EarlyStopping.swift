/// Stops training once the validation error has not improved for
/// `patience` epochs, keeping the model of the best epoch.
///
/// The validation error is the test RMSE of each ``EpochReport``: give
/// the trainer the validation ratings as its test set. An epoch improves
/// when its RMSE is strictly below the best so far, so a tie keeps the
/// earlier, cheaper model.
public struct EarlyStopping: Sendable {
  /// Epochs without improvement before stopping, at least 1.
  public let patience: Int
  /// The epoch with the lowest validation RMSE so far (0 before any).
  public private(set) var bestEpoch = 0
  public private(set) var bestRMSE = Double.infinity
  /// The model as it was after ``bestEpoch``.
  public private(set) var best: FactorModel?
  /// The epoch at which patience ran out; nil while it has not.
  public private(set) var stoppedAt: Int?

  /// - Precondition: `patience >= 1`.
  public init(patience: Int) {
    precondition(patience >= 1, "EarlyStopping: patience \(patience) < 1")
    self.patience = patience
  }

  /// Takes one epoch's report and model; `.stop` once patience has run
  /// out, and from then on.
  public mutating func observe(_ report: EpochReport,
                               model: FactorModel) -> TrainingControl {
    if stoppedAt != nil { return .stop }
    if let rmse = report.testRMSE, rmse < bestRMSE {
      bestRMSE = rmse
      bestEpoch = report.epoch
      best = model
    }
    if report.epoch - bestEpoch >= patience {
      stoppedAt = report.epoch
      return .stop
    }
    return .proceed
  }
}

/// What early stopping did on each fold, and what it changed.
public struct EarlyStoppingResult: Sendable {
  /// `all-epochs` (the baseline: every epoch, on the training ratings
  /// less the validation set), `early-stopped` (the best epoch's model of
  /// that same run) and `full-train` (every epoch on all the training
  /// ratings, as `evaluate` trains). Each has ``Metric/epochs``; the
  /// first two ``Metric/validationRMSE``. Train RMSE and gap are taken on
  /// the ratings each model trained on.
  public var variants: [VariantEvaluation]
  /// Per epoch of the run on the reduced training set: train, validation
  /// and test RMSE.
  public var curve: LearningCurve
  /// Per fold, the epoch kept.
  public var chosenEpochs: [Int]
  /// Per fold, the epoch at which patience ran out; nil when it never
  /// did.
  public var stoppedAt: [Int?]
}

/// Runs early stopping against training to the end.
public enum EarlyStoppingExperiment {
  /// On each split, holds back a seeded share `validationFraction` of
  /// the training ratings, trains on the rest while watching the
  /// validation RMSE, and keeps the best epoch's model as
  /// ``EarlyStopping`` does. The run is carried on to the last epoch, so
  /// the same run also gives the model without early stopping; the
  /// stopped model is the one training would have returned. A second
  /// training on all the training ratings shows what holding back the
  /// validation set costs.
  /// - Throws: ``EvaluationError/invalidSetting(_:)`` unless
  ///   0 < validationFraction < 1 and patience ≥ 1;
  ///   ``EvaluationError/modelFailed(model:fold:reason:)``.
  /// - Complexity: two trainings per fold, with RMSEs after every epoch
  ///   of the first.
  public static func run(_ trainer: some FactorTrainer,
                         on splits: [TrainTestSplit],
                         validationFraction: Double, patience: Int,
                         seed: UInt64,
                         options: EvaluationOptions = EvaluationOptions())
    throws(EvaluationError) -> EarlyStoppingResult {
    guard patience >= 1 else {
      throw .invalidSetting("patience must be at least 1 epoch, got \(patience)")
    }
    try LearningCurveRunner.checkTestSets(splits)
    let outcomes = ParallelJobs.run(splits.count,
                                    parallel: options.parallel) { f in
      try fold(trainer, splits[f], validationFraction: validationFraction,
               patience: patience,
               seed: ComparisonRunner.seed(seed, fold: f), options: options)
    }
    var folds: [FoldOutcome] = []
    for (f, outcome) in outcomes.enumerated() {
      switch outcome {
      case .success(let o): folds.append(o)
      case .failure(let e as EvaluationError): throw e
      case .failure(let e):
        throw .modelFailed(model: trainer.name, fold: f, reason: "\(e)")
      }
    }
    let names = ["all-epochs", "early-stopped", "full-train"]
    let runs = names.indices.map { n in
      (name: names[n], setting: Double?.none,
       folds: folds.enumerated().map { f, o in
         var r = o.results[n]
         r.fold = f
         return r
       })
    }
    return EarlyStoppingResult(
      variants: VariantEvaluation.compare(
        runs, testShare: Verdict.testShare(of: splits)),
      curve: LearningCurve(name: trainer.name, train: folds.map(\.train),
                           test: folds.map(\.test),
                           validation: folds.map(\.validation)),
      chosenEpochs: folds.map(\.chosen), stoppedAt: folds.map(\.stoppedAt))
  }

  /// One fold's three models and the reduced run's curves.
  struct FoldOutcome: Sendable {
    var results: [FoldResult]
    var train: [Double]
    var validation: [Double]
    var test: [Double]
    var chosen: Int
    var stoppedAt: Int?
  }

  static func fold(_ trainer: some FactorTrainer, _ split: TrainTestSplit,
                   validationFraction: Double, patience: Int, seed: UInt64,
                   options: EvaluationOptions) throws -> FoldOutcome {
    let inner = try Splitter.holdout(RatingList(split.train),
                                     testFraction: validationFraction,
                                     seed: seed)
    let outerTest = IndexedRatings(split.test, in: inner.train.ratings)
    var policy = EarlyStopping(patience: patience)
    var train: [Double] = [], validation: [Double] = [], test: [Double] = []
    let last = try trainer.fit(inner.train, test: inner.test,
                               initialItemFactors: nil) { report, model in
      train.append(report.trainRMSE)
      validation.append(report.testRMSE ?? .nan)
      test.append(outerTest.rmse(of: model))
      _ = policy.observe(report, model: model)
      return .proceed
    }
    let reduced = TrainTestSplit(train: inner.train, test: split.test)
    let validationOnly = TrainTestSplit(train: inner.train, test: inner.test)
    var results: [FoldResult] = []
    for model in [last, policy.best ?? last] {
      var r = EvaluationRunner.evaluate(model, on: reduced, options: options)
      r.values[.epochs] = Double(model.epochsTrained)
      r.values[.validationRMSE] = EvaluationRunner.evaluate(
        model, on: validationOnly, options: options).values[.rmse]
      results.append(r)
    }
    let full = try trainer.fit(split.train, test: [], initialItemFactors: nil,
                               monitor: nil)
    var r = EvaluationRunner.evaluate(full, on: split, options: options)
    r.values[.epochs] = Double(full.epochsTrained)
    results.append(r)
    return FoldOutcome(results: results, train: train, validation: validation,
                       test: test, chosen: policy.best?.epochsTrained ?? 0,
                       stoppedAt: policy.stoppedAt)
  }
}
