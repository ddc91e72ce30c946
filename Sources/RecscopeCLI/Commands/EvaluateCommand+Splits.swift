import Foundation
import RecscopeCore

/// Where `recscope evaluate` gets its train and test sets, and how it
/// writes them out for another library to use.
extension EvaluateCommand {
  /// The splits the command line asks for: the given train and test
  /// files, or splits of `<data>` by `--split`.
  /// - Throws: ``UsageError`` for clashing options, ``CommandFailure``
  ///   when the data cannot be read or split.
  static func makeSplits(_ a: ParsedArguments,
                         context: CommandContext) throws -> [TrainTestSplit] {
    switch (a[data], a[train], a[test]) {
    case let (nil, trainPath?, testPath?):
      try checkNoSplitOptions(a)
      return [try givenSplit(trainPath, testPath, a, context: context)]
    case (let path?, nil, nil):
      return try splitting(path, a, context: context)
    case (_?, _, _):
      throw UsageError.message(
        "give either <data> or '--train' and '--test', not both")
    case (nil, _?, nil):
      throw UsageError.message("'--train' needs '--test' beside it")
    case (nil, nil, _?):
      throw UsageError.message("'--test' needs '--train' beside it")
    case (nil, nil, nil):
      throw UsageError.message(
        "missing required argument '<data>'; or give '--train' and '--test'")
    }
  }

  /// A given split takes none of the options that make one.
  static func checkNoSplitOptions(_ a: ParsedArguments) throws {
    let options: [any OptionDeclaration] = [split, folds, testFraction, leave,
                                            writeFolds]
    if let given = options.first(where: { a.wasGiven($0) }) {
      throw UsageError.message(
        "'--\(given.info.name)' does not apply to a split given by "
          + "'--train' and '--test'")
    }
  }

  static func splitting(_ path: String, _ a: ParsedArguments,
                        context: CommandContext) throws -> [TrainTestSplit] {
    try SplitOptions.checkApplicable(a)
    let (dataset, report) = try EngineOptions.load(path, a, context: context)
    return try SplitOptions.splits(of: dataset, named: path, report: report, a)
  }

  /// The train file as loaded and the test file's ratings. Without
  /// `--scale`, the scale is the smallest whole-number one that holds
  /// both files, so a test rating the train file lacks is not an error.
  static func givenSplit(_ trainPath: String, _ testPath: String,
                         _ a: ParsedArguments,
                         context: CommandContext) throws -> TrainTestSplit {
    var (trainSet, _) = try EngineOptions.load(trainPath, a, context: context)
    let bytes = try context.contents(of: testPath)
    let loader = DatasetLoader(
      format: a[EngineOptions.format].flatMap(RatingsFormat.init(name:)),
      scale: a[EngineOptions.scale], skipBad: a[EngineOptions.skipBad])
    let testSet: Dataset
    do {
      let result = try loader.load(ratings: bytes, named: testPath)
      EngineOptions.report(result.report, to: context)
      testSet = result.dataset
    } catch {
      throw CommandFailure(error.description)
    }
    if a[EngineOptions.scale] == nil {
      trainSet.scale = RatingScale(
        min(trainSet.scale.lower, testSet.scale.lower),
        max(trainSet.scale.upper, testSet.scale.upper))
    }
    return TrainTestSplit(train: trainSet, test: RatingList(testSet).records)
  }

  /// Writes each split's train and test ratings as CSV with a header, in
  /// the order the models see them, so that another library can be run
  /// on exactly the same folds.
  /// - Throws: ``CommandFailure`` when the directory or a file cannot be
  ///   written.
  static func write(_ splits: [TrainTestSplit], to directory: String) throws {
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw CommandFailure("cannot create '\(directory)': "
                             + error.localizedDescription)
    }
    let writer = DatasetWriter(format: .csv)
    for (n, split) in splits.enumerated() {
      let stem = (directory as NSString)
        .appendingPathComponent("fold-\(n + 1)")
      var test = RatingMatrix()
      for r in split.test {
        test.appendUnchecked(test.addUser(r.userID), test.addItem(r.itemID),
                             r.rating)
      }
      do {
        try writer.writeRatings(split.train.ratings, to: stem + "-train.csv")
        try writer.writeRatings(test, to: stem + "-test.csv")
      } catch {
        throw CommandFailure(error.description)
      }
    }
  }
}
