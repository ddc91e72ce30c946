/// The settings of the matrix factorization algorithms, `svd` and `als`.
///
/// A value left nil takes the algorithm's own default: for `svd` those of
/// Surprise's SVD (100 factors, 20 epochs, learning rate 0.005,
/// regularization 0.02, starting factors drawn from N(0, 0.1²)), for `als`
/// those of ``ALSMF`` (20 factors, 10 epochs, regularization 0.1 on the
/// factors and the biases alike). The learning rate applies to `svd`
/// only; ALS solves each row exactly and has none.
public struct FactorSettings: Equatable, Sendable, Codable {
  /// k, the number of latent factors.
  public var factors: Int?
  public var epochs: Int?
  /// γ of every SGD update (Surprise's `lr_all`).
  public var learningRate: Double?
  /// λ of every parameter (Surprise's `reg_all`; both λ and λ_b of ALS).
  public var regularization: Double?
  /// λ_b of the biases b_u and b_i alone (Surprise's `reg_bu` and
  /// `reg_bi`), so that biases and factors can be regularised apart; nil
  /// takes ``regularization``.
  public var biasRegularization: Double?
  /// Seed of the starting factors: the same seed trains the same model.
  public var seed: UInt64 = 0

  public init() {}

  /// The SGD trainer these settings describe.
  public var biasedMF: BiasedMF {
    var mf = BiasedMF()
    mf.seed = seed
    if let factors { mf.factors = factors }
    if let epochs { mf.epochs = epochs }
    if let learningRate { mf.learningRates = .init(all: learningRate) }
    if let regularization { mf.regularization = .init(all: regularization) }
    if let biasRegularization {
      mf.regularization.userBias = biasRegularization
      mf.regularization.itemBias = biasRegularization
    }
    return mf
  }

  /// The ALS trainer these settings describe.
  public var alsMF: ALSMF {
    var mf = ALSMF()
    mf.seed = seed
    if let factors { mf.factors = factors }
    if let epochs { mf.epochs = epochs }
    if let regularization {
      mf.regularization = regularization
      mf.biasRegularization = regularization
    }
    if let biasRegularization { mf.biasRegularization = biasRegularization }
    return mf
  }

  /// The number of factors `algorithm` trains with.
  public func factorCount(for algorithm: Algorithm) -> Int {
    algorithm == .als ? alsMF.factors : biasedMF.factors
  }

  /// The epochs `algorithm` trains for.
  public func epochCount(for algorithm: Algorithm) -> Int {
    algorithm == .als ? alsMF.epochs : biasedMF.epochs
  }

  /// The regularization `algorithm` trains with.
  public func regularizationValue(for algorithm: Algorithm) -> Double {
    algorithm == .als ? alsMF.regularization
      : biasedMF.regularization.userFactors
  }

  /// The regularization of the biases `algorithm` trains with.
  public func biasRegularizationValue(for algorithm: Algorithm) -> Double {
    algorithm == .als ? alsMF.biasRegularization
      : biasedMF.regularization.userBias
  }

  /// The learning rate of `svd`.
  public var learningRateValue: Double { biasedMF.learningRates.userFactors }

  /// Checks ranges for `algorithm`; a sentence naming the bad setting, or
  /// nil.
  public func problem(for algorithm: Algorithm) -> String? {
    switch algorithm {
    case .als:
      if let regularization, !(regularization > 0) {
        return "the regularization of als must be above 0, got "
          + exact(regularization)
      }
      if let biasRegularization, !(biasRegularization > 0) {
        return "the bias regularization of als must be above 0, got "
          + exact(biasRegularization)
      }
      return alsMF.problem
    default:
      return biasedMF.problem
    }
  }

  /// The settings in one line, as explanations show them.
  func summary(for algorithm: Algorithm) -> String {
    var s = "\(factorCount(for: algorithm)) factors, "
      + "\(epochCount(for: algorithm)) epochs, "
    if algorithm == .svd { s += "lr=\(display(learningRateValue)), " }
    s += "reg=\(display(regularizationValue(for: algorithm))), "
    if biasRegularization != nil {
      s += "reg_bias=\(display(biasRegularizationValue(for: algorithm))), "
    }
    s += "seed=\(seed)"
    return s
  }
}
