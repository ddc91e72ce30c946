/// The prediction algorithms the engine offers, by command-line name.
public enum Algorithm: String, CaseIterable, Sendable, Codable {
  /// r̂ = μ.
  case globalMean = "global-mean"
  /// r̂ = μ + b_u + b_i.
  case baseline
  /// Similarity-weighted mean of the neighbours' ratings.
  case knnBasic = "knn-basic"
  /// The same, on ratings centred on each row's mean.
  case knnMeans = "knn-means"
  /// The same, on ratings normalised to z-scores.
  case knnZScore = "knn-zscore"
  /// The same, on deviations from the baseline b_ui.
  case knnBaseline = "knn-baseline"
  /// Cosine between the user's feature profile and the item's features.
  case content
  /// A weighted blend of k-NN with means and content, content alone for
  /// users and items with too few ratings.
  case hybrid
  /// μ + b_u + b_i + q_iᵀp_u fitted by SGD: Surprise's SVD.
  case svd
  /// The same model fitted by alternating least squares.
  case als

  public var isNeighbourhood: Bool {
    switch self {
    case .knnBasic, .knnMeans, .knnZScore, .knnBaseline, .hybrid: return true
    case .globalMean, .baseline, .content, .svd, .als: return false
    }
  }

  /// Matrix factorization: a model trained once, then folded into.
  public var isFactorization: Bool { self == .svd || self == .als }

  /// A name for people, as in the explanations.
  public var title: String {
    switch self {
    case .globalMean: return "global mean"
    case .baseline: return "baseline"
    case .knnBasic: return "k-NN basic"
    case .knnMeans: return "k-NN with means"
    case .knnZScore: return "k-NN with z-score"
    case .knnBaseline: return "k-NN with baseline"
    case .content: return "content-based"
    case .hybrid: return "hybrid"
    case .svd: return "SVD (biased MF, SGD)"
    case .als: return "biased MF (ALS)"
    }
  }
}

/// Everything that decides how the engine predicts; a change recomputes
/// what depends on it.
public struct EngineSettings: Equatable, Sendable, Codable {
  public var algorithm: Algorithm = .knnBasic
  public var basis: Basis = .user
  public var similarity: SimilarityMeasure = .cosine
  /// k, the most neighbours a prediction uses.
  public var k = 40
  /// min_k, the fewest neighbours (with similarity > 0) it needs.
  public var minK = 1
  /// The fewest co-rated entries for a similarity other than 0.
  public var minSupport = 1
  /// Pearson-baseline shrinkage toward 0 for small supports.
  public var shrinkage = 100.0
  public var baselines = BaselineOptions()
  /// The hybrid's weight on k-NN; content gets 1 − weight.
  public var hybridWeight = 0.5
  /// Users and items with fewer ratings are scored by content alone.
  public var hybridMinRatings = 3
  /// Factors, epochs, rates and seed of `svd` and `als`.
  public var factorization = FactorSettings()

  public init() {}

  private enum CodingKeys: String, CodingKey {
    case algorithm, basis, similarity, k, minK, minSupport, shrinkage
    case baselines, hybridWeight, hybridMinRatings, factorization
  }

  /// Decodes settings written before factorization existed too: a
  /// missing `factorization` takes the defaults.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    algorithm = try c.decode(Algorithm.self, forKey: .algorithm)
    basis = try c.decode(Basis.self, forKey: .basis)
    similarity = try c.decode(SimilarityMeasure.self, forKey: .similarity)
    k = try c.decode(Int.self, forKey: .k)
    minK = try c.decode(Int.self, forKey: .minK)
    minSupport = try c.decode(Int.self, forKey: .minSupport)
    shrinkage = try c.decode(Double.self, forKey: .shrinkage)
    baselines = try c.decode(BaselineOptions.self, forKey: .baselines)
    hybridWeight = try c.decode(Double.self, forKey: .hybridWeight)
    hybridMinRatings = try c.decode(Int.self, forKey: .hybridMinRatings)
    factorization = try c.decodeIfPresent(
      FactorSettings.self, forKey: .factorization) ?? FactorSettings()
  }

  /// Checks ranges; returns a sentence naming the bad setting, or nil.
  public var problem: String? {
    if k < 1 { return "k must be at least 1, got \(k)" }
    if minK < 0 { return "min_k must be 0 or more, got \(minK)" }
    if minSupport < 0 { return "min_support must be 0 or more, got \(minSupport)" }
    if !(shrinkage >= 0) { return "shrinkage must be 0 or more, got \(shrinkage)" }
    if !(hybridWeight >= 0 && hybridWeight <= 1) {
      return "the hybrid weight must lie in 0…1, got \(hybridWeight)"
    }
    if hybridMinRatings < 0 {
      return "the hybrid's minimum ratings must be 0 or more, got \(hybridMinRatings)"
    }
    if algorithm.isFactorization {
      return factorization.problem(for: algorithm)
    }
    return nil
  }

  /// The k-NN settings in one line, as explanations show them.
  var neighbourhoodSummary: String {
    var s = "\(basis.rawValue)-based, \(similarity.rawValue), k=\(k), min_k=\(minK)"
    if minSupport != 1 { s += ", min_support=\(minSupport)" }
    if similarity == .pearsonBaseline { s += ", shrinkage=\(exact(shrinkage))" }
    return s
  }
}
