/// Round numbers to mark an axis with: steps of 1, 2, 2.5 or 5 times a
/// power of ten, and labels with as many decimals as the step needs.
struct AxisTicks: Equatable {
  var values: [Double]
  var labels: [String]

  /// Between 3 (or `limit`, if smaller) and `limit` ticks on multiples
  /// of a round step. When `widening`, the range is widened to the
  /// nearest multiples, so the first and last tick are its ends, and of
  /// the steps that fit, the one that widens it least is taken (the
  /// smaller step on a tie); otherwise the ticks lie inside the range,
  /// on the smallest step that keeps them to `limit`.
  /// - Precondition: the range is finite with lower < upper; limit ≥ 2.
  init(_ range: ClosedRange<Double>, limit: Int, widening: Bool) {
    precondition(range.lowerBound < range.upperBound && limit >= 2,
                 "AxisTicks: empty range \(range) or limit \(limit) < 2")
    let span = range.upperBound - range.lowerBound
    let fewest = min(3, limit)
    var exponent = Int((span / Double(limit)).log10Floor) - 1
    var best: (first: Double, count: Int, step: Double, decimals: Int)?
    search: while true {
      for multiple in [1.0, 2.0, 2.5, 5.0] {
        let step = multiple * Self.power(exponent)
        // A bound a hair off a multiple (1.9 / 0.1 = 18.999…) counts as
        // on it.
        let low = range.lowerBound / step, high = range.upperBound / step
        let slack = 1e-9 * max(1, abs(low), abs(high))
        let first = widening
          ? (low + slack).rounded(.down) : (low - slack).rounded(.up)
        let last = widening
          ? (high - slack).rounded(.up) : (high + slack).rounded(.down)
        let count = Int(last - first) + 1
        guard count <= limit else { continue }
        let decimals = max(0, -exponent + (multiple == 2.5 ? 1 : 0))
        if best == nil || (widening && count >= fewest
          && Double(count - 1) * step < Double(best!.count - 1) * best!.step) {
          best = (first, count, step, decimals)
        }
        // Larger steps give no more ticks, over a range no narrower.
        if !widening || count <= fewest { break search }
      }
      exponent += 1
    }
    let chosen = best!
    values = (0..<max(chosen.count, 0)).map {
      (chosen.first + Double($0)) * chosen.step
    }
    labels = values.map { Self.label($0, decimals: chosen.decimals) }
  }

  /// Ticks at given places, each labelled with the fewest decimals (up
  /// to 4) that give its value: `0.1`, `1`, `10`.
  init(at values: [Double]) {
    self.values = values
    labels = values.map { v in
      let d = (0...4).first { d in
        let scaled = v * Self.power(d)
        return abs(scaled - scaled.rounded()) < 1e-9 * max(1, abs(scaled))
      } ?? 4
      return Self.label(v, decimals: d)
    }
  }

  /// `value` with exactly `decimals` decimals: `0.90`, `12`, `-1.5`.
  static func label(_ value: Double, decimals: Int) -> String {
    guard value.isFinite, abs(value) < 1e15 else {
      return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf")
    }
    let scale = power(decimals)
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9e15 else { return String(value) }
    let digits = String(Int64(scaled))
    let padded = String(repeating: "0",
                        count: max(0, decimals + 1 - digits.count)) + digits
    let sign = value < 0 && scaled != 0 ? "-" : ""
    guard decimals > 0 else { return sign + padded }
    return sign + padded.dropLast(decimals) + "." + padded.suffix(decimals)
  }

  static func power(_ exponent: Int) -> Double {
    var p = 1.0
    for _ in 0..<abs(exponent) { p *= 10 }
    return exponent < 0 ? 1 / p : p
  }
}

private extension Double {
  /// ⌊log₁₀ x⌋ for x > 0, found by stepping, which is exact where the
  /// C library's log10 can land a hair below a power of ten.
  var log10Floor: Double {
    var e = 0.0
    var x = self
    while x >= 10 { x /= 10; e += 1 }
    while x < 1 { x *= 10; e -= 1 }
    return e
  }
}
