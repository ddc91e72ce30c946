import Testing
@testable import RecscopeCore

/// The small dense solver under ALS and fold-in.
@Suite struct CholeskyTests {
  @Test func factorsTheTextbookMatrix() throws {
    let a: [Double] = [4, 12, -16,
                       12, 37, -43,
                       -16, -43, 98]
    let c = try CholeskyFactorization(a, dimension: 3)
    #expect(c.lower == [2, 0, 0,
                        6, 1, 0,
                        -8, 5, 3])
    // A (1, 2, 3) = (−20, −43, 192).
    let x = c.solve([-20, -43, 192])
    #expect(zip(x, [1.0, 2, 3]).allSatisfy { abs($0 - $1) < 1e-12 })
  }

  @Test func solvesTheIdentityAndADiagonal() throws {
    #expect(try CholeskyFactorization([1, 0, 0, 1], dimension: 2).solve([3, -4]) == [3, -4])
    let d = try CholeskyFactorization([4, 0, 0, 9], dimension: 2)
    #expect(d.lower == [2, 0, 0, 3])
    #expect(d.solve([8, 27]) == [2, 3])
  }

  @Test func readsOnlyTheLowerTriangle() throws {
    let c = try CholeskyFactorization([4, 999, 2, 5], dimension: 2)
    #expect(c.lower == [2, 0, 1, 2])
  }

  @Test func rejectsMatricesThatAreNotPositiveDefinite() {
    #expect(throws: FactorizationError.notPositiveDefinite(column: 1)) {
      try CholeskyFactorization([1, 2, 2, 1], dimension: 2)
    }
    #expect(throws: FactorizationError.notPositiveDefinite(column: 0)) {
      try CholeskyFactorization([0, 0, 0, 1], dimension: 2)
    }
    #expect(throws: FactorizationError.self) {
      try CholeskyFactorization([1, 2, 3], dimension: 2)
    }
  }

  @Test func solvesRandomSymmetricPositiveDefiniteSystems() throws {
    for seed: UInt64 in 1...200 {
      var g = SeededGenerator(seed: seed)
      let n = 1 + g.nextIndex(below: 12)
      let m = (0..<n * n).map { _ in g.nextGaussian() }
      // A = M Mᵀ + n I is symmetric positive definite.
      var a = Array(repeating: 0.0, count: n * n)
      for i in 0..<n {
        for j in 0..<n {
          for k in 0..<n { a[i * n + j] += m[i * n + k] * m[j * n + k] }
          if i == j { a[i * n + j] += Double(n) }
        }
      }
      let x = (0..<n).map { _ in g.nextGaussian() }
      let b = (0..<n).map { i in (0..<n).reduce(0.0) { $0 + a[i * n + $1] * x[$1] } }
      let solved = try CholeskyFactorization(a, dimension: n).solve(b)
      let worst = zip(solved, x).map { abs($0 - $1) }.max() ?? 0
      #expect(worst < 1e-9, "seed \(seed), n \(n): error \(worst)")
    }
  }
}
