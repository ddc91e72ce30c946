/// Errors of estimated against actual ratings; nil for an empty list.
public enum AccuracyMetrics {
  /// √(Σ (r̂ − r)² / n), which weighs large errors more.
  public static func rmse(_ scored: [ScoredRating]) -> Double? {
    guard !scored.isEmpty else { return nil }
    var squares = 0.0
    for s in scored {
      let e = s.estimate - s.actual
      squares += e * e
    }
    return (squares / Double(scored.count)).squareRoot()
  }

  /// Σ |r̂ − r| / n.
  public static func mae(_ scored: [ScoredRating]) -> Double? {
    guard !scored.isEmpty else { return nil }
    var total = 0.0
    for s in scored { total += abs(s.estimate - s.actual) }
    return total / Double(scored.count)
  }
}
