/// Perturbations of a split's training ratings that test how much a model
/// leans on the exact values it was given; the test ratings are left
/// alone, so the same test set scores the model before and after.
public enum TrainingNoise {
  /// Adds Gaussian noise σ·z, z ~ N(0, 1), to every training rating and
  /// clips the result to the scale (a rating off the scale is not a
  /// rating). Noise drawn in training order from the seed.
  /// - Throws: ``EvaluationError/invalidSetting(_:)`` unless σ ≥ 0.
  /// - Complexity: O(|R|).
  public static func gaussian(
    _ split: TrainTestSplit, deviation: Double, seed: UInt64
  ) throws(EvaluationError) -> TrainTestSplit {
    guard deviation >= 0, deviation.isFinite else {
      throw .invalidSetting(
        "the noise deviation must be 0 or more, got \(deviation)")
    }
    var generator = SeededGenerator(seed: seed)
    let scale = split.train.scale
    var out = split
    out.train = split.train.rewritingRatings { _, _, r in
      scale.clip(r + deviation * generator.nextGaussian())
    }
    return out
  }

  /// Drops round(fraction · |R|) training ratings chosen by the seed, the
  /// rest keeping their order.
  /// - Throws: ``EvaluationError/invalidSetting(_:)`` unless
  ///   0 ≤ fraction < 1.
  /// - Complexity: O(|R|).
  public static func dropout(
    _ split: TrainTestSplit, fraction: Double, seed: UInt64
  ) throws(EvaluationError) -> TrainTestSplit {
    guard fraction >= 0, fraction < 1 else {
      throw .invalidSetting(
        "the dropout fraction must lie in 0..<1, got \(fraction)")
    }
    let n = split.train.ratings.count
    var generator = SeededGenerator(seed: seed)
    var dropped = Array(repeating: false, count: n)
    let count = Int((fraction * Double(n)).rounded())
    for p in generator.shuffledIndices(n).prefix(count) { dropped[p] = true }
    var position = 0
    var out = split
    out.train = split.train.rewritingRatings { _, _, r in
      defer { position += 1 }
      return dropped[position] ? nil : r
    }
    return out
  }
}
