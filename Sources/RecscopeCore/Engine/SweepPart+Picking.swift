/// How a share picks an item's k nearest raters straight from its list.
extension SweepPart {
  /// Item j's k nearest raters with positive similarity, found by their
  /// ranks in the user's neighbour order: a histogram of the ranks finds
  /// the k-th without moving the raters. When the k-th might tie with a
  /// rater left out, ``pick(_:among:above:)`` decides by rating order.
  /// - Complexity: O(|U_j|).
  func pickByRank(_ j: Int, among raters: UnsafeBufferPointer<UserRating>,
                  _ scratch: PickScratch) {
    scratch.reserve(raters.count)
    let found = scratch.ranked
    var m = 0
    for (p, e) in raters.enumerated() {
      let r = rank[e.user.int]
      guard r != .max else { continue }
      found[m] = (r, Int32(truncatingIfNeeded: p))
      m += 1
    }
    var last = Int32.max
    if m > k {
      last = kthRank(found, m, scratch)
      let s = row[Int(order[Int(last)])]
      let next = Int(last) + 1
      if next < order.count && row[Int(order[next])] == s {
        return pick(j, among: raters, above: s)
      }
    }
    var (sumSim, sumTerm, count) = (0.0, 0.0, Int32(0))
    for n in 0..<m where found[n].rank <= last {
      let e = raters[Int(found[n].position)]
      let s = row[e.user.int]
      sumSim += s
      sumTerm += term(s, e.user.int, e.value, j)
      count += 1
    }
    (out.counts[j], out.sumSim[j], out.sumTerm[j]) = (count, sumSim, sumTerm)
  }

  /// The k-th smallest of the `m` ranks in `found` (m > k).
  private func kthRank(_ found: UnsafeMutablePointer<(rank: Int32, position: Int32)>,
                       _ m: Int, _ scratch: PickScratch) -> Int32 {
    let hist = scratch.histogram
    hist.update(repeating: 0, count: PickScratch.buckets)
    for n in 0..<m { hist[Int(found[n].rank) >> rankShift] += 1 }
    var (below, b) = (0, 0)
    while below + Int(hist[b]) < k {
      below += Int(hist[b])
      b += 1
    }
    var bucket = UnsafeMutableBufferPointer(start: scratch.bucket,
                                            count: Int(hist[b]))
    var c = 0
    for n in 0..<m where Int(found[n].rank) >> rankShift == b {
      bucket[c] = found[n].rank
      c += 1
    }
    bucket.sort()
    return bucket[k - below - 1]
  }

  /// Item j's k nearest raters when the k-th has similarity `kth` and
  /// others may share it: every rater more similar, then those as similar
  /// in the order their ratings came (Surprise's tie break) up to k.
  /// - Complexity: O(|U_j|).
  func pick(_ j: Int, among raters: UnsafeBufferPointer<UserRating>,
            above kth: Double) {
    var more = 0
    for e in raters where row[e.user.int] > kth { more += 1 }
    var ties = k - more
    var (sumSim, sumTerm, count) = (0.0, 0.0, Int32(0))
    for e in raters {
      let s = row[e.user.int]
      guard s > kth || (s == kth && ties > 0) else { continue }
      if s == kth { ties -= 1 }
      sumSim += s
      sumTerm += term(s, e.user.int, e.value, j)
      count += 1
    }
    (out.counts[j], out.sumSim[j], out.sumTerm[j]) = (count, sumSim, sumTerm)
  }
}

/// Buffers a share reuses from item to item: an item's raters with
/// positive similarity by rank, and where each is in the item's list; a
/// histogram of their ranks, and the ranks in the bucket of the k-th.
final class PickScratch {
  /// Histogram buckets: ranks are shifted down to fewer than this.
  static let buckets = 64
  private(set) var ranked: UnsafeMutablePointer<(rank: Int32, position: Int32)>
  private(set) var bucket: UnsafeMutablePointer<Int32>
  let histogram = UnsafeMutablePointer<Int32>.allocate(capacity: buckets)
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    ranked = .allocate(capacity: self.capacity)
    bucket = .allocate(capacity: self.capacity)
  }

  /// Room for `count` raters; earlier entries are not kept.
  func reserve(_ count: Int) {
    guard count > capacity else { return }
    ranked.deallocate()
    bucket.deallocate()
    capacity = count
    ranked = .allocate(capacity: count)
    bucket = .allocate(capacity: count)
  }

  deinit {
    ranked.deallocate()
    bucket.deallocate()
    histogram.deallocate()
  }
}
