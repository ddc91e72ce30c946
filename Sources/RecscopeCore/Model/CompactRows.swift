/// A flat copy of one side's rating lists (CSR: offsets, indices, values
/// as `Float`), for loops that stream through many lists at once and are
/// bound by memory traffic: half the bytes of the lists themselves, and
/// no pointer to chase per list.
///
/// Edits do not update it; they mark a row stale, and readers fall back to
/// the live list for stale rows. It only exists when every rating is
/// exact as a `Float` (as 0.5-steps are), so results do not change.
struct CompactRows: Sendable {
  private(set) var offsets: [Int]
  private(set) var others: [Int32]
  private(set) var values: [Float]
  private var stale: [Bool]
  /// Rows marked stale since the copy was made.
  private(set) var staleCount = 0

  /// nil when a rating would change in the trip through `Float`.
  /// - Complexity: O(|R|).
  init?<X: RatingEntry>(_ rows: [[X]]) {
    var offsets = [Int](repeating: 0, count: rows.count + 1)
    var others: [Int32] = []
    var values: [Float] = []
    let total = rows.reduce(0) { $0 + $1.count }
    others.reserveCapacity(total)
    values.reserveCapacity(total)
    for (x, row) in rows.enumerated() {
      for e in row {
        let f = Float(e.value)
        guard Double(f) == e.value else { return nil }
        others.append(Int32(truncatingIfNeeded: e.other))
        values.append(f)
      }
      offsets[x + 1] = others.count
    }
    self.offsets = offsets
    self.others = others
    self.values = values
    stale = Array(repeating: false, count: rows.count)
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
