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

  /// The part of the centring fixed by y, and the per-x biases still to
  /// add, so kernels hoist the lookups out of their inner loop:
  /// value(r, x, y) = r − (shift + biases[x]), or r − shift without biases.
  @inline(__always)
  func shift(y: Int) -> (Double, [Double]?) {
    switch self {
    case .none: return (0, nil)
    case .otherMean(let means): return (means[y], nil)
    case .baseline(let mu, let bx, let by): return (mu + by[y], bx)
    }
  }
}
