import RecscopeCore
import RecscopeUI

/// `recscope lab DATA <experiment>`: the generalisation experiments, each
/// with options of its own. The experiment named after the data chooses
/// the declaration that parses the rest, so `--help` after it explains
/// that experiment and an option of another one is refused by name.
enum LabCommand: Command {
  static let data = Argument(
    "data", .path,
    help: "Ratings file, a directory holding a MovieLens release or our "
      + "ratings.csv + items.csv, or '-' for standard input.")
  /// Reads the experiment back whichever declaration parsed it.
  static let experiment = Argument(
    "experiment", .choice(of: LabExperiment.self, placeholder: "experiment"),
    help: "What to measure; each is described below.")

  static let spec = CommandSpec(
    name: "lab",
    abstract: "Measure how models generalise: learning curves, sweeps, and "
      + "changes to training against a baseline.",
    discussion: """
      Every experiment splits the data as 'evaluate' does (the same \
      '--split', '--folds', '--seed'), so its figures are comparable with \
      evaluate's, and reports each figure as a mean over folds with its \
      population standard deviation. The output is a tab-separated table \
      with a header ('--json' for the same rows as objects); '--plot' adds \
      a text plot after the table.

      Experiments:
        curve      train and test RMSE per epoch of svd and als; with
                   '--early-stop', early stopping on a validation share
        sweep      test and train RMSE against k, factors, epochs or reg
        augment    Gaussian noise, dropout or oversampling of training
                   ratings, against none
        privacy    Laplace input perturbation for a list of ε, against none
        compress   factors in 8 and 4 bits, against 64
        transfer   pretrained item vectors as starting factors or as
                   content features, against random starting factors

      See 'recscope lab <experiment> --help' for each experiment's options.

        recscope lab Samples/teaching curve --plot
        recscope lab ml100k sweep --algo knn-basic --k 5,10,20,40,80
      """,
    arguments: [data, experiment])

  /// The experiment's declaration when the tokens name one (as the
  /// second positional token, or the first when asking for help);
  /// otherwise this overview for help, or the mistake.
  static func spec(for tokens: [String]) throws(UsageError) -> CommandSpec {
    let words = positionalTokens(tokens)
    let help = spec.asksForHelp(tokens)
    let named = words.prefix(2).compactMap(LabExperiment.init(rawValue:))
    if words.count >= 2, let chosen = LabExperiment(rawValue: words[1]) {
      return chosen.spec
    }
    if help { return named.first?.spec ?? spec }
    switch words.count {
    case 0:
      throw .missingArgument("<data>")
    case 1 where named.first != nil:
      throw .message(
        "missing required argument '<data>' before '\(words[0])'; write "
          + "'recscope lab DATA \(words[0])'")
    case 1:
      throw .missingArgument("<experiment>")
    default:
      let names = LabExperiment.allCases.map(\.rawValue)
      throw .invalidValue(
        option: "<experiment>",
        expected: "one of " + names.joined(separator: ", "), got: words[1],
        suggestion: Suggestion.closest(to: words[1], among: names))
    }
  }

  /// The tokens that are not options or their values, as the parser of
  /// any experiment would see them.
  static func positionalTokens(_ tokens: [String]) -> [String] {
    var options: [String: OptionInfo] = [:]
    for e in LabExperiment.allCases {
      for info in e.spec.optionInfos { options[info.name] = info }
    }
    var words: [String] = []
    var index = 0
    while index < tokens.count {
      let token = tokens[index]
      index += 1
      if token == "--" {
        words += tokens[index...]
        break
      }
      guard CommandSpec.looksLikeOption(token) else {
        words.append(token)
        continue
      }
      let body = token.drop { $0 == "-" }
      if body.contains("=") { continue }
      if let info = options[String(body)], info.shape != .flag,
         info.bareValue == nil, index < tokens.count,
         !CommandSpec.looksLikeOption(tokens[index]) {
        index += 1
      }
    }
    return words
  }

  static func run(_ a: ParsedArguments, context: CommandContext) throws {
    if plots(a) && a[Flag.json] {
      throw UsageError.message(
        "'--plot' draws text after the table, which '--json' replaces; "
          + "give one of them")
    }
    switch a.value(experiment) {
    case .curve: try runCurve(a, context: context)
    case .sweep: try runSweep(a, context: context)
    case .augment: try runAugment(a, context: context)
    case .privacy: try runPrivacy(a, context: context)
    case .compress: try runCompress(a, context: context)
    case .transfer: try runTransfer(a, context: context)
    }
  }

  /// The data, split as the options say.
  static func splits(_ a: ParsedArguments, context: CommandContext,
                     items: Bool) throws -> [TrainTestSplit] {
    try SplitOptions.checkApplicable(a)
    let path = a.value(data)
    let (dataset, _) = try EngineOptions.load(
      path, a, context: context, itemsOption: items ? EngineOptions.items : nil)
    return try SplitOptions.splits(of: dataset, named: path, a)
  }

  static func evaluationOptions(_ a: ParsedArguments,
                                sample: Bool = true) -> EvaluationOptions {
    var options = EvaluationOptions()
    options.seed = UInt64(a.value(SplitOptions.seed))
    options.parallel = !a[LabOptions.serial]
    if sample { options.trainErrorSample = a[LabOptions.trainSample] }
    return options
  }

  /// Prints the table, or its rows as JSON, then the plot if asked for.
  static func write(_ table: Table, plot: @autoclosure () -> LinePlot?,
                    _ a: ParsedArguments, context: CommandContext) {
    table.write(to: context.output, as: OutputFormat(json: a[Flag.json]))
    guard plots(a), let glyphs = a[LabOptions.plot], var plot = plot()
    else { return }
    plot.glyphs = glyphs
    let size = a.value(LabOptions.plotSize)
    context.output.writeLine()
    for line in plot.textLines(width: size.width, height: size.height) {
      context.output.writeLine(line)
    }
  }

  /// Whether the experiment takes `--plot` and it was given.
  static func plots(_ a: ParsedArguments) -> Bool {
    a.declaredOptions.contains(LabOptions.plot.name) && a.wasGiven(LabOptions.plot)
  }

  /// Rethrows an engine-side failure as the command's.
  static func failing<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as EvaluationError {
      throw CommandFailure(error.description)
    }
  }
}
