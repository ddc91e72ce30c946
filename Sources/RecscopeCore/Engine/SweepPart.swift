/// One thread's share of a user's top-N k-NN sums: every unrated item in
/// one range gets the sum of its k nearest raters' similarities and terms.
///
/// Items with few raters pick their k nearest straight from their rater
/// lists. The others are filled by a sweep over the user's neighbours,
/// most similar first, each handing their ratings to the items until an
/// item has k; the sweep stops once every item of the range is full,
/// which comes early because those items are popular. Items are split
/// between threads, not neighbours, so no merge is needed.
struct SweepPart<Term: SweepTerm> {
  let items: Range<Int>
  let k: Int
  let row: UnsafeBufferPointer<Double>
  let term: Term
  /// Where the sums go, at each item's index (shares write disjoint
  /// ranges).
  let out: SweepBuffers

  /// Fills `out` for the items in `items` not in `rated`.
  /// - Parameters:
  ///   - order: the neighbours with positive similarity, most similar
  ///     first.
  ///   - half: which side of the compact rows' pivot `items` lies on, or
  ///     -1 for all of it.
  ///   - directLimit: items with at most this many raters pick directly.
  /// - Complexity: O(Σ_{direct j} |U_j| + Σ_{v read} |I_v ∩ items|).
  func run(order: [Int32], rated: UnsafeBufferPointer<Bool>,
           byItem: [[UserRating]], byUser: [[ItemRating]],
           compact: CompactRows?, half: Int, directLimit: Int) {
    var swept: [Int] = []
    let scratch = PickScratch(capacity: directLimit)
    for j in items where !rated[j] {
      let raters = byItem[j]
      if raters.count > max(k, directLimit) {
        swept.append(j)
      } else {
        raters.withUnsafeBufferPointer { pick(j, among: $0, scratch) }
      }
    }
    guard !swept.isEmpty else { return }
    // Items outside the sweep count as full, so one load decides.
    var counts = [Int32](repeating: .max, count: items.count)
    var tied = [Bool](repeating: false, count: items.count)
    for j in swept {
      counts[j - items.lowerBound] = 0
      (out.sumSim[j], out.sumTerm[j]) = (0, 0)
    }
    counts.withUnsafeMutableBufferPointer { counts in
      tied.withUnsafeMutableBufferPointer { tied in
        sweep(order, counts, tied, unfilled: swept.count, byUser: byUser,
              compact: compact, half: half)
      }
    }
    for j in swept {
      out.counts[j] = counts[j - items.lowerBound]
      guard tied[j - items.lowerBound] else { continue }
      // Maybe a tie at the k-th place: broken by rating order.
      byItem[j].withUnsafeBufferPointer { pick(j, among: $0, scratch) }
    }
  }

  /// Hands each neighbour's ratings to the swept items (count < k) until
  /// all are full. An item filled by a neighbour whose similarity the
  /// next neighbour shares is marked `tied`: a later rater might tie
  /// with its k-th.
  private func sweep(_ order: [Int32], _ counts: UnsafeMutableBufferPointer<Int32>,
                     _ tied: UnsafeMutableBufferPointer<Bool>, unfilled: Int,
                     byUser: [[ItemRating]], compact: CompactRows?, half: Int) {
    let k32 = Int32(k)
    let first = items.lowerBound
    let (sumSim, sumTerm) = (out.sumSim, out.sumTerm)
    var unfilled = unfilled
    var n = 0
    while n < order.count {
      let v = Int(order[n])
      let s = row[v]
      n += 1
      let sharedWithNext = n < order.count && row[Int(order[n])] == s
      @inline(__always) func hand(_ j: Int, _ r: Double) {
        let c = counts[j - first]
        guard c < k32 else { return }
        sumSim[j] += s
        sumTerm[j] += term(s, v, r, j)
        counts[j - first] = c + 1
        if c + 1 == k32 {
          unfilled -= 1
          tied[j - first] = sharedWithNext
        }
      }
      if let compact, compact.isCurrent(v) {
        compact.others.withUnsafeBufferPointer { others in
          compact.values.withUnsafeBufferPointer { values in
            for p in compact.range(v, half: half) {
              hand(Int(others[p]), Double(values[p]))
            }
          }
        }
      } else {
        for e in byUser[v] where items.contains(e.item.int) {
          hand(e.item.int, e.value)
        }
      }
      // All full: a later neighbour could only tie, and ties are marked.
      if unfilled == 0 { break }
    }
  }

  /// Item j's k nearest raters with positive similarity, chosen as
  /// Surprise chooses them (ties at the k-th place go to the raters whose
  /// ratings came first), summed in the order found.
  /// - Complexity: O(|U_j|) expected.
  private func pick(_ j: Int, among raters: UnsafeBufferPointer<UserRating>,
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

/// The positive similarities of an item's raters and their places in its
/// list: a buffer each share reuses from item to item.
final class PickScratch {
  private(set) var found: UnsafeMutablePointer<(sim: Double, position: Int32)>
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    found = .allocate(capacity: self.capacity)
  }

  /// Room for `count` entries; earlier entries are not kept.
  func reserve(_ count: Int) {
    guard count > capacity else { return }
    found.deallocate()
    capacity = count
    found = .allocate(capacity: count)
  }

  deinit { found.deallocate() }
}

/// Where the shares of a sweep write: one slot per item.
struct SweepBuffers: @unchecked Sendable {
  let counts: UnsafeMutablePointer<Int32>
  let sumSim: UnsafeMutablePointer<Double>
  let sumTerm: UnsafeMutablePointer<Double>
}
