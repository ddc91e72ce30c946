import Foundation
import RecscopeCore

/// The options every engine command shares: where the data is and how to
/// read it, and which algorithm predicts with which settings.
enum EngineOptions {
  static let data = Argument(
    "data", .path,
    help: "Ratings file, a directory holding a MovieLens release or our "
      + "ratings.csv + items.csv, or '-' for standard input.")
  static let format = Option(
    "format", .choice(RatingsFormat.allCases.map(\.name), placeholder: "format"),
    help: "Ratings format; detected from the content when left out.")
  static let items = Option(
    "items", .path, valueName: "file",
    help: "Items file with titles and features; by default the one beside "
      + "the ratings (u.item, movies.dat, movies.csv or items.csv).")
  /// `--items` names item ids in `similarity`, so there the file is this.
  static let itemsFile = Option(
    "items-file", .path, valueName: "file",
    help: "Items file with titles and features; by default the one beside "
      + "the ratings.")
  static let scale = Option(
    "scale", .scale,
    help: "Rating scale as low:high, e.g. 1:5; inferred from the data when "
      + "left out. With a scale, ratings outside it are errors.")
  static let skipBad = Flag(
    "skip-bad", help: "Skip malformed lines and report how many, instead of "
      + "stopping at the first.")
  static let algorithm = Option(
    "algo", .choice(of: Algorithm.self), default: .knnBasic,
    help: "Prediction algorithm.")
  static let basis = Option(
    "based", .choice(of: Basis.self), default: .user,
    help: "Compare users with users, or items with items.")
  static let similarity = Option(
    "sim", .choice(of: SimilarityMeasure.self), default: .cosine,
    help: "Similarity measure.")
  static let k = Option(
    "k", .integer(atLeast: 1), default: 40,
    help: "Most neighbours a prediction uses.")
  static let minK = Option(
    "min-k", .integer(atLeast: 0), default: 1,
    help: "Fewest neighbours with positive similarity a k-NN prediction "
      + "needs before it falls back.")
  static let minSupport = Option(
    "min-support", .integer(atLeast: 0), default: 1,
    help: "Fewest co-rated entries for a similarity other than 0.")
  static let shrinkage = Option(
    "shrinkage", .number(atLeast: 0), default: 100,
    help: "Pearson-baseline shrinkage toward 0 for small supports.")
  static let weight = Option(
    "weight", .number(in: 0...1), default: 0.5,
    help: "The hybrid's weight on k-NN; content gets the rest.")

  static let factors = Option(
    "factors", .integer(atLeast: 1),
    help: "Latent factors of svd and als (100 and 20 by default).")
  static let epochs = Option(
    "epochs", .integer(atLeast: 0),
    help: "Passes of svd and als over the ratings (20 and 10 by default).")
  static let learningRate = Option(
    "lr", .number(atLeast: 0),
    help: "svd's learning rate for every parameter (0.005 by default).")
  static let regularization = Option(
    "reg", .number(atLeast: 0),
    help: "Regularisation of svd (0.02 by default) and of als, biases "
      + "included (0.1 by default, must be above 0).")
  static let biasRegularization = Option(
    "reg-bias", .number(atLeast: 0),
    help: "Regularisation of the biases b_u and b_i of svd and als alone, "
      + "apart from the factors ('--reg' by default).")
  static let seed = Option(
    "seed", .integer(atLeast: 0), default: 0,
    help: "Seed of svd's and als's starting factors; the same seed trains "
      + "the same model.")

  /// The settings of svd and als, without `--seed`, which `evaluate`
  /// declares its own way.
  static let factorOptions: [any OptionDeclaration] = [
    factors, epochs, learningRate, regularization, biasRegularization,
  ]

  /// The options in the order help lists them.
  static let all: [any OptionDeclaration] = settingOptions + [items] + dataOptions
  /// The same, for a command whose `--items` means something else.
  static let allWithItemsFile: [any OptionDeclaration] =
    settingOptions + [itemsFile] + dataOptions

  private static let settingOptions: [any OptionDeclaration] =
    [algorithm] + neighbourhoodOptions + factorOptions + [seed]
  /// The settings of the k-NN family and the hybrid, without `--algo`, for
  /// a command that chooses algorithms its own way.
  static let neighbourhoodOptions: [any OptionDeclaration] = [
    basis, similarity, k, minK, minSupport, shrinkage, weight,
  ]
  static let dataOptions: [any OptionDeclaration] = [format, scale, skipBad]

  static func settings(_ a: ParsedArguments) -> EngineSettings {
    settings(a, algorithm: a.value(algorithm))
  }

  /// The engine settings the options give, for `algorithm` whatever
  /// `--algo` says (a command may not declare it).
  static func settings(_ a: ParsedArguments,
                       algorithm: Algorithm) -> EngineSettings {
    var s = EngineSettings()
    s.algorithm = algorithm
    s.basis = a.value(basis)
    s.similarity = a.value(similarity)
    s.k = a.value(k)
    s.minK = a.value(minK)
    s.minSupport = a.value(minSupport)
    s.shrinkage = a.value(shrinkage)
    s.hybridWeight = a.value(weight)
    s.factorization.factors = a[factors]
    s.factorization.epochs = a[epochs]
    s.factorization.learningRate = a[learningRate]
    s.factorization.regularization = a[regularization]
    s.factorization.biasRegularization = a[biasRegularization]
    s.factorization.seed = UInt64(a.value(seed))
    return s
  }

  /// Checks that every factor option given applies to one of `models`.
  /// - Throws: ``UsageError`` naming the option, or a regularisation of 0
  ///   for als.
  static func checkFactorOptions(_ a: ParsedArguments,
                                 for models: [Algorithm]) throws {
    let shared: [any OptionDeclaration] = [factors, epochs, regularization,
                                           biasRegularization]
    for option in shared
    where a.wasGiven(option) && !models.contains(where: \.isFactorization) {
      throw notApplicable(option, "svd and als")
    }
    if a.wasGiven(learningRate) && !models.contains(.svd) {
      throw notApplicable(learningRate, "svd")
    }
    for option in [regularization, biasRegularization] {
      if models.contains(.als), let value = a[option], !(value > 0) {
        throw ModelOptions.alsNeedsPositive(option, value)
      }
    }
  }

  static func notApplicable(_ option: some OptionDeclaration,
                            _ models: String) -> UsageError {
    .message("'--\(option.info.name)' applies to \(models), which '--algo' "
               + "does not name")
  }

  /// Loads the data named on the command line and builds the engine.
  /// Skipped lines and merged repeats are reported on standard error.
  static func engine(_ a: ParsedArguments, context: CommandContext,
                     settings: EngineSettings? = nil,
                     itemsOption: Option<String> = items) throws -> Engine {
    let settings = settings ?? Self.settings(a)
    try checkFactorOptions(a, for: [settings.algorithm])
    let (dataset, _) = try load(a, context: context, itemsOption: itemsOption)
    do {
      return try Engine(dataset: dataset, settings: settings)
    } catch let error as EngineError {
      throw UsageError.message(error.description)
    }
  }

  static func load(_ a: ParsedArguments, context: CommandContext,
                   itemsOption: Option<String> = items)
    throws -> (Dataset, LoadReport)
  {
    try load(a.value(data), a, context: context, itemsOption: itemsOption)
  }

  /// Loads the ratings at `path` (`-` for standard input) as the data
  /// options say.
  static func load(_ path: String, _ a: ParsedArguments,
                   context: CommandContext,
                   itemsOption: Option<String>? = items)
    throws -> (Dataset, LoadReport)
  {
    let loader = DatasetLoader(
      format: a[format].flatMap(RatingsFormat.init(name:)),
      itemsPath: itemsOption.flatMap { a[$0] },
      scale: a[scale], skipBad: a[skipBad])
    let result: (dataset: Dataset, report: LoadReport)
    do {
      if path == "-" {
        result = try loader.load(ratings: try context.contents(of: "-"),
                                 named: "standard input")
      } else {
        result = try loader.load(path)
      }
    } catch let error as DataError {
      throw CommandFailure(error.description)
    }
    report(result.report, to: context)
    return (result.dataset, result.report)
  }

  /// Says on standard error what loading passed over, so nothing is lost
  /// silently.
  static func report(_ r: LoadReport, to context: CommandContext) {
    if r.skippedLines > 0 {
      context.errorOutput.writeLine(
        "note: skipped \(r.skippedLines) bad line\(r.skippedLines == 1 ? "" : "s")")
      for error in r.firstErrors { context.errorOutput.writeLine("  \(error)") }
    }
    if r.repeats > 0 {
      context.errorOutput.writeLine(
        "note: \(r.repeats) repeated (user, item) pair\(r.repeats == 1 ? "" : "s"); "
          + "the later rating was kept")
    }
  }

  /// The user with this id, or a failure that names the data and the
  /// closest id.
  static func user(_ id: String, in engine: Engine) throws -> UserIndex {
    if let u = engine.ratings.user(id) { return u }
    throw unknown("user", id, among: engine.ratings.userIDs)
  }

  static func item(_ id: String, in engine: Engine) throws -> ItemIndex {
    if let i = engine.ratings.item(id) { return i }
    throw unknown("item", id, among: engine.ratings.itemIDs)
  }

  static func unknown(_ kind: String, _ id: String, among ids: [String]) -> CommandFailure {
    var message = "there is no \(kind) '\(TableWriter.sanitize(id))' in the data"
    if let guess = Suggestion.closest(to: id, among: ids) {
      message += "; did you mean '\(TableWriter.sanitize(guess))'?"
    }
    return CommandFailure(message)
  }
}
