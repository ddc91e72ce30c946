/// What a factor model reports after each training epoch: enough for a
/// learning curve, and the moment to stop early.
public struct EpochReport: Sendable, Equatable {
  /// 1 for the first epoch.
  public var epoch: Int
  /// RMSE of the clipped estimates over the training ratings.
  public var trainRMSE: Double
  /// RMSE over the test ratings given to `fit`, nil when none were.
  public var testRMSE: Double?
  /// Wall-clock seconds spent in the epoch's updates, not in the RMSEs.
  public var seconds: Double
}

/// The answer to an ``EpochReport``: go on, or stop and keep the model as
/// trained so far (for early stopping or a cancelled run).
public enum TrainingControl: Sendable, Equatable {
  case proceed
  case stop
}

extension Duration {
  var seconds: Double {
    let (s, attoseconds) = components
    return Double(s) + Double(attoseconds) * 1e-18
  }
}
