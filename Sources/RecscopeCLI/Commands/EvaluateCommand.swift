import Foundation
import RecscopeCore

/// `recscope evaluate`: cross-validates several models on the same splits
/// and reports accuracy, ranking quality, coverage and overfitting.
enum EvaluateCommand: Command {
  static let data = Argument(
    "data", .path, required: false,
    help: "Ratings to split, read as the other commands read them; not "
      + "needed with '--train' and '--test'.")
  static let train = Option(
    "train", .path, valueName: "file",
    help: "Ratings to train on, with '--test': a split made elsewhere.")
  static let test = Option(
    "test", .path, valueName: "file",
    help: "Ratings to test on, with '--train'. Users and items absent from "
      + "the train file are predicted by fallback, counted in 'impossible'.")
  static let split = SplitOptions.split
  static let folds = SplitOptions.folds
  static let testFraction = SplitOptions.testFraction
  static let leave = SplitOptions.leave
  static let seed = SplitOptions.seed
  static let algorithms = ListOption(
    "algo", .choice(of: Algorithm.self), default: [.knnBasic],
    help: "Models to evaluate, comma-separated, all on the same splits.")
  static let topK = Option(
    "top-k", .integer(atLeast: 1), default: 10,
    help: "The k of precision, recall, nDCG, hit rate and coverage.")
  static let threshold = Option(
    "threshold", .number, default: 4,
    help: "Test ratings at or above this are relevant.")
  static let coverage = Flag(
    "coverage",
    help: "Measure catalogue coverage: each test user's top-k over every "
      + "unrated item; slow for k-NN on large data.")
  static let trainSample = Option(
    "train-sample", .integer(atLeast: 1),
    help: "Measure train RMSE on at most this many training ratings, a "
      + "seeded sample; all of them by default.")
  static let perFold = Flag(
    "per-fold", help: "Print each fold's row before a model's mean row.")
  static let writeFolds = Option(
    "write-folds", .path, valueName: "dir",
    help: "Also write each split as fold-N-train.csv and fold-N-test.csv "
      + "(user,item,rating) into this directory, in the order trained on.")
  static let serial = Flag(
    "serial", help: "Run one (model, fold) at a time instead of on every "
      + "core; figures are the same, timings undisturbed.")

  static let spec = CommandSpec(
    name: "evaluate",
    abstract: "Cross-validate models on the same folds.",
    discussion: """
      Each model is trained on each split's train set and scored on its \
      test set: RMSE and MAE of the estimates; precision, recall, nDCG and \
      hit rate at k of each user's test items ranked by estimate (users \
      without a relevant test item left out); coverage, the share of the \
      catalogue in some user's top k (with '--coverage'); RMSE on the \
      training ratings themselves and the gap, test minus train RMSE, \
      which grows as a model overfits; the share of impossible \
      predictions; and the seconds spent fitting and testing.

      The table has the columns algo, fold ('mean' on a model's summary \
      row), tested (ratings tested, all folds together on a summary row), \
      then rmse, mae, precision, recall, ndcg, hit_rate, coverage, \
      train_rmse, gap, impossible, fit_seconds and test_seconds, each \
      followed by its population standard deviation over folds (key_std). \
      An unmeasured figure is empty.

      With '--json', an array of one object per model: algo, tested, each \
      key above as the mean over folds with its key_std, and folds, an \
      array of objects with fold, tested and each key; unmeasured figures \
      are null.

      Neighbourhood options apply to the k-NN algorithms and hybrid; \
      '--factors', '--epochs' and '--reg' to svd and als, '--lr' to svd.

        recscope evaluate Samples/teaching --algo baseline,knn-means,svd
        recscope evaluate ml100k --split leave-k-out --leave 1 --json
        recscope evaluate --train u1.base --test u1.test --algo svd
      """,
    arguments: [data],
    options: [train, test, split, folds, testFraction, leave, seed,
              algorithms] + EngineOptions.neighbourhoodOptions
      + EngineOptions.factorOptions + [topK, threshold,
         coverage, trainSample, perFold, writeFolds, serial, Flag.json,
         EngineOptions.items] + EngineOptions.dataOptions)

  static func run(_ a: ParsedArguments, context: CommandContext) throws {
    let models = try chosenModels(a)
    let makers = try models.map { try maker(for: $0, a) }
    let splits = try makeSplits(a, context: context)
    if let directory = a[writeFolds] {
      try write(splits, to: directory)
    }
    var options = EvaluationOptions()
    options.k = a.value(topK)
    options.relevanceThreshold = a.value(threshold)
    options.measuresCoverage = a[coverage]
    options.trainErrorSample = a[trainSample]
    options.seed = UInt64(a.value(seed))
    options.parallel = !a[serial]
    let evaluations: [ModelEvaluation]
    do {
      evaluations = try EvaluationRunner.run(makers, on: splits,
                                             options: options)
    } catch {
      throw CommandFailure(error.description)
    }
    let report = EvaluationReport(models: models, evaluations: evaluations,
                                  tested: splits.map(\.test.count))
    if a[Flag.json] {
      context.output.writeLine(report.json().rendered())
    } else {
      report.table(perFold: a[perFold]).write(to: context.output, as: .table)
    }
  }

  /// The models `--algo` names, after checking that every model option
  /// given applies to one of them.
  /// - Throws: ``UsageError`` for a repeated model or an option no chosen
  ///   model uses.
  static func chosenModels(_ a: ParsedArguments) throws -> [Algorithm] {
    let models = a[algorithms]
    var seen = Set<Algorithm>()
    for model in models where !seen.insert(model).inserted {
      throw UsageError.message("'--algo' names '\(model.rawValue)' twice")
    }
    let neighbourhood = models.contains(where: \.isNeighbourhood)
    let engineOptions = EngineOptions.neighbourhoodOptions.filter {
      $0.info.name != EngineOptions.weight.name
    }
    for option in engineOptions where a.wasGiven(option) && !neighbourhood {
      throw notApplicable(option, "the k-NN algorithms and hybrid")
    }
    if a.wasGiven(EngineOptions.weight) && !models.contains(.hybrid) {
      throw notApplicable(EngineOptions.weight, "hybrid")
    }
    try EngineOptions.checkFactorOptions(a, for: models)
    return models
  }

  static func notApplicable(_ option: some OptionDeclaration,
                            _ models: String) -> UsageError {
    EngineOptions.notApplicable(option, models)
  }

  /// The maker of one model with the options given: the engine for its
  /// own algorithms, the factor model itself for svd and als (whose
  /// fallbacks for unknown ids are not flagged, as in Surprise).
  /// - Throws: ``UsageError`` for settings the model rejects.
  static func maker(for model: Algorithm,
                    _ a: ParsedArguments) throws -> any ModelMaker {
    let settings = EngineOptions.settings(a, algorithm: model)
    if let problem = settings.problem {
      throw UsageError.message(
        model.isFactorization ? "\(model.rawValue): \(problem)" : problem)
    }
    switch model {
    case .svd: return settings.factorization.biasedMF
    case .als: return settings.factorization.alsMF
    default: return EngineMaker(settings, name: model.rawValue)
    }
  }
}
