/// Something that trains a predictor on a train set: how evaluation runs
/// the same method on every fold. Makers are values, so one can be handed
/// to each fold's thread; the predictors they make stay on that thread.
public protocol ModelMaker: Sendable {
  /// A short name for tables, such as "k-NN with means".
  var name: String { get }

  /// Trains on `training` and returns the trained predictor.
  func makePredictor(training: Dataset) throws -> any RatingPredictor
}

extension BiasedMF: ModelMaker {
  public var name: String {
    biased ? "SVD (biased MF, SGD)" : "unbiased MF (SGD)"
  }

  public func makePredictor(training: Dataset) throws -> any RatingPredictor {
    try fit(training)
  }
}

extension ALSMF: ModelMaker {
  public var name: String { biased ? "biased MF (ALS)" : "unbiased MF (ALS)" }

  public func makePredictor(training: Dataset) throws -> any RatingPredictor {
    try fit(training)
  }
}
