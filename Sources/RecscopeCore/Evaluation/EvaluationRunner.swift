import Dispatch
import Synchronization

/// A figure measured on each fold.
public enum Metric: String, CaseIterable, Sendable, Codable {
  case rmse = "RMSE"
  case mae = "MAE"
  /// RMSE over the training ratings themselves.
  case trainRMSE = "train RMSE"
  /// Test RMSE minus train RMSE: how much worse the model does on
  /// ratings it has not seen, a measure of overfitting.
  case gap
  case precision = "precision@k"
  case recall = "recall@k"
  case ndcg = "nDCG@k"
  case hitRate = "hit rate@k"
  case coverage = "coverage@k"
  /// Share of test estimates that fell back (Surprise's was_impossible).
  case impossible = "impossible"
  case fitSeconds = "fit time"
  case testSeconds = "test time"
  /// RMSE over the test ratings of cold items, those with few training
  /// ratings (see ``ComparisonRunner``).
  case coldRMSE = "cold-item RMSE"
  /// Test ratings of cold items.
  case coldTested = "cold-item ratings"
  /// RMSE over the test ratings of unseen items, those with no training
  /// rating at all, by users the training knows.
  case unseenRMSE = "unseen-item RMSE"
  /// Test ratings of unseen items.
  case unseenTested = "unseen-item ratings"
  /// RMSE over a validation set carved from the training ratings.
  case validationRMSE = "validation RMSE"
  /// Training epochs a model was given or chose.
  case epochs
  /// Bytes of a model's factor matrices.
  case bytes
}

/// What to measure besides RMSE and MAE.
public struct EvaluationOptions: Sendable, Equatable {
  /// The k of the top-k figures.
  public var k = 10
  /// Test ratings at or above this are relevant.
  public var relevanceThreshold = 4.0
  /// Catalogue coverage ranks every unrated item for every test user:
  /// cheap for factor models, slow for k-NN on large data, so opt-in.
  public var measuresCoverage = false
  /// Train error on at most this many training ratings (a seeded sample,
  /// kept in order); nil uses all of them.
  public var trainErrorSample: Int?
  public var seed: UInt64 = 0
  /// Runs folds on all cores with `DispatchQueue.concurrentPerform`.
  public var parallel = true

  public init() {}
}

/// Mean and population standard deviation of a figure over folds (NumPy's
/// `std`, as Surprise reports it).
public struct Summary: Sendable, Equatable {
  public var mean: Double
  public var standardDeviation: Double

  public init(_ values: [Double]) {
    let n = Double(values.count)
    mean = values.reduce(0, +) / n
    let m = mean
    let squares = values.reduce(0) { $0 + ($1 - m) * ($1 - m) }
    standardDeviation = (squares / n).squareRoot()
  }
}

extension Summary {
  /// Each figure's mean and deviation over the folds that have it.
  public static func byMetric(_ folds: [FoldResult]) -> [Metric: Summary] {
    var summary: [Metric: Summary] = [:]
    for metric in Metric.allCases {
      let values = folds.compactMap { $0.values[metric] }
      if !values.isEmpty { summary[metric] = Summary(values) }
    }
    return summary
  }
}

/// One model's figures on one fold.
public struct FoldResult: Sendable, Equatable {
  public var fold: Int
  /// Figures that could be measured (ranking figures are absent when no
  /// test user has a relevant rating).
  public var values: [Metric: Double]
}

/// One model's figures on every fold, with their summaries.
public struct ModelEvaluation: Sendable {
  public var name: String
  public var folds: [FoldResult]
  /// Over the folds that have the figure.
  public var summary: [Metric: Summary]

  /// The folds with each figure's mean and deviation over them.
  init(name: String, folds: [FoldResult]) {
    self.name = name
    self.folds = folds
    summary = Summary.byMetric(folds)
  }
}

/// Where concurrent folds leave their results.
private final class Outcomes: Sendable {
  let store = Mutex<[Int: Result<FoldResult, EvaluationError>]>([:])
}

/// Evaluates several model makers on the same splits, so their figures
/// can be compared fold by fold.
public enum EvaluationRunner {
  /// Trains each maker on each split's train set and measures it on the
  /// test set and on the train set.
  ///
  /// Each (model, fold) job builds its own predictor from its own copy of
  /// the train set and uses it on that job's thread only, so with
  /// `options.parallel` the jobs run concurrently without sharing mutable
  /// state: an ``Engine`` fills caches as it predicts and is not safe to
  /// share, but none is shared. Results do not depend on the setting
  /// (only the timings do).
  /// - Throws: ``EvaluationError/modelFailed(model:fold:reason:)`` for the
  ///   first (model, fold) in order that failed.
  /// - Complexity: one training and |test| + |train| estimates per
  ///   (model, fold).
  public static func run(_ makers: [any ModelMaker], on splits: [TrainTestSplit],
                         options: EvaluationOptions = EvaluationOptions())
    throws(EvaluationError) -> [ModelEvaluation] {
    let jobs = makers.indices.flatMap { m in splits.indices.map { (m, $0) } }
    let results = Outcomes()
    let work: @Sendable (Int) -> Void = { job in
      let (m, f) = jobs[job]
      let outcome: Result<FoldResult, EvaluationError>
      do {
        let clock = ContinuousClock()
        let start = clock.now
        let predictor = try makers[m].makePredictor(training: splits[f].train)
        let fitSeconds = (clock.now - start).seconds
        var result = evaluate(predictor, on: splits[f], options: options)
        result.fold = f
        result.values[.fitSeconds] = fitSeconds
        outcome = .success(result)
      } catch {
        outcome = .failure(.modelFailed(model: makers[m].name, fold: f,
                                        reason: "\(error)"))
      }
      results.store.withLock { $0[job] = outcome }
    }
    if options.parallel {
      DispatchQueue.concurrentPerform(iterations: jobs.count, execute: work)
    } else {
      for job in jobs.indices { work(job) }
    }
    let all = results.store.withLock { $0 }
    var out: [ModelEvaluation] = []
    for (m, maker) in makers.enumerated() {
      var folds: [FoldResult] = []
      for (job, (jm, _)) in jobs.enumerated() where jm == m {
        switch all[job]! {
        case .success(let r): folds.append(r)
        case .failure(let e): throw e
        }
      }
      out.append(ModelEvaluation(name: maker.name, folds: folds))
    }
    return out
  }

  /// The figures of one trained predictor on one split (fold number 0).
  public static func evaluate(_ predictor: any RatingPredictor,
                              on split: TrainTestSplit,
                              options: EvaluationOptions) -> FoldResult {
    evaluate(predictor, on: split, options: options, stop: { false })!
  }

  /// ``evaluate(_:on:options:)``, asking `stop` every few hundred
  /// estimates so that a long evaluation can be cancelled.
  /// - Returns: nil when stopped.
  public static func evaluate(_ predictor: any RatingPredictor,
                              on split: TrainTestSplit,
                              options: EvaluationOptions,
                              stop: () -> Bool) -> FoldResult? {
    let clock = ContinuousClock()
    let start = clock.now
    guard let scored = ScoredRating.scoring(split.test, with: predictor,
                                            stop: stop)
    else { return nil }
    let testSeconds = (clock.now - start).seconds
    guard let train = ScoredRating.scoring(trainSample(split, options),
                                           with: predictor, stop: stop)
    else { return nil }
    var values = figures(test: scored, train: train, options: options)
    values[.testSeconds] = testSeconds
    if options.measuresCoverage {
      values[.coverage] = coverage(of: predictor, on: split, options: options)
    }
    return FoldResult(fold: 0, values: values)
  }

  /// The accuracy and ranking figures of scored test and train ratings:
  /// all of a fold's figures but its timings and coverage.
  static func figures(test scored: [ScoredRating], train: [ScoredRating],
                      options: EvaluationOptions) -> [Metric: Double] {
    var values: [Metric: Double] = [:]
    values[.rmse] = AccuracyMetrics.rmse(scored)
    values[.mae] = AccuracyMetrics.mae(scored)
    if !scored.isEmpty {
      values[.impossible] = Double(scored.filter(\.wasImpossible).count)
        / Double(scored.count)
    }
    if let trainRMSE = AccuracyMetrics.rmse(train) {
      values[.trainRMSE] = trainRMSE
      if let test = values[.rmse] { values[.gap] = test - trainRMSE }
    }
    if let r = RankingMetrics.evaluate(scored, k: options.k,
                                       threshold: options.relevanceThreshold) {
      values[.precision] = r.precision
      values[.recall] = r.recall
      values[.ndcg] = r.ndcg
      values[.hitRate] = r.hitRate
    }
    return values
  }

  /// Catalogue coverage of the test users' top-k lists; nil when no item
  /// has a training rating.
  static func coverage(of predictor: any RatingPredictor,
                       on split: TrainTestSplit,
                       options: EvaluationOptions) -> Double? {
    var seen = Set<String>()
    let users = split.test.map(\.userID).filter { seen.insert($0).inserted }
    let lists = RankingMetrics.topLists(predictor, train: split.train,
                                        users: users, k: options.k)
    let size = split.train.ratings.byItem.filter { !$0.isEmpty }.count
    guard size > 0 else { return nil }
    return RankingMetrics.coverage(of: lists, catalogueSize: size)
  }

  /// The training ratings, or a seeded sample of them in order.
  static func trainSample(_ split: TrainTestSplit,
                          _ options: EvaluationOptions) -> [RatingRecord] {
    let all = split.trainRecords
    guard let limit = options.trainErrorSample, limit < all.count else {
      return all
    }
    var generator = SeededGenerator(seed: options.seed)
    let chosen = generator.shuffledIndices(all.count).prefix(max(0, limit))
      .sorted()
    return chosen.map { all[$0] }
  }
}
