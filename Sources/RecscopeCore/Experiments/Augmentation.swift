/// Ways of changing the training ratings that might make a model
/// generalise better: noise it must see through, ratings it must do
/// without, or more weight on users it barely knows.
public enum Augmentation: Sendable, Equatable {
  /// Training as it is: the baseline.
  case none
  /// N(0, σ²) added to each training rating, clipped to the scale.
  case gaussian(deviation: Double)
  /// A share p of the training ratings dropped.
  case dropout(fraction: Double)
  /// The ratings of users with fewer than this many listed repeatedly
  /// in each SGD epoch (see ``TrainingList/oversamplingSparseUsers(below:)``).
  case oversampling(minimum: Int)

  /// `none`, `gaussian`, `dropout` or `oversample`.
  public var name: String {
    switch self {
    case .none: return "none"
    case .gaussian: return "gaussian"
    case .dropout: return "dropout"
    case .oversampling: return "oversample"
    }
  }

  /// σ, p or the minimum; nil for none.
  public var setting: Double? {
    switch self {
    case .none: return nil
    case .gaussian(let sigma): return sigma
    case .dropout(let p): return p
    case .oversampling(let minimum): return Double(minimum)
    }
  }

  /// The variant that trains `maker` this way; noise and dropout are
  /// drawn per fold from `seed`.
  /// - Throws: ``EvaluationError/invalidSetting(_:)`` for oversampling a
  ///   model that is not ``BiasedMF``, which alone visits ratings in a
  ///   list that can repeat them.
  public func variant(_ maker: any ModelMaker,
                      seed: UInt64) throws(EvaluationError) -> TrainingVariant {
    switch self {
    case .none:
      return .rewriting(name, setting: nil, maker: maker) { split, _ in split }
    case .gaussian(let sigma):
      return .rewriting(name, setting: sigma, maker: maker) { split, fold in
        try TrainingNoise.gaussian(
          split, deviation: sigma, seed: ComparisonRunner.seed(seed, fold: fold))
      }
    case .dropout(let p):
      return .rewriting(name, setting: p, maker: maker) { split, fold in
        try TrainingNoise.dropout(
          split, fraction: p, seed: ComparisonRunner.seed(seed, fold: fold))
      }
    case .oversampling(let minimum):
      guard let mf = maker as? BiasedMF else {
        throw .invalidSetting(
          "oversampling repeats ratings in the order SGD visits them, so it "
            + "applies to biased MF by SGD only, not to \(maker.name)")
      }
      guard minimum >= 0 else {
        throw .invalidSetting(
          "the oversampling minimum must be 0 or more, got \(minimum)")
      }
      return TrainingVariant(name: name, setting: Double(minimum)) { split, _ in
        let list = TrainingList(split.train)
          .oversamplingSparseUsers(below: minimum)
        return TrainedVariant(try mf.fit(list))
      }
    }
  }
}
