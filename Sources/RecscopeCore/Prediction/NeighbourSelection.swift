/// A candidate neighbour: a row x′ that rated the target, with sim(x, x′).
struct Neighbour: Sendable {
  var index: Int
  var similarity: Double
  var rating: Double
  /// Position among the target's ratings; ties in similarity go to the
  /// earlier one, as Surprise's `heapq.nlargest` keeps them.
  var position: Int

  /// Higher similarity first, then earlier position.
  @inline(__always)
  func precedes(_ other: Neighbour) -> Bool {
    similarity != other.similarity
      ? similarity > other.similarity : position < other.position
  }
}

/// The k most similar candidates among those who rated the target, best
/// first (ties to the earlier rating), non-positive ones included: the
/// list an explanation shows, in the order Surprise sums it.
///
/// - Complexity: O(c log k) for c candidates.
func nearestNeighbours<E: RatingEntry>(
  among candidates: [E], similarities row: [Double], k: Int
) -> [Neighbour] {
  var picker = NeighbourPicker()
  candidates.withUnsafeBufferPointer { list in
    row.withUnsafeBufferPointer { sims in
      picker.pick(among: list, similarities: sims, k: k, positiveOnly: false)
    }
  }
  return picker.picked.sorted { $0.precedes($1) }
}

/// Selects the k nearest candidates with scratch space reused across
/// targets: the path top-N takes, thousands of times per list.
struct NeighbourPicker {
  /// The selection, in no particular order.
  private(set) var picked: [Neighbour] = []

  /// Keeps the k best candidates; with `positiveOnly`, only those with
  /// similarity > 0 (the same set the formulas use after dropping the
  /// rest, found faster).
  mutating func pick<E: RatingEntry>(
    among candidates: UnsafeBufferPointer<E>, similarities row: UnsafeBufferPointer<Double>,
    k: Int, positiveOnly: Bool
  ) {
    picked.removeAll(keepingCapacity: true)
    guard k > 0 else { return }
    // Below k entries the list is kept as is; at k it becomes a min-heap
    // whose root is the one to evict.
    for position in candidates.indices {
      let entry = candidates[position]
      let s = row[entry.other]
      if positiveOnly && !(s > 0) { continue }
      let n = Neighbour(index: entry.other, similarity: s, rating: entry.value,
                        position: position)
      if picked.count < k {
        picked.append(n)
        if picked.count == k {
          for start in stride(from: k / 2 - 1, through: 0, by: -1) {
            siftDown(&picked, start)
          }
        }
      } else if n.precedes(picked[0]) {
        picked[0] = n
        siftDown(&picked, 0)
      }
    }
  }
}

/// Restores the min-heap order below `start` (the root is the neighbour
/// every other one precedes).
private func siftDown(_ heap: inout [Neighbour], _ start: Int) {
  heap.withUnsafeMutableBufferPointer { h in
    var parent = start
    let count = h.count
    while true {
      let left = 2 * parent + 1, right = left + 1
      var worst = parent
      if left < count && h[worst].precedes(h[left]) { worst = left }
      if right < count && h[worst].precedes(h[right]) { worst = right }
      if worst == parent { return }
      h.swapAt(parent, worst)
      parent = worst
    }
  }
}
