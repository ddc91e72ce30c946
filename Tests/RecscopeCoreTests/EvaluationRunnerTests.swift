import Testing
import TestSupport
@testable import RecscopeCore

/// Several models on the same folds.
@Suite struct EvaluationRunnerTests {
  let data = Datasets.random(seed: 17, users: 40, items: 25, ratings: 500)

  func makers() -> [any ModelMaker] {
    var mf = BiasedMF()
    mf.factors = 5
    mf.epochs = 10
    var als = ALSMF()
    als.factors = 4
    als.epochs = 3
    return [EngineMaker(.baseline), EngineMaker(.knnMeans), mf, als]
  }

  func withoutTimes(_ runs: [ModelEvaluation]) -> [[[Metric: Double]]] {
    runs.map { $0.folds.map {
      $0.values.filter { $0.key != .fitSeconds && $0.key != .testSeconds }
    } }
  }

  @Test func parallelAndSerialRunsAgree() throws {
    let folds = try Splitter.kFold(RatingList(data), folds: 3, seed: 1)
    var options = EvaluationOptions()
    options.measuresCoverage = true
    let parallel = try EvaluationRunner.run(makers(), on: folds, options: options)
    options.parallel = false
    let serial = try EvaluationRunner.run(makers(), on: folds, options: options)
    #expect(parallel.map(\.name) == ["baseline", "k-NN with means",
                                     "SVD (biased MF, SGD)", "biased MF (ALS)"])
    #expect(withoutTimes(parallel) == withoutTimes(serial))
    #expect(parallel.allSatisfy { $0.folds.map(\.fold) == [0, 1, 2] })
  }

  @Test func figuresMatchScoringByHand() throws {
    let folds = try Splitter.kFold(RatingList(data), folds: 3, seed: 2)
    let maker = EngineMaker(.baseline)
    let run = try EvaluationRunner.run([maker], on: folds)[0]
    for (f, fold) in folds.enumerated() {
      let predictor = try maker.makePredictor(training: fold.train)
      let test = ScoredRating.scoring(fold.test, with: predictor)
      let train = ScoredRating.scoring(fold.trainRecords, with: predictor)
      let values = run.folds[f].values
      #expect(values[.rmse] == AccuracyMetrics.rmse(test))
      #expect(values[.mae] == AccuracyMetrics.mae(test))
      #expect(values[.trainRMSE] == AccuracyMetrics.rmse(train))
      #expect(values[.gap] == values[.rmse]! - values[.trainRMSE]!)
      #expect(values[.precision] == RankingMetrics.evaluate(test, k: 10)?.precision)
    }
    let rmse = run.folds.map { $0.values[.rmse]! }
    let mean = rmse.reduce(0, +) / 3
    #expect(abs(run.summary[.rmse]!.mean - mean) < 1e-15)
    let variance = rmse.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3
    #expect(abs(run.summary[.rmse]!.standardDeviation - variance.squareRoot()) < 1e-15)
  }

  @Test func engineWrapperReportsImpossiblePredictions() throws {
    let predictor = try EngineMaker(.knnBasic).makePredictor(training: Datasets.essay)
    let e = predictor.estimate(userID: "nobody", itemID: "1")
    #expect(e.wasImpossible && e.reason == "user and/or item is unknown")
  }

  /// The baseline's plain estimate skips the explanation's text, not its
  /// arithmetic.
  @Test func theBaselinesPlainEstimateIsItsExplainedOne() throws {
    let split = try Splitter.kFold(RatingList(data), folds: 3, seed: 1)[0]
    let engine = try Engine(dataset: split.train,
                            settings: EngineMaker(.baseline).settings)
    let predictor = EnginePredictor(engine: engine)
    for r in split.test + split.trainRecords {
      let plain = predictor.estimate(userID: r.userID, itemID: r.itemID)
      let explained = engine.predict(userID: r.userID, itemID: r.itemID)
      #expect(plain.raw == explained.raw)
      #expect(plain.estimate == explained.estimate)
      #expect(plain.wasImpossible == explained.wasImpossible)
    }
  }

  @Test func aFailingMakerNamesItselfAndTheFold() throws {
    var bad = BiasedMF()
    bad.factors = 0
    let folds = try Splitter.kFold(RatingList(data), folds: 2, seed: 1)
    #expect(throws: EvaluationError.modelFailed(
      model: "SVD (biased MF, SGD)", fold: 0, reason: "factors must be at least 1, got 0")) {
      try EvaluationRunner.run([EngineMaker(.baseline), bad], on: folds)
    }
  }

  @Test func trainErrorCanBeTakenOnASample() throws {
    let split = try Splitter.holdout(RatingList(data), testFraction: 0.2, seed: 1)
    var options = EvaluationOptions()
    options.trainErrorSample = 50
    let sample = EvaluationRunner.trainSample(split, options)
    #expect(sample.count == 50)
    let all = split.trainRecords
    #expect(Set(sample).isSubset(of: Set(all)))
  }
}
