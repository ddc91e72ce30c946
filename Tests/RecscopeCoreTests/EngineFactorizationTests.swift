import Foundation
import Testing
import TestSupport
@testable import RecscopeCore

/// `svd` and `als` served by the engine: the same numbers as the factor
/// model, provenance that adds up, fold-in on edits, retraining elsewhere.
@Suite struct EngineFactorizationTests {
  let data = Datasets.random(seed: 5, users: 30, items: 25, ratings: 320)

  func settings(_ algorithm: Algorithm, seed: UInt64 = 3) -> EngineSettings {
    var s = EngineSettings()
    s.algorithm = algorithm
    s.factorization.factors = 6
    s.factorization.epochs = 4
    s.factorization.seed = seed
    return s
  }

  func engine(_ algorithm: Algorithm = .svd) throws -> Engine {
    try Engine(dataset: data, settings: settings(algorithm))
  }

  /// The user's current ratings by id, as ``FactorModel/foldIn(_:)`` takes them.
  func ratings(of u: UserIndex, in engine: Engine)
    -> [(itemID: String, rating: Double)] {
    engine.ratings.byUser[u.int].map {
      (engine.ratings.id(of: $0.item), $0.value)
    }
  }

  @Test func predictionsEqualTheFactorModelOfTheSameSeed() throws {
    for algorithm in [Algorithm.svd, .als] {
      let e = try engine(algorithm)
      let model: FactorModel = algorithm == .svd
        ? try settings(algorithm).factorization.biasedMF.fit(data)
        : try settings(algorithm).factorization.alsMF.fit(data)
      for u in 0..<data.ratings.userCount {
        for i in 0..<data.ratings.itemCount {
          let p = e.predict(UserIndex(u), ItemIndex(i))
          let expected = model.estimate(UserIndex(u), ItemIndex(i))
          #expect(p.estimate == expected.estimate, "\(algorithm) \(u) \(i)")
          #expect(p.raw == expected.raw)
          #expect(p.source == .factorization)
        }
      }
    }
  }

  /// λ_b reaches the biases only: Surprise's reg_bu and reg_bi for svd,
  /// ALS's λ_b; the factors keep λ.
  @Test func biasRegularisationIsSetApartFromTheFactors() throws {
    var f = FactorSettings()
    f.regularization = 0.3
    f.biasRegularization = 2
    let sgd = f.biasedMF.regularization
    #expect([sgd.userBias, sgd.itemBias, sgd.userFactors, sgd.itemFactors]
              == [2, 2, 0.3, 0.3])
    #expect(f.alsMF.regularization == 0.3)
    #expect(f.alsMF.biasRegularization == 2)
    f.biasRegularization = 0
    #expect(f.problem(for: .svd) == nil)
    #expect(f.problem(for: .als)
              == "the bias regularization of als must be above 0, got 0")

    // A stronger pull on the biases shrinks them, with the factors' λ kept.
    var weak = settings(.svd), strong = settings(.svd)
    weak.factorization.biasRegularization = 0.001
    strong.factorization.biasRegularization = 50
    let a = try Engine(dataset: data, settings: weak).factorModel!
    let b = try Engine(dataset: data, settings: strong).factorModel!
    let size = { (m: FactorModel) in m.userBias.map(abs).reduce(0, +) }
    #expect(size(b) < size(a) / 2)
  }

  @Test func provenanceAddsUpToTheEstimate() throws {
    let e = try engine()
    let model = try #require(e.factorModel)
    for u in 0..<data.ratings.userCount where model.isKnown(UserIndex(u)) {
      for i in 0..<data.ratings.itemCount where model.isKnown(ItemIndex(i)) {
        let p = e.predict(UserIndex(u), ItemIndex(i))
        let f = try #require(p.explanation.factors)
        let terms = p.explanation.terms.map(\.name)
        #expect(terms == ["μ", "b_u", "b_i", "q_iᵀp_u"])
        // μ + b_u + b_i + Σ_f q_if·p_uf over every factor is r̂ before
        // clipping; the product is summed in another order, hence 1e-12.
        let all = model.provenance(
          userID: data.ratings.userIDs[u], itemID: data.ratings.itemIDs[i],
          limit: model.factorCount)
        let sum = f.globalMean! + f.userBias! + f.itemBias!
          + all.topFactors.reduce(0) { $0 + $1.contribution }
        #expect(abs(sum - p.raw) < 1e-12, "\(u) \(i)")
        #expect(f.topFactors.count == 5)
        #expect(f.topFactors == Array(all.topFactors.prefix(5)))
      }
    }
  }

  @Test func unknownUserFallsBackToTheKnownBiasesFlagged() throws {
    let e = try engine()
    let model = try #require(e.factorModel)
    let i = ItemIndex(0)
    let p = e.predict(nil, i)
    #expect(p.raw == model.globalMean + model.itemBias[0])
    #expect(p.wasImpossible)
    #expect(p.reason == "user is unknown")
    #expect(p.explanation.fallbacks == ["user unknown: b_u and q_iᵀp_u left out"])
  }

  @Test func explanationNamesTheTermsFactorsAndPulls() throws {
    let e = try engine(.als)
    let u = UserIndex(0), i = try #require(
      (0..<data.ratings.itemCount).map(ItemIndex.init).first {
        e.ratings.rating(u, $0) == nil && e.ratings.byItem[$0.int].count > 0
      })
    let lines = e.explanationLines(for: e.predict(u, i))
    #expect(lines[1].hasPrefix("method    biased MF (ALS), 6 factors, 4 epochs"))
    #expect(lines[2] == "formula   r̂_ui = μ + b_u + b_i + q_iᵀp_u")
    #expect(lines[3].hasPrefix("terms     μ = "))
    #expect(lines.contains("model     trained by ALS, 4 epochs"))
    #expect(lines.contains { $0.hasPrefix("factors   the 5 largest of 6 terms") })
    #expect(lines.contains { $0.hasPrefix("  other 1") })
    // ALS vectors are exact least-squares solutions: the pulls add up.
    #expect(lines.contains {
      $0.hasPrefix("pulls     rated items j that move q_iᵀp_u most; Σ_j") })
    #expect(lines.last!.hasPrefix("value     r̂ = "))
  }

  @Test func anEditFoldsTheUserInAtOnce() throws {
    let e = try engine()
    let before = try #require(e.factorModel)
    let u = UserIndex(2)
    let i = try #require((0..<data.ratings.itemCount).map(ItemIndex.init)
      .first { e.ratings.rating(u, $0) == nil && before.isKnown($0) })
    try e.setRating(u, i, to: 5)
    let folded = try before.foldIn(ratings(of: u, in: e))
    for j in 0..<data.ratings.itemCount {
      let id = data.ratings.itemIDs[j]
      #expect(e.predict(u, ItemIndex(j)).raw
              == before.estimate(for: folded, itemID: id).raw)
    }
    #expect(e.factorModelStatus?.editsSinceTraining == 1)
    // Another user's vector is the trained one still.
    #expect(e.predict(UserIndex(3), i).raw
            == before.estimate(UserIndex(3), i).raw)
  }

  @Test func featureEditsLeaveTheModelAlone() throws {
    let e = try engine()
    let p = e.predict(UserIndex(0), ItemIndex(1)).raw
    e.setFeature(0, of: ItemIndex(1), to: 7)
    #expect(e.predict(UserIndex(0), ItemIndex(1)).raw == p)
    #expect(e.factorModelStatus?.editsSinceTraining == 0)
  }

  @Test func anAddedItemHasNoFactorsUntilRetraining() throws {
    let e = try engine()
    let u = UserIndex(0)
    let i = e.addItem("fresh")
    try e.setRating(UserIndex(1), i, to: 4)
    let p = e.predict(u, i)
    #expect(p.wasImpossible)
    #expect(p.reason == "item has no factors yet")
    #expect(p.explanation.fallbacks.first
            == "item added after training: no factors until the model is retrained")
    #expect(e.factorModelStatus?.editsSinceTraining == 2)
    try e.retrainFactorModel()
    #expect(!e.predict(u, i).wasImpossible)
    #expect(e.factorModelStatus?.editsSinceTraining == 0)
  }

  /// Random edits keep every estimate finite, on the scale, and equal to
  /// a fresh fold-in of the user's current ratings.
  @Test(arguments: [UInt64(1), 2, 3, 4])
  func randomEditsKeepEstimatesEqualToAFreshFoldIn(seed: UInt64) throws {
    var g = SeededGenerator(seed: seed)
    let e = try Engine(dataset: Datasets.random(seed: seed, users: 20,
                                                 items: 15, ratings: 150),
                       settings: settings(seed % 2 == 0 ? .svd : .als))
    var edited = Set<Int>()
    for step in 0..<60 {
      let users = e.ratings.userCount, items = e.ratings.itemCount
      let u = UserIndex(Int(g.next() % UInt64(users)))
      let i = ItemIndex(Int(g.next() % UInt64(items)))
      switch g.next() % 10 {
      case 0: edited.insert(e.addUser("added\(step)").int)
      case 1: e.addItem("new\(step)")
      case 2, 3:
        if e.removeRating(u, i) != nil { edited.insert(u.int) }
      default:
        try e.setRating(u, i, to: Double(1 + g.next() % 9) / 2 + 0.5)
        edited.insert(u.int)
      }
      let model = try #require(e.factorModel, "seed \(seed)")
      for v in edited.sorted() {
        let user = UserIndex(v)
        let fresh = try model.foldIn(ratings(of: user, in: e))
        for j in 0..<e.ratings.itemCount {
          let p = e.predict(user, ItemIndex(j), explain: false)
          #expect(p.estimate.isFinite && e.dataset.scale.contains(p.estimate),
                  "seed \(seed) step \(step)")
          let id = e.ratings.itemIDs[j]
          #expect(p.raw == model.estimate(for: fresh, itemID: id).raw,
                  "seed \(seed) step \(step) user \(v) item \(j)")
        }
      }
    }
  }

  @Test func topNIsTheBestEstimatesOfUnratedItems() throws {
    let e = try engine()
    for u in 0..<5 {
      let user = UserIndex(u)
      let list = e.recommend(for: user, count: 6)
      var expected: [(Int, Double)] = []
      for i in 0..<e.ratings.itemCount where e.ratings.rating(user, ItemIndex(i)) == nil {
        expected.append((i, e.predict(user, ItemIndex(i)).estimate))
      }
      expected.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
      #expect(list.items.map(\.item.int) == expected.prefix(6).map(\.0))
      #expect(list.items.map(\.score) == expected.prefix(6).map(\.1))
    }
  }

  // MARK: Retraining elsewhere

  @Test func retrainingOnASnapshotKeepsTheEditsMadeMeanwhile() throws {
    let e = try engine()
    try e.setRating(UserIndex(0), ItemIndex(0), to: 1)
    let job = try #require(e.factorTraining())
    let snapshot = e.dataset
    // Edits while the job would run: a rating, a new user with one.
    try e.setRating(UserIndex(4), ItemIndex(2), to: 5)
    let added = e.addUser("late")
    try e.setRating(added, ItemIndex(3), to: 2)

    var epochs: [Int] = []
    let trained = try #require(try job.run { report in
      epochs.append(report.epoch)
      return .proceed
    })
    #expect(epochs == [1, 2, 3, 4])
    #expect(e.install(trained))
    #expect(e.factorModelStatus?.editsSinceTraining == 3)

    // Untouched users: the model trained on the snapshot, as is.
    let fresh = try settings(.svd).factorization.biasedMF.fit(snapshot)
    #expect(e.predict(UserIndex(1), ItemIndex(5)).raw
            == fresh.estimate(UserIndex(1), ItemIndex(5)).raw)
    // Users edited meanwhile: folded into the new model.
    let model = try #require(e.factorModel)
    for user in [UserIndex(4), added] {
      let folded = try fresh.foldIn(ratings(of: user, in: e))
      #expect(e.predict(user, ItemIndex(6)).raw
              == model.estimate(for: folded, itemID: e.ratings.itemIDs[6]).raw)
      #expect(e.ratings.id(of: user) == model.ratings.userIDs[user.int])
    }
  }

  @Test func aCancelledTrainingLeavesTheModel() throws {
    let e = try engine()
    let before = e.predict(UserIndex(1), ItemIndex(2)).raw
    try e.setRating(UserIndex(1), ItemIndex(3), to: 5)
    let afterEdit = e.predict(UserIndex(1), ItemIndex(2)).raw
    #expect(afterEdit != before)
    var seen = 0
    let installed = try e.retrainFactorModel { _ in
      seen += 1
      return seen == 2 ? .stop : .proceed
    }
    #expect(!installed)
    #expect(seen == 2)
    #expect(e.predict(UserIndex(1), ItemIndex(2)).raw == afterEdit)
    #expect(e.factorModelStatus?.editsSinceTraining == 1)
  }

  @Test func aModelForOtherSettingsIsNotInstalled() throws {
    let e = try engine()
    let job = try #require(e.factorTraining())
    var s = e.settings
    s.factorization.factors = 3
    try e.apply(s)
    let trained = try #require(try job.run())
    #expect(!e.install(trained))
    #expect(e.factorModel?.factorCount == 3)
  }

  // MARK: Without training on demand

  /// Before a model comes in, every estimate is the baseline's, flagged
  /// with the reason; once one trained elsewhere is installed (with an
  /// edit made meanwhile), the estimates are those of an engine that
  /// trained on the spot and saw the same edit.
  @Test func anEngineThatDoesNotTrainFallsBackUntilAModelIsInstalled()
    throws
  {
    for algorithm in [Algorithm.svd, .als] {
      let e = try Engine(dataset: data, settings: settings(algorithm),
                         trainsOnDemand: false)
      #expect(e.needsFactorTraining)
      #expect(e.factorModel == nil && e.factorModelStatus == nil)
      let b = e.baselines
      let ratings = data.ratings
      for u in 0..<5 where !ratings.byUser[u].isEmpty {
        for i in 0..<ratings.itemCount where !ratings.byItem[i].isEmpty {
          let p = e.predict(UserIndex(u), ItemIndex(i))
          #expect(p.source == .baseline && p.wasImpossible)
          #expect(p.reason == "model not trained yet")
          #expect(p.raw == b.globalMean + b.user[u] + b.item[i],
                  "\(algorithm) \(u) \(i)")
          #expect(p.explanation.fallbacks
                  == ["model not trained yet: baseline μ + b_u + b_i"])
          #expect(p.explanation.terms.map(\.name) == ["μ", "b_u", "b_i"])
        }
      }
      let list = e.recommend(for: UserIndex(0), count: 5)
      #expect(list.note == "model not trained yet: baseline")
      #expect(list.items.allSatisfy { $0.source == .baseline })
      #expect(e.needsFactorTraining, "predicting trained nothing")

      let job = try #require(e.factorTraining())
      let u = UserIndex(2)
      let i = try #require((0..<data.ratings.itemCount).map(ItemIndex.init)
        .first { e.ratings.rating(u, $0) == nil })
      try e.setRating(u, i, to: 5)
      let trained = try #require(try job.run())
      #expect(e.install(trained))
      #expect(!e.needsFactorTraining)
      #expect(e.factorModelStatus?.editsSinceTraining == 1)

      let reference = try engine(algorithm)
      try reference.setRating(u, i, to: 5)
      for v in 0..<data.ratings.userCount {
        for j in 0..<data.ratings.itemCount {
          let p = e.predict(UserIndex(v), ItemIndex(j))
          let expected = reference.predict(UserIndex(v), ItemIndex(j))
          #expect(p.raw == expected.raw, "\(algorithm) \(v) \(j)")
          #expect(p.source == .factorization)
        }
      }
      #expect(e.recommend(for: u, count: 5)
              == reference.recommend(for: u, count: 5))
    }
  }

  /// A change of factor settings leaves the old model unused rather than
  /// training; changing back finds it, with the edits made meanwhile.
  @Test func changingBackFindsTheModelOfTheOldSettings() throws {
    let e = try Engine(dataset: data, settings: settings(.svd),
                       trainsOnDemand: false)
    try e.retrainFactorModel()
    let old = e.settings
    var other = old
    other.factorization.factors = 3
    try e.apply(other)
    #expect(e.needsFactorTraining)
    try e.setRating(UserIndex(1), ItemIndex(4), to: 2)
    #expect(e.predict(UserIndex(1), ItemIndex(5)).source == .baseline)
    try e.apply(old)
    #expect(!e.needsFactorTraining)
    #expect(e.factorModel?.factorCount == 6)
    let reference = try engine()
    try reference.setRating(UserIndex(1), ItemIndex(4), to: 2)
    #expect(e.predict(UserIndex(1), ItemIndex(5)).raw
            == reference.predict(UserIndex(1), ItemIndex(5)).raw)
  }

  @Test func settingsWrittenBeforeFactorizationStillRead() throws {
    var knn = EngineSettings()
    knn.algorithm = .knnMeans
    knn.k = 20
    // As a journal written before factorization existed holds them.
    var object = try #require(try JSONSerialization.jsonObject(
      with: JSONEncoder().encode(knn)) as? [String: Any])
    #expect(object.removeValue(forKey: "factorization") != nil)
    let old = try JSONSerialization.data(withJSONObject: object)
    let s = try JSONDecoder().decode(EngineSettings.self, from: old)
    #expect(s.algorithm == .knnMeans && s.k == 20)
    #expect(s.factorization == FactorSettings())
    let again = try JSONDecoder().decode(
      EngineSettings.self, from: JSONEncoder().encode(settings(.als)))
    #expect(again == settings(.als))
  }

  @Test func defaultsAreSurprisesForSVDAndALSMFsOwn() {
    let f = FactorSettings()
    #expect(f.biasedMF == BiasedMF())
    #expect(f.alsMF == ALSMF())
    #expect(f.factorCount(for: .svd) == 100 && f.epochCount(for: .svd) == 20)
    #expect(f.learningRateValue == 0.005)
    #expect(f.regularizationValue(for: .svd) == 0.02)
    #expect(BiasedMF().initDeviation == 0.1 && BiasedMF().initMean == 0)
  }
}
