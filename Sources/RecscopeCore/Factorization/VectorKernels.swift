/// The two inner loops every factor model spends its time in, written on
/// `SIMD4<Double>` so that they use vector registers on the default
/// x86-64 target, where the compiler cannot prove that two rows do not
/// overlap and so leaves plain loops scalar.
///
/// Products and sums are written as `*` then `+`, never `addProduct`:
/// without FMA in the target that becomes a library call per lane.
enum VectorKernels {
  /// Σ_f a_f b_f, summed in four interleaved partial sums (f mod 4) that
  /// are then added, then the last count mod 4 terms in order. For fewer
  /// than four terms that is the plain sequential sum.
  @inline(__always)
  static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
                  _ count: Int) -> Double {
    let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
    var partial = SIMD4<Double>()
    var f = 0
    while f + 4 <= count {
      let x = ra.loadUnaligned(fromByteOffset: f * 8, as: SIMD4<Double>.self)
      let y = rb.loadUnaligned(fromByteOffset: f * 8, as: SIMD4<Double>.self)
      partial += x * y
      f += 4
    }
    var sum = (partial[0] + partial[1]) + (partial[2] + partial[3])
    while f < count {
      sum += a[f] * b[f]
      f += 1
    }
    return sum
  }

  /// y_f += α x_f for f < count.
  @inline(__always)
  static func addScaled(_ y: UnsafeMutablePointer<Double>, _ alpha: Double,
                        _ x: UnsafePointer<Double>, _ count: Int) {
    let ry = UnsafeMutableRawPointer(y), rx = UnsafeRawPointer(x)
    let a = SIMD4<Double>(repeating: alpha)
    var f = 0
    while f + 4 <= count {
      let yv = ry.loadUnaligned(fromByteOffset: f * 8, as: SIMD4<Double>.self)
      let xv = rx.loadUnaligned(fromByteOffset: f * 8, as: SIMD4<Double>.self)
      ry.storeBytes(of: yv + a * xv, toByteOffset: f * 8, as: SIMD4<Double>.self)
      f += 4
    }
    while f < count {
      y[f] += alpha * x[f]
      f += 1
    }
  }

  /// One SGD step on a pair of rows, each entry from the values before
  /// the step: p_f += γ_p(e q_f − λ_p p_f), q_f += γ_q(e p_f − λ_q q_f).
  @inline(__always)
  static func sgdStep(_ p: UnsafeMutablePointer<Double>,
                      _ q: UnsafeMutablePointer<Double>, _ count: Int,
                      err: Double, lrP: Double, regP: Double,
                      lrQ: Double, regQ: Double) {
    let rp = UnsafeMutableRawPointer(p), rq = UnsafeMutableRawPointer(q)
    let e = SIMD4<Double>(repeating: err)
    let gp = SIMD4<Double>(repeating: lrP), lp = SIMD4<Double>(repeating: regP)
    let gq = SIMD4<Double>(repeating: lrQ), lq = SIMD4<Double>(repeating: regQ)
    var f = 0
    while f + 4 <= count {
      let pv = rp.loadUnaligned(fromByteOffset: f * 8, as: SIMD4<Double>.self)
      let qv = rq.loadUnaligned(fromByteOffset: f * 8, as: SIMD4<Double>.self)
      rp.storeBytes(of: pv + gp * (e * qv - lp * pv), toByteOffset: f * 8,
                    as: SIMD4<Double>.self)
      rq.storeBytes(of: qv + gq * (e * pv - lq * qv), toByteOffset: f * 8,
                    as: SIMD4<Double>.self)
      f += 4
    }
    while f < count {
      let puf = p[f], qif = q[f]
      p[f] += lrP * (err * qif - regP * puf)
      q[f] += lrQ * (err * puf - regQ * qif)
      f += 1
    }
  }
}
