import RecscopeCore

/// Everything a lab run reads, copied on the explorer's thread: the data
/// as edited, the settings and the split. The run never touches the
/// explorer or its engine, so edits made meanwhile change nothing it
/// computes.
struct LabInputs: Sendable {
  var dataset: Dataset
  var settings: EngineSettings
  var split: LabSplit
  var key: LabKey
  /// Whether a run's jobs use every core; the figures and the steps
  /// reported do not depend on it.
  var parallel = true

  /// The seed of the split, of the factor models' starting factors and
  /// of evaluation's samples: the explorer's `seed` setting, as
  /// `recscope lab --seed` seeds them all.
  var seed: UInt64 { settings.factorization.seed }

  /// The table's models: the explorer's algorithm, then the baseline and
  /// both factor models, each once.
  var models: [Algorithm] {
    var seen = Set<Algorithm>()
    return [settings.algorithm, .baseline, .svd, .als].filter {
      seen.insert($0).inserted
    }
  }

  /// The explorer's settings with `model` predicting.
  func settings(for model: Algorithm) -> EngineSettings {
    var s = settings
    s.algorithm = model
    return s
  }

  /// What `recscope evaluate` measures besides RMSE, with the seed.
  var evaluationOptions: EvaluationOptions {
    var options = EvaluationOptions()
    options.seed = seed
    options.parallel = false
    return options
  }

  /// - Throws: ``LabFailure`` when the data is too small for the split.
  func splits() throws(LabFailure) -> [TrainTestSplit] {
    do {
      return try split.splits(of: dataset, seed: seed)
    } catch {
      throw LabFailure(reason: error.description)
    }
  }

  /// The maker `recscope evaluate` uses for these settings: the factor
  /// model itself for svd and als, the engine for the rest.
  static func maker(_ settings: EngineSettings) -> any ModelMaker {
    switch settings.algorithm {
    case .svd: settings.factorization.biasedMF
    case .als: settings.factorization.alsMF
    default: EngineMaker(settings, name: settings.algorithm.rawValue)
    }
  }

  /// The trainer of svd or als, whose epochs can be watched.
  static func trainer(_ settings: EngineSettings) -> any FactorTrainer {
    settings.algorithm == .als
      ? settings.factorization.alsMF : settings.factorization.biasedMF
  }

  /// Steps a run of the table takes: an epoch of a factor model on a
  /// fold, or one other model on a fold.
  var modelSteps: Int {
    split.foldCount * models.map { stepsPerFold(settings(for: $0)) }
      .reduce(0, +)
  }

  func stepsPerFold(_ s: EngineSettings) -> Int {
    s.algorithm.isFactorization
      ? max(1, s.factorization.epochCount(for: s.algorithm)) : 1
  }
}
