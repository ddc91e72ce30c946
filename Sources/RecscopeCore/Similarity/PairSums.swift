/// The sums over the co-rated entries of two rows x and x' from which
/// every measure is computed; also what an explanation of sim(x, x')
/// shows.
///
/// Values are those the measure works on: raw ratings for cosine,
/// Pearson, MSD and Jaccard; ratings centred on μ_y for adjusted cosine;
/// ratings minus their baseline for Pearson-baseline.
public struct PairSums: Equatable, Sendable {
  /// n, the number of co-rated entries.
  public var count = 0
  /// Σ a·b over co-rated entries (a from x, b from x').
  public var products = 0.0
  /// Σ a² and Σ b².
  public var squaresX = 0.0
  public var squaresOther = 0.0
  /// Σ a and Σ b (Pearson only).
  public var sumX = 0.0
  public var sumOther = 0.0
  /// Σ (a − b)² (MSD only).
  public var squaredDifferences = 0.0
  /// |x| and |x'|, the number of entries each row has (Jaccard only).
  public var sizeX = 0
  public var sizeOther = 0

  public init() {}

  /// Adds one co-rated entry with values a (of x) and b (of x').
  mutating func add(_ a: Double, _ b: Double) {
    count += 1
    products += a * b
    squaresX += a * a
    squaresOther += b * b
    sumX += a
    sumOther += b
    let d = a - b
    squaredDifferences += d * d
  }

  /// The similarity these sums give, 0 below `minSupport` co-rated entries
  /// or when a denominator is zero, never NaN.
  public func similarity(_ measure: SimilarityMeasure, minSupport: Int,
                         shrinkage: Double) -> Double {
    if count < minSupport || count == 0 { return 0 }
    switch measure {
    case .cosine, .adjustedCosine:
      let denominator = (squaresX * squaresOther).squareRoot()
      return denominator > 0 ? products / denominator : 0
    case .pearson:
      let n = Double(count)
      let numerator = n * products - sumX * sumOther
      let denominator = ((n * squaresX - sumX * sumX)
        * (n * squaresOther - sumOther * sumOther)).squareRoot()
      return denominator > 0 ? numerator / denominator : 0
    case .pearsonBaseline:
      let denominator = (squaresX * squaresOther).squareRoot()
      let damping = Double(count - 1) + shrinkage
      guard denominator > 0, damping != 0 else { return 0 }
      return products / denominator * (Double(count - 1) / damping)
    case .msd:
      return 1 / (squaredDifferences / Double(count) + 1)
    case .jaccard:
      return Double(count) / Double(sizeX + sizeOther - count)
    }
  }
}
