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

  /// The options in the order help lists them.
  static let all: [any OptionDeclaration] = settingOptions + [items] + dataOptions
  /// The same, for a command whose `--items` means something else.
  static let allWithItemsFile: [any OptionDeclaration] =
    settingOptions + [itemsFile] + dataOptions

  private static let settingOptions: [any OptionDeclaration] =
    [algorithm] + neighbourhoodOptions
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
    return s
  }

  /// Loads the data named on the command line and builds the engine.
  /// Skipped lines and merged repeats are reported on standard error.
  static func engine(_ a: ParsedArguments, context: CommandContext,
                     settings: EngineSettings? = nil,
                     itemsOption: Option<String> = items) throws -> Engine {
    let (dataset, _) = try load(a, context: context, itemsOption: itemsOption)
    do {
      return try Engine(dataset: dataset, settings: settings ?? Self.settings(a))
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
