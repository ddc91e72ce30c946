import Foundation
import RecscopeCore
import RecscopeUI

/// `recscope lab DATA augment|privacy|compress|transfer`: ways of
/// training against a baseline on the same folds.
extension LabCommand {
  static func runAugment(_ a: ParsedArguments, context: CommandContext) throws {
    let model = a.value(LabOptions.algorithm)
    try checkModelOptions(model, a)
    let given = [a.wasGiven(LabOptions.noise), a.wasGiven(LabOptions.dropout),
                 a.wasGiven(LabOptions.oversample)]
    var augmentations: [Augmentation] = [.none]
    if given.contains(true) {
      augmentations += a[LabOptions.noise].map { .gaussian(deviation: $0) }
      augmentations += a[LabOptions.dropout].map { .dropout(fraction: $0) }
      augmentations += a[LabOptions.oversample].map { .oversampling(minimum: $0) }
    } else {
      augmentations += [.gaussian(deviation: 0.25), .gaussian(deviation: 0.5),
                        .dropout(fraction: 0.1), .dropout(fraction: 0.2)]
      if model == .svd { augmentations.append(.oversampling(minimum: 20)) }
    }
    if let p = a[LabOptions.dropout].first(where: { $0 >= 1 }) {
      throw UsageError.message(
        "'--dropout' must be below 1, which would drop every rating, got "
          + "'\(NumberFormat.shortest(p))'")
    }
    if a.wasGiven(LabOptions.oversample) && model != .svd {
      throw UsageError.message(
        "'--oversample' repeats ratings in the order SGD visits them, so it "
          + "applies to svd, not \(model.name)")
    }
    if plots(a) && given.filter({ $0 }).count != 1 {
      throw UsageError.message(
        "'--plot' draws one kind of change over its setting; give exactly "
          + "one of '--noise', '--dropout' and '--oversample'")
    }
    let seed = UInt64(a.value(SplitOptions.seed))
    let maker = try ModelOptions.maker(for: model, a, seed: seed)
    let variants = try failing {
      try augmentations.map { try $0.variant(maker, seed: seed) }
    }
    let splits = try splits(a, context: context, items: true)
    var options = ComparisonOptions()
    options.evaluation = evaluationOptions(a)
    let results = try failing {
      try ComparisonRunner.run(variants, on: splits, options: options)
    }
    let kind = augmentations.last?.name ?? "none"
    let title = ["gaussian": "noise σ", "dropout": "dropout p",
                 "oversample": "oversample n"][kind] ?? kind
    write(LabTables.variants(results.map { (model.name, $0) },
                             before: [LabTables.setting]),
          plot: LabPlots.variants(results, title: title, name: kind),
          a, context: context)
  }

  static func runPrivacy(_ a: ParsedArguments, context: CommandContext) throws {
    let model = a.value(LabOptions.algorithm)
    try checkModelOptions(model, a)
    let seed = UInt64(a.value(SplitOptions.seed))
    let maker = try ModelOptions.maker(for: model, a, seed: seed)
    let epsilons = a[LabOptions.epsilon]
    let variants = try failing {
      try PrivacyExperiment.variants(epsilons: epsilons, maker: maker,
                                     clipsToScale: !a[LabOptions.noClip],
                                     seed: seed)
    }
    let splits = try splits(a, context: context, items: true)
    let width = splits[0].train.scale.width
    var options = ComparisonOptions()
    options.evaluation = evaluationOptions(a)
    let results = try failing {
      try ComparisonRunner.run(variants, on: splits, options: options)
    }
    let noise: (String, (VariantEvaluation) -> JSONValue) = ("noise_scale", {
      LabTables.number($0.setting.map { width / $0 })
    })
    write(LabTables.variants(results.map { (model.name, $0) },
                             before: [LabTables.setting, noise]),
          plot: LabPlots.variants(results, title: "ε", name: "laplace"),
          a, context: context)
  }

  static func runCompress(_ a: ParsedArguments, context: CommandContext) throws {
    let model = a.value(LabOptions.factorAlgorithm)
    let seed = UInt64(a.value(SplitOptions.seed))
    let settings = ModelOptions.factorSettings(
      a, declared: LabExperiment.compress.options)
    let trainer = try ModelOptions.factorMaker(model, settings, seed: seed)
    let bits = a[LabOptions.bits].compactMap { Int($0) }
    let splits = try splits(a, context: context, items: false)
    var options = ComparisonOptions()
    options.evaluation = evaluationOptions(a)
    let results = try failing {
      try CompressionExperiment.run(trainer, bits: bits, on: splits,
                                    options: options)
    }
    let bytes: (String, (VariantEvaluation) -> JSONValue) = ("bytes", {
      LabTables.number($0.summary[.bytes]?.mean)
    })
    let series = [PlotSeries(name: "\(model.name) test", points: results.map {
      ($0.setting ?? 64, $0.summary[.rmse]?.mean ?? .nan)
    }.sorted { $0.0 < $1.0 })]
    write(LabTables.variants(results.map { (model.name, $0) },
                             before: [LabTables.setting, bytes]),
          plot: LabPlots.against(Array(Set(results.compactMap(\.setting))).sorted(),
                                 title: "bits", series: series),
          a, context: context)
  }

  static func runTransfer(_ a: ParsedArguments, context: CommandContext) throws {
    let seed = UInt64(a.value(SplitOptions.seed))
    let settings = ModelOptions.factorSettings(
      a, declared: LabExperiment.transfer.options)
    let mf = try ModelOptions.svd(settings, seed: seed)
    let path = a.value(LabOptions.vectors)
    let vectors: PretrainedItemVectors
    do {
      vectors = try PretrainedItemVectors.load(path)
    } catch {
      throw CommandFailure(error.description)
    }
    let splits = try splits(a, context: context, items: false)
    let matched = vectors.matches(in: splits[0].train.ratings)
    if matched == 0 {
      throw CommandFailure(
        "no item id of '\(path)' is in the data; the vectors must be keyed "
          + "by the ids of the ratings file")
    }
    var options = ComparisonOptions()
    options.evaluation = evaluationOptions(a)
    options.coldItemLimit = a.value(LabOptions.cold)
    let rescale = a.value(LabOptions.rescale)
    let results = try failing {
      try ComparisonRunner.run(
        TransferExperiment.variants(vectors, mf: mf,
                                    rescaledTo: rescale > 0 ? rescale : nil),
        on: splits, options: options)
    }
    let cold: [(String, (VariantEvaluation) -> JSONValue)] = [
      ("cold_tested", { LabTables.number($0.summary[.coldTested]?.mean) }),
    ] + LabTables.pair("cold_rmse") { $0.summary[.coldRMSE] }
      + LabTables.pair("cold_change") { $0.change[.coldRMSE] }
      + [("cold_verdict", {
        .string($0.coldVerdict?.rawValue ?? ($0.isBaseline ? "baseline" : ""))
      })]
      + [("unseen_tested", {
        LabTables.number($0.summary[.unseenTested]?.mean)
      })]
      + LabTables.pair("unseen_rmse") { $0.summary[.unseenRMSE] }
      + LabTables.pair("unseen_change") { $0.change[.unseenRMSE] }
      + [("unseen_verdict", {
        .string($0.unseenVerdict?.rawValue
          ?? ($0.isBaseline ? "baseline" : ""))
      })]
    LabTables.variants(results.map { ("svd", $0) }, after: cold)
      .write(to: context.output, as: OutputFormat(json: a[Flag.json]))
  }

  /// Refuses factor settings for an engine algorithm and neighbourhood
  /// settings for a factor model.
  static func checkModelOptions(_ model: EvaluatedModel,
                                _ a: ParsedArguments) throws {
    let factor = ModelOptions.all
    let engine = EngineOptions.neighbourhoodOptions
    let (refused, owner) = model.isFactorModel
      ? (engine, "the k-NN algorithms and hybrid") : (factor, "svd and als")
    if let option = refused.first(where: { a.wasGiven($0) }) {
      throw UsageError.message(
        "'--\(option.info.name)' applies to \(owner), not \(model.name)")
    }
    if a.wasGiven(ModelOptions.learningRate) && model != .svd {
      throw UsageError.message("'--lr' applies to svd, not \(model.name)")
    }
  }
}
