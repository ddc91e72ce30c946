import RecscopeCore

/// `recscope bench --lab`: matrix factorization and cross-validation
/// timed on the data the engine figures were measured on.
extension BenchCommand {
  /// One column of `--lab`.
  enum LabFigure: CaseIterable, Sendable {
    /// An SGD epoch of ``BiasedMF`` with Surprise's SVD defaults.
    case sgdEpoch
    /// An (items, users) iteration of ``ALSMF`` with its defaults.
    case alsIteration
    /// ``FactorModel/foldIn(_:)`` of one user into the SGD model.
    case foldIn
    /// 5-fold cross-validation of the engine settings.
    case crossValidation

    var column: String {
      switch self {
      case .sgdEpoch: "sgd_epoch_s"
      case .alsIteration: "als_iteration_s"
      case .foldIn: "fold_in_median_ms"
      case .crossValidation: "cv5_s"
      }
    }
  }

  /// Epochs (or iterations) run per model; the median one is reported,
  /// which a single slow epoch on a busy machine does not move.
  static let labEpochs = 3
  /// Users folded in, at most; the median time is reported.
  static let foldInUsers = 1_000

  /// The lab figures in ``LabFigure`` order, null where not in `chosen`.
  static func labFigures(_ chosen: Set<LabFigure>, _ dataset: Dataset,
                         settings: EngineSettings,
                         seed: UInt64) throws -> [JSONValue] {
    var figures: [LabFigure: Double] = [:]
    if chosen.contains(.sgdEpoch) || chosen.contains(.foldIn) {
      var mf = BiasedMF()
      mf.epochs = labEpochs
      mf.seed = seed
      var seconds: [Double] = []
      let model = try fit { () throws(FactorizationError) in
        try mf.fit(dataset) { seconds.append($0.seconds); return .proceed }
      }
      if chosen.contains(.sgdEpoch) {
        figures[.sgdEpoch] = rounded(quantile(seconds, 0.5), 3)
      }
      if chosen.contains(.foldIn) {
        figures[.foldIn] = rounded(
          try foldInMedian(model, dataset, seed: seed) * 1e3, 3)
      }
    }
    if chosen.contains(.alsIteration) {
      var als = ALSMF()
      als.epochs = labEpochs
      als.seed = seed
      var seconds: [Double] = []
      _ = try fit { () throws(FactorizationError) in
        try als.fit(dataset) { seconds.append($0.seconds); return .proceed }
      }
      figures[.alsIteration] = rounded(quantile(seconds, 0.5), 3)
    }
    if chosen.contains(.crossValidation) {
      figures[.crossValidation] = rounded(
        try crossValidationSeconds(dataset, settings: settings), 3)
    }
    return LabFigure.allCases.map { figures[$0].map(JSONValue.number) ?? .null }
  }

  /// A model's training, its failure told as the command's.
  private static func fit(
    _ body: () throws(FactorizationError) -> FactorModel
  ) throws -> FactorModel {
    do { return try body() } catch {
      throw CommandFailure("bench could not train: \(error)")
    }
  }

  /// The median seconds of folding one user in, over up to
  /// ``foldInUsers`` users chosen by the seed, each with the ratings they
  /// were trained on.
  private static func foldInMedian(_ model: FactorModel, _ dataset: Dataset,
                                   seed: UInt64) throws -> Double {
    let m = dataset.ratings
    var generator = SeededGenerator(seed: seed ^ 0xF01D)
    let users = generator.shuffledIndices(m.userCount).prefix(foldInUsers)
    var times: [Double] = []
    times.reserveCapacity(users.count)
    for u in users {
      let ratings = m.byUser[u].map { (itemID: m.id(of: $0.item), rating: $0.value) }
      let watch = Stopwatch()
      do { _ = try model.foldIn(ratings) } catch {
        throw CommandFailure("bench could not fold in a user: \(error)")
      }
      times.append(watch.seconds)
    }
    return quantile(times, 0.5)
  }

  /// The seconds `recscope evaluate DATA --folds 5 --seed 0
  /// --train-sample 1` spends after loading: the split, then training and
  /// testing each fold, folds in parallel.
  private static func crossValidationSeconds(
    _ dataset: Dataset, settings: EngineSettings
  ) throws -> Double {
    var options = EvaluationOptions()
    options.trainErrorSample = 1
    options.seed = 0
    let watch = Stopwatch()
    do {
      let splits = try Splitter.kFold(RatingList(dataset), folds: 5, seed: 0)
      _ = try EvaluationRunner.run([EngineMaker(settings)], on: splits,
                                   options: options)
    } catch {
      throw CommandFailure("bench could not cross-validate: \(error)")
    }
    return watch.seconds
  }
}
