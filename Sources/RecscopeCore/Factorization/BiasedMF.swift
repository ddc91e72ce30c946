/// Biased matrix factorisation fitted by stochastic gradient descent:
/// Surprise's `SVD`, the model Simon Funk popularised in the Netflix Prize
/// ("Netflix Update: Try This at Home", 2006) with the biases of Koren,
/// Bell and Volinsky (2009).
///
/// It minimises Σ (r_ui − r̂_ui)² + λ(b_u² + b_i² + ‖q_i‖² + ‖p_u‖²) over
/// the training ratings by visiting each rating in turn, with
/// e = r_ui − r̂_ui and γ the learning rate:
///
///     b_u ← b_u + γ(e − λ b_u)           b_i ← b_i + γ(e − λ b_i)
///     p_uf ← p_uf + γ(e q_if − λ p_uf)   q_if ← q_if + γ(e p_uf − λ q_if)
///
/// the two factor updates using the values from before the step. Each
/// epoch visits users in index order and each user's ratings in insertion
/// order, as Surprise does. Defaults are Surprise's. One difference in the
/// last bits: q_iᵀp_u is summed in four interleaved partial sums (see
/// ``VectorKernels``), not left to right.
///
/// Starting values come from ``SeededGenerator`` rather than NumPy, so
/// runs repeat exactly per seed but do not reproduce Surprise's numbers:
/// every entry of P (users × factors, row by row) is drawn first, then
/// every entry of Q, each as `initMean + initDeviation · nextGaussian()`.
public struct BiasedMF: Sendable, Equatable {
  /// One value per kind of parameter, as Surprise's `lr_bu`, `lr_bi`,
  /// `lr_pu`, `lr_qi` (or `reg_…`).
  public struct Rates: Sendable, Equatable {
    public var userBias: Double
    public var itemBias: Double
    public var userFactors: Double
    public var itemFactors: Double

    /// The same rate for all four (Surprise's `lr_all`, `reg_all`).
    public init(all value: Double) {
      userBias = value
      itemBias = value
      userFactors = value
      itemFactors = value
    }
  }

  /// k, the number of latent factors.
  public var factors = 100
  public var epochs = 20
  /// γ per kind of parameter.
  public var learningRates = Rates(all: 0.005)
  /// λ per kind of parameter.
  public var regularization = Rates(all: 0.02)
  public var initMean = 0.0
  public var initDeviation = 0.1
  /// False fits r̂ = q_iᵀp_u alone: μ is taken as 0 and the biases stay 0.
  public var biased = true
  public var seed: UInt64 = 0

  public init() {}

  /// Checks ranges; returns a sentence naming the bad setting, or nil.
  public var problem: String? {
    if factors < 1 { return "factors must be at least 1, got \(factors)" }
    if epochs < 0 { return "epochs must be 0 or more, got \(epochs)" }
    let rates = [learningRates.userBias, learningRates.itemBias,
                 learningRates.userFactors, learningRates.itemFactors]
    if let bad = rates.first(where: { !($0 >= 0 && $0.isFinite) }) {
      return "learning rates must be finite and 0 or more, got \(bad)"
    }
    let regs = [regularization.userBias, regularization.itemBias,
                regularization.userFactors, regularization.itemFactors]
    if let bad = regs.first(where: { !($0 >= 0 && $0.isFinite) }) {
      return "regularisation must be finite and 0 or more, got \(bad)"
    }
    if !(initDeviation >= 0 && initDeviation.isFinite && initMean.isFinite) {
      return "the initial mean and deviation must be finite, deviation 0 or more"
    }
    return nil
  }

  /// Fits the model to every rating of `train`.
  /// - Parameters:
  ///   - test: ratings to report test RMSE on after each epoch; they are
  ///     never trained on.
  ///   - initialItemFactors: starting Q (items × k, such as pretrained
  ///     vectors, see ``PretrainedItemVectors``); its width replaces
  ///     ``factors``.
  ///   - monitor: called after each epoch; return `.stop` to end early.
  /// - Throws: ``FactorizationError``.
  /// - Complexity: O(epochs · |R| · k).
  public func fit(_ train: Dataset, test: [RatingRecord] = [],
                  initialItemFactors: FactorMatrix? = nil,
                  monitor: ((EpochReport) -> TrainingControl)? = nil)
    throws(FactorizationError) -> FactorModel {
    try fit(TrainingList(train), test: test,
            initialItemFactors: initialItemFactors, monitor: monitor)
  }

  /// Fits the model visiting the ratings of `list` in its order, repeats
  /// included (see ``TrainingList/oversamplingSparseUsers(below:)``).
  public func fit(_ list: TrainingList, test: [RatingRecord] = [],
                  initialItemFactors: FactorMatrix? = nil,
                  monitor: ((EpochReport) -> TrainingControl)? = nil)
    throws(FactorizationError) -> FactorModel {
    try fit(list, test: test, initialUserFactors: nil,
            initialItemFactors: initialItemFactors,
            observer: monitor.map { m in { report, _ in m(report) } })
  }

  /// Fits the model, handing `observer` each epoch's report with the
  /// model as trained so far, so that a caller can keep the best one
  /// (early stopping) without training again.
  public func fit(_ train: Dataset, test: [RatingRecord],
                  initialItemFactors: FactorMatrix? = nil,
                  observer: @escaping (EpochReport, FactorModel) -> TrainingControl)
    throws(FactorizationError) -> FactorModel {
    try fit(TrainingList(train), test: test, initialUserFactors: nil,
            initialItemFactors: initialItemFactors, observer: observer)
  }

  /// The full form, with a fixed starting P as well (for tests).
  func fit(_ list: TrainingList, test: [RatingRecord],
           initialUserFactors: FactorMatrix?,
           initialItemFactors: FactorMatrix?,
           monitor: ((EpochReport) -> TrainingControl)?)
    throws(FactorizationError) -> FactorModel {
    try fit(list, test: test, initialUserFactors: initialUserFactors,
            initialItemFactors: initialItemFactors,
            observer: monitor.map { m in { report, _ in m(report) } })
  }

  func fit(_ list: TrainingList, test: [RatingRecord],
           initialUserFactors: FactorMatrix?,
           initialItemFactors: FactorMatrix?,
           observer: ((EpochReport, FactorModel) -> TrainingControl)?)
    throws(FactorizationError) -> FactorModel {
    if let problem { throw .invalidSetting(problem) }
    let data = list.dataset
    guard list.count > 0, let mean = data.ratings.globalMean else {
      throw .noRatings
    }
    let users = data.ratings.userCount, items = data.ratings.itemCount
    let k = initialItemFactors?.columns ?? initialUserFactors?.columns ?? factors
    var generator = SeededGenerator(seed: seed)
    let p = try FactorMatrix.starting(
      initialUserFactors, rows: users, columns: k, mean: initMean,
      deviation: initDeviation, generator: &generator, side: "user")
    let q = try FactorMatrix.starting(
      initialItemFactors, rows: items, columns: k, mean: initMean,
      deviation: initDeviation, generator: &generator, side: "item")
    var state = SGDState(
      p: p, q: q, userBias: Array(repeating: 0, count: users),
      itemBias: Array(repeating: 0, count: items), mu: biased ? mean : 0)
    let testPairs = IndexedRatings(test, in: data.ratings)
    let trainPairs = IndexedRatings(data.ratings)
    var done = 0
    for epoch in 0..<epochs {
      let clock = ContinuousClock()
      let start = clock.now
      state.runEpoch(list, self)
      done += 1
      if let observer {
        let seconds = (clock.now - start).seconds
        let model = state.model(self, data, mean, epochs: done)
        let report = EpochReport(
          epoch: epoch + 1, trainRMSE: trainPairs.rmse(of: model),
          testRMSE: test.isEmpty ? nil : testPairs.rmse(of: model),
          seconds: seconds)
        if observer(report, model) == .stop { break }
      }
    }
    return state.model(self, data, mean, epochs: done)
  }
}

/// The parameters while SGD runs, and the inner loop over them.
private struct SGDState {
  var p: FactorMatrix
  var q: FactorMatrix
  var userBias: [Double]
  var itemBias: [Double]
  /// μ in the error term: the data's mean when biased, else 0.
  let mu: Double

  /// One pass over `list`, the update rules of ``BiasedMF`` in order.
  mutating func runEpoch(_ list: TrainingList, _ config: BiasedMF) {
    Self.epoch(list, config, mu: mu, k: q.columns, p: &p.values,
               q: &q.values, userBias: &userBias, itemBias: &itemBias)
  }

  private static func epoch(
    _ list: TrainingList, _ config: BiasedMF, mu: Double, k: Int,
    p: inout [Double], q: inout [Double],
    userBias: inout [Double], itemBias: inout [Double]
  ) {
    let biased = config.biased
    let lrBu = config.learningRates.userBias
    let lrBi = config.learningRates.itemBias
    let lrPu = config.learningRates.userFactors
    let lrQi = config.learningRates.itemFactors
    let regBu = config.regularization.userBias
    let regBi = config.regularization.itemBias
    let regPu = config.regularization.userFactors
    let regQi = config.regularization.itemFactors
    let users = list.users, items = list.items, values = list.values
    users.withUnsafeBufferPointer { users in
    items.withUnsafeBufferPointer { items in
    values.withUnsafeBufferPointer { values in
    p.withUnsafeMutableBufferPointer { pBuffer in
    q.withUnsafeMutableBufferPointer { qBuffer in
    userBias.withUnsafeMutableBufferPointer { bu in
    itemBias.withUnsafeMutableBufferPointer { bi in
      let pBase = pBuffer.baseAddress!, qBase = qBuffer.baseAddress!
      for n in 0..<values.count {
        let u = Int(users[n]), i = Int(items[n])
        let pu = pBase + u * k, qi = qBase + i * k
        let dot = VectorKernels.dot(qi, pu, k)
        let err = values[n] - (mu + bu[u] + bi[i] + dot)
        if biased {
          bu[u] += lrBu * (err - regBu * bu[u])
          bi[i] += lrBi * (err - regBi * bi[i])
        }
        VectorKernels.sgdStep(pu, qi, k, err: err, lrP: lrPu, regP: regPu,
                              lrQ: lrQi, regQ: regQi)
      }
    }}}}}}}
  }

  func model(_ config: BiasedMF, _ data: Dataset, _ mean: Double,
             epochs: Int) -> FactorModel {
    FactorModel(
      training: .sgd, biased: config.biased, globalMean: mean,
      userBias: userBias, itemBias: itemBias, userFactors: p, itemFactors: q,
      foldInRegularization: FoldInRegularization(
        factors: config.regularization.userFactors,
        bias: config.regularization.userBias),
      ratings: data.ratings, scale: data.scale, epochsTrained: epochs,
      exactUsers: Array(repeating: false, count: data.ratings.userCount))
  }
}

extension FactorMatrix {
  /// The given starting matrix after checking its shape, or a seeded draw.
  static func starting(_ given: FactorMatrix?, rows: Int, columns: Int,
                       mean: Double, deviation: Double,
                       generator: inout SeededGenerator,
                       side: String) throws(FactorizationError) -> FactorMatrix {
    guard let given else {
      return FactorMatrix(rows: rows, columns: columns, mean: mean,
                          deviation: deviation, generator: &generator)
    }
    guard given.rows == rows, given.columns == columns else {
      throw .dimensionMismatch(
        "starting \(side) factors are \(given.rows)×\(given.columns), "
        + "the data needs \(rows)×\(columns)")
    }
    return given
  }
}
