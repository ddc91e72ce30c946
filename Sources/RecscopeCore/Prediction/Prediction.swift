/// Where an estimate came from: the method that produced the number, which
/// is a fallback when the chosen algorithm could not predict.
public enum PredictionSource: String, Sendable, Equatable, Codable {
  case globalMean = "global mean"
  case baseline
  case knn = "k-NN"
  case userMean = "user mean"
  case itemMean = "item mean"
  case content
  case hybrid
  case popularity
  /// A matrix factorization model, `svd` or `als`.
  case factorization = "MF"
}

/// An estimate r̂_ui with everything needed to show its arithmetic.
///
/// `estimate` is clipped to the rating scale; `raw` is the value before
/// clipping. `wasImpossible` follows Surprise: true when the algorithm
/// raised "impossible" and the global mean (or, outside Surprise's
/// algorithms, the stated fallback) was used instead.
public struct Prediction: Sendable {
  public var user: UserIndex?
  public var item: ItemIndex?
  public var estimate: Double
  public var raw: Double
  public var wasImpossible: Bool
  /// Why the algorithm's own formula was not used; nil when it was.
  public var reason: String?
  public var source: PredictionSource
  public var explanation: Explanation
}

/// The worked arithmetic behind a prediction: formula, terms, neighbours
/// and sums, and the fallbacks taken.
public struct Explanation: Sendable {
  /// A one-line name of the method and its settings.
  public var method: String
  /// The formula in symbols, e.g. `r̂_ui = Σ sim·r / Σ sim`.
  public var formula: String
  /// Named scalars used by the formula (μ, b_u, μ_u, σ_u, …).
  public var terms: [Term] = []
  /// The neighbours considered, best first; empty for methods without.
  public var neighbours: [NeighbourTerm] = []
  /// How many candidates there were before selecting the k nearest.
  public var candidateCount = 0
  /// Totals such as Σ sim and Σ sim·r.
  public var sums: [Term] = []
  /// The formula with the values filled in, ending in the raw value.
  public var substituted: String = ""
  /// Each fallback tried, in order, with why it was needed.
  public var fallbacks: [String] = []
  /// For a factor model: the terms, the largest factor shares and the
  /// rated items that pull the estimate up or down.
  public var factors: FactorProvenance?
  /// Facts about the model behind the number (how it was trained, what
  /// changed since).
  public var notes: [String] = []

  public init(method: String, formula: String) {
    self.method = method
    self.formula = formula
  }
}

/// A named value in an explanation, such as `μ_u = 3.5`.
public struct Term: Sendable, Equatable {
  public var name: String
  public var value: Double

  public init(_ name: String, _ value: Double) {
    self.name = name
    self.value = value
  }
}

/// One neighbour's part in a k-NN prediction.
public struct NeighbourTerm: Sendable, Equatable {
  /// Dense index on the compared side (a user when user-based).
  public var index: Int
  public var id: String
  public var similarity: Double
  /// Entries the two rows share, n in the similarity formula.
  public var coRated: Int
  /// The neighbour's rating of the target (r_vi user-based, r_uj item-based).
  public var rating: Double
  /// What is subtracted from the rating (μ_v, or the baseline b_vi); nil
  /// for the basic form.
  public var offset: Double?
  /// σ_v for the z-score form.
  public var deviation: Double?
  /// sim · (rating − offset) [/ σ], the neighbour's share of the numerator.
  public var contribution: Double
  /// False when dropped for having similarity ≤ 0.
  public var used: Bool
}
