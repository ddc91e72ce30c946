import Dispatch

/// Item-based top-N from the rows of the items the user rated. The k
/// nearest of a candidate i are found among those items j, and sim(i, j)
/// equals sim(j, i) to the last bit (see ``SimilarityKernel``), so |I_u|
/// rows serve every candidate: no row per candidate, and no n × n matrix
/// at MovieLens 20M size.
extension Engine {
  /// The k-NN sums of user u for every known item that u has not rated,
  /// item-based; nil for the rest. Each item's picks and sums are those
  /// its own row would give, in the same order, so the estimates match
  /// the explained predictions to rounding.
  /// - Complexity: the user's items' rows, O(Σ_{j ∈ I_u} Σ_{v ∈ U_j}
  ///   |I_v|) over the cores when not cached, then O(|I| · |I_u|) to pick.
  func itemNeighbourCores(_ u: UserIndex, _ context: KNNContext,
                          rated: [Bool]) -> [KNNCore?] {
    let mine = ratings.byUser[u.int]
    let rows = store.rows(mine.map(\.item.int), ratings)
    let items = ratings.itemCount
    // A candidate's neighbours are named by their place in u's list, the
    // place Surprise breaks ties by.
    let candidates = mine.indices.map {
      PlacedRating(place: Int32($0), value: mine[$0].value)
    }
    let known = ratings.byItem.map { !$0.isEmpty }
    let (k, y) = (settings.k, u.int)
    var cores = [KNNCore?](repeating: nil, count: items)
    let workers = items * mine.count >= 1 << 16 ? 2 : 1
    cores.withUnsafeMutableBufferPointer { buffer in
      let out = UncheckedSendable(buffer)
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var picker = NeighbourPicker()
        var sims = [Double](repeating: 0, count: mine.count)
        let range = (items * worker / workers)..<(items * (worker + 1) / workers)
        for i in range where !rated[i] && known[i] {
          for p in sims.indices { sims[p] = rows[p][i] }
          sims.withUnsafeBufferPointer { sims in
            candidates.withUnsafeBufferPointer {
              picker.pick(among: $0, similarities: sims, k: k,
                          positiveOnly: true)
            }
          }
          var core = KNNCore(x: i, y: y, neighbours: [])
          for n in picker.picked {
            let j = mine[n.index].item.int
            core.sumSim += n.similarity
            core.sumRatings += context.term(n.similarity, j, n.rating, y)
            core.actualK += 1
          }
          out.value[i] = core
        }
      }
    }
    return cores
  }
}

/// One of the user's ratings, known by its place in the user's list.
private struct PlacedRating: RatingEntry {
  let place: Int32
  let value: Double

  @inline(__always) var other: Int { Int(place) }
}
