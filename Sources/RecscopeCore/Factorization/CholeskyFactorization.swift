/// The factorisation A = L Lᵀ of a symmetric positive definite matrix,
/// with L lower triangular, and the two triangular solves that then give
/// x in A x = b.
///
/// Every solve in the factor models is a small regularised normal
/// equation (one row per factor), which is symmetric positive definite
/// whenever the regularisation is above 0; Cholesky is the cheapest
/// stable method for exactly that case (n³/6 multiply-adds), so no
/// general solver or LAPACK is needed.
public struct CholeskyFactorization: Sendable, Equatable {
  public let dimension: Int
  /// L, row-major n × n, zero above the diagonal.
  public let lower: [Double]

  /// Factors a row-major n × n matrix; only its lower triangle is read.
  /// - Throws: ``FactorizationError/notPositiveDefinite(column:)`` when a
  ///   pivot is not above 0, ``FactorizationError/dimensionMismatch(_:)``
  ///   when `matrix.count != dimension²`.
  /// - Complexity: O(n³).
  public init(_ matrix: [Double], dimension n: Int) throws(FactorizationError) {
    guard n >= 0, matrix.count == n * n else {
      throw .dimensionMismatch(
        "a \(n)×\(n) matrix needs \(n * n) entries, got \(matrix.count)")
    }
    var l = matrix
    let failed = l.withUnsafeMutableBufferPointer { a in
      Self.factor(a.baseAddress!, n)
    }
    if let failed { throw .notPositiveDefinite(column: failed) }
    for i in 0..<n { for j in (i + 1)..<n { l[i * n + j] = 0 } }
    dimension = n
    lower = l
  }

  /// x with A x = b. - Precondition: `b.count == dimension`.
  /// - Complexity: O(n²).
  public func solve(_ b: [Double]) -> [Double] {
    precondition(b.count == dimension, "CholeskyFactorization.solve: "
                 + "\(b.count) values for \(dimension)")
    var x = b
    lower.withUnsafeBufferPointer { l in
      x.withUnsafeMutableBufferPointer { x in
        Self.solve(l.baseAddress!, dimension, x.baseAddress!)
      }
    }
    return x
  }

  /// Overwrites the lower triangle of the row-major n × n matrix at `a`
  /// with L (the upper triangle is left as it was); returns the column of
  /// the first pivot that is not above 0, or nil on success.
  static func factor(_ a: UnsafeMutablePointer<Double>, _ n: Int) -> Int? {
    for i in 0..<n {
      let rowI = a + i * n
      for j in 0...i {
        let rowJ = a + j * n
        var s = rowI[j]
        for m in 0..<j { s -= rowI[m] * rowJ[m] }
        if i == j {
          guard s > 0, s.isFinite else { return i }
          rowI[i] = s.squareRoot()
        } else {
          rowI[j] = s / rowJ[j]
        }
      }
    }
    return nil
  }

  /// Solves L Lᵀ x = b in place (`b` becomes x), L as left by ``factor``.
  static func solve(_ l: UnsafePointer<Double>, _ n: Int,
                    _ b: UnsafeMutablePointer<Double>) {
    for i in 0..<n {
      var s = b[i]
      let row = l + i * n
      for m in 0..<i { s -= row[m] * b[m] }
      b[i] = s / row[i]
    }
    var i = n - 1
    while i >= 0 {
      var s = b[i]
      for m in (i + 1)..<n { s -= l[m * n + i] * b[m] }
      b[i] = s / l[i * n + i]
      i -= 1
    }
  }
}
