/// What is subtracted from a rating before a measure sees it.
///
/// Kept apart from the kernels so the explanation of a similarity shows
/// exactly the values the kernel used.
enum ValueCentring: Sendable {
  /// Raw ratings (cosine, Pearson, MSD, Jaccard).
  case none
  /// r − μ_y, the mean of the other side (adjusted cosine).
  case otherMean([Double])
  /// r − (μ + b_y + b_x) (Pearson-baseline), summed in Surprise's order.
  case baseline(globalMean: Double, x: [Double], y: [Double])

  @inline(__always)
  func value(_ rating: Double, x: Int, y: Int) -> Double {
    switch self {
    case .none: return rating
    case .otherMean(let means): return rating - means[y]
    case .baseline(let mu, let bx, let by): return rating - ((mu + by[y]) + bx[x])
    }
  }
}
