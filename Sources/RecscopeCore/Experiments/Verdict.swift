/// Whether a change to training lowered the test error, raised it, or did
/// neither clearly, judged from paired per-fold differences.
///
/// The rule: over n ≥ 2 folds with differences d_f (variant minus
/// baseline, the same fold for both), the mean d̄ must exceed twice its
/// standard error s/√(n − 1), s the population deviation of the d_f. The
/// folds of one data set share most of their training ratings, so the
/// d_f are not independent and this rule is, if anything, too ready to
/// call a difference; one split never gives a verdict.
public enum Verdict: String, Sendable, Equatable {
  /// Lower test RMSE.
  case helps
  /// Higher test RMSE.
  case hurts
  /// Within the spread over folds, or a single split.
  case noClearChange = "no clear change"

  /// The verdict on per-fold differences of an error (lower is better).
  public init(differences d: [Double]) {
    let n = d.count
    guard n >= 2 else {
      self = .noClearChange
      return
    }
    let s = Summary(d)
    let standardError = s.standardDeviation / Double(n - 1).squareRoot()
    if abs(s.mean) > 2 * standardError {
      self = s.mean < 0 ? .helps : .hurts
    } else {
      self = .noClearChange
    }
  }
}
