extension SyntheticData {
  /// Splits `total` ratings among users with the given activity weights:
  /// each user gets at least 1 and at most `cap`, and otherwise a share
  /// as close to proportional as whole numbers allow.
  ///
  /// Users whose proportional share would pass the cap are capped first,
  /// heaviest first, and the rest is shared among the others; rounding
  /// leftovers go one at a time to the heaviest users.
  /// - Precondition: `weights.count ≤ total ≤ weights.count * cap`, every
  ///   weight positive.
  /// - Complexity: O(N log N).
  static func degrees(total: Int, weights: [Double], cap: Int) -> [Int] {
    let n = weights.count
    let (pairs, overflow) = n.multipliedReportingOverflow(by: cap)
    precondition(n > 0 && total >= n && (overflow || total <= pairs),
                 "SyntheticData.degrees: \(total) ratings for \(n) users")
    var degree = Array(repeating: 1, count: n)
    var remaining = total - n
    let room = cap - 1
    guard remaining > 0 else { return degree }

    let order = (0..<n).sorted {
      weights[$0] > weights[$1] || (weights[$0] == weights[$1] && $0 < $1)
    }
    var weightLeft = weights.reduce(0, +)
    var first = 0
    while first < n && remaining >= room {
      let u = order[first]
      guard Double(remaining) * weights[u] >= Double(room) * weightLeft
      else { break }
      degree[u] += room
      remaining -= room
      weightLeft -= weights[u]
      first += 1
    }

    if first < n {
      let shared = Double(remaining)
      let sum = order[first...].reduce(0) { $0 + weights[$1] }
      for u in order[first...] {
        let share = Int((shared * weights[u] / sum).rounded(.down))
        let add = min(share, room, remaining)
        degree[u] += add
        remaining -= add
      }
    }
    var position = 0
    while remaining > 0 {
      let u = order[position]
      if degree[u] < cap {
        degree[u] += 1
        remaining -= 1
      }
      position = (position + 1) % n
    }
    return degree
  }

  /// Log-normal weights, exp(σ z) with z standard normal: most users
  /// rate a little and a few a great deal; most items are rated a little
  /// and a few by nearly everyone.
  static func logNormalWeights(count: Int, spread: Double,
                               using random: inout RandomSource) -> [Double] {
    (0..<count).map { _ in PortableMath.exp(spread * random.normal()) }
  }
}
