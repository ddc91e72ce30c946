import Dispatch

/// One entry of a top-N list.
public struct Recommendation: Sendable, Equatable {
  public var item: ItemIndex
  /// The estimate r̂_ui, or for popularity the item's number of ratings.
  public var score: Double
  public var source: PredictionSource
  public var wasImpossible: Bool
}

/// A user's top-N list, with a plain note when a cold-start fallback
/// chose it ("no ratings yet: most popular").
public struct RecommendationList: Sendable, Equatable {
  public var user: UserIndex
  public var items: [Recommendation]
  public var note: String?
}

extension Engine {
  /// The `count` unrated items with the highest estimates, ties broken by
  /// the items' order in the data; the most popular items for a user
  /// with no ratings.
  /// - Complexity: one prediction per unrated item; user-based k-NN needs
  ///   only the user's similarity row, item-based needs every item's; a
  ///   factor model one product q_iᵀp_u per item.
  public func recommend(for u: UserIndex, count: Int) -> RecommendationList {
    let rated = Set(ratings.byUser[u.int].map(\.item))
    if rated.isEmpty || ratings.byUser[u.int].isEmpty {
      return RecommendationList(user: u, items: popular(excluding: rated, count: count),
                                note: "no ratings yet: most popular")
    }
    var list: [Recommendation] = []
    list.reserveCapacity(ratings.itemCount - rated.count)
    let form = settings.algorithm
    if [.knnBasic, .knnMeans, .knnZScore, .knnBaseline].contains(form) {
      let context = knnContext(form)
      var picker = NeighbourPicker()
      let sweep = settings.basis == .user ? neighbourSweep(u, context) : nil
      for i in 0..<ratings.itemCount where !rated.contains(ItemIndex(i)) {
        let item = ItemIndex(i)
        var core: KNNCore?
        if let sweep {
          core = KNNCore(x: u.int, y: i, neighbours: [], sumSim: sweep.sumSim[i],
                         sumRatings: sweep.sumRatings[i], actualK: Int(sweep.count[i]))
        }
        if core == nil && isKnown(item) {
          core = knnCore(u, item, context, ordered: false, picker: &picker)
        }
        if !isKnown(item) { core = nil }
        let outcome = knnOutcome(u, item, form: form, core)
        list.append(Recommendation(item: item, score: dataset.scale.clip(outcome.raw),
                                   source: outcome.source,
                                   wasImpossible: outcome.impossible != nil))
      }
    } else if form.isFactorization {
      list = factorRecommendations(u, rated: rated)
    } else {
      for i in 0..<ratings.itemCount where !rated.contains(ItemIndex(i)) {
        let p = predict(u, ItemIndex(i), explain: false)
        list.append(Recommendation(item: ItemIndex(i), score: p.estimate,
                                   source: p.source, wasImpossible: p.wasImpossible))
      }
    }
    let top = Self.top(list, count) {
      $0.score != $1.score ? $0.score > $1.score : $0.item < $1.item
    }
    var note: String?
    let n = rated.count
    if settings.algorithm == .hybrid && n < settings.hybridMinRatings {
      note = "\(n) rating\(n == 1 ? "" : "s"): content-based"
    }
    return RecommendationList(user: u, items: top, note: note)
  }

  /// Per-item k-NN sums for every item at once, user-based.
  struct NeighbourSweep {
    var sumSim: [Double]
    var sumRatings: [Double]
    var count: [Int32]
  }

  /// Every item's k-NN sums at once, user-based, in two parts.
  ///
  /// An item with at most k raters uses all its raters with positive
  /// similarity: their sums are read straight off its rating list. The
  /// others get their k nearest from a sweep over the user's positive
  /// neighbours, most similar first, each neighbour's ratings handed to
  /// their items until an item has k (see ``SweepPart``). An item whose
  /// k-th neighbour ties with the next is marked, for the exact picker.
  /// - Complexity: O(n log n + Σ_{small i} |U_i| + Σ_{v positive} |I_v|).
  ///
  /// TODO(perf): items with a few hundred raters keep the sweep going to
  /// the last neighbours, so it reads most ratings (about 7 ms at 1M).
  /// Keeping a per-item list of raters ordered by each user's similarity
  /// is too costly to maintain; what would close it is an index of the
  /// ratings by (item, user) in one flat array, so that those items could
  /// pick their k nearest without the sweep, which could then stop once
  /// the popular items (which fill early) are full.
  func neighbourSweep(_ u: UserIndex, _ context: KNNContext) -> NeighbourSweep {
    let row = store.row(u.int, ratings)
    let items = ratings.itemCount
    let k = settings.k
    var rated = [Bool](repeating: false, count: items)
    for e in ratings.byUser[u.int] { rated[e.item.int] = true }
    var sumSim = [Double](repeating: 0, count: items)
    var sumRatings = [Double](repeating: 0, count: items)
    var count = [Int32](repeating: 0, count: items)
    let term = context.term

    // Items with at most k raters: all positive raters count.
    var largeCount = 0
    var large = [Bool](repeating: false, count: items)
    for j in 0..<items where !rated[j] {
      let raters = ratings.byItem[j]
      if raters.count > k {
        large[j] = true
        largeCount += 1
        continue
      }
      for e in raters {
        let s = row[e.user.int]
        guard s > 0 else { continue }
        count[j] += 1
        sumSim[j] += s
        sumRatings[j] += term(s, e.user.int, e.value, j)
      }
    }
    guard largeCount > 0 else {
      return NeighbourSweep(sumSim: sumSim, sumRatings: sumRatings, count: count)
    }

    // Sorted on keys that compare as integers: a positive double's bits
    // order like the double, and the index breaks ties.
    var keys: [(sim: UInt64, v: Int32)] = []
    keys.reserveCapacity(row.count)
    for (v, s) in row.enumerated() where s > 0 && v != u.int {
      keys.append((s.bitPattern, Int32(v)))
    }
    keys.sort { $0.sim != $1.sim ? $0.sim > $1.sim : $0.v < $1.v }
    let order = keys.map(\.v)
    let compact = compactUserRows()
    let byUser = ratings.byUser
    // Two halves of the neighbours, one per core, each keeping for every
    // item the first k it hands out; merged in order, they give what one
    // pass would, sums in the same order.
    let halves = order.count >= 1024 ? 2 : 1
    var cut = order.count
    if halves == 2 {
      // Halves of equal work: as many ratings to hand out on each side.
      let total = order.reduce(0) { $0 + byUser[Int($1)].count }
      var seen = 0
      cut = order.firstIndex { v in
        seen += byUser[Int(v)].count
        return seen * 2 >= total
      } ?? order.count / 2
    }
    var parts = [SweepPart](repeating: SweepPart(), count: halves)
    parts.withUnsafeMutableBufferPointer { buffer in
      let out = UncheckedSendable(buffer)
      let (largeItems, neighbours, cut) = (large, order, cut)
      DispatchQueue.concurrentPerform(iterations: halves) { h in
        let range = h == 0 ? 0..<cut : cut..<neighbours.count
        out.value[h] = SweepPart(
          order: neighbours[range], row: row, large: largeItems, k: k,
          byUser: byUser, compact: compact, context: context)
      }
    }
    for j in 0..<items where large[j] {
      var tied = false
      var kth = 0.0
      SweepPart.merge(parts, item: j, k: k, sumSim: &sumSim[j],
                      sumRatings: &sumRatings[j], count: &count[j], tied: &tied,
                      kth: &kth)
      guard tied else { continue }
      // A tie at the k-th place: the raters more similar than it, then the
      // tied ones in the order their ratings were added, as Surprise does.
      var (s, r, c) = (0.0, 0.0, 0)
      for e in ratings.byItem[j] where row[e.user.int] > kth {
        s += row[e.user.int]
        r += term(row[e.user.int], e.user.int, e.value, j)
        c += 1
      }
      for e in ratings.byItem[j] where c < k && row[e.user.int] == kth {
        s += kth
        r += term(kth, e.user.int, e.value, j)
        c += 1
      }
      (sumSim[j], sumRatings[j], count[j]) = (s, r, Int32(c))
    }
    return NeighbourSweep(sumSim: sumSim, sumRatings: sumRatings, count: count)
  }

  /// The flat copy of the users' lists, made anew once many rows went
  /// stale (a copy costs one pass over the ratings).
  func compactUserRows() -> CompactRows? {
    if compactByUserImpossible { return nil }
    if compactByUser == nil || compactByUser!.staleCount > 64 {
      compactByUser = CompactRows(ratings.byUser)
      compactByUserImpossible = compactByUser == nil
    }
    return compactByUser
  }

  /// Items by number of ratings, then by order in the data.
  func popular(excluding rated: Set<ItemIndex>, count: Int) -> [Recommendation] {
    var list: [Recommendation] = []
    for i in 0..<ratings.itemCount where !rated.contains(ItemIndex(i)) {
      list.append(Recommendation(item: ItemIndex(i),
                                 score: Double(ratings.byItem[i].count),
                                 source: .popularity, wasImpossible: false))
    }
    return Self.top(list, count) {
      $0.score != $1.score ? $0.score > $1.score : $0.item < $1.item
    }
  }

  /// r̂_ui without its explanation: for showing many estimates at once
  /// (the dimmed predictions in a matrix view).
  public func estimate(_ u: UserIndex, _ i: ItemIndex) -> Recommendation {
    let p = predict(u, i, explain: false)
    return Recommendation(item: i, score: p.estimate, source: p.source,
                          wasImpossible: p.wasImpossible)
  }

  /// The first `count` of `list` in `order`, without sorting all of it
  /// when `count` is small.
  static func top<T>(_ list: [T], _ count: Int,
                     by order: (T, T) -> Bool) -> [T] {
    guard count > 0 else { return [] }
    if count * 8 >= list.count { return Array(list.sorted(by: order).prefix(count)) }
    var best: [T] = []
    best.reserveCapacity(count + 1)
    for x in list {
      if best.count == count, let last = best.last, !order(x, last) { continue }
      let at = best.firstIndex { order(x, $0) } ?? best.count
      best.insert(x, at: at)
      if best.count > count { best.removeLast() }
    }
    return best
  }
}
