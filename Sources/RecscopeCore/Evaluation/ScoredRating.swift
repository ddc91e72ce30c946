/// A held-out rating next to the model's estimate of it.
public struct ScoredRating: Sendable, Equatable {
  public var userID: String
  public var itemID: String
  /// r_ui, the rating given.
  public var actual: Double
  /// r̂_ui, clipped.
  public var estimate: Double
  public var wasImpossible: Bool

  public init(userID: String, itemID: String, actual: Double,
              estimate: Double, wasImpossible: Bool = false) {
    self.userID = userID
    self.itemID = itemID
    self.actual = actual
    self.estimate = estimate
    self.wasImpossible = wasImpossible
  }

  /// Scores every record with `predictor`, in order.
  /// - Complexity: one estimate per record.
  public static func scoring(
    _ records: [RatingRecord], with predictor: some RatingPredictor
  ) -> [ScoredRating] {
    records.map { r in
      let e = predictor.estimate(userID: r.userID, itemID: r.itemID)
      return ScoredRating(userID: r.userID, itemID: r.itemID, actual: r.rating,
                          estimate: e.estimate, wasImpossible: e.wasImpossible)
    }
  }
}
