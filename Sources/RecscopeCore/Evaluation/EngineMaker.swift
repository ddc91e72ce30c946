/// Makes an ``Engine`` with fixed settings for each train set, for any
/// ``Algorithm``.
public struct EngineMaker: ModelMaker {
  public var settings: EngineSettings
  public var name: String

  /// - Parameter name: defaults to the algorithm's title.
  public init(_ settings: EngineSettings, name: String? = nil) {
    self.settings = settings
    self.name = name ?? settings.algorithm.title
  }

  /// The default settings with `algorithm`.
  public init(_ algorithm: Algorithm) {
    var settings = EngineSettings()
    settings.algorithm = algorithm
    self.init(settings)
  }

  /// - Throws: ``EngineError/invalidSettings(_:)``.
  public func makePredictor(training: Dataset) throws -> any RatingPredictor {
    EnginePredictor(engine: try Engine(dataset: training, settings: settings))
  }
}

/// An engine seen as a plain predictor: estimates without explanations.
/// The engine fills caches as it predicts, so this stays on one thread.
final class EnginePredictor: RatingPredictor {
  let engine: Engine

  init(engine: Engine) { self.engine = engine }

  func estimate(userID: String, itemID: String) -> RatingEstimate {
    let ratings = engine.ratings
    let p = engine.predict(ratings.user(userID), ratings.item(itemID),
                           explain: false)
    return RatingEstimate(estimate: p.estimate, raw: p.raw,
                          wasImpossible: p.wasImpossible, reason: p.reason)
  }
}
