/// One thread's share of a user's top-N k-NN sums: every unrated item of
/// the share gets the sum of its k nearest raters' similarities and terms.
///
/// Items with few raters pick their k nearest straight from their rater
/// lists. The others are filled by a sweep over the user's neighbours,
/// most similar first, each handing their ratings to the items until an
/// item has k; the sweep stops once every item of the share is full.
/// Shares hold items of like popularity, so the most popular stop
/// earliest. Items are split between threads, not neighbours, so no merge
/// is needed.
struct SweepPart<Term: SweepTerm> {
  /// The items of this share, in index order.
  let items: [Int]
  let k: Int
  /// The user's similarity to each other user.
  let row: UnsafeBufferPointer<Double>
  /// The neighbours with positive similarity, most similar first, and
  /// each user's place in that order (`Int32.max` for the others).
  let order: [Int32]
  let rank: UnsafeBufferPointer<Int32>
  /// Ranks shifted right by this fall in fewer than
  /// `PickScratch.buckets` buckets.
  let rankShift: Int
  let term: Term
  /// Where the sums go, at each item's index (shares write disjoint
  /// items).
  let out: SweepBuffers

  /// Fills `out` for the items in `items` not in `rated`.
  /// - Parameters:
  ///   - part: which part of the compact rows `items` is, or nil for all
  ///     of them.
  ///   - directLimit: items with at most this many raters pick directly.
  /// - Complexity: O(Σ_{direct j} |U_j| + Σ_{v read} |I_v ∩ items|).
  func run(rated: UnsafeBufferPointer<Bool>,
           byItem: [[UserRating]], byUser: [[ItemRating]],
           compact: CompactRows?, part: Int?, directLimit: Int) {
    var swept: [Int] = []
    let scratch = PickScratch(capacity: directLimit)
    for j in items where !rated[j] {
      let raters = byItem[j]
      if raters.count > max(k, directLimit) {
        swept.append(j)
      } else {
        raters.withUnsafeBufferPointer { pickByRank(j, among: $0, scratch) }
      }
    }
    guard !swept.isEmpty else { return }
    // Items outside the sweep count as full, so one load decides.
    var counts = [Int32](repeating: .max, count: rated.count)
    // The k-th similarity of an item filled inside a run of neighbours
    // as similar as each other; nan for the others.
    var tiedAt = [Double](repeating: .nan, count: rated.count)
    for j in swept {
      counts[j] = 0
      (out.sumSim[j], out.sumTerm[j]) = (0, 0)
    }
    counts.withUnsafeMutableBufferPointer { counts in
      tiedAt.withUnsafeMutableBufferPointer { tiedAt in
        sweep(counts, tiedAt, unfilled: swept.count, byUser: byUser,
              compact: compact, part: part)
      }
    }
    for j in swept {
      out.counts[j] = counts[j]
      guard !tiedAt[j].isNaN else { continue }
      // Maybe a tie at the k-th place: broken by rating order.
      byItem[j].withUnsafeBufferPointer { pick(j, among: $0, above: tiedAt[j]) }
    }
  }

  /// Hands each neighbour's ratings to the swept items (count < k) until
  /// all are full. An item filled by a neighbour whose similarity the
  /// next neighbour shares gets that similarity in `tiedAt`: a later
  /// rater might tie with its k-th.
  private func sweep(_ counts: UnsafeMutableBufferPointer<Int32>,
                     _ tiedAt: UnsafeMutableBufferPointer<Double>, unfilled: Int,
                     byUser: [[ItemRating]], compact: CompactRows?, part: Int?) {
    let k32 = Int32(k)
    let (sumSim, sumTerm) = (out.sumSim, out.sumTerm)
    var unfilled = unfilled
    var n = 0
    while n < order.count {
      let v = Int(order[n])
      let s = row[v]
      n += 1
      let sharedWithNext = n < order.count && row[Int(order[n])] == s
      @inline(__always) func hand(_ j: Int, _ r: Double) {
        let c = counts[j]
        guard c < k32 else { return }
        sumSim[j] += s
        sumTerm[j] += term(s, v, r, j)
        counts[j] = c + 1
        if c + 1 == k32 {
          unfilled -= 1
          if sharedWithNext { tiedAt[j] = s }
        }
      }
      if let compact, compact.isCurrent(v) {
        compact.others.withUnsafeBufferPointer { others in
          compact.values.withUnsafeBufferPointer { values in
            for p in compact.range(v, part: part) {
              hand(Int(others[p]), Double(values[p]))
            }
          }
        }
      } else {
        // Items of other shares count as full here.
        for e in byUser[v] { hand(e.item.int, e.value) }
      }
      // All full: a later neighbour could only tie, and ties are marked.
      if unfilled == 0 { break }
    }
  }
}

/// Where the shares of a sweep write: one slot per item.
struct SweepBuffers: @unchecked Sendable {
  let counts: UnsafeMutablePointer<Int32>
  let sumSim: UnsafeMutablePointer<Double>
  let sumTerm: UnsafeMutablePointer<Double>
}
