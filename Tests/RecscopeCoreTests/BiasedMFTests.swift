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
