/// A predictor trained one way on one fold, with figures only its
/// training knows (bytes, epochs chosen). It stays on the thread that
/// made it, as evaluation requires.
public struct TrainedVariant {
  public var predictor: any RatingPredictor
  public var figures: [Metric: Double]

  public init(_ predictor: any RatingPredictor,
              figures: [Metric: Double] = [:]) {
    self.predictor = predictor
    self.figures = figures
  }
}

/// One way of training to compare: its name, its strength, and how it
/// trains on a fold.
public struct TrainingVariant: Sendable {
  public var name: String
  /// σ, p, ε, a bit width; nil for the baseline.
  public var setting: Double?
  /// Trains on the split (whose test set it must not look at); the fold
  /// number lets it draw noise of its own per fold.
  public var train: @Sendable (_ split: TrainTestSplit, _ fold: Int) throws
    -> TrainedVariant

  public init(name: String, setting: Double? = nil,
              train: @escaping @Sendable (TrainTestSplit, Int) throws
                -> TrainedVariant) {
    self.name = name
    self.setting = setting
    self.train = train
  }

  /// A variant that trains `maker` on a rewritten copy of the training
  /// ratings.
  static func rewriting(
    _ name: String, setting: Double?, maker: any ModelMaker,
    _ rewrite: @escaping @Sendable (TrainTestSplit, Int) throws
      -> TrainTestSplit
  ) -> TrainingVariant {
    TrainingVariant(name: name, setting: setting) { split, fold in
      let changed = try rewrite(split, fold)
      return TrainedVariant(try maker.makePredictor(training: changed.train))
    }
  }
}

/// What to measure in a comparison besides ``EvaluationOptions``.
public struct ComparisonOptions: Sendable {
  public var evaluation = EvaluationOptions()
  /// Items with 1 to this many training ratings are cold; their test
  /// ratings get an RMSE of their own, and so do those of items with no
  /// training rating (unseen). Nil measures neither.
  public var coldItemLimit: Int?

  public init() {}
}

/// Trains several variants on the same folds and compares each with the
/// first, fold by fold.
public enum ComparisonRunner {
  /// Every variant on every split. Test and train figures are taken on
  /// the split as given, whatever a variant did to its own copy of the
  /// training ratings, so a noisy model is scored against the real ones.
  /// - Parameter variants: the baseline first.
  /// - Throws: ``EvaluationError/modelFailed(model:fold:reason:)`` for the
  ///   first (variant, fold) in order that failed.
  /// - Complexity: one training and |test| + |train| estimates per
  ///   (variant, fold).
  public static func run(_ variants: [TrainingVariant],
                         on splits: [TrainTestSplit],
                         options: ComparisonOptions = ComparisonOptions())
    throws(EvaluationError) -> [VariantEvaluation] {
    try LearningCurveRunner.checkTestSets(splits)
    let folds = splits.count
    let outcomes = ParallelJobs.run(
      variants.count * folds, parallel: options.evaluation.parallel
    ) { job in
      let (v, f) = job.quotientAndRemainder(dividingBy: folds)
      let clock = ContinuousClock()
      let start = clock.now
      let trained = try variants[v].train(splits[f], f)
      let seconds = (clock.now - start).seconds
      var result = measure(trained.predictor, on: splits[f], options: options)
      result.fold = f
      result.values[.fitSeconds] = seconds
      result.values.merge(trained.figures) { _, given in given }
      return result
    }
    var runs: [(name: String, setting: Double?, folds: [FoldResult])] = []
    for (v, variant) in variants.enumerated() {
      var results: [FoldResult] = []
      for f in 0..<folds {
        switch outcomes[v * folds + f] {
        case .success(let r): results.append(r)
        case .failure(let e):
          throw .modelFailed(model: variant.name, fold: f, reason: "\(e)")
        }
      }
      runs.append((variant.name, variant.setting, results))
    }
    return VariantEvaluation.compare(runs,
                                     testShare: Verdict.testShare(of: splits))
  }

  /// ``EvaluationRunner/evaluate(_:on:options:)`` plus the cold- and
  /// unseen-item RMSE.
  static func measure(_ predictor: any RatingPredictor,
                      on split: TrainTestSplit,
                      options: ComparisonOptions) -> FoldResult {
    var result = EvaluationRunner.evaluate(predictor, on: split,
                                           options: options.evaluation)
    if let limit = options.coldItemLimit {
      let cold = coldTestRatings(split, limit: limit)
      result.values[.coldTested] = Double(cold.count)
      let scored = ScoredRating.scoring(cold, with: predictor)
      if let rmse = AccuracyMetrics.rmse(scored) {
        result.values[.coldRMSE] = rmse
      }
      let unseen = unseenTestRatings(split)
      result.values[.unseenTested] = Double(unseen.count)
      let scoredUnseen = ScoredRating.scoring(unseen, with: predictor)
      if let rmse = AccuracyMetrics.rmse(scoredUnseen) {
        result.values[.unseenRMSE] = rmse
      }
    }
    return result
  }

  /// Test ratings of items with no training rating, by users with one:
  /// what only knowledge from outside the ratings (item vectors, item
  /// features) can tell apart from the user's bias.
  public static func unseenTestRatings(_ split: TrainTestSplit)
    -> [RatingRecord] {
    let ratings = split.train.ratings
    return split.test.filter { r in
      guard let u = ratings.user(r.userID), !ratings.byUser[u.int].isEmpty
      else { return false }
      guard let i = ratings.item(r.itemID) else { return true }
      return ratings.byItem[i.int].isEmpty
    }
  }

  /// Test ratings of items with 1 to `limit` training ratings. Items with
  /// none are counted apart (``unseenTestRatings(_:)``).
  public static func coldTestRatings(_ split: TrainTestSplit,
                                     limit: Int) -> [RatingRecord] {
    let ratings = split.train.ratings
    return split.test.filter { r in
      guard let i = ratings.item(r.itemID) else { return false }
      let n = ratings.byItem[i.int].count
      return n >= 1 && n <= limit
    }
  }

  /// A seed for fold `fold` drawn from `base`, so that each fold gets
  /// noise of its own and the same base repeats every draw (SplitMix64's
  /// finaliser of base + golden-ratio multiples).
  public static func seed(_ base: UInt64, fold: Int) -> UInt64 {
    var z = base &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(fold + 1)
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
