import Testing
import TestSupport
@testable import RecscopeCore

/// Alternating least squares, checked against hand-solved normal equations.
@Suite struct ALSMFTests {
  /// A rated x = 4 and y = 2; B rated x = 5. μ = 11/3.
  let small = Datasets.make([("A", "x", 4), ("A", "y", 2), ("B", "x", 5)])

  @Test func unbiasedUserStepSolvesTheTwoByTwoSystem() throws {
    var als = ALSMF()
    als.biased = false
    als.epochs = 0
    als.regularization = 0.5
    // q_x = (1, 0), q_y = (1, 1).
    let q = FactorMatrix(rows: 2, columns: 2, values: [1, 0, 1, 1])
    let m = try als.fit(small, initialItemFactors: q)
    // QᵀQ + λ n_u I = [[2, 1], [1, 1]] + I = [[3, 1], [1, 2]],
    // Qᵀr = 4 (1, 0) + 2 (1, 1) = (6, 2); the solution is (2, 0).
    let p = m.userFactors.row(0)
    #expect(abs(p[0] - 2) < 1e-14 && abs(p[1]) < 1e-14)
    // B: [[1, 0], [0, 0]] + 0.5 I, Qᵀr = (5, 0): p = (5 / 1.5, 0).
    #expect(abs(m.userFactors[1, 0] - 5 / 1.5) < 1e-14)
    #expect(m.estimate(userID: "A", itemID: "y").raw == 2)
  }

  @Test func biasedUserStepSolvesTheAugmentedSystem() throws {
    var als = ALSMF()
    als.factors = 1
    als.epochs = 0
    als.regularization = 0.5
    als.biasRegularization = 0.25
    let q = FactorMatrix(rows: 2, columns: 1, values: [1, 2])
    let m = try als.fit(small, initialItemFactors: q)
    // Unknowns (p_A, b_A), a_x = (1, 1), a_y = (2, 1), b_i = 0:
    // [[5, 3], [3, 2]] + 2·diag(0.5, 0.25) = [[6, 3], [3, 2.5]];
    // t = (4 − 11/3, 2 − 11/3) = (1/3, −5/3), right side (−3, −4/3);
    // the solution is (−7/12, 1/6).
    #expect(abs(m.userFactors[0, 0] - -7.0 / 12) < 1e-14)
    #expect(abs(m.userBias[0] - 1.0 / 6) < 1e-14)
  }

  @Test func sameSeedSameModel() throws {
    let data = Datasets.random(seed: 4, users: 40, items: 30, ratings: 400)
    var als = ALSMF()
    als.factors = 5
    als.epochs = 4
    als.seed = 8
    let a = try als.fit(data), b = try als.fit(data)
    #expect(a.userFactors == b.userFactors && a.itemFactors == b.itemFactors)
    #expect(a.userBias == b.userBias && a.itemBias == b.itemBias)
  }

  @Test func trainingErrorFallsAndStaysDown() throws {
    for seed: UInt64 in [5, 6] {
      let data = Datasets.random(seed: seed, users: 50, items: 40, ratings: 700)
      var als = ALSMF()
      als.factors = 6
      als.epochs = 8
      var curve: [Double] = []
      _ = try als.fit(data) { curve.append($0.trainRMSE); return .proceed }
      #expect(curve.count == 8)
      #expect(curve.last! < curve.first!, "seed \(seed): \(curve)")
      #expect(curve.last! < 0.9, "seed \(seed): \(curve)")
    }
  }

  @Test func usersWithoutRatingsStayUnknown() throws {
    var m = small.ratings
    m.addUser("silent")
    let data = Dataset(ratings: m, scale: small.scale)
    var als = ALSMF()
    als.factors = 2
    let model = try als.fit(data)
    #expect(model.userFactors.row(2) == [0, 0])
    #expect(!model.isKnown(UserIndex(2)))
    #expect(model.estimate(userID: "silent", itemID: "x").raw
            == model.globalMean + model.itemBias[0])
  }

  @Test func settingsOutOfRangeAreNamed() {
    var als = ALSMF()
    als.regularization = 0
    #expect(throws: FactorizationError.invalidSetting(
      "the regularisation must be above 0, got 0.0")) {
      try als.fit(Datasets.essay)
    }
    als = ALSMF()
    #expect(throws: FactorizationError.dimensionMismatch(
      "starting item factors are 2×3, the data needs 3×3")) {
      try als.fit(Datasets.essay,
                  initialItemFactors: FactorMatrix(rows: 2, columns: 3))
    }
  }
}
