import Testing
import TestSupport
@testable import RecscopeCore

/// One engine a fold measured at several k gives each k the figures of
/// an engine trained with that k, to the last bit.
@Suite struct NeighbourCountTests {
  /// Long-tailed: some users and items have a rating or two.
  let data = Datasets.random(seed: 7, users: 80, items: 60, ratings: 900)

  func folds() throws -> [TrainTestSplit] {
    try Splitter.kFold(RatingList(data), folds: 3, seed: 4)
  }

  /// Every figure but the timings, which differ from run to run.
  func figures(_ result: FoldResult) -> [Metric: Double] {
    result.values.filter { $0.key != .testSeconds && $0.key != .fitSeconds }
  }

  /// Counts out of order, one past every candidate list, and a minimum
  /// of neighbours that some pairs miss (the forms' fallbacks).
  static let counts = [10, 1, 2, 5, 40, 500]

  static let cases: [(Algorithm, Basis, SimilarityMeasure)] = [
    (.knnBasic, .user, .msd), (.knnMeans, .user, .pearson),
    (.knnZScore, .item, .cosine), (.knnBaseline, .item, .pearsonBaseline),
    (.knnBaseline, .user, .msd), (.knnMeans, .item, .pearson),
  ]

  @Test(arguments: cases)
  func everyCountIsAnEngineOfItsOwn(form: Algorithm, basis: Basis,
                                    measure: SimilarityMeasure) throws {
    var settings = EngineSettings()
    settings.algorithm = form
    settings.basis = basis
    settings.similarity = measure
    settings.minK = 2
    var options = EvaluationOptions()
    options.trainErrorSample = 300
    // Coverage ranks every item for every test user: once is enough.
    options.measuresCoverage = form == .knnBasic
    for split in try folds() {
      let shared = try #require(try NeighbourCountEvaluation.evaluate(
        settings, counts: Self.counts, on: split, options: options))
      #expect(shared.count == Self.counts.count)
      for (k, result) in zip(Self.counts, shared) {
        var s = settings
        s.k = k
        let alone = EvaluationRunner.evaluate(
          try EngineMaker(s).makePredictor(training: split.train), on: split,
          options: options)
        #expect(figures(result) == figures(alone), "\(form) k = \(k)")
      }
    }
  }

  /// The data reaches the paths above that are not a plain weighted
  /// mean: pairs the train set does not know, and pairs with neighbours
  /// but fewer than min_k of them.
  @Test func theFoldsReachEveryFallback() throws {
    let split = try folds()[0]
    let ratings = split.train.ratings
    #expect(split.test.contains {
      ratings.user($0.userID) == nil || ratings.item($0.itemID) == nil
    })
    var settings = EngineSettings()
    settings.minK = 2
    let shared = try #require(try NeighbourCountEvaluation.evaluate(
      settings, counts: [40], on: split, options: EvaluationOptions()))
    let impossible = try #require(shared[0].values[.impossible])
    #expect(impossible > 0 && impossible < 1)
  }

  @Test func aCountThatMakesNoEngineIsNamed() throws {
    let split = try folds()[0]
    #expect(throws: EvaluationError.invalidSetting(
      "k must be at least 1, got 0")) {
      try NeighbourCountEvaluation.evaluate(
        EngineSettings(), counts: [5, 0], on: split,
        options: EvaluationOptions())
    }
    var hybrid = EngineSettings()
    hybrid.algorithm = .hybrid
    #expect(!NeighbourCountEvaluation.applies(to: .hybrid))
    #expect(throws: EvaluationError.self) {
      try NeighbourCountEvaluation.evaluate(
        hybrid, counts: [5], on: split, options: EvaluationOptions())
    }
  }

  @Test func aStopEndsTheWork() throws {
    let split = try folds()[0]
    var asked = 0
    let result = try NeighbourCountEvaluation.evaluate(
      EngineSettings(), counts: [5], on: split, options: EvaluationOptions()
    ) {
      asked += 1
      return asked > 1
    }
    #expect(result == nil)
    #expect(asked == 2)
  }
}
