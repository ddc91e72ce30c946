/// Whether a change to training lowered the test error, raised it, or did
/// neither clearly, judged from paired per-fold differences.
///
/// The rule is the corrected resampled t-test (Nadeau and Bengio 2003,
/// "Inference for the generalization error"). Over n ≥ 2 folds with
/// differences d_f (variant minus baseline, the same fold for both), with
/// mean d̄ and sample variance σ̂², the standard error is
///
///     SE = √((1/n + n_test/n_train) · σ̂²)
///
/// and the verdict needs |d̄| > t · SE, t the two-sided 5 % point of
/// Student's t with n − 1 degrees of freedom (2.78 for five folds). The
/// n_test/n_train term is there because the folds share most of their
/// training ratings, so their differences are not independent: leaving
/// it out, as the plain paired t-test does, calls too many differences.
/// One split never gives a verdict.
public enum Verdict: String, Sendable, Equatable {
  /// Lower test RMSE.
  case helps
  /// Higher test RMSE.
  case hurts
  /// Within the spread over folds, or a single split.
  case noClearChange = "no clear change"

  /// The verdict on per-fold differences of an error (lower is better).
  /// - Parameter testShare: n_test/n_train of the folds (0.25 for five
  ///   folds); 0 gives the plain paired t-test.
  public init(differences d: [Double], testShare: Double = 0) {
    let n = d.count
    guard n >= 2 else {
      self = .noClearChange
      return
    }
    let mean = d.reduce(0, +) / Double(n)
    let variance = d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
      / Double(n - 1)
    let standardError = ((1 / Double(n) + testShare) * variance).squareRoot()
    if abs(mean) > Self.criticalT(degreesOfFreedom: n - 1) * standardError {
      self = mean < 0 ? .helps : .hurts
    } else {
      self = .noClearChange
    }
  }

  /// The two-sided 5 % point of Student's t; 1.96 past 30 degrees.
  static func criticalT(degreesOfFreedom df: Int) -> Double {
    let table: [Double] = [
      12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262,
      2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101,
      2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052,
      2.048, 2.045, 2.042,
    ]
    return df >= 1 && df <= table.count ? table[df - 1] : 1.96
  }

  /// n_test/n_train averaged over `splits`, for ``init(differences:testShare:)``.
  public static func testShare(of splits: [TrainTestSplit]) -> Double {
    let shares = splits.compactMap { split -> Double? in
      let train = split.train.ratings.count
      return train > 0 ? Double(split.test.count) / Double(train) : nil
    }
    return shares.isEmpty ? 0 : shares.reduce(0, +) / Double(shares.count)
  }
}
