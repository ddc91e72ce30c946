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
    scoring(records, with: predictor, stop: { false })!
  }

  /// Scores every record with `predictor`, in order, unless `stop` says
  /// so first: it is asked every ``stopInterval`` records, so that a
  /// long scoring can be cancelled within milliseconds.
  /// - Returns: nil when stopped.
  /// - Complexity: one estimate per record.
  public static func scoring(
    _ records: [RatingRecord], with predictor: some RatingPredictor,
    stop: () -> Bool
  ) -> [ScoredRating]? {
    var out: [ScoredRating] = []
    out.reserveCapacity(records.count)
    for (n, r) in records.enumerated() {
      if n % stopInterval == 0 && stop() { return nil }
      out.append(ScoredRating(
        r, predictor.estimate(userID: r.userID, itemID: r.itemID)))
    }
    return out
  }

  /// Records scored between two questions to a `stop` hook.
  static let stopInterval = 256

  /// A record next to its estimate.
  init(_ record: RatingRecord, _ estimate: RatingEstimate) {
    self.init(userID: record.userID, itemID: record.itemID,
              actual: record.rating, estimate: estimate.estimate,
              wasImpossible: estimate.wasImpossible)
  }
}
