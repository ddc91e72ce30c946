import Foundation
import Testing
import TestSupport
@testable import RecscopeCore

/// Augmentation, privacy, compression and transfer against their
/// baselines on the same folds.
@Suite struct ComparisonTests {
  let data = SmallFactorData.data

  func folds() throws -> [TrainTestSplit] { try SmallFactorData.folds() }

  var svd: BiasedMF { SmallFactorData.svd(epochs: 5) }

  /// The figures that do not depend on the clock.
  func figures(_ fold: FoldResult) -> [Metric: Double] {
    fold.values.filter { $0.key != .fitSeconds && $0.key != .testSeconds }
  }

  @Test func noneEqualsPlainEvaluationOnTheSameFolds() throws {
    let splits = try folds()
    for maker in [svd as any ModelMaker, EngineMaker(.knnMeans)] {
      let variants = try [Augmentation.none, .gaussian(deviation: 0.5)]
        .map { try $0.variant(maker, seed: 1) }
      let compared = try ComparisonRunner.run(variants, on: splits)
      let plain = try EvaluationRunner.run([maker], on: splits)[0]
      #expect(compared[0].folds.map(figures) == plain.folds.map(figures))
      #expect(compared[0].isBaseline && compared[0].change.isEmpty)
      #expect(compared[1].verdict != nil)
      let d = zip(compared[1].folds, compared[0].folds).map {
        $0.values[.rmse]! - $1.values[.rmse]!
      }
      #expect(compared[1].change[.rmse] == Summary(d))
    }
  }

  @Test func noNoiseChangesNothing() throws {
    let splits = try folds()
    let variants = try [Augmentation.none, .gaussian(deviation: 0),
                        .dropout(fraction: 0), .oversampling(minimum: 0)]
      .map { try $0.variant(svd, seed: 3) }
    let compared = try ComparisonRunner.run(variants, on: splits)
    for v in compared.dropFirst() {
      #expect(v.folds.map(figures) == compared[0].folds.map(figures), "\(v.name)")
      #expect(v.change[.rmse] == Summary([0, 0, 0]))
      #expect(v.verdict == .noClearChange)
    }
  }

  @Test func dropoutAndNoiseAreDrawnPerFoldFromTheSeed() throws {
    let splits = try folds()
    let run = {
      try ComparisonRunner.run(
        [try Augmentation.none.variant(self.svd, seed: 7),
         try Augmentation.dropout(fraction: 0.3).variant(self.svd, seed: 7)],
        on: splits)
    }
    let a = try run(), b = try run()
    #expect(a[1].folds.map(figures) == b[1].folds.map(figures))
    #expect(a[1].folds.map(figures) != a[0].folds.map(figures))
    #expect(ComparisonRunner.seed(7, fold: 0) != ComparisonRunner.seed(7, fold: 1))
  }

  @Test func oversamplingNeedsSGD() {
    #expect(throws: EvaluationError.self) {
      try Augmentation.oversampling(minimum: 5).variant(EngineMaker(.baseline), seed: 1)
    }
  }

  @Test func infiniteEpsilonEqualsNoNoise() throws {
    // Five folds: with three, Student's t and the shared-fold correction
    // leave even a large change unclear.
    let splits = try SmallFactorData.folds(5)
    let variants = try PrivacyExperiment.variants(
      epsilons: [.infinity, 1], maker: EngineMaker(.baseline), seed: 2)
    let compared = try ComparisonRunner.run(variants, on: splits)
    #expect(compared.map(\.name) == ["none", "laplace", "laplace"])
    #expect(compared.map(\.setting) == [nil, .infinity, 1])
    #expect(compared[1].folds.map(figures) == compared[0].folds.map(figures))
    // b = Δ/ε = 4 at ε = 1: the noise swamps the ratings.
    #expect(compared[2].verdict == .hurts)
    #expect(throws: EvaluationError.self) {
      try PrivacyExperiment.variants(epsilons: [0], maker: svd, seed: 1)
    }
  }

  @Test func sixtyFourBitsChangeNothingAndFewerBitsShrinkTheFactors() throws {
    let splits = try folds()
    let compared = try CompressionExperiment.run(svd, bits: [64, 8, 4],
                                                 on: splits)
    #expect(compared.map(\.name) == ["64-bit", "64-bit", "8-bit", "4-bit"])
    #expect(compared[1].folds.map(figures) == compared[0].folds.map(figures))
    for (f, split) in splits.enumerated() {
      let rows = Double(split.train.ratings.userCount + split.train.ratings.itemCount)
      #expect(compared[0].folds[f].values[.bytes] == rows * 4 * 8)
      #expect(compared[2].folds[f].values[.bytes] == rows * (4 + 4))
      #expect(compared[3].folds[f].values[.bytes] == rows * (2 + 4))
    }
    #expect(abs(compared[2].change[.rmse]!.mean) < 0.01)
    #expect(throws: EvaluationError.self) {
      try CompressionExperiment.run(svd, bits: [16], on: splits)
    }
  }

  @Test func coldRatingsAreThoseOfItemsWithFewTrainingRatings() {
    let train = Datasets.make([("a", "x", 4), ("b", "x", 2), ("a", "y", 3)])
    let test = [RatingRecord("b", "y", 5), RatingRecord("c", "x", 1),
                RatingRecord("a", "z", 2)]
    let split = TrainTestSplit(train: train, test: test)
    // y has 1 training rating, x has 2, z none (left out: nobody knows it).
    #expect(ComparisonRunner.coldTestRatings(split, limit: 1) == [test[0]])
    #expect(ComparisonRunner.coldTestRatings(split, limit: 2) == [test[0], test[1]])
    // z has no training rating and a knows others: unseen. c is unknown.
    #expect(ComparisonRunner.unseenTestRatings(split) == [test[2]])
  }

  /// A placed item takes part in the product with b_i = 0; a trained one
  /// keeps its factors.
  @Test func placedItemsAreScoredByTheirVector() throws {
    var model = try svd.fit(data)
    let v = (0..<model.factorCount).map { Double($0 + 1) / 10 }
    let index = model.placeItem("outside", at: v)
    let placed = try #require(index)
    #expect(model.isPlaced(placed) && !model.isKnown(placed))
    let u = UserIndex(0)
    let p = model.userFactors.row(u.int)
    let dot = zip(v, p).reduce(0) { $0 + $1.0 * $1.1 }
    let e = model.estimate(u, placed)
    #expect(abs(e.raw - (model.globalMean + model.userBias[0] + dot)) < 1e-12)
    #expect(!e.wasImpossible)
    #expect(model.estimate(nil, placed).raw == model.globalMean)
    let trained = data.ratings.item(data.ratings.itemIDs[0])!
    let before = model.itemFactors.row(trained.int)
    let again = model.placeItem(data.ratings.itemIDs[0], at: v)
    #expect(again == nil)
    #expect(model.itemFactors.row(trained.int) == before)
  }

  /// Items whose every rating is held out: the data's own factors as
  /// vectors let the product tell them apart, where random starting
  /// factors leave only μ + b_u.
  @Test func trueFactorsReachItemsNoTrainingRatingReached() throws {
    let (dataset, truth) = try SyntheticData(users: 200, items: 120,
                                            ratings: 6000, seed: 9)
      .generateWithTruth()
    var table: [String: [Double]] = [:]
    for i in dataset.ratings.items {
      table[dataset.ratings.id(of: i)] = Array(truth.factors(of: i))
    }
    let vectors = try PretrainedItemVectors(table)
    let list = RatingList(dataset)
    let held = Set(dataset.ratings.itemIDs.enumerated()
      .filter { $0.offset % 6 == 0 }.map(\.element))
    let split = TrainTestSplit(list, isTest: list.records.map {
      held.contains($0.itemID) || $0.userID.hasSuffix("7") })
    var mf = BiasedMF()
    mf.epochs = 30
    mf.learningRates = .init(all: 0.01)
    mf.seed = 1
    var options = ComparisonOptions()
    options.coldItemLimit = 5
    let compared = try ComparisonRunner.run(
      TransferExperiment.variants(vectors, mf: mf, rescaledTo: nil),
      on: [split], options: options)
    let tested = compared.map { $0.summary[.unseenTested]?.mean ?? 0 }
    #expect(tested[0] > 100 && tested.allSatisfy { $0 == tested[0] })
    let rmse = compared.map { $0.summary[.unseenRMSE]?.mean ?? .nan }
    #expect(rmse[1] < rmse[0] - 0.05, "unseen RMSE \(rmse)")
    #expect(rmse[2] < rmse[0], "unseen RMSE \(rmse)")
  }

  @Test func transferComparesStartingPointsOnColdItems() throws {
    let (dataset, truth) = try SyntheticData(users: 60, items: 150, ratings: 1200,
                                            seed: 5).generateWithTruth()
    var table: [String: [Double]] = [:]
    for i in dataset.ratings.items {
      table[dataset.ratings.id(of: i)] = Array(truth.factors(of: i))
    }
    let vectors = try PretrainedItemVectors(table)
    let splits = try Splitter.kFold(RatingList(dataset), folds: 3, seed: 2)
    var options = ComparisonOptions()
    options.coldItemLimit = 5
    let compared = try ComparisonRunner.run(
      TransferExperiment.variants(vectors, mf: svd, rescaledTo: 0.1),
      on: splits, options: options)
    #expect(compared.map(\.name) == ["random-init", "pretrained-init", "content"])
    for v in compared {
      #expect(v.folds.map { $0.values[.coldTested] }
                == compared[0].folds.map { $0.values[.coldTested] })
    }
    #expect(compared[0].folds.allSatisfy { ($0.values[.coldTested] ?? 0) > 0 })
    #expect(compared[1].coldVerdict != nil && compared[1].change[.coldRMSE] != nil)
    #expect(compared[1].folds.map(figures) != compared[0].folds.map(figures))
  }

  @Test func vectorsReplaceTheFeatures() throws {
    let vectors = try PretrainedItemVectors(["1": [0.5, -1]])
    let d = vectors.replacingFeatures(of: Datasets.essay)
    #expect(d.catalog.featureNames == ["v1", "v2"])
    #expect(d.catalog.features(of: d.ratings.item("1")!) == [0.5, -1])
    #expect(d.catalog.features(of: d.ratings.item("3")!) == [0, 0])
  }
}

/// Paired verdicts.
@Suite struct VerdictTests {
  @Test func clearAndUnclearDifferences() {
    #expect(Verdict(differences: [-0.10, -0.12, -0.09]) == .helps)
    #expect(Verdict(differences: [0.10, 0.12, 0.09]) == .hurts)
    // Mean 0.0167, deviation 0.085, standard error 0.06: within noise.
    #expect(Verdict(differences: [0.1, -0.1, 0.05]) == .noClearChange)
    #expect(Verdict(differences: [-0.5]) == .noClearChange)
    #expect(Verdict(differences: [0, 0]) == .noClearChange)
    #expect(Verdict(differences: [-0.01, -0.01]) == .helps)
  }

  /// Five folds of -0.02 ± 0.01: t = 4.47 by the plain paired test, clear
  /// past 2.78; with the correction for 5-fold sharing (n_test/n_train
  /// 0.25) t = 2.98, still clear; with a larger share, not.
  @Test func theCorrectionForSharedFoldsWidensTheError() {
    let d = [-0.03, -0.01, -0.02, -0.03, -0.01]
    #expect(Verdict(differences: d) == .helps)
    #expect(Verdict(differences: d, testShare: 0.25) == .helps)
    #expect(Verdict(differences: d, testShare: 0.4) == .noClearChange)
    // Student's t, not 2: three folds need t > 4.30.
    #expect(Verdict(differences: [-0.1, -0.02, -0.06]) == .noClearChange)
    #expect(Verdict.criticalT(degreesOfFreedom: 4) == 2.776)
    #expect(Verdict.criticalT(degreesOfFreedom: 100) == 1.96)
  }

  @Test func theTestShareIsTestOverTrainRatings() throws {
    let share = Verdict.testShare(of: try SmallFactorData.folds())
    // Three folds: a third tested, two thirds trained on.
    #expect(abs(share - 0.5) < 0.01)
  }
}
