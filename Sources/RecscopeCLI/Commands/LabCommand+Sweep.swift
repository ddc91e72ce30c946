import RecscopeCore
import RecscopeUI

/// `recscope lab DATA sweep`.
extension LabCommand {
  /// A setting a sweep can vary, with the models it applies to.
  enum SweptSetting: String {
    case k, factors, epochs, reg
    case regBias = "reg-bias"

    var option: any OptionDeclaration {
      switch self {
      case .k: return LabOptions.sweepK
      case .factors: return LabOptions.sweepFactors
      case .epochs: return LabOptions.sweepEpochs
      case .reg: return LabOptions.sweepRegularization
      case .regBias: return LabOptions.sweepBiasRegularization
      }
    }

    /// The name of its column and plot axis, in the table's own style.
    var column: String { rawValue.replacingOccurrences(of: "-", with: "_") }

    func applies(to model: EvaluatedModel) -> Bool {
      switch (self, model) {
      case (.k, .engine(let algorithm)): return algorithm.isNeighbourhood
      case (.k, _): return false
      case (_, let m): return m.isFactorModel
      }
    }
  }

  static func runSweep(_ a: ParsedArguments, context: CommandContext) throws {
    let lists: [(SweptSetting, [Double])] = [
      (.k, a[LabOptions.sweepK].map(Double.init)),
      (.factors, a[LabOptions.sweepFactors].map(Double.init)),
      (.epochs, a[LabOptions.sweepEpochs].map(Double.init)),
      (.reg, a[LabOptions.sweepRegularization]),
      (.regBias, a[LabOptions.sweepBiasRegularization]),
    ]
    let swept = lists.filter { $0.1.count > 1 }
    guard swept.count == 1, let (setting, values) = swept.first else {
      throw UsageError.message(swept.isEmpty
        ? "give the setting to sweep two or more values, as in "
          + "'--k 5,10,20' or '--factors 10,20,50'"
        : "sweep one setting at a time; '--\(swept[0].0.rawValue)' and "
          + "'--\(swept[1].0.rawValue)' both have several values")
    }
    var models = try distinct(a[LabOptions.sweepAlgorithms])
    if models.isEmpty { models = setting == .k ? [.engine(.knnBasic)] : [.svd] }
    let fixed = Dictionary(uniqueKeysWithValues: lists.compactMap { s, v in
      v.count == 1 ? (s, v[0]) : nil
    })
    for model in models {
      for s in [setting] + Array(fixed.keys) where !s.applies(to: model) {
        throw UsageError.message(
          "'--\(s.rawValue)' does not apply to \(model.name); it applies to "
            + (s == .k ? "the k-NN algorithms and hybrid" : "svd and als"))
      }
    }
    let seed = UInt64(a.value(SplitOptions.seed))
    let sweeps = try models.map { model in
      try sweep(model, setting: setting, values: values, fixed: fixed, a,
                seed: seed)
    }
    let splits = try splits(a, context: context, items: true)
    let options = evaluationOptions(a)
    let results = try zip(models, sweeps).map { model, sweep in
      // A k sweep of a k-NN form finds each rating's neighbours once.
      if setting == .k, case .engine(let algorithm) = model,
        NeighbourCountEvaluation.applies(to: algorithm) {
        let settings = EngineOptions.settings(a, algorithm: algorithm)
        return (model.name, try failing {
          try ParameterSweep.neighbourCounts(
            settings, name: model.name, counts: values.map { Int($0) },
            on: splits, options: options)
        })
      }
      return (model.name,
              try failing { try sweep.run(on: splits, options: options) })
    }
    typealias Row = (algo: String, point: ParameterSweep<Double>.Point)
    let integral = setting != .reg && setting != .regBias
    let columns: [(String, (Row) -> JSONValue)] = [
      ("algo", { .string($0.algo) }),
      (setting.column, {
        integral ? .integer(Int($0.point.value)) : .number($0.point.value)
      }),
    ] + LabTables.errors { $0.point.evaluation.summary }
      + [("fit_seconds", {
        LabTables.number($0.point.evaluation.summary[.fitSeconds]?.mean)
      })]
    let rows: [Row] = results.flatMap { name, points in points.map { (name, $0) } }
    let series = results.flatMap { name, points in
      [PlotSeries(name: "\(name) train", points: points.map {
         ($0.value, $0.evaluation.summary[.trainRMSE]?.mean ?? .nan)
       }),
       PlotSeries(name: "\(name) test", points: points.map {
         ($0.value, $0.evaluation.summary[.rmse]?.mean ?? .nan)
       })]
    }
    write(LabTables.table(columns, rows),
          plot: LabPlots.against(values, title: setting.column,
                                 series: series),
          a, context: context)
  }

  /// The sweep of one model over one setting, the others fixed.
  static func sweep(_ model: EvaluatedModel, setting: SweptSetting,
                    values: [Double], fixed: [SweptSetting: Double],
                    _ a: ParsedArguments,
                    seed: UInt64) throws -> ParameterSweep<Double> {
    switch model {
    case .engine(let algorithm):
      var settings = EngineOptions.settings(a, algorithm: algorithm)
      if let k = fixed[.k] { settings.k = Int(k) }
      let base = settings
      for value in values {
        var s = base
        s.k = Int(value)
        if let problem = s.problem { throw UsageError.message(problem) }
      }
      return ParameterSweep(parameter: setting.rawValue, values: values) { v in
        var s = base
        s.k = Int(v)
        return EngineMaker(s, name: model.name)
      }
    case .svd, .als:
      func settings(_ values: [SweptSetting: Double]) -> FactorSettings {
        var s = FactorSettings()
        s.factors = values[.factors].map { Int($0) }
        s.epochs = values[.epochs].map { Int($0) }
        s.learningRate = a[ModelOptions.learningRate]
        s.regularization = values[.reg]
        s.biasRegularization = values[.regBias]
        return s
      }
      if a.wasGiven(ModelOptions.learningRate) && model != .svd {
        throw UsageError.message("'--lr' applies to svd, not \(model.name)")
      }
      var makers: [Double: any FactorTrainer] = [:]
      for value in values {
        var chosen = fixed
        chosen[setting] = value
        makers[value] = try ModelOptions.factorMaker(model, settings(chosen),
                                                     seed: seed)
      }
      let made = makers
      return ParameterSweep(parameter: setting.rawValue, values: values) { v in
        made[v]!
      }
    }
  }
}
