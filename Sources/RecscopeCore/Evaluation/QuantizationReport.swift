/// What quantising a factor model's P and Q costs in accuracy and saves
/// in memory, on one test set.
public struct QuantizationReport: Sendable, Equatable {
  public var width: QuantizedFactors.Width
  /// P and Q as 64-bit floats.
  public var bytesBefore: Int
  /// Their codes plus one 32-bit step per row (biases are not counted in
  /// either figure).
  public var bytesAfter: Int
  public var testRMSEBefore: Double
  public var testRMSEAfter: Double

  /// Test RMSE after minus before; positive when quantising hurt.
  public var rmseChange: Double { testRMSEAfter - testRMSEBefore }

  /// Quantises `model` and scores both versions on `test`.
  /// - Returns: the report and the quantised model; nil for an empty test.
  /// - Complexity: O((|U| + |I|) k + |test| k).
  public static func measure(_ model: FactorModel, test: [RatingRecord],
                             width: QuantizedFactors.Width)
    -> (report: QuantizationReport, model: FactorModel)? {
    let (quantized, users, items) = model.quantized(width)
    let scoredBefore = ScoredRating.scoring(test, with: model)
    let scoredAfter = ScoredRating.scoring(test, with: quantized)
    guard let before = AccuracyMetrics.rmse(scoredBefore),
          let after = AccuracyMetrics.rmse(scoredAfter) else { return nil }
    let report = QuantizationReport(
      width: width,
      bytesBefore: model.userFactors.byteCount + model.itemFactors.byteCount,
      bytesAfter: users.byteCount + items.byteCount,
      testRMSEBefore: before, testRMSEAfter: after)
    return (report, quantized)
  }
}
