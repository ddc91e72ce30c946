/// A neighbour's term of a k-NN numerator, one type per form so that the
/// top-N sweep, which computes a term per rating it hands out, is compiled
/// for each form with no branch on it. Each writes the form exactly as
/// ``Engine/KNNContext/term(_:_:_:_:)`` does, so the digits agree.
protocol SweepTerm: Sendable {
  /// The term for neighbour v, with similarity s and rating r of item or
  /// user y.
  func callAsFunction(_ s: Double, _ v: Int, _ r: Double, _ y: Int) -> Double
}

/// k-NN basic: sim · r.
struct PlainTerm: SweepTerm {
  @inline(__always)
  func callAsFunction(_ s: Double, _ v: Int, _ r: Double, _ y: Int) -> Double {
    s * r
  }
}

/// k-NN with means: sim · (r − μ_v).
struct MeanCentredTerm: SweepTerm {
  let means: [Double]

  @inline(__always)
  func callAsFunction(_ s: Double, _ v: Int, _ r: Double, _ y: Int) -> Double {
    s * (r - means[v])
  }
}

/// k-NN with z-score: sim · (r − μ_v) / σ_v.
struct ZScoreTerm: SweepTerm {
  let means: [Double]
  let deviations: [Double]

  @inline(__always)
  func callAsFunction(_ s: Double, _ v: Int, _ r: Double, _ y: Int) -> Double {
    s * (r - means[v]) / deviations[v]
  }
}

/// k-NN with baseline: sim · (r − b_vy), b_vy = μ + b_v + b_y.
struct BaselineTerm: SweepTerm {
  let mu: Double
  let bx: [Double]
  let by: [Double]

  @inline(__always)
  func callAsFunction(_ s: Double, _ v: Int, _ r: Double, _ y: Int) -> Double {
    s * (r - (mu + bx[v] + by[y]))
  }
}
