/// Anything that estimates ratings by external ids: an ``Engine`` wrapped
/// by ``EngineMaker``, or a ``FactorModel``. Evaluation needs nothing more.
public protocol RatingPredictor {
  /// r̂_ui for a user and an item named as in the data files; ids the
  /// model was not trained on are unknown, never an error.
  func estimate(userID: String, itemID: String) -> RatingEstimate
}

/// One estimate without its explanation: the number evaluation scores.
public struct RatingEstimate: Sendable, Equatable {
  /// r̂ clipped to the rating scale.
  public var estimate: Double
  /// r̂ before clipping.
  public var raw: Double
  /// True when the model could not use its own formula and fell back
  /// (Surprise's `was_impossible`).
  public var wasImpossible: Bool
  /// Why it fell back; nil when it did not.
  public var reason: String?

  public init(estimate: Double, raw: Double, wasImpossible: Bool = false,
              reason: String? = nil) {
    self.estimate = estimate
    self.raw = raw
    self.wasImpossible = wasImpossible
    self.reason = reason
  }
}
