/// The regularised normal equations for one row of a factor model, the
/// step shared by alternating least squares, fold-in and provenance.
///
/// With the other side's factors f_j fixed and n entries (j, r_j), the
/// unknowns x = [v; b] (factors, then the bias when there is one) minimise
///
///     Σ_j (t_j − f_jᵀv − b)² + n·(λ‖v‖² + λ_b·b²)
///
/// where t_j = r_j − μ − b_j (biased) or r_j (unbiased). Setting the
/// gradient to zero gives (Σ_j a_j a_jᵀ + n·Λ) x = Σ_j a_j t_j with
/// a_j = [f_j; 1] and Λ = diag(λ, …, λ, λ_b): a symmetric positive
/// definite system for λ, λ_b > 0, solved by Cholesky. Scaling λ by n is
/// the weighted-λ regularisation of Zhou, Wilkinson, Schreiber and Pan
/// (2008); it is also what SGD's per-rating penalty adds up to for a row.
struct RidgeSystem {
  let factors: Int
  let biased: Bool
  let width: Int
  /// The system matrix, row-major width × width; after ``factor()`` its
  /// lower triangle holds L.
  private(set) var matrix: [Double]
  /// The right-hand side Σ a_j t_j.
  private(set) var rhs: [Double]

  init(factors: Int, biased: Bool) {
    self.factors = factors
    self.biased = biased
    width = factors + (biased ? 1 : 0)
    matrix = Array(repeating: 0, count: width * width)
    rhs = Array(repeating: 0, count: width)
  }

  /// Fills the lower triangle and the right-hand side for `entries`,
  /// summing in their order.
  /// - Parameters:
  ///   - fixed: the other side's factors, `factors` wide.
  ///   - otherBias: the other side's biases, read only when biased.
  ///   - mu: μ, subtracted only when biased.
  /// - Complexity: O(n · k²) for n entries and k factors.
  mutating func assemble<Entries: Collection>(
    _ entries: Entries, fixed: UnsafePointer<Double>,
    otherBias: UnsafePointer<Double>, mu: Double,
    lambda: Double, biasLambda: Double
  ) where Entries.Element: RatingEntry {
    let k = factors, w = width, biased = biased
    matrix.withUnsafeMutableBufferPointer { mBuffer in
      rhs.withUnsafeMutableBufferPointer { rBuffer in
        let m = mBuffer.baseAddress!, r = rBuffer.baseAddress!
        m.update(repeating: 0, count: w * w)
        r.update(repeating: 0, count: w)
        for entry in entries {
          let f = fixed + entry.other * k
          let t = biased ? entry.value - mu - otherBias[entry.other] : entry.value
          for a in 0..<k {
            VectorKernels.addScaled(m + a * w, f[a], f, a + 1)
            r[a] += t * f[a]
          }
          if biased {
            let row = m + k * w
            for c in 0..<k { row[c] += f[c] }
            row[k] += 1
            r[k] += t
          }
        }
        let n = Double(entries.count)
        for a in 0..<k { m[a * w + a] += lambda * n }
        if biased { m[k * w + k] += biasLambda * n }
      }
    }
  }

  /// Replaces the lower triangle of the matrix with its Cholesky factor.
  /// - Throws: ``FactorizationError/notPositiveDefinite(column:)``.
  mutating func factor() throws(FactorizationError) {
    let w = width
    let failed = matrix.withUnsafeMutableBufferPointer { m in
      CholeskyFactorization.factor(m.baseAddress!, w)
    }
    if let failed { throw .notPositiveDefinite(column: failed) }
  }

  /// Solves the factored system for `vector` in place.
  func solve(_ vector: UnsafeMutablePointer<Double>) {
    matrix.withUnsafeBufferPointer { m in
      CholeskyFactorization.solve(m.baseAddress!, width, vector)
    }
  }

  /// Solves the factored system for the assembled right-hand side; the
  /// factors go to `v`, the bias (when biased) is returned.
  func solution(into v: UnsafeMutablePointer<Double>) -> Double {
    var x = rhs
    x.withUnsafeMutableBufferPointer { solve($0.baseAddress!) }
    for a in 0..<factors { v[a] = x[a] }
    return biased ? x[factors] : 0
  }
}
