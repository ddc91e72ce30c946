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

  /// The factor settings of the single-valued options, for a command
  /// that declares those it uses.
  static func factorSettings(_ a: ParsedArguments,
                             declared: [any OptionDeclaration])
    -> FactorSettings {
    let names = Set(declared.map(\.info.name))
    var s = FactorSettings()
    if names.contains(factors.name) { s.factors = a[factors] }
    if names.contains(epochs.name) { s.epochs = a[epochs] }
    if names.contains(learningRate.name) { s.learningRate = a[learningRate] }
    if names.contains(regularization.name) {
      s.regularization = a[regularization]
    }
    if names.contains(biasRegularization.name) {
      s.biasRegularization = a[biasRegularization]
    }
    return s
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

  /// The settings' SGD trainer (see ``FactorSettings/biasedMF``).
  /// - Throws: ``UsageError`` for settings it rejects.
  static func svd(_ s: FactorSettings, seed: UInt64) throws -> BiasedMF {
    var settings = s
    settings.seed = seed
    let mf = settings.biasedMF
    if let problem = mf.problem { throw UsageError.message("svd: " + problem) }
    return mf
  }

  /// The settings' ALS trainer (see ``FactorSettings/alsMF``); a
  /// regularisation of 0 is refused by the option that gave it.
  /// - Throws: ``UsageError`` for settings it rejects.
  static func als(_ s: FactorSettings, seed: UInt64) throws -> ALSMF {
    for (option, value) in [(regularization, s.regularization),
                            (biasRegularization, s.biasRegularization)] {
      if let value, !(value > 0) { throw alsNeedsPositive(option, value) }
    }
    var settings = s
    settings.seed = seed
    let mf = settings.alsMF
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
