/// How a share picks an item's k nearest raters straight from its list.
extension SweepPart {
  /// Item j's k nearest raters with positive similarity, found by their
  /// ranks in the user's neighbour order: a histogram of the ranks finds
  /// the k-th without moving the raters. When the k-th might tie with a
  /// rater left out, ``pick(_:among:_:)`` decides by rating order.
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
      guard let kth = kthRank(k, found, m, scratch) else {
        return pick(j, among: raters, scratch)
      }
      last = kth
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

  /// The k-th smallest of `m` ranks, or nil when the neighbour after it
  /// is as similar (a rater left out might tie with the k-th).
  private func kthRank(_ k: Int,
                       _ found: UnsafeMutablePointer<(rank: Int32, position: Int32)>,
                       _ m: Int, _ scratch: PickScratch) -> Int32? {
    let hist = scratch.histogram
    hist.update(repeating: 0, count: PickScratch.buckets)
    for n in 0..<m { hist[Int(found[n].rank) >> rankShift] += 1 }
    var (below, b) = (0, 0)
    while below + Int(hist[b]) < k {
      below += Int(hist[b])
      b += 1
    }
    var bucket: [Int32] = []
    bucket.reserveCapacity(Int(hist[b]))
    for n in 0..<m where Int(found[n].rank) >> rankShift == b {
      bucket.append(found[n].rank)
    }
    bucket.sort()
    let kth = bucket[k - below - 1]
    let next = Int(kth) + 1
    if next < order.count && row[Int(order[next])] == row[Int(order[Int(kth)])] {
      return nil
    }
    return kth
  }

  /// Item j's k nearest raters with positive similarity, chosen as
  /// Surprise chooses them (ties at the k-th place go to the raters whose
  /// ratings came first), summed in the order found.
  /// - Complexity: O(|U_j|) expected.
  func pick(_ j: Int, among raters: UnsafeBufferPointer<UserRating>,
                    _ scratch: PickScratch) {
    var m = 0
    scratch.reserve(raters.count)
    let found = scratch.found
    for (p, e) in raters.enumerated() {
      let s = row[e.user.int]
      guard s > 0 else { continue }
      found[m] = (s, Int32(truncatingIfNeeded: p))
      m += 1
    }
    var (sumSim, sumTerm, count) = (0.0, 0.0, Int32(0))
    @inline(__always) func add(_ s: Double, _ p: Int32) {
      let e = raters[Int(p)]
      sumSim += s
      sumTerm += term(s, e.user.int, e.value, j)
      count += 1
    }
    if m <= k {
      for n in 0..<m { add(found[n].sim, found[n].position) }
    } else {
      let threshold = Self.select(k - 1, in: found, count: m)
      // The first k are the k largest, but some tied with the k-th may
      // have been left out in favour of later raters: then take the tied
      // ones by position.
      var tiedIn = 0, tiedAll = 0
      for n in 0..<m where found[n].sim == threshold {
        tiedAll += 1
        if n < k { tiedIn += 1 }
      }
      if tiedIn == tiedAll {
        for n in 0..<k { add(found[n].sim, found[n].position) }
      } else {
        var ties: [Int32] = []
        for n in 0..<m {
          if found[n].sim > threshold {
            add(found[n].sim, found[n].position)
          } else if found[n].sim == threshold {
            ties.append(found[n].position)
          }
        }
        for p in ties.sorted().prefix(tiedIn) { add(threshold, p) }
      }
    }
    (out.counts[j], out.sumSim[j], out.sumTerm[j]) = (count, sumSim, sumTerm)
  }

  /// Moves the `index`-th largest similarity of `found[0..<count]` to
  /// `index`, larger ones before it and smaller after, and returns it.
  /// - Complexity: O(count) expected (Hoare's selection, middle pivot).
  static func select(_ index: Int,
                     in found: UnsafeMutablePointer<(sim: Double, position: Int32)>,
                     count: Int) -> Double {
    var lo = 0, hi = count - 1
    while lo < hi {
      let pivot = found[(lo + hi) / 2].sim
      var i = lo, j = hi
      while i <= j {
        while found[i].sim > pivot { i += 1 }
        while found[j].sim < pivot { j -= 1 }
        if i <= j {
          (found[i], found[j]) = (found[j], found[i])
          i += 1
          j -= 1
        }
      }
      if index <= j { hi = j } else if index >= i { lo = i } else { break }
    }
    return found[index].sim
  }
}

/// Buffers a share reuses from item to item: an item's raters with
/// positive similarity (by similarity or by rank) and where each is in
/// the item's list, and a histogram of ranks.
final class PickScratch {
  /// Histogram buckets: ranks are shifted down to fewer than this.
  static let buckets = 64
  private(set) var found: UnsafeMutablePointer<(sim: Double, position: Int32)>
  private(set) var ranked: UnsafeMutablePointer<(rank: Int32, position: Int32)>
  let histogram = UnsafeMutablePointer<Int32>.allocate(capacity: buckets)
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    found = .allocate(capacity: self.capacity)
    ranked = .allocate(capacity: self.capacity)
  }

  /// Room for `count` raters; earlier entries are not kept.
  func reserve(_ count: Int) {
    guard count > capacity else { return }
    found.deallocate()
    ranked.deallocate()
    capacity = count
    found = .allocate(capacity: count)
    ranked = .allocate(capacity: count)
  }

  deinit {
    found.deallocate()
    ranked.deallocate()
    histogram.deallocate()
  }
}
