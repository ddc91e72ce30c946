/// Differential privacy by input perturbation: each training rating is
/// released with Laplace noise of scale b = Δ/ε before any model sees it
/// (the Laplace mechanism of Dwork, McSherry, Nissim and Smith 2006,
/// "Calibrating noise to sensitivity in private data analysis").
///
/// Δ is the width of the rating scale, the most one rating can change.
/// What is protected is each rating's value, with ε per rating: a user
/// with n ratings is protected with nε by composition, and which items a
/// user rated is not hidden at all. Clipping the noisy value back onto
/// the scale is on by default; it is post-processing of the private
/// output, so it keeps the ε guarantee while cutting the variance the
/// model has to absorb (at the cost of a bias toward the middle).
public struct LaplaceMechanism: Sendable, Equatable {
  /// ε, the privacy budget per rating; smaller is more private and
  /// noisier. +∞ gives b = 0, no noise and no privacy: the limit the
  /// finite budgets are compared against.
  public var epsilon: Double
  public var clipsToScale: Bool

  public init(epsilon: Double, clipsToScale: Bool = true) {
    self.epsilon = epsilon
    self.clipsToScale = clipsToScale
  }

  /// b = Δ/ε for a scale; the mean absolute noise equals b.
  public func noiseScale(for scale: RatingScale) -> Double {
    scale.width / epsilon
  }

  /// The split with every training rating perturbed, noise drawn in
  /// training order from the seed; the test ratings are left alone.
  /// - Throws: ``EvaluationError/invalidSetting(_:)`` unless ε > 0.
  /// - Complexity: O(|R|).
  public func perturb(_ split: TrainTestSplit,
                      seed: UInt64) throws(EvaluationError) -> TrainTestSplit {
    guard epsilon > 0 else {
      throw .invalidSetting("ε must be above 0, got \(epsilon)")
    }
    let scale = split.train.scale, b = noiseScale(for: scale)
    let clips = clipsToScale
    var generator = SeededGenerator(seed: seed)
    var out = split
    out.train = split.train.rewritingRatings { _, _, r in
      let noisy = r + Self.sample(scale: b, using: &generator)
      return clips ? scale.clip(noisy) : noisy
    }
    return out
  }

  /// One draw from Laplace(0, b), density e^(−|x|/b) / 2b, by inverting
  /// its distribution function at a uniform u ∈ (−½, ½).
  public static func sample(scale b: Double,
                            using generator: inout SeededGenerator) -> Double {
    var unit = generator.nextUnit()
    while unit == 0 { unit = generator.nextUnit() }
    let u = unit - 0.5
    let magnitude = -b * log(1 - 2 * abs(u))
    return u < 0 ? -magnitude : magnitude
  }
}

#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
