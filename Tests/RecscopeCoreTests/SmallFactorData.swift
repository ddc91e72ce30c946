@testable import RecscopeCore

/// The small generated set and briefly trained factor models that the
/// learning-curve, sweep and comparison tests share: 60 users, 40 items,
/// 1,200 ratings, split into three folds.
enum SmallFactorData {
  static let data = try! SyntheticData(users: 60, items: 40, ratings: 1200,
                                       seed: 5).generate()

  static func folds(_ n: Int = 3) throws -> [TrainTestSplit] {
    try Splitter.kFold(RatingList(data), folds: n, seed: 2)
  }

  /// SGD with 4 factors, seeded.
  static func svd(epochs: Int) -> BiasedMF {
    var mf = BiasedMF()
    mf.factors = 4
    mf.epochs = epochs
    mf.seed = 1
    return mf
  }

  /// ALS with 3 factors and 4 epochs, seeded.
  static var als: ALSMF {
    var mf = ALSMF()
    mf.factors = 3
    mf.epochs = 4
    mf.seed = 1
    return mf
  }
}
