import RecscopeCore

/// How the lab holds ratings out of training: k-fold cross-validation,
/// one random holdout, or folds of whole items (item cold start), each
/// drawn with the explorer's seed as `recscope evaluate` and `recscope
/// lab` draw them.
public enum LabSplit: Equatable, Sendable {
  /// Every rating tested once, in one of `folds` runs.
  case kFold(folds: Int)
  /// ⌈fraction · |R|⌉ ratings tested, the rest trained on.
  case holdout(testFraction: Double)
  /// Every rating of the items of one of `folds` runs tested together,
  /// none of them trained on (`--split new-items`).
  case newItems(folds: Int)

  /// The split the lab opens with: that of `evaluate` and `lab`.
  public static let standard = LabSplit.kFold(folds: 5)

  /// The next kind, for the key that goes through them.
  var toggled: LabSplit {
    switch self {
    case .kFold: .holdout(testFraction: 0.2)
    case .holdout: .newItems(folds: 5)
    case .newItems: .standard
    }
  }

  /// How many train and test sets the split makes.
  var foldCount: Int {
    switch self {
    case .kFold(let folds), .newItems(let folds): folds
    case .holdout: 1
    }
  }

  /// `5-fold cross-validation`, `holdout of 20 %`, `new items in 5
  /// folds`.
  var description: String {
    switch self {
    case .kFold(let folds): "\(folds)-fold cross-validation"
    case .holdout(let fraction): "holdout of \(percent(fraction))"
    case .newItems(let folds): "new items in \(folds) folds"
    }
  }

  /// `5-fold`, `holdout 20 %`, `new items ×5`, for narrow screens.
  var shortDescription: String {
    switch self {
    case .kFold(let folds): "\(folds)-fold"
    case .holdout(let fraction): "holdout \(percent(fraction))"
    case .newItems(let folds): "new items ×\(folds)"
    }
  }

  private func percent(_ fraction: Double) -> String {
    NumberText.short(fraction * 100, digits: 1) + " %"
  }

  /// The train and test sets of `dataset` drawn with `seed`.
  /// - Throws: ``EvaluationError/invalidSetting(_:)`` when the data has
  ///   too few ratings for the split.
  /// - Complexity: O(folds · |R|).
  public func splits(of dataset: Dataset, seed: UInt64)
    throws(EvaluationError) -> [TrainTestSplit] {
    let list = RatingList(dataset)
    switch self {
    case .kFold(let folds):
      return try Splitter.kFold(list, folds: folds, seed: seed)
    case .holdout(let fraction):
      return [try Splitter.holdout(list, testFraction: fraction, seed: seed)]
    case .newItems(let folds):
      return try Splitter.newItems(list, folds: folds, seed: seed)
    }
  }
}
