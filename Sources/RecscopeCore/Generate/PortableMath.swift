/// `log` and `exp` built from addition, multiplication and division alone.
///
/// The platform math libraries may round these functions differently in
/// the last place, and a rating that lands on the edge between two levels
/// would then change from one machine to the next. IEEE 754 fixes the
/// result of the basic operations exactly, so series evaluated with them
/// give the same bits everywhere. Accuracy is a few units in the last
/// place, ample for sampling.
enum PortableMath {
  /// Natural logarithm of a positive finite `x`.
  static func log(_ x: Double) -> Double {
    precondition(x > 0 && x.isFinite, "PortableMath.log: \(x) out of domain")
    var m = x.significand  // [1, 2), exact
    var e = Double(x.exponent)
    if m > 1.4142135623730951 {
      m *= 0.5
      e += 1
    }
    // log m = 2 atanh(s) with s = (m − 1)/(m + 1), |s| < 0.172.
    let s = (m - 1) / (m + 1)
    let s2 = s * s
    var series = 1.0 / 23
    for odd in stride(from: 21.0, through: 1, by: -2) {
      series = series * s2 + 1 / odd
    }
    return e * ln2High + (e * ln2Low + 2 * s * series)
  }

  /// e raised to `x`; 0 or infinity beyond the range of `Double`.
  static func exp(_ x: Double) -> Double {
    if x.isNaN { return x }
    if x > 709.782712893384 { return .infinity }
    if x < -745.1332191019412 { return 0 }
    // x = k ln 2 + r with |r| ≤ ln 2 / 2, then e^x = 2^k e^r.
    let k = (x / (ln2High + ln2Low)).rounded()
    let r = (x - k * ln2High) - k * ln2Low
    // Taylor series to r¹⁷/17!, by Horner's rule from the small end.
    var sum = 1.0
    for n in stride(from: 17.0, through: 1, by: -1) {
      sum = 1 + sum * r / n
    }
    return scaled(sum, byPowerOfTwo: Int(k))
  }

  /// `base` raised to `power`, for a positive `base`.
  static func pow(_ base: Double, _ power: Double) -> Double {
    exp(power * log(base))
  }

  /// ln 2 split so that `k * ln2High` is exact for |k| < 2¹¹.
  private static let ln2High = 6.93147180369123816490e-01
  private static let ln2Low = 1.90821492927058770002e-10

  /// `value` × 2^k in two exact steps, so that results near the subnormal
  /// range are rounded once.
  private static func scaled(_ value: Double, byPowerOfTwo k: Int) -> Double {
    if k > 1000 {
      return value * Double(sign: .plus, exponent: 1000, significand: 1)
        * Double(sign: .plus, exponent: k - 1000, significand: 1)
    }
    if k < -1000 {
      return value * Double(sign: .plus, exponent: -1000, significand: 1)
        * Double(sign: .plus, exponent: k + 1000, significand: 1)
    }
    return value * Double(sign: .plus, exponent: k, significand: 1)
  }
}
