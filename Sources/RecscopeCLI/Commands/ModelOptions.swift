import RecscopeCore

/// The settings of the factor models, shared by `evaluate` and `lab`,
/// and how a named model is made from the options given.
enum ModelOptions {
  // The same declarations as the engine's commands, so help and parsing
  // agree wherever a factor setting is given.
  static let factors = EngineOptions.factors
  static let epochs = EngineOptions.epochs
  static let learningRate = EngineOptions.learningRate
  static let regularization = EngineOptions.regularization
  static let biasRegularization = EngineOptions.biasRegularization

  /// Every single-valued factor setting, in the order help lists them.
  static let all: [any OptionDeclaration] = [
    factors, epochs, learningRate, regularization, biasRegularization,
  ]

  /// The factor settings a command line gives; nil keeps a model's own.
  struct FactorSettings: Sendable {
    var factors: Int?
    var epochs: Int?
    var learningRate: Double?
    var regularization: Double?
    var biasRegularization: Double?
  }

  /// The factor settings of the single-valued options, for a command
  /// that declares those it uses.
  static func factorSettings(_ a: ParsedArguments,
                             declared: [any OptionDeclaration])
    -> FactorSettings {
    let names = Set(declared.map(\.info.name))
    return FactorSettings(
      factors: names.contains(factors.name) ? a[factors] : nil,
      epochs: names.contains(epochs.name) ? a[epochs] : nil,
      learningRate: names.contains(learningRate.name) ? a[learningRate] : nil,
      regularization: names.contains(regularization.name)
        ? a[regularization] : nil,
      biasRegularization: names.contains(biasRegularization.name)
        ? a[biasRegularization] : nil)
  }

  /// The maker of one model with the options given.
  /// - Throws: ``UsageError`` for settings the model rejects.
  static func maker(for model: EvaluatedModel, _ a: ParsedArguments,
                    seed: UInt64) throws -> any ModelMaker {
    let declared = all
    switch model {
    case .engine(let algorithm):
      let settings = EngineOptions.settings(a, algorithm: algorithm)
      if let problem = settings.problem { throw UsageError.message(problem) }
      return EngineMaker(settings, name: model.name)
    case .svd, .als:
      return try factorMaker(model, factorSettings(a, declared: declared),
                             seed: seed)
    }
  }

  /// svd or als with the given settings.
  /// - Precondition: `model` is a factor model.
  static func factorMaker(_ model: EvaluatedModel, _ s: FactorSettings,
                          seed: UInt64) throws -> any FactorTrainer {
    switch model {
    case .svd: return try svd(s, seed: seed)
    case .als: return try als(s, seed: seed)
    case .engine:
      preconditionFailure("ModelOptions.factorMaker: \(model.name) has no factors")
    }
  }

  static func svd(_ s: FactorSettings, seed: UInt64) throws -> BiasedMF {
    var mf = BiasedMF()
    mf.seed = seed
    if let value = s.factors { mf.factors = value }
    if let value = s.epochs { mf.epochs = value }
    if let value = s.learningRate { mf.learningRates = .init(all: value) }
    if let value = s.regularization { mf.regularization = .init(all: value) }
    if let value = s.biasRegularization {
      mf.regularization.userBias = value
      mf.regularization.itemBias = value
    }
    if let problem = mf.problem { throw UsageError.message("svd: " + problem) }
    return mf
  }

  static func als(_ s: FactorSettings, seed: UInt64) throws -> ALSMF {
    var mf = ALSMF()
    mf.seed = seed
    if let value = s.factors { mf.factors = value }
    if let value = s.epochs { mf.epochs = value }
    if let value = s.regularization {
      guard value > 0 else { throw alsNeedsPositive(regularization, value) }
      mf.regularization = value
      mf.biasRegularization = value
    }
    if let value = s.biasRegularization {
      guard value > 0 else {
        throw alsNeedsPositive(biasRegularization, value)
      }
      mf.biasRegularization = value
    }
    if let problem = mf.problem { throw UsageError.message("als: " + problem) }
    return mf
  }

  /// ALS solves with its regularisation added to every system: 0 would
  /// leave a row with few ratings unsolvable.
  static func alsNeedsPositive(_ option: Option<Double>,
                               _ value: Double) -> UsageError {
    .message("'--\(option.name)' must be above 0 for als, which solves "
      + "with it, got '\(NumberFormat.shortest(value))'")
  }
}
