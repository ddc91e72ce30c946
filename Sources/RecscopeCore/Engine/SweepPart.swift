/// One share of a top-N sweep: a run of the user's neighbours, most
/// similar first, and for every large item the first k of them who rated
/// it (their similarity and their term of the numerator), in order.
struct SweepPart: Sendable {
  private(set) var counts: [Int32] = []
  private(set) var sims: [Double] = []
  private(set) var terms: [Double] = []
  /// A neighbour after an item's k-th, in this share, was as similar.
  private(set) var tiedBeyond: [Bool] = []
  private var k = 0

  init() {}

  init(order: ArraySlice<Int32>, row: [Double], large: [Bool], k: Int,
       byUser: [[ItemRating]], compact: CompactRows?,
       context: Engine.KNNContext) {
    let items = large.count
    self.k = k
    counts = Array(repeating: 0, count: items)
    sims = Array(repeating: 0, count: items * k)
    terms = Array(repeating: 0, count: items * k)
    tiedBeyond = Array(repeating: false, count: items)
    let k32 = Int32(k)
    counts.withUnsafeMutableBufferPointer { counts in
    sims.withUnsafeMutableBufferPointer { sims in
    terms.withUnsafeMutableBufferPointer { terms in
    tiedBeyond.withUnsafeMutableBufferPointer { tiedBeyond in
    large.withUnsafeBufferPointer { large in
      for v32 in order {
        let v = Int(v32)
        let s = row[v]
        @inline(__always) func hand(_ j: Int, _ r: Double) {
          guard large[j] else { return }
          let c = counts[j]
          if c < k32 {
            sims[j * k + Int(c)] = s
            terms[j * k + Int(c)] = context.term(s, v, r, j)
            counts[j] = c + 1
          } else if s == sims[j * k + k - 1] {
            tiedBeyond[j] = true
          }
        }
        if let compact, compact.isCurrent(v) {
          for p in compact.offsets[v]..<compact.offsets[v + 1] {
            hand(Int(compact.others[p]), Double(compact.values[p]))
          }
        } else {
          byUser[v].withUnsafeBufferPointer { list in
            for e in list { hand(e.item.int, e.value) }
          }
        }
      }
    }}}}}
  }

  /// Item j's sums from the shares in order: the first k overall, and
  /// whether the next one ties with the k-th, whose similarity is left in
  /// `kth` (then the caller redoes the item with the exact, rating-ordered
  /// tie break).
  static func merge(_ parts: [SweepPart], item j: Int, k: Int,
                    sumSim: inout Double, sumRatings: inout Double,
                    count: inout Int32, tied: inout Bool, kth: inout Double) {
    var taken = 0
    var last = 0.0
    for (n, part) in parts.enumerated() {
      let available = Int(part.counts[j])
      let use = min(available, k - taken)
      for e in 0..<use {
        sumSim += part.sims[j * k + e]
        sumRatings += part.terms[j * k + e]
        last = part.sims[j * k + e]
      }
      taken += use
      guard taken == k else { continue }
      // The k-th is in this share: does the next neighbour tie with it?
      if use < available {
        tied = part.sims[j * k + use] == last
      } else if available == k && part.tiedBeyond[j] {
        tied = true
      } else if n + 1 < parts.count && parts[n + 1].counts[j] > 0 {
        tied = parts[n + 1].sims[j * k] == last
      }
      break
    }
    count = Int32(taken)
    kth = last
  }
}
