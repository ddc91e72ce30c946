/// Which side of the rating matrix k-NN compares: users with users
/// (user-based) or items with items (item-based).
///
/// Code that serves both speaks of x (the side compared) and y (the other
/// side), as Surprise does: user-based, x is a user and y an item.
public enum Basis: String, CaseIterable, Sendable, Codable {
  case user
  case item

  public var other: Basis { self == .user ? .item : .user }
}

/// A similarity measure between two rows of the rating matrix, computed
/// over their co-rated entries only (the y both x₁ and x₂ rated).
///
/// Cosine, MSD, Pearson and Pearson-baseline follow Surprise 1.1 to the
/// digit. Adjusted cosine (Sarwar et al. 2001) centres each rating on the
/// mean of its y before taking the cosine; Jaccard compares which entries
/// were rated, not their values.
public enum SimilarityMeasure: String, CaseIterable, Sendable, Codable {
  case cosine
  case adjustedCosine = "adjusted-cosine"
  case pearson
  case pearsonBaseline = "pearson-baseline"
  case msd
  case jaccard

  /// True when values may be negative (a diverging colour scale fits).
  public var isSigned: Bool {
    switch self {
    case .pearson, .pearsonBaseline, .adjustedCosine: return true
    case .cosine, .msd, .jaccard: return false
    }
  }

  /// Whether a similarity needs the baselines b_u, b_i.
  var needsBaselines: Bool { self == .pearsonBaseline }

  /// Whether changing one rating r_xy can change pairs not involving x:
  /// true where ratings are centred on a mean of y.
  var centresOnOtherSide: Bool { self == .adjustedCosine }

  /// The formula in the notation of the explanations.
  public var formula: String {
    switch self {
    case .cosine:
      return "Σ r_x·r_x' / √(Σ r_x² · Σ r_x'²)"
    case .adjustedCosine:
      return "Σ (r_x − μ_y)(r_x' − μ_y) / √(Σ (r_x − μ_y)² · Σ (r_x' − μ_y)²)"
    case .pearson:
      return "(n·Σ r_x·r_x' − Σ r_x · Σ r_x') / "
        + "√((n·Σ r_x² − (Σ r_x)²)(n·Σ r_x'² − (Σ r_x')²))"
    case .pearsonBaseline:
      return "Σ (r_x − b_x)(r_x' − b_x') / √(Σ (r_x − b_x)² · Σ (r_x' − b_x')²)"
        + " · (n − 1)/(n − 1 + shrinkage)"
    case .msd:
      return "1 / (Σ (r_x − r_x')² / n + 1)"
    case .jaccard:
      return "n / (|x| + |x'| − n)"
    }
  }
}
