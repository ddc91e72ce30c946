/// Matrix factorisation of explicit ratings by alternating least squares.
///
/// With the item side fixed, the loss of ``BiasedMF`` splits into one
/// independent least-squares problem per user, and with the user side
/// fixed, one per item; each has a closed-form solution. Alternating the
/// two, as in the ALS family of Hu, Koren and Volinsky (2008, "Collaborative
/// filtering for implicit feedback datasets"), here for explicit ratings
/// with the weighted-λ penalty of Zhou et al. (2008), gives
///
///     (Σ_j a_j a_jᵀ + n_u Λ) [p_u; b_u] = Σ_j a_j (r_uj − μ − b_j)
///
/// for each user u with n_u ratings, a_j = [q_j; 1] and
/// Λ = diag(λ, …, λ, λ_b); items are solved the same way with users fixed.
/// Unbiased, the bias rows are dropped and the target is r_uj itself:
/// (QᵀQ + λ n_u I) p_u = Qᵀ r_u. See ``RidgeSystem``.
///
/// Order: Q starts as seeded N(0, initDeviation²) draws (or given
/// vectors), the users are solved, then each epoch solves the items and
/// then the users. Ending on the user side makes every trained p_u the
/// exact fold-in solution against the final items, so provenance is exact
/// and folding a training user back in reproduces its vector. Sums run in
/// insertion order, so results repeat exactly per seed.
public struct ALSMF: Sendable, Equatable {
  /// k. Each solve costs O(n k² + k³), so the default is smaller than SGD's.
  public var factors = 20
  /// Rounds of (items, users) after the first user step.
  public var epochs = 10
  /// λ on the factors, times each row's number of ratings.
  public var regularization = 0.1
  /// λ_b on the biases, times each row's number of ratings.
  public var biasRegularization = 0.1
  public var biased = true
  public var initDeviation = 0.1
  public var seed: UInt64 = 0

  public init() {}

  /// Checks ranges; returns a sentence naming the bad setting, or nil.
  public var problem: String? {
    if factors < 1 { return "factors must be at least 1, got \(factors)" }
    if epochs < 0 { return "epochs must be 0 or more, got \(epochs)" }
    if !(regularization > 0 && regularization.isFinite) {
      return "the regularisation must be above 0, got \(regularization)"
    }
    if biased && !(biasRegularization > 0 && biasRegularization.isFinite) {
      return "the bias regularisation must be above 0, got \(biasRegularization)"
    }
    if !(initDeviation >= 0 && initDeviation.isFinite) {
      return "the initial deviation must be 0 or more, got \(initDeviation)"
    }
    return nil
  }

  /// Fits the model to every rating of `train`.
  /// - Parameters:
  ///   - test: ratings to report test RMSE on after each epoch.
  ///   - initialItemFactors: starting Q; its width replaces ``factors``.
  ///   - monitor: called after each epoch; return `.stop` to end early.
  /// - Throws: ``FactorizationError``.
  /// - Complexity: O(epochs · (|R| k² + (|U| + |I|) k³)).
  public func fit(_ train: Dataset, test: [RatingRecord] = [],
                  initialItemFactors: FactorMatrix? = nil,
                  monitor: ((EpochReport) -> TrainingControl)? = nil)
    throws(FactorizationError) -> FactorModel {
    try fit(train, test: test, initialItemFactors: initialItemFactors,
            observing: monitor.map { m in { report, _ in m(report) } })
  }

  /// Fits the model, handing `observer` each epoch's report with the
  /// model as trained so far, so that a caller can keep the best one
  /// (early stopping) without training again.
  public func fit(_ train: Dataset, test: [RatingRecord],
                  initialItemFactors: FactorMatrix? = nil,
                  observer: @escaping (EpochReport, FactorModel) -> TrainingControl)
    throws(FactorizationError) -> FactorModel {
    try fit(train, test: test, initialItemFactors: initialItemFactors,
            observing: observer)
  }

  private func fit(_ train: Dataset, test: [RatingRecord],
                   initialItemFactors: FactorMatrix?,
                   observing observer: ((EpochReport, FactorModel) -> TrainingControl)?)
    throws(FactorizationError) -> FactorModel {
    if let problem { throw .invalidSetting(problem) }
    let ratings = train.ratings
    guard let mean = ratings.globalMean else { throw .noRatings }
    let k = initialItemFactors?.columns ?? factors
    var generator = SeededGenerator(seed: seed)
    let q = try FactorMatrix.starting(
      initialItemFactors, rows: ratings.itemCount, columns: k, mean: 0,
      deviation: initDeviation, generator: &generator, side: "item")
    var state = ALSState(
      p: FactorMatrix(rows: ratings.userCount, columns: k), q: q,
      userBias: Array(repeating: 0, count: ratings.userCount),
      itemBias: Array(repeating: 0, count: ratings.itemCount),
      mu: biased ? mean : 0,
      system: RidgeSystem(factors: k, biased: biased))
    try state.solveUsers(ratings, self)
    let testPairs = IndexedRatings(test, in: ratings)
    let trainPairs = IndexedRatings(ratings)
    var done = 0
    for epoch in 0..<epochs {
      let clock = ContinuousClock()
      let start = clock.now
      try state.solveItems(ratings, self)
      try state.solveUsers(ratings, self)
      done += 1
      if let observer {
        let seconds = (clock.now - start).seconds
        let model = state.model(self, train, mean, epochs: done)
        let report = EpochReport(
          epoch: epoch + 1, trainRMSE: trainPairs.rmse(of: model),
          testRMSE: test.isEmpty ? nil : testPairs.rmse(of: model),
          seconds: seconds)
        if observer(report, model) == .stop { break }
      }
    }
    return state.model(self, train, mean, epochs: done)
  }
}

/// The parameters while ALS runs, and the two half-steps.
private struct ALSState {
  var p: FactorMatrix
  var q: FactorMatrix
  var userBias: [Double]
  var itemBias: [Double]
  let mu: Double
  var system: RidgeSystem

  /// Solves every user with at least one rating; others keep p_u = 0.
  mutating func solveUsers(_ ratings: RatingMatrix,
                           _ config: ALSMF) throws(FactorizationError) {
    try Self.half(ratings.byUser, fixed: q.values, fixedBias: itemBias,
                  solved: &p.values, solvedBias: &userBias, mu: mu,
                  config: config, system: &system)
  }

  /// Solves every item with at least one rating; others keep their q_i.
  mutating func solveItems(_ ratings: RatingMatrix,
                           _ config: ALSMF) throws(FactorizationError) {
    try Self.half(ratings.byItem, fixed: p.values, fixedBias: userBias,
                  solved: &q.values, solvedBias: &itemBias, mu: mu,
                  config: config, system: &system)
  }

  private static func half<Entry: RatingEntry>(
    _ rows: [[Entry]], fixed: [Double], fixedBias: [Double],
    solved: inout [Double], solvedBias: inout [Double], mu: Double,
    config: ALSMF, system: inout RidgeSystem
  ) throws(FactorizationError) {
    let k = system.factors
    var failure: FactorizationError?
    fixed.withUnsafeBufferPointer { f in
    fixedBias.withUnsafeBufferPointer { fb in
    solved.withUnsafeMutableBufferPointer { out in
      for (x, row) in rows.enumerated() where !row.isEmpty {
        system.assemble(row, fixed: f.baseAddress!, otherBias: fb.baseAddress!,
                        mu: mu, lambda: config.regularization,
                        biasLambda: config.biasRegularization)
        do throws(FactorizationError) { try system.factor() } catch {
          failure = error
          return
        }
        solvedBias[x] = system.solution(into: out.baseAddress! + x * k)
      }
    }}}
    if let failure { throw failure }
  }

  func model(_ config: ALSMF, _ data: Dataset, _ mean: Double,
             epochs: Int) -> FactorModel {
    FactorModel(
      training: .als, biased: config.biased, globalMean: mean,
      userBias: userBias, itemBias: itemBias, userFactors: p, itemFactors: q,
      foldInRegularization: FoldInRegularization(
        factors: config.regularization, bias: config.biasRegularization),
      ratings: data.ratings, scale: data.scale, epochsTrained: epochs,
      exactUsers: data.ratings.byUser.map { !$0.isEmpty })
  }
}
