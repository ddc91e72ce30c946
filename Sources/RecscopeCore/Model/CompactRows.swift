/// A flat copy of one side's rating lists (CSR: offsets, indices, values
/// as `Float`), for loops that stream through many lists at once and are
/// bound by memory traffic: half the bytes of the lists themselves, and
/// no pointer to chase per list.
///
/// Each row is cut at one pivot index of the other side, entries below
/// it first, so that two threads can each take one side of every row:
/// the pivot halves the ratings.
///
/// Edits do not update it; they mark a row stale, and readers fall back to
/// the live list for stale rows. It only exists when every rating is
/// exact as a `Float` (as 0.5-steps are), so results do not change.
struct CompactRows: Sendable {
  private(set) var offsets: [Int]
  private(set) var others: [Int32]
  private(set) var values: [Float]
  /// Where row x's entries with an index at or past `pivot` begin.
  private(set) var cuts: [Int]
  /// Indices below it are in the first half of every row.
  let pivot: Int
  private var stale: [Bool]
  /// Rows marked stale since the copy was made.
  private(set) var staleCount = 0

  /// nil when a rating would change in the trip through `Float`.
  /// - Parameter otherCount: the number of indices on the other side.
  /// - Complexity: O(|R|).
  init?<X: RatingEntry>(_ rows: [[X]], otherCount: Int) {
    var perOther = [Int](repeating: 0, count: otherCount)
    var total = 0
    for row in rows {
      for e in row {
        guard Double(Float(e.value)) == e.value else { return nil }
        perOther[e.other] += 1
      }
      total += row.count
    }
    var seen = 0
    let pivot = perOther.firstIndex { n in
      seen += n
      return seen * 2 >= total
    }.map { $0 + 1 } ?? otherCount
    var offsets = [Int](repeating: 0, count: rows.count + 1)
    var cuts = [Int](repeating: 0, count: rows.count)
    var others: [Int32] = []
    var values: [Float] = []
    others.reserveCapacity(total)
    values.reserveCapacity(total)
    // Each row in two runs, below the pivot then past it, each in the
    // row's own order.
    for (x, row) in rows.enumerated() {
      for below in [true, false] {
        if !below { cuts[x] = others.count }
        for e in row where (e.other < pivot) == below {
          others.append(Int32(truncatingIfNeeded: e.other))
          values.append(Float(e.value))
        }
      }
      offsets[x + 1] = others.count
    }
    self.pivot = pivot
    self.offsets = offsets
    self.others = others
    self.values = values
    self.cuts = cuts
    stale = Array(repeating: false, count: rows.count)
  }

  /// Row x's entries on one side of the pivot: half 0 below, 1 at or
  /// past, and the whole row for any other half.
  @inline(__always) func range(_ x: Int, half: Int) -> Range<Int> {
    switch half {
    case 0: return offsets[x]..<cuts[x]
    case 1: return cuts[x]..<offsets[x + 1]
    default: return offsets[x]..<offsets[x + 1]
    }
  }

  /// Whether row x is in the copy and unchanged since.
  @inline(__always) func isCurrent(_ x: Int) -> Bool {
    x < stale.count && !stale[x]
  }

  mutating func markStale(_ x: Int) {
    guard x < stale.count, !stale[x] else { return }
    stale[x] = true
    staleCount += 1
  }
}
