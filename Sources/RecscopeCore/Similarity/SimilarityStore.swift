import Dispatch
import Foundation

/// Rows of the similarity matrix for one basis and measure, computed when
/// first asked for and kept up to date across edits.
///
/// Rows are cached, not the whole n × n matrix, so a large data set costs
/// only the rows in use (the similarity row of the selected user, say);
/// ``buildAll(_:)`` fills every row when a task needs them all.
///
/// An edit recomputes the edited row at once, but its column in the other
/// cached rows is patched only when such a row is next read: writing one
/// entry into each of thousands of rows misses the cache every time, and
/// most of those rows are not read before the next edit.
///
/// Rows computed one by one are held within ``budget`` bytes, the least
/// recently read dropped first, so browsing a large data set does not
/// creep towards the n × n matrix; ``buildAll(_:)`` is exempt.
final class SimilarityStore {
  let basis: Basis
  let measure: SimilarityMeasure
  let minSupport: Int
  let shrinkage: Double
  /// What ratings are centred on; the engine refreshes it before asking
  /// for rows when the means or baselines it holds have changed.
  var centring: ValueCentring

  private var rows: [[Double]?] = []
  private var cachedCount = 0
  /// The rows recomputed since the last full build, oldest first; row x
  /// still lacks the columns of `patchLog[syncedAt[x]...]`.
  private var patchLog: [Int] = []
  private var syncedAt: [Int] = []
  private var kernel: SimilarityKernel?
  /// When each row was last read, on a clock of reads.
  private var lastRead: [UInt64] = []
  private var readClock: UInt64 = 0
  /// The most bytes of rows kept when rows are computed one at a time.
  var budget = 1 << 30

  init(basis: Basis, measure: SimilarityMeasure, minSupport: Int,
       shrinkage: Double, centring: ValueCentring, width: Int) {
    self.basis = basis
    self.measure = measure
    self.minSupport = minSupport
    self.shrinkage = shrinkage
    self.centring = centring
    rows = Array(repeating: nil, count: width)
    syncedAt = Array(repeating: 0, count: width)
    lastRead = Array(repeating: 0, count: width)
  }

  var width: Int { rows.count }
  var isComplete: Bool { cachedCount == rows.count }
  var hasCachedRows: Bool { cachedCount > 0 }
  var cachedRowCount: Int { cachedCount }

  /// sim(x, ·), computing it if needed.
  func row(_ x: Int, _ ratings: RatingMatrix) -> [Double] {
    markRead(x)
    if rows[x] != nil {
      sync(x)
      return rows[x]!
    }
    let row = compute(x, ratings)
    keep(row, at: x)
    return row
  }

  /// The rows of `xs`, in that order; those not cached are computed on
  /// every core. For item-based top-N, which needs the rows of the items
  /// a user rated rather than those of every candidate.
  /// - Complexity: the cost of the missing rows, over the cores.
  func rows(_ xs: [Int], _ ratings: RatingMatrix) -> [[Double]] {
    for x in xs { markRead(x) }
    let missing = Array(Set(xs.filter { rows[$0] == nil })).sorted()
    let workers = min(ProcessInfo.processInfo.activeProcessorCount,
                      missing.count)
    if workers > 1 {
      var fresh = [[Double]](repeating: [], count: missing.count)
      let template = kernelTemplate()
      let basis = self.basis
      fresh.withUnsafeMutableBufferPointer { buffer in
        let out = UncheckedSendable(buffer)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
          var kernel = template
          var n = worker
          while n < missing.count {
            out.value[n] = Self.compute(missing[n], ratings, basis, &kernel)
            n += workers
          }
        }
      }
      for (n, x) in missing.enumerated() { keep(fresh[n], at: x) }
    }
    return xs.map { row($0, ratings) }
  }

  private func markRead(_ x: Int) {
    readClock += 1
    lastRead[x] = readClock
  }

  /// Caches a freshly computed row, first making room within the budget.
  private func keep(_ row: [Double], at x: Int) {
    evictIfNeeded(adding: 1)
    rows[x] = row
    syncedAt[x] = patchLog.count
    cachedCount += 1
  }

  /// Drops the least recently read rows until `adding` more fit in the
  /// budget, down to three quarters of it so that eviction is rare.
  /// - Complexity: O(n log n) when it evicts, O(1) otherwise.
  private func evictIfNeeded(adding: Int) {
    let rowBytes = max(1, rows.count * MemoryLayout<Double>.stride)
    let limit = max(1, budget / rowBytes)
    guard cachedCount + adding > limit else { return }
    let keepCount = max(0, limit * 3 / 4 - adding)
    let cached = rows.indices.filter { rows[$0] != nil }
      .sorted { lastRead[$0] > lastRead[$1] }
    // A dropped row can no longer patch the others' columns: bring the
    // kept rows up to date while every source is still here.
    for x in cached.prefix(keepCount) { sync(x) }
    for x in cached.dropFirst(keepCount) {
      rows[x] = nil
      cachedCount -= 1
    }
  }

  /// sim(x, x′) without computing a whole row when either is cached.
  func value(_ x: Int, _ x2: Int, _ ratings: RatingMatrix) -> Double {
    if rows[x] != nil {
      sync(x)
      return rows[x]![x2]
    }
    if rows[x2] != nil {
      sync(x2)
      return rows[x2]![x]
    }
    return row(x, ratings)[x2]
  }

  /// Copies into row x the columns of the rows recomputed since it was
  /// last complete, in the order they were recomputed.
  /// - Complexity: O(recomputations since).
  private func sync(_ x: Int) {
    let start = syncedAt[x]
    guard start < patchLog.count, var row = rows[x] else { return }
    rows[x] = nil  // so that the writes below do not copy the row
    for p in patchLog[start...] where p != x {
      if let source = rows[p] { row[p] = source[x] }
    }
    rows[x] = row
    syncedAt[x] = patchLog.count
  }

  /// Fills every row, on all cores. Each pair is computed once, from its
  /// lower-indexed row, and mirrored (the kernel's sums are symmetric to
  /// the last bit).
  /// - Complexity: O(Σ_y |U_y|²) work, O(n²) memory.
  func buildAll(_ ratings: RatingMatrix) {
    let n = rows.count
    guard !isComplete else { return }
    var fresh = [[Double]](repeating: [], count: n)
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, n))
    let (measure, minSupport, shrinkage, centring, basis) =
      (self.measure, self.minSupport, self.shrinkage, self.centring, self.basis)
    let sorted = SortedRatings(ratings, basis: basis)
    fresh.withUnsafeMutableBufferPointer { buffer in
      let out = UncheckedSendable(buffer)
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var kernel = SimilarityKernel(
          measure: measure, minSupport: minSupport, shrinkage: shrinkage,
          centring: centring, width: n)
        // Interleaved rows balance the shrinking upper-triangle work.
        var x = worker
        while x < n {
          out.value[x] = sorted.row(x, &kernel)
          x += workers
        }
      }
    }
    for x in 1..<max(1, n) {
      var row = fresh[x]
      fresh[x] = []
      for x2 in 0..<x { row[x2] = fresh[x2][x] }
      fresh[x] = row
    }
    rows = fresh.map { Optional($0) }
    cachedCount = n
    patchLog = []
    syncedAt = Array(repeating: 0, count: n)
    lastRead = Array(repeating: readClock, count: n)
  }

  /// Recomputes the rows of `changed`; each other cached row takes their
  /// columns when next read, so every row read is exact.
  /// - Complexity: O(|changed| · row cost).
  func refresh(_ changed: [Int], _ ratings: RatingMatrix) {
    guard hasCachedRows else { return }
    for x in changed {
      let row = compute(x, ratings)
      if rows[x] == nil {
        evictIfNeeded(adding: 1)
        cachedCount += 1
      }
      rows[x] = row
      patchLog.append(x)
      syncedAt[x] = patchLog.count
    }
  }

  /// Forgets every row, for edits whose effect is global.
  func invalidateAll() {
    rows = Array(repeating: nil, count: rows.count)
    cachedCount = 0
    patchLog = []
    syncedAt = Array(repeating: 0, count: rows.count)
  }

  /// Makes room for newly added rows (no ratings yet: similarity 0 with
  /// everyone but themselves).
  func grow(to width: Int) {
    guard width > rows.count else { return }
    let added = width - rows.count
    for x in rows.indices where rows[x] != nil {
      rows[x]!.append(contentsOf: repeatElement(0, count: added))
    }
    for x in rows.count..<width {
      var row = [Double](repeating: 0, count: width)
      row[x] = 1
      rows.append(row)
      syncedAt.append(patchLog.count)
      lastRead.append(readClock)
      cachedCount += 1
    }
    kernel = nil
  }

  private func kernelTemplate() -> SimilarityKernel {
    SimilarityKernel(measure: measure, minSupport: minSupport,
                     shrinkage: shrinkage, centring: centring,
                     width: rows.count)
  }

  private func compute(_ x: Int, _ ratings: RatingMatrix) -> [Double] {
    if kernel == nil || kernel!.width != rows.count { kernel = kernelTemplate() }
    kernel!.centring = centring
    return Self.compute(x, ratings, basis, &kernel!)
  }

  private static func compute(_ x: Int, _ ratings: RatingMatrix, _ basis: Basis,
                              _ kernel: inout SimilarityKernel) -> [Double] {
    var row = [Double](repeating: 0, count: kernel.width)
    row.withUnsafeMutableBufferPointer { out in
      switch basis {
      case .user: kernel.row(of: x, own: ratings.byUser, other: ratings.byItem, into: out)
      case .item: kernel.row(of: x, own: ratings.byItem, other: ratings.byUser, into: out)
      }
    }
    return row
  }
}

/// A rating in half the bytes, for lists a full build streams through:
/// the kernel is bound by memory traffic, not arithmetic.
struct CompactRating: RatingEntry {
  let index: Int32
  let rating: Float

  @inline(__always) var other: Int { Int(index) }
  @inline(__always) var value: Double { Double(rating) }
}

/// The rating lists a full build reads, each list of the other side
/// sorted by index so a row can start past the pairs already computed,
/// and compact when every rating survives the trip through `Float`
/// unchanged (as 0.5-steps do), so results are the same to the bit.
private struct SortedRatings: Sendable {
  let basis: Basis
  let byUser: [[ItemRating]]
  let byItem: [[UserRating]]
  let compact: [[CompactRating]]?

  init(_ ratings: RatingMatrix, basis: Basis) {
    self.basis = basis
    let exact = ratings.byUser.allSatisfy { row in
      row.allSatisfy { Double(Float($0.value)) == $0.value }
    }
    if basis == .user {
      byUser = ratings.byUser
      let sorted = ratings.byItem.map { $0.sorted { $0.user < $1.user } }
      byItem = exact ? [] : sorted
      compact = exact ? sorted.map { $0.map {
        CompactRating(index: $0.user.rawValue, rating: Float($0.value)) } } : nil
    } else {
      let sorted = ratings.byUser.map { $0.sorted { $0.item < $1.item } }
      byUser = exact ? [] : sorted
      byItem = ratings.byItem
      compact = exact ? sorted.map { $0.map {
        CompactRating(index: $0.item.rawValue, rating: Float($0.value)) } } : nil
    }
  }

  /// sim(x, x′) for x′ ≥ x.
  func row(_ x: Int, _ kernel: inout SimilarityKernel) -> [Double] {
    var row = [Double](repeating: 0, count: kernel.width)
    row.withUnsafeMutableBufferPointer { out in
      switch (basis, compact) {
      case (.user, let c?): kernel.row(of: x, own: byUser, other: c, into: out, after: x)
      case (.item, let c?): kernel.row(of: x, own: byItem, other: c, into: out, after: x)
      case (.user, nil): kernel.row(of: x, own: byUser, other: byItem, into: out, after: x)
      case (.item, nil): kernel.row(of: x, own: byItem, other: byUser, into: out, after: x)
      }
    }
    return row
  }
}

/// Lets a buffer cross into concurrent workers that write disjoint slots.
struct UncheckedSendable<Value>: @unchecked Sendable {
  var value: Value
  init(_ value: Value) { self.value = value }
}
