/// The arithmetic behind one similarity sim(x, x′): the co-rated entries,
/// the values the measure used, the sums and the formula filled in.
public struct SimilarityExplanation: Sendable {
  public struct Entry: Sendable, Equatable {
    /// Dense index on the other side (an item when user-based).
    public var other: Int
    public var id: String
    /// r_x and r_x′ as rated.
    public var rating: Double
    public var otherRating: Double
    /// The values the measure used (centred, or the ratings themselves).
    public var value: Double
    public var otherValue: Double
  }

  public var basis: Basis
  public var measure: SimilarityMeasure
  public var x: Int
  public var otherX: Int
  public var xID: String
  public var otherID: String
  public var value: Double
  public var entries: [Entry]
  public var sums: PairSums
  public var formula: String
  public var substituted: String
  /// Why the value is 0 or 1 by rule rather than by formula, if it is.
  public var note: String?
}

extension Engine {
  /// The y both x and x′ rated, in ascending order.
  public func coRated(_ x: Int, _ x2: Int) -> [Int] {
    explainSimilarity(x, x2).entries.map(\.other)
  }

  /// sim(x, x′) worked out term by term; its value equals the engine's.
  public func explainSimilarity(_ x: Int, _ x2: Int) -> SimilarityExplanation {
    let basis = settings.basis
    let measure = settings.similarity
    let c = store.centring
    let (sums, terms) = basis == .user
      ? pairSums(x, x2, own: ratings.byUser, centring: c)
      : pairSums(x, x2, own: ratings.byItem, centring: c)
    let otherIDs = basis == .user ? ratings.itemIDs : ratings.userIDs
    let entries = terms.map {
      SimilarityExplanation.Entry(other: $0.y, id: otherIDs[$0.y], rating: $0.ra,
                                  otherRating: $0.rb, value: $0.a, otherValue: $0.b)
    }
    var value = sums.similarity(measure, minSupport: settings.minSupport,
                                shrinkage: settings.shrinkage)
    var note: String?
    if x == x2 {
      value = 1
      note = "a row is fully similar to itself by definition"
    } else if sums.count < settings.minSupport || sums.count == 0 {
      note = "\(sums.count) co-rated, fewer than min_support = \(settings.minSupport): 0"
    } else if value == 0 {
      note = measure == .pearsonBaseline && sums.count == 1
        ? "one co-rated entry: the shrinkage factor (n − 1)/(n − 1 + shrinkage) is 0"
        : "a zero denominator (no variation) gives 0"
    }
    return SimilarityExplanation(
      basis: basis, measure: measure, x: x, otherX: x2,
      xID: id(ofRow: x), otherID: id(ofRow: x2), value: value, entries: entries,
      sums: sums, formula: "sim = " + measure.formula,
      substituted: Self.substitute(measure, sums, settings.shrinkage, value),
      note: note)
  }

  static func substitute(_ m: SimilarityMeasure, _ s: PairSums, _ shrinkage: Double,
                         _ value: Double) -> String {
    let d = { (v: Double) in display(v) }
    let n = Double(s.count)
    let result = d(value)
    switch m {
    case .cosine, .adjustedCosine:
      return "sim = \(d(s.products)) / √(\(d(s.squaresX)) · \(d(s.squaresOther)))"
        + " = \(result)"
    case .pearson:
      let num = n * s.products - s.sumX * s.sumOther
      let left = n * s.squaresX - s.sumX * s.sumX
      let right = n * s.squaresOther - s.sumOther * s.sumOther
      return "sim = (\(s.count)·\(d(s.products)) − \(d(s.sumX))·\(d(s.sumOther))) / "
        + "√(\(d(left)) · \(d(right))) = \(d(num)) / √\(d(left * right)) = \(result)"
    case .pearsonBaseline:
      return "sim = \(d(s.products)) / √(\(d(s.squaresX)) · \(d(s.squaresOther)))"
        + " · \(s.count - 1)/(\(s.count - 1) + \(d(shrinkage))) = \(result)"
    case .msd:
      return "sim = 1 / (\(d(s.squaredDifferences)) / \(s.count) + 1) = \(result)"
    case .jaccard:
      return "sim = \(s.count) / (\(s.sizeX) + \(s.sizeOther) − \(s.count)) = \(result)"
    }
  }
}
