import RecscopeCore
import RecscopeUI

/// `recscope lab DATA curve`, with and without early stopping.
extension LabCommand {
  static func runCurve(_ a: ParsedArguments, context: CommandContext) throws {
    let models = try distinct(a[LabOptions.factorAlgorithms])
    if !a[LabOptions.earlyStop] {
      let options: [any OptionDeclaration] = [LabOptions.patience,
                                              LabOptions.validation]
      for option in options where a.wasGiven(option) {
        throw UsageError.message(
          "'--\(option.info.name)' applies with '--early-stop', which is not "
            + "given")
      }
    }
    let fraction = a.value(LabOptions.validation)
    if fraction <= 0 || fraction >= 1 {
      throw UsageError.message(
        "'--validation' must lie strictly between 0 and 1, got "
          + "'\(NumberFormat.shortest(fraction))'")
    }
    let seed = UInt64(a.value(SplitOptions.seed))
    let settings = ModelOptions.factorSettings(
      a, declared: LabExperiment.curve.options)
    let trainers = try models.map {
      (name: $0.name, trainer: try ModelOptions.factorMaker($0, settings, seed: seed))
    }
    let splits = try splits(a, context: context, items: false)
    let parallel = !a[LabOptions.serial]
    if a[LabOptions.earlyStop] {
      var options = evaluationOptions(a, sample: false)
      options.parallel = parallel
      let results = try trainers.map { model in
        (model.name, try failing {
          try EarlyStoppingExperiment.run(
            model.trainer, on: splits, validationFraction: fraction,
            patience: a.value(LabOptions.patience), seed: seed,
            options: options)
        })
      }
      let rows = results.flatMap { name, r in r.variants.map { (name, $0) } }
      let table = LabTables.variants(
        rows, before: LabTables.pair("epochs") { $0.summary[.epochs] }
          + LabTables.pair("validation_rmse") { $0.summary[.validationRMSE] })
      write(table, plot: LabPlots.curves(
        results.map { ($0.0, $0.1.curve) }, validation: true), a,
        context: context)
      return
    }
    let curves = try trainers.map { model in
      (algo: model.name, curve: try failing {
        try LearningCurveRunner.run(model.trainer, on: splits, parallel: parallel)
      })
    }
    write(LabTables.curve(curves),
          plot: LabPlots.curves(curves.map { ($0.algo, $0.curve) },
                                validation: false),
          a, context: context)
  }

  /// The models in order, refusing one named twice.
  static func distinct(_ models: [EvaluatedModel]) throws -> [EvaluatedModel] {
    var seen = Set<EvaluatedModel>()
    for model in models where !seen.insert(model).inserted {
      throw UsageError.message("'--algo' names '\(model.name)' twice")
    }
    return models
  }
}
