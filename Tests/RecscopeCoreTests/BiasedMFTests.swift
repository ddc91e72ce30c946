import Testing
import TestSupport
@testable import RecscopeCore

/// Stochastic gradient descent, checked against its update rules.
@Suite struct BiasedMFTests {
  /// Two users, two items, every pair rated; A's ratings were entered
  /// item y first, so the epoch visits (A,y), (A,x), (B,x), (B,y).
  let twoByTwo = Datasets.make([("A", "y", 2), ("A", "x", 4),
                                ("B", "x", 5), ("B", "y", 3)])
  let startP = FactorMatrix(rows: 2, columns: 2, values: [0.1, -0.2, 0.3, 0.05])
  let startQ = FactorMatrix(rows: 2, columns: 2, values: [-0.1, 0.4, 0.2, 0.1])

  func oneEpoch() throws -> FactorModel {
    var mf = BiasedMF()
    mf.factors = 2
    mf.epochs = 1
    return try mf.fit(TrainingList(twoByTwo), test: [], initialUserFactors: startP,
                      initialItemFactors: startQ, monitor: nil)
  }

  @Test func firstStepMatchesHandArithmetic() throws {
    var mf = BiasedMF()
    mf.factors = 2
    mf.epochs = 1
    let first = Dataset(ratings: {
      var m = twoByTwo.ratings
      m.remove(UserIndex(0), ItemIndex(1))
      m.remove(UserIndex(1), ItemIndex(1))
      m.remove(UserIndex(1), ItemIndex(0))
      return m
    }(), scale: twoByTwo.scale)
    // μ is the data's, 3.5; only (A, y) = 2 is visited.
    let p = FactorMatrix(rows: 2, columns: 2, values: [0.1, -0.2, 0, 0])
    let q = FactorMatrix(rows: 2, columns: 2, values: [-0.1, 0.4, 0, 0])
    let m = try mf.fit(TrainingList(first), test: [], initialUserFactors: p,
                       initialItemFactors: q, monitor: nil)
    // dot = −0.1·0.1 + 0.4·(−0.2) = −0.09; err = 2 − (2 + 0 + 0 − 0.09).
    let err = 0.09
    let close = { (a: Double, b: Double) in abs(a - b) < 1e-15 }
    #expect(close(m.userBias[0], 0.005 * err))
    #expect(close(m.itemBias[0], 0.005 * err))
    // p_A = (0.1 + γ(e·(−0.1) − λ·0.1), −0.2 + γ(e·0.4 − λ·(−0.2)))
    //     = (0.099945, −0.1998); q_y likewise = (−0.099945, 0.39987).
    let expectedP = [0.099945, -0.1998]
    let expectedQ = [-0.099945, 0.39987]
    for f in 0..<2 {
      #expect(close(m.userFactors[0, f], expectedP[f]))
      #expect(close(m.itemFactors[0, f], expectedQ[f]))
    }
    #expect(m.userFactors.row(1) == [0, 0] && m.itemFactors.row(1) == [0, 0])
  }

  @Test func oneEpochFollowsTheUpdateRulesInOrder() throws {
    let m = try oneEpoch()
    var p = [[0.1, -0.2], [0.3, 0.05]]
    var q = [[-0.1, 0.4], [0.2, 0.1]]
    var bu = [0.0, 0.0], bi = [0.0, 0.0]
    let mu = 3.5, lr = 0.005, reg = 0.02
    // (user, item, rating) in visiting order; item y is index 0.
    for (u, i, r) in [(0, 0, 2.0), (0, 1, 4.0), (1, 1, 5.0), (1, 0, 3.0)] {
      let dot = q[i][0] * p[u][0] + q[i][1] * p[u][1]
      let err = r - (mu + bu[u] + bi[i] + dot)
      bu[u] += lr * (err - reg * bu[u])
      bi[i] += lr * (err - reg * bi[i])
      for f in 0..<2 {
        let puf = p[u][f], qif = q[i][f]
        p[u][f] += lr * (err * qif - reg * puf)
        q[i][f] += lr * (err * puf - reg * qif)
      }
    }
    #expect(m.userBias == bu)
    #expect(m.itemBias == bi)
    #expect(m.userFactors.values == p.flatMap { $0 })
    #expect(m.itemFactors.values == q.flatMap { $0 })
    #expect(m.epochsTrained == 1)
  }

  /// Surprise 1.1.5's `SVD(n_factors=3, n_epochs=7, lr_all=0.01,
  /// reg_all=0.05)` on the essay data, its NumPy draws replaced by the
  /// same starting P and Q, gave these parameters.
  @Test func matchesSurpriseFromTheSameStart() throws {
    var mf = BiasedMF()
    mf.factors = 3
    mf.epochs = 7
    mf.learningRates = .init(all: 0.01)
    mf.regularization = .init(all: 0.05)
    let p = FactorMatrix(rows: 3, columns: 3, values: [
      0.1, -0.2, 0.05, 0.3, 0.05, -0.1, -0.15, 0.2, 0.12])
    let q = FactorMatrix(rows: 3, columns: 3, values: [
      -0.1, 0.4, 0.02, 0.2, 0.1, -0.3, 0.07, -0.05, 0.25])
    let m = try mf.fit(TrainingList(Datasets.essay), test: [], initialUserFactors: p,
                       initialItemFactors: q, monitor: nil)
    let close = { (a: [Double], b: [Double]) in
      zip(a, b).allSatisfy { abs($0 - $1) < 1e-15 } && a.count == b.count
    }
    #expect(close(m.userBias, [-0.16564032193411732, 0.20536499653513335,
                               -0.04399719576967218]))
    #expect(close(m.itemBias, [0.08311119177858414, -0.04560677761926527,
                               -0.041653731889217935]))
    #expect(close(m.userFactors.values, [
      0.07857561936268792, -0.18099126688014092, 0.01648742300392922,
      0.3097256424551657, 0.09317646877840353, -0.11811697050063391,
      -0.16086425360287637, 0.16720729414703328, 0.1756606934484328]))
    #expect(close(m.itemFactors.values, [
      -0.06046993549690561, 0.38581895261234134, 0.004599010779627509,
      0.23712341034037251, 0.09292996082049501, -0.32196993157052706,
      0.045634888619468336, 0.004178377481359499, 0.25350596268900133]))
    #expect(abs(m.estimate(userID: "A", itemID: "3").estimate - 3.355270701577059) < 1e-14)
    #expect(abs(m.estimate(userID: "B", itemID: "2").estimate - 3.8354459735826314) < 1e-14)
    mf.biased = false
    let u = try mf.fit(TrainingList(Datasets.essay), test: [], initialUserFactors: p,
                       initialItemFactors: q, monitor: nil)
    #expect(close(u.userFactors.row(0), [
      0.14183879045197814, -0.058207627742472796, 0.009569249428816495]))
    #expect(close(u.itemFactors.row(2), [
      0.13048906346660874, 0.06987041512907484, 0.2609532326281899]))
  }

  @Test func unbiasedKeepsBiasesAtZeroAndIgnoresMu() throws {
    var mf = BiasedMF()
    mf.factors = 2
    mf.epochs = 1
    mf.biased = false
    let m = try mf.fit(TrainingList(twoByTwo), test: [], initialUserFactors: startP,
                       initialItemFactors: startQ, monitor: nil)
    #expect(m.userBias == [0, 0] && m.itemBias == [0, 0])
    let dot = m.userFactors.row(0).enumerated()
      .map { $0.element * m.itemFactors[1, $0.offset] }.reduce(0, +)
    #expect(m.estimate(userID: "A", itemID: "x").raw == dot)
    let e = m.estimate(userID: "A", itemID: "nobody-rated")
    #expect(e.wasImpossible && e.estimate == 3.5)
    #expect(e.reason == "user and/or item is unknown")
  }

  @Test func startingValuesAreSeededDrawsUsersFirst() throws {
    var mf = BiasedMF()
    mf.factors = 3
    mf.epochs = 0
    mf.seed = 11
    let m = try mf.fit(twoByTwo)
    var g = SeededGenerator(seed: 11)
    let draws = (0..<12).map { _ in 0.1 * g.nextGaussian() }
    #expect(m.userFactors.values == Array(draws[0..<6]))
    #expect(m.itemFactors.values == Array(draws[6..<12]))
  }

  @Test func sameSeedSameModelOtherSeedOtherModel() throws {
    let data = Datasets.random(seed: 3, users: 30, items: 25, ratings: 300)
    var mf = BiasedMF()
    mf.factors = 8
    mf.epochs = 5
    mf.seed = 42
    let a = try mf.fit(data), b = try mf.fit(data)
    #expect(a.userFactors == b.userFactors && a.itemFactors == b.itemFactors)
    #expect(a.userBias == b.userBias && a.itemBias == b.itemBias)
    mf.seed = 43
    let c = try mf.fit(data)
    #expect(c.itemFactors != a.itemFactors)
  }

  @Test func trainingErrorFallsEpochByEpoch() throws {
    for seed: UInt64 in [1, 2, 3] {
      let data = Datasets.random(seed: seed, users: 60, items: 40, ratings: 900)
      var mf = BiasedMF()
      mf.factors = 10
      mf.epochs = 15
      mf.learningRates = .init(all: 0.01)
      var curve: [Double] = []
      _ = try mf.fit(data) { report in
        curve.append(report.trainRMSE)
        return .proceed
      }
      #expect(curve.count == 15, "seed \(seed)")
      #expect(zip(curve, curve.dropFirst()).allSatisfy { $1 < $0 },
              "seed \(seed): \(curve)")
    }
  }

  @Test func monitorReportsTestErrorAndCanStop() throws {
    let data = Datasets.random(seed: 9, users: 30, items: 20, ratings: 250)
    var mf = BiasedMF()
    mf.factors = 4
    let test = [RatingRecord("u0", "i1", 4), RatingRecord("stranger", "i0", 2)]
    var reports: [EpochReport] = []
    let m = try mf.fit(data, test: test) { report in
      reports.append(report)
      return report.epoch == 3 ? .stop : .proceed
    }
    #expect(reports.map(\.epoch) == [1, 2, 3])
    #expect(m.epochsTrained == 3)
    #expect(reports.allSatisfy { $0.testRMSE != nil && $0.seconds >= 0 })
    let scored = ScoredRating.scoring(test, with: m)
    #expect(reports.last?.testRMSE == AccuracyMetrics.rmse(scored))
  }

  @Test func unknownSidesUseOnlyTheKnownTerms() throws {
    var mf = BiasedMF()
    mf.factors = 2
    mf.epochs = 3
    let m = try mf.fit(twoByTwo)
    let a = m.ratings.user("A")!, x = m.ratings.item("x")!
    let newUser = m.estimate(userID: "stranger", itemID: "x")
    #expect(newUser.raw == m.globalMean + m.itemBias[x.int])
    #expect(!newUser.wasImpossible)
    let newItem = m.estimate(userID: "A", itemID: "unseen")
    #expect(newItem.raw == m.globalMean + m.userBias[a.int])
    #expect(m.estimate(userID: "?", itemID: "?").raw == 3.5)
    let both = m.estimate(userID: "A", itemID: "x")
    let dot = m.userFactors[a.int, 0] * m.itemFactors[x.int, 0]
      + m.userFactors[a.int, 1] * m.itemFactors[x.int, 1]
    #expect(both.raw == 3.5 + m.userBias[a.int] + m.itemBias[x.int] + dot)
  }

  @Test func estimatesAreClippedToTheScale() throws {
    let data = Datasets.make([("A", "x", 5), ("A", "y", 5), ("B", "x", 5)])
    var mf = BiasedMF()
    mf.factors = 2
    mf.epochs = 50
    mf.learningRates = .init(all: 0.1)
    let e = try mf.fit(data).estimate(userID: "A", itemID: "x")
    #expect(e.estimate <= 5)
    #expect(e.raw > 5 || e.estimate == e.raw)
  }

  @Test func settingsOutOfRangeAreNamed() {
    var mf = BiasedMF()
    mf.factors = 0
    #expect(throws: FactorizationError.invalidSetting("factors must be at least 1, got 0")) {
      try mf.fit(Datasets.essay)
    }
    #expect(throws: FactorizationError.noRatings) {
      try BiasedMF().fit(Dataset(ratings: RatingMatrix(), scale: RatingScale(1, 5)))
    }
  }
}
