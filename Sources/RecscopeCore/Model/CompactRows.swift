/// A flat copy of one side's rating lists (CSR: offsets, indices, values
/// as `Float`), for loops that stream through many lists at once and are
/// bound by memory traffic: half the bytes of the lists themselves, and
/// no pointer to chase per list.
///
/// The other side's indices are dealt into `partCount` parts of about
/// equal ratings, most rated first (so each part holds indices of like
/// popularity), and each row holds its entries part by part, so that
/// threads can each take one part of every row.
///
/// Edits do not update it; they mark a row stale, and readers fall back to
/// the live list for stale rows. It only exists when every rating is
/// exact as a `Float` (as 0.5-steps are), so results do not change.
struct CompactRows: Sendable {
  private(set) var others: [Int32]
  private(set) var values: [Float]
  /// Row x's entries of part h start at `starts[x * (partCount + 1) + h]`.
  private var starts: [Int]
  /// The other side's indices in each part, in index order.
  let parts: [[Int]]
  /// How many indices the other side had when the copy was made.
  let otherCount: Int
  private var stale: [Bool]
  /// Rows marked stale since the copy was made.
  private(set) var staleCount = 0

  var partCount: Int { parts.count }

  /// nil when a rating would change in the trip through `Float`.
  /// - Parameters:
  ///   - otherCount: the number of indices on the other side.
  ///   - parts: how many ranges to cut them into.
  /// - Complexity: O(|R|).
  init?<X: RatingEntry>(_ rows: [[X]], otherCount: Int, parts: Int) {
    var perOther = [Int](repeating: 0, count: otherCount)
    var total = 0
    for row in rows {
      for e in row {
        guard Double(Float(e.value)) == e.value else { return nil }
        perOther[e.other] += 1
      }
      total += row.count
    }
    // Most rated first; part h ends where the running count of ratings
    // passes (h + 1)/parts of all.
    let byCount = (0..<otherCount).sorted {
      perOther[$0] != perOther[$1] ? perOther[$0] > perOther[$1] : $0 < $1
    }
    var partOf = [Int8](repeating: 0, count: otherCount)
    var members = [[Int]](repeating: [], count: parts)
    var (seen, h) = (0, 0)
    for i in byCount {
      partOf[i] = Int8(h)
      members[h].append(i)
      seen += perOther[i]
      while h < parts - 1 && seen * parts >= total * (h + 1) { h += 1 }
    }

    let stride = parts + 1
    var starts = [Int](repeating: 0, count: rows.count * stride)
    var others = [Int32](repeating: 0, count: total)
    var values = [Float](repeating: 0, count: total)
    var fill = [Int](repeating: 0, count: parts)
    var at = 0
    for (x, row) in rows.enumerated() {
      // A counting sort of the row by part, each part in the row's order.
      fill.withUnsafeMutableBufferPointer { fill in
        for h in 0..<parts { fill[h] = 0 }
        for e in row { fill[Int(partOf[e.other])] += 1 }
        for h in 0..<parts {
          starts[x * stride + h] = at
          (fill[h], at) = (at, at + fill[h])
        }
        starts[x * stride + parts] = at
        for e in row {
          let h = Int(partOf[e.other])
          others[fill[h]] = Int32(truncatingIfNeeded: e.other)
          values[fill[h]] = Float(e.value)
          fill[h] += 1
        }
      }
    }
    self.parts = members.map { $0.sorted() }
    self.otherCount = otherCount
    self.starts = starts
    self.others = others
    self.values = values
    stale = Array(repeating: false, count: rows.count)
  }

  /// Row x's entries in part h, or the whole row when h is nil.
  @inline(__always) func range(_ x: Int, part h: Int?) -> Range<Int> {
    let base = x * (partCount + 1)
    guard let h else { return starts[base]..<starts[base + partCount] }
    return starts[base + h]..<starts[base + h + 1]
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
