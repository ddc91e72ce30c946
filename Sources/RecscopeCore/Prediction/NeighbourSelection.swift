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
/// first.
///
/// With `positiveOnly` the non-positive candidates are skipped before
/// selection; the result equals selecting first and dropping them after
/// (which is what the formulas do), only faster.
///
/// - Complexity: O(c log k) for c candidates.
func nearestNeighbours<E: RatingEntry>(
  among candidates: [E], similarities row: [Double], k: Int, positiveOnly: Bool
) -> [Neighbour] {
  guard k > 0 else { return [] }
  // A min-heap of the best k so far: the root is the one to evict.
  var heap: [Neighbour] = []
  heap.reserveCapacity(min(k, candidates.count))
  for (position, entry) in candidates.enumerated() {
    let s = row[entry.other]
    if positiveOnly && !(s > 0) { continue }
    let n = Neighbour(index: entry.other, similarity: s, rating: entry.value,
                      position: position)
    if heap.count < k {
      heap.append(n)
      siftUp(&heap, heap.count - 1)
    } else if n.precedes(heap[0]) {
      heap[0] = n
      siftDown(&heap, 0)
    }
  }
  return heap.sorted { $0.precedes($1) }
}

private func siftUp(_ heap: inout [Neighbour], _ start: Int) {
  var child = start
  while child > 0 {
    let parent = (child - 1) / 2
    guard heap[parent].precedes(heap[child]) else { return }
    heap.swapAt(parent, child)
    child = parent
  }
}

private func siftDown(_ heap: inout [Neighbour], _ start: Int) {
  var parent = start
  while true {
    let left = 2 * parent + 1, right = left + 1
    var worst = parent
    if left < heap.count && heap[worst].precedes(heap[left]) { worst = left }
    if right < heap.count && heap[worst].precedes(heap[right]) { worst = right }
    if worst == parent { return }
    heap.swapAt(parent, worst)
    parent = worst
  }
}
