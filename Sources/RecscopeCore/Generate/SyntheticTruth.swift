/// The hidden quantities a ``SyntheticData`` set was drawn from, indexed
/// like the generated ``Dataset``: what an algorithm should recover.
///
/// A rating was drawn as r_ui = μ + b_u + b_i + p_u·q_i + ε, with ε
/// Gaussian noise, then rounded to a level of the scale and clipped.
public struct SyntheticTruth: Sendable {
  /// μ, the centre of the scale the data leans to, before noise.
  public let globalMean: Double
  /// k, the length of each latent vector.
  public let dimension: Int
  /// b_u per user.
  public let userBias: [Double]
  /// b_i per item.
  public let itemBias: [Double]
  /// p_u per user, `dimension` values each, one user after another.
  public let userFactors: [Double]
  /// q_i per item, `dimension` values each, one item after another.
  public let itemFactors: [Double]
  /// Unit directions a_f in factor space, one per feature: item i has
  /// feature f mostly when q_i·a_f is large.
  public let featureDirections: [Double]
  /// Relative popularity per item: its weight when users pick items.
  public let popularity: [Double]

  /// p_u.
  public func factors(of user: UserIndex) -> ArraySlice<Double> {
    userFactors[user.int * dimension ..< (user.int + 1) * dimension]
  }

  /// q_i.
  public func factors(of item: ItemIndex) -> ArraySlice<Double> {
    itemFactors[item.int * dimension ..< (item.int + 1) * dimension]
  }

  /// a_f.
  public func direction(ofFeature feature: Int) -> ArraySlice<Double> {
    featureDirections[feature * dimension ..< (feature + 1) * dimension]
  }

  /// μ + b_u + b_i + p_u·q_i: the rating before noise and rounding.
  public func expectedRating(_ user: UserIndex, _ item: ItemIndex) -> Double {
    var dot = 0.0
    for (p, q) in zip(factors(of: user), factors(of: item)) { dot += p * q }
    return globalMean + userBias[user.int] + itemBias[item.int] + dot
  }
}
