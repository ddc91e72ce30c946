import Testing
import TestSupport
@testable import RecscopeCore

/// Learning curves, early stopping and sweeps on small generated data.
@Suite struct LearningCurveTests {
  let data = SmallFactorData.data

  func folds(_ n: Int = 3) throws -> [TrainTestSplit] {
    try SmallFactorData.folds(n)
  }

  var svd: BiasedMF { SmallFactorData.svd(epochs: 6) }
  var als: ALSMF { SmallFactorData.als }

  @Test func curvePointsSummariseTheFolds() throws {
    let curve = try LearningCurveRunner.run(svd, on: folds(), parallel: false)
    #expect(curve.points.map(\.epoch) == Array(1...6))
    #expect(curve.train.count == 3 && curve.test.allSatisfy { $0.count == 6 })
    for p in curve.points {
      let e = p.epoch - 1
      #expect(p.testRMSE == Summary(curve.test.map { $0[e] }))
      #expect(p.trainRMSE == Summary(curve.train.map { $0[e] }))
      #expect(p.gap == Summary(zip(curve.test, curve.train).map { $0[e] - $1[e] }))
      #expect(p.validationRMSE == nil)
    }
    // SGD keeps lowering its own training error on structured data.
    #expect(curve.points.last!.trainRMSE.mean < curve.points[0].trainRMSE.mean)
  }

  @Test func oneHoldoutHasNoSpread() throws {
    let split = try Splitter.holdout(RatingList(data), testFraction: 0.2, seed: 3)
    let curve = try LearningCurveRunner.run(als, on: [split])
    #expect(curve.points.count == 4)
    #expect(curve.points.allSatisfy { $0.testRMSE.standardDeviation == 0 })
  }

  @Test func parallelAndSerialCurvesAgree() throws {
    let a = try LearningCurveRunner.run(svd, on: folds(), parallel: true)
    let b = try LearningCurveRunner.run(svd, on: folds(), parallel: false)
    #expect(a.test == b.test && a.train == b.train)
  }
}

/// The early-stopping policy and the experiment around it.
@Suite struct EarlyStoppingTests {
  func report(_ epoch: Int, _ validation: Double) -> EpochReport {
    EpochReport(epoch: epoch, trainRMSE: 1, testRMSE: validation, seconds: 0)
  }

  @Test func stopsAfterPatienceEpochsWithoutImprovement() throws {
    let model = try BiasedMF().fit(Datasets.essay)
    var policy = EarlyStopping(patience: 2)
    let validation = [1.0, 0.9, 0.9, 0.95, 0.8]
    var answers: [TrainingControl] = []
    for (n, v) in validation.enumerated() {
      answers.append(policy.observe(report(n + 1, v), model: model))
    }
    // Epoch 3 ties epoch 2 and does not count as better; epoch 4 is the
    // second without improvement, so epoch 5's 0.8 is never seen.
    #expect(answers == [.proceed, .proceed, .proceed, .stop, .stop])
    #expect(policy.bestEpoch == 2 && policy.bestRMSE == 0.9)
    #expect(policy.stoppedAt == 4)
  }

  @Test func keepsTheEpochWithTheLowestValidationError() throws {
    let data = try SyntheticData(users: 60, items: 40, ratings: 1200,
                                 seed: 9).generate()
    let splits = try Splitter.kFold(RatingList(data), folds: 3, seed: 1)
    var mf = BiasedMF()
    mf.factors = 8
    mf.epochs = 25
    mf.learningRates = .init(all: 0.03)
    mf.regularization = .init(all: 0)
    let result = try EarlyStoppingExperiment.run(
      mf, on: splits, validationFraction: 0.2, patience: 3, seed: 4)
    let validation = try #require(result.curve.validation)
    let names = result.variants.map(\.name)
    #expect(names == ["all-epochs", "early-stopped", "full-train"])
    let (all, early, full) = (result.variants[0], result.variants[1],
                              result.variants[2])
    for f in 0..<3 {
      let seen = validation[f].prefix(result.stoppedAt[f] ?? 25)
      let best = seen.firstIndex(of: seen.min()!)! + 1
      #expect(result.chosenEpochs[f] == best, "fold \(f)")
      if let stop = result.stoppedAt[f] { #expect(stop == best + 3) }
      #expect(early.folds[f].values[.epochs] == Double(best))
      #expect(early.folds[f].values[.rmse] == result.curve.test[f][best - 1])
      #expect(early.folds[f].values[.validationRMSE] == validation[f][best - 1])
      #expect(all.folds[f].values[.rmse] == result.curve.test[f].last)
      #expect(all.folds[f].values[.trainRMSE] == result.curve.train[f].last)
      #expect(full.folds[f].values[.epochs] == 25)
    }
    // Unregularised with a large step, 25 epochs overfit: stopping early
    // narrows the gap between train and test error.
    #expect(early.summary[.gap]!.mean < all.summary[.gap]!.mean)
    #expect(all.verdict == nil && early.change[.rmse] != nil)
  }

  @Test func rejectsAPatienceBelowOne() throws {
    let splits = try Splitter.kFold(RatingList(Datasets.essay), folds: 3, seed: 1)
    #expect(throws: EvaluationError.self) {
      try EarlyStoppingExperiment.run(BiasedMF(), on: splits,
                                      validationFraction: 0.2, patience: 0,
                                      seed: 1)
    }
  }
}
