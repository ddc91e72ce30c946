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
    var scratch = PickScratch()
    for j in items where !rated[j] {
      let raters = byItem[j]
      if raters.count > max(k, directLimit) {
        swept.append(j)
      } else {
        raters.withUnsafeBufferPointer { pick(j, among: $0, &scratch) }
      }
    }
    guard !swept.isEmpty else { return }
    var slots = [Slot](repeating: Slot(), count: items.count)
    for j in swept { slots[j - items.lowerBound].count = 0 }
    slots.withUnsafeMutableBufferPointer { slots in
      sweep(order, &slots, unfilled: swept.count, byUser: byUser,
            compact: compact, half: half)
    }
    for j in swept {
      let slot = slots[j - items.lowerBound]
      guard slot.tied else {
        out.counts[j] = slot.count
        out.sumSim[j] = slot.sumSim
        out.sumTerm[j] = slot.sumTerm
        continue
      }
      // A tie at the k-th place: the tie is broken by rating order.
      byItem[j].withUnsafeBufferPointer { pick(j, among: $0, &scratch) }
    }
  }

  /// An item's progress in the sweep. Items outside the sweep start full,
  /// with a k-th similarity no neighbour can equal, so one load decides.
  struct Slot {
    var sumSim = 0.0
    var sumTerm = 0.0
    var kth = Double.infinity
    var count = Int32.max
    /// A neighbour after the k-th was as similar as the k-th.
    var tied = false
  }

  private func sweep(_ order: [Int32], _ slots: inout UnsafeMutableBufferPointer<Slot>,
                     unfilled: Int, byUser: [[ItemRating]],
                     compact: CompactRows?, half: Int) {
    let k32 = Int32(k)
    let first = items.lowerBound
    var unfilled = unfilled
    var n = 0
    while n < order.count {
      let v = Int(order[n])
      let s = row[v]
      @inline(__always) func hand(_ j: Int, _ r: Double) {
        let c = slots[j - first].count
        if c < k32 {
          slots[j - first].sumSim += s
          slots[j - first].sumTerm += term(s, v, r, j)
          slots[j - first].count = c + 1
          if c + 1 == k32 {
            slots[j - first].kth = s
            unfilled -= 1
          }
        } else if s == slots[j - first].kth {
          slots[j - first].tied = true
        }
      }
      if let compact, compact.isCurrent(v) {
        for p in compact.range(v, half: half) {
          hand(Int(compact.others[p]), Double(compact.values[p]))
        }
      } else {
        for e in byUser[v] where items.contains(e.item.int) {
          hand(e.item.int, e.value)
        }
      }
      n += 1
      // All full: only a neighbour as similar as this one could still tie
      // with some item's k-th.
      if unfilled == 0 && (n == order.count || row[Int(order[n])] != s) {
        break
      }
    }
  }

  /// Item j's k nearest raters with positive similarity, chosen as
  /// Surprise chooses them (ties at the k-th place go to the raters whose
  /// ratings came first), summed in rating order.
  /// - Complexity: O(|U_j|) expected.
  private func pick(_ j: Int, among raters: UnsafeBufferPointer<UserRating>,
                    _ scratch: inout PickScratch) {
    scratch.sims.removeAll(keepingCapacity: true)
    scratch.positions.removeAll(keepingCapacity: true)
    for (p, e) in raters.enumerated() {
      let s = row[e.user.int]
      guard s > 0 else { continue }
      scratch.sims.append(s)
      scratch.positions.append(Int32(truncatingIfNeeded: p))
    }
    var threshold = 0.0
    var tiesWanted = Int.max
    if scratch.sims.count > k {
      scratch.selection = scratch.sims
      threshold = Self.select(k - 1, inDescending: &scratch.selection)
      tiesWanted = k - scratch.selection.prefix(k)
        .reduce(0) { $0 + ($1 > threshold ? 1 : 0) }
    }
    var (sumSim, sumTerm, count) = (0.0, 0.0, Int32(0))
    for (s, p) in zip(scratch.sims, scratch.positions) where s >= threshold {
      if s == threshold {
        guard tiesWanted > 0 else { continue }
        tiesWanted -= 1
      }
      let e = raters[Int(p)]
      sumSim += s
      sumTerm += term(s, e.user.int, e.value, j)
      count += 1
    }
    (out.counts[j], out.sumSim[j], out.sumTerm[j]) = (count, sumSim, sumTerm)
  }

  /// Buffers a share reuses from item to item.
  struct PickScratch {
    /// The positive similarities of an item's raters, in rating order,
    /// and where each rater is in the item's list.
    var sims: [Double] = []
    var positions: [Int32] = []
    /// A copy of `sims` that selection reorders.
    var selection: [Double] = []
  }

  /// The value that would be at `index` were `values` sorted in
  /// descending order; `values` is left partitioned around it (larger
  /// before, smaller after).
  /// - Complexity: O(n) expected (Hoare's selection, middle pivot).
  static func select(_ index: Int, inDescending values: inout [Double]) -> Double {
    var lo = 0, hi = values.count - 1
    while lo < hi {
      let pivot = values[(lo + hi) / 2]
      var i = lo, j = hi
      while i <= j {
        while values[i] > pivot { i += 1 }
        while values[j] < pivot { j -= 1 }
        if i <= j {
          values.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if index <= j { hi = j } else if index >= i { lo = i } else { break }
    }
    return values[index]
  }
}

/// Where the shares of a sweep write: one slot per item.
struct SweepBuffers: @unchecked Sendable {
  let counts: UnsafeMutablePointer<Int32>
  let sumSim: UnsafeMutablePointer<Double>
  let sumTerm: UnsafeMutablePointer<Double>
}
