import Dispatch

/// One entry of a top-N list.
public struct Recommendation: Sendable, Equatable {
  public var item: ItemIndex
  /// The estimate r̂_ui, or for popularity the item's number of ratings.
  public var score: Double
  public var source: PredictionSource
  public var wasImpossible: Bool
}

/// A user's top-N list, with a plain note when a fallback chose it ("no
/// ratings yet: most popular", "model not trained yet: baseline").
public struct RecommendationList: Sendable, Equatable {
  public var user: UserIndex
  public var items: [Recommendation]
  public var note: String?
}

extension Engine {
  /// The `count` unrated items with the highest estimates, ties broken by
  /// the items' order in the data; the most popular items for a user
  /// with no ratings; the baseline's estimates, noted, for `svd` or
  /// `als` before their model is in (``trainsOnDemand`` off).
  /// - Complexity: one prediction per unrated item; user-based k-NN needs
  ///   only the user's similarity row, item-based the rows of the items
  ///   the user rated; a factor model one product q_iᵀp_u per item.
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
      var isRated = [Bool](repeating: false, count: ratings.itemCount)
      for e in ratings.byUser[u.int] { isRated[e.item.int] = true }
      let sweep = settings.basis == .user ? neighbourSweep(u, context) : nil
      let cores = settings.basis == .item
        ? itemNeighbourCores(u, context, rated: isRated) : nil
      for i in 0..<ratings.itemCount where !isRated[i] {
        let item = ItemIndex(i)
        var core = cores?[i]
        if let sweep {
          core = KNNCore(x: u.int, y: i, neighbours: [], sumSim: sweep.sumSim[i],
                         sumRatings: sweep.sumRatings[i], actualK: Int(sweep.count[i]))
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
    if form.isFactorization && !trainsOnDemand && needsFactorTraining {
      note = "\(Self.untrainedReason): baseline"
    }
    return RecommendationList(user: u, items: top, note: note)
  }

  /// Per-item k-NN sums for every item at once, user-based.
  struct NeighbourSweep {
    var sumSim: [Double]
    var sumRatings: [Double]
    var count: [Int32]
  }

  /// Every item's k-NN sums at once, user-based: the user's neighbours
  /// sorted once, then the items split in two ranges of about equal
  /// ratings, one per core (see ``SweepPart``).
  /// - Complexity: O(n log n) for the sort, then what the parts read.
  func neighbourSweep(_ u: UserIndex, _ context: KNNContext) -> NeighbourSweep {
    let row = store.row(u.int, ratings)
    let items = ratings.itemCount
    var rated = [Bool](repeating: false, count: items)
    for e in ratings.byUser[u.int] { rated[e.item.int] = true }
    var sumSim = [Double](repeating: 0, count: items)
    var sumRatings = [Double](repeating: 0, count: items)
    var count = [Int32](repeating: 0, count: items)

    // Sorted on keys that compare as integers: a positive double's bits
    // order like the double, and the index breaks ties.
    var keys: [(sim: UInt64, v: Int32)] = []
    keys.reserveCapacity(row.count)
    for (v, s) in row.enumerated() where s > 0 && v != u.int {
      keys.append((s.bitPattern, Int32(v)))
    }
    keys.sort { $0.sim != $1.sim ? $0.sim > $1.sim : $0.v < $1.v }
    let order = keys.map(\.v)
    var rank = [Int32](repeating: .max, count: row.count)
    for (n, v) in order.enumerated() { rank[Int(v)] = Int32(n) }
    // Ranks shifted by this fall in the picking histogram's buckets.
    let bits = Int.bitWidth - max(order.count - 1, 0).leadingZeroBitCount
    let shift = max(0, bits - PickScratch.buckets.trailingZeroBitCount)
    let compact = compactUserRows()
    // Parts of about equal ratings, more than cores, so that a part that
    // ends early frees its core for another; the last, least rated, takes
    // items added since the copy.
    var members = [Array(0..<items)]
    if let compact, order.count >= 256 {
      members = compact.parts
      members[members.count - 1] += compact.otherCount..<items
    }
    let parts = members
    let (k, limit) = (settings.k, settings.k * directPickFactor)
    let (byItem, byUser) = (ratings.byItem, ratings.byUser)

    func run<Term: SweepTerm>(_ term: Term) {
      row.withUnsafeBufferPointer { row in
      rank.withUnsafeBufferPointer { rank in
      rated.withUnsafeBufferPointer { rated in
      count.withUnsafeMutableBufferPointer { count in
      sumSim.withUnsafeMutableBufferPointer { sumSim in
      sumRatings.withUnsafeMutableBufferPointer { sumRatings in
        let out = SweepBuffers(counts: count.baseAddress!,
                               sumSim: sumSim.baseAddress!,
                               sumTerm: sumRatings.baseAddress!)
        let shared = UncheckedSendable((row, rank, rated))
        // The least rated part first: it picks the most items directly
        // and its sweep runs longest.
        DispatchQueue.concurrentPerform(iterations: parts.count) { n in
          let h = parts.count - 1 - n
          let (row, rank, rated) = shared.value
          SweepPart(items: parts[h], k: k, row: row, order: order, rank: rank,
                    rankShift: shift, term: term, out: out)
            .run(rated: rated, byItem: byItem, byUser: byUser,
                 compact: compact, part: parts.count == 1 ? nil : h,
                 directLimit: limit)
        }
      }}}}}}
    }
    switch context.form {
    case .knnMeans: run(MeanCentredTerm(means: context.means))
    case .knnZScore:
      run(ZScoreTerm(means: context.means, deviations: context.deviations))
    case .knnBaseline:
      run(BaselineTerm(mu: context.mu, bx: context.bx, by: context.by))
    default: run(PlainTerm())
    }
    return NeighbourSweep(sumSim: sumSim, sumRatings: sumRatings, count: count)
  }

  /// The flat copy of the users' lists, made anew once many rows went
  /// stale (a copy costs one pass over the ratings).
  func compactUserRows() -> CompactRows? {
    if compactByUserImpossible { return nil }
    // Stale rows are read from the live lists, a little slower; a copy
    // reads every rating, several top-N lists' worth, so it waits.
    let limit = max(64, ratings.userCount / 8)
    if compactByUser == nil || compactByUser!.staleCount > limit {
      compactByUser = CompactRows(ratings.byUser,
                                  otherCount: ratings.itemCount, parts: 8)
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
