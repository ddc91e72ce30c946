import Testing
import TestSupport
@testable import RecscopeCore

/// Evaluation asks for estimates without their explanations, which skip
/// formatting the arithmetic; the arithmetic itself must not change.
@Suite struct PlainEstimateTests {
  @Test(arguments: Algorithm.allCases)
  func plainEstimatesAreTheExplainedOnes(algorithm: Algorithm) throws {
    let data = try SyntheticData(users: 50, items: 40, ratings: 700, seed: 4,
                                 features: 5).generate()
    let split = try Splitter.newItems(RatingList(data), folds: 4, seed: 2)[0]
    var settings = EngineSettings()
    settings.algorithm = algorithm
    settings.factorization.factors = 3
    settings.factorization.epochs = 3
    let engine = try Engine(dataset: split.train, settings: settings)
    let predictor = EnginePredictor(engine: engine)
    // Test ratings of new items, training ratings, and unknown ids.
    let pairs = split.test.map { ($0.userID, $0.itemID) }
      + split.trainRecords.map { ($0.userID, $0.itemID) }
      + [("nobody", split.test[0].itemID), (split.test[0].userID, "nothing")]
    for (user, item) in pairs {
      let plain = predictor.estimate(userID: user, itemID: item)
      let explained = engine.predict(userID: user, itemID: item)
      #expect(plain.raw == explained.raw, "\(algorithm) (\(user), \(item))")
      #expect(plain.estimate == explained.estimate)
      #expect(plain.wasImpossible == explained.wasImpossible,
              "\(algorithm) (\(user), \(item))")
    }
  }
}
