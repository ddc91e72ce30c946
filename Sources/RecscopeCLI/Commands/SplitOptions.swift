import RecscopeCore

/// How `evaluate` and `lab` hold ratings out: the same options, read the
/// same way, so an experiment runs on the folds `evaluate` scores.
enum SplitOptions {
  /// How the ratings are held out.
  enum Method: String, CaseIterable, Sendable {
    case kFold = "kfold"
    case random
    case leaveKOut = "leave-k-out"
    case time
    case newItems = "new-items"
  }

  static let split = Option(
    "split", .choice(of: Method.self, placeholder: "method"),
    default: .kFold,
    help: "k-fold cross-validation, a random holdout, a per-user "
      + "leave-k-out holdout, the latest ratings by timestamp (needs a "
      + "timestamp on every rating), or folds of items, each item's every "
      + "rating tested together (item cold start; features stay known).")
  static let folds = Option(
    "folds", .integer(atLeast: 2), default: 5,
    help: "Folds of '--split kfold' or '--split new-items'; every rating "
      + "is tested once.")
  static let testFraction = Option(
    "test-fraction", .number(in: 0...1), default: 0.2,
    help: "Share of ratings tested by '--split random' or '--split time' "
      + "(rounded up), strictly between 0 and 1.")
  static let leave = Option(
    "leave", .integer(atLeast: 1), default: 1,
    help: "Ratings tested per user by '--split leave-k-out'; users with "
      + "no more than this many stay whole in the train set.")
  static let seed = Option(
    "seed", .integer(atLeast: 0), default: 0,
    help: "Seed of the split and of everything drawn after it (starting "
      + "factors, samples, noise); the same seed gives the same figures.")

  /// The options in the order help lists them.
  static let all: [any OptionDeclaration] = [split, folds, testFraction,
                                              leave, seed]

  /// Checks that each split option given belongs to the chosen method
  /// and that the test fraction is usable.
  /// - Throws: ``UsageError``.
  static func checkApplicable(_ a: ParsedArguments) throws {
    let method = a.value(split)
    let owners: [(option: any OptionDeclaration, methods: [Method])] = [
      (folds, [.kFold, .newItems]), (testFraction, [.random, .time]),
      (leave, [.leaveKOut]),
    ]
    for (option, methods) in owners
    where a.wasGiven(option) && !methods.contains(method) {
      throw UsageError.message(
        "'--\(option.info.name)' applies to '--split "
          + methods.map(\.rawValue).joined(separator: "' or '--split ")
          + "', not '\(method.rawValue)'")
    }
    let fraction = a.value(testFraction)
    if fraction <= 0 || fraction >= 1 {
      throw UsageError.message(
        "'--test-fraction' must lie strictly between 0 and 1, got "
          + "'\(NumberFormat.shortest(fraction))'")
    }
  }

  /// The splits of `dataset` (read from `path`, whose ratings file
  /// `report` names when given) that the options ask for.
  /// - Throws: ``UsageError`` for more folds than ratings,
  ///   ``CommandFailure`` for a split that tests nothing or needs
  ///   timestamps the data lacks.
  static func splits(of dataset: Dataset, named path: String,
                     report: LoadReport? = nil,
                     _ a: ParsedArguments) throws -> [TrainTestSplit] {
    let list = RatingList(dataset)
    let seed = UInt64(a.value(seed))
    let fraction = a.value(testFraction)
    switch a.value(split) {
    case .kFold:
      let count = a.value(folds)
      guard count <= list.count else {
        throw UsageError.message(
          "'--folds' must be at most the number of ratings, \(list.count), "
            + "got '\(count)'")
      }
      return try Splitter.kFold(list, folds: count, seed: seed)
    case .random:
      return [try Splitter.holdout(list, testFraction: fraction, seed: seed)]
    case .leaveKOut:
      let k = a.value(leave)
      let split = try Splitter.leaveKOut(list, k: k, seed: seed)
      guard !split.test.isEmpty else {
        throw CommandFailure(
          "no user in '\(path)' has more than \(k) rating\(k == 1 ? "" : "s"), "
            + "so '--split leave-k-out --leave \(k)' tests nothing")
      }
      return [split]
    case .time:
      guard list.timestamps != nil else {
        let name = report?.ratingsPath ?? path
        let file = name == "standard input" || name == "-"
          ? "standard input" : "'\(name)'"
        throw CommandFailure(
          "\(file) does not give every rating a timestamp, so '--split time' "
            + "cannot order them; use '--split random'")
      }
      return [try Splitter.timeOrdered(list, testFraction: fraction)]
    case .newItems:
      do {
        return try Splitter.newItems(list, folds: a.value(folds), seed: seed)
      } catch {
        throw UsageError.message("'--folds' must be at most the number of "
          + "rated items with '--split new-items', got '\(a.value(folds))'")
      }
    }
  }
}
