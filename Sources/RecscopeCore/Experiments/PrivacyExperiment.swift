/// Test error against the privacy budget: each variant trains on ratings
/// released through the ``LaplaceMechanism`` with one ε.
public enum PrivacyExperiment {
  /// A baseline `none` on the true ratings, then one `laplace` variant
  /// per ε (+∞ adds no noise), noise drawn per fold from `seed`.
  /// - Parameter clipsToScale: clip noisy ratings back onto the scale
  ///   (post-processing, so the guarantee stands).
  /// - Throws: ``EvaluationError/invalidSetting(_:)`` for an ε that is
  ///   not above 0.
  public static func variants(epsilons: [Double], maker: any ModelMaker,
                              clipsToScale: Bool = true, seed: UInt64)
    throws(EvaluationError) -> [TrainingVariant] {
    if let bad = epsilons.first(where: { !($0 > 0) }) {
      throw .invalidSetting("ε must be above 0, got \(bad)")
    }
    let none = TrainingVariant.rewriting("none", setting: nil,
                                         maker: maker) { split, _ in split }
    return [none] + epsilons.map { epsilon in
      let mechanism = LaplaceMechanism(epsilon: epsilon,
                                       clipsToScale: clipsToScale)
      return .rewriting("laplace", setting: epsilon, maker: maker) { s, fold in
        try mechanism.perturb(s, seed: ComparisonRunner.seed(seed, fold: fold))
      }
    }
  }
}
