/// Constant-time sampling from a fixed discrete distribution (Walker's
/// alias method, with Vose's construction).
///
/// Column `i` is picked uniformly, then kept with probability
/// `threshold[i]` or replaced by `alias[i]`; the columns are filled so
/// that every outcome ends up with probability proportional to its weight.
struct AliasTable {
  private var threshold: [Double]
  private var alias: [Int32]

  /// - Precondition: `weights` is non-empty, each weight finite and ≥ 0,
  ///   and their sum positive.
  /// - Complexity: O(n).
  init(weights: [Double]) {
    let n = weights.count
    precondition(n > 0, "AliasTable: no weights")
    var total = 0.0
    for w in weights {
      precondition(w >= 0 && w.isFinite, "AliasTable: weight \(w)")
      total += w
    }
    precondition(total > 0, "AliasTable: weights sum to zero")

    var scaled = weights.map { $0 * Double(n) / total }
    threshold = Array(repeating: 1, count: n)
    alias = Array(0..<Int32(n))
    var small: [Int] = [], large: [Int] = []
    for i in 0..<n {
      if scaled[i] < 1 { small.append(i) } else { large.append(i) }
    }
    while let s = small.last, let l = large.last {
      small.removeLast()
      threshold[s] = scaled[s]
      alias[s] = Int32(l)
      scaled[l] -= 1 - scaled[s]
      if scaled[l] < 1 {
        large.removeLast()
        small.append(l)
      }
    }
    // What remains on either list is 1 up to rounding: keep it whole.
  }

  var count: Int { threshold.count }

  /// One outcome, in `0..<count`.
  /// - Complexity: O(1).
  func sample(using random: inout RandomSource) -> Int {
    let column = random.below(threshold.count)
    return random.unit() < threshold[column] ? column : Int(alias[column])
  }
}
