import RecscopeCore

/// How the lab holds ratings out of training: k-fold cross-validation or
/// one random holdout, both drawn with the explorer's seed, as
/// `recscope evaluate` and `recscope lab` draw them.
public enum LabSplit: Equatable, Sendable {
  /// Every rating tested once, in one of `folds` runs.
  case kFold(folds: Int)
  /// ⌈fraction · |R|⌉ ratings tested, the rest trained on.
  case holdout(testFraction: Double)

  /// The split the lab opens with: that of `evaluate` and `lab`.
  public static let standard = LabSplit.kFold(folds: 5)

  /// The other kind, for the key that switches them.
  var toggled: LabSplit {
    switch self {
    case .kFold: .holdout(testFraction: 0.2)
    case .holdout: .standard
    }
  }

  /// How many train and test sets the split makes.
  var foldCount: Int {
    switch self {
    case .kFold(let folds): folds
    case .holdout: 1
    }
  }

  /// `5-fold cross-validation`, `holdout of 20 %`.
  var description: String {
    switch self {
    case .kFold(let folds): "\(folds)-fold cross-validation"
    case .holdout(let fraction): "holdout of \(percent(fraction))"
    }
  }

  /// `5-fold`, `holdout 20 %`, for narrow screens.
  var shortDescription: String {
    switch self {
    case .kFold(let folds): "\(folds)-fold"
    case .holdout(let fraction): "holdout \(percent(fraction))"
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
    }
  }
}
