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
  ///   only the user's similarity row, item-based needs every item's.
  public func recommend(for u: UserIndex, count: Int) -> RecommendationList {
    let rated = Set(ratings.byUser[u.int].map(\.item))
    if rated.isEmpty {
      return RecommendationList(user: u, items: popular(excluding: rated, count: count),
                                note: "no ratings yet: most popular")
    }
    var list: [Recommendation] = []
    list.reserveCapacity(ratings.itemCount - rated.count)
    for i in 0..<ratings.itemCount where !rated.contains(ItemIndex(i)) {
      list.append(quickEstimate(u, ItemIndex(i)))
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

  /// r̂_ui without building an explanation: the path top-N takes.
  func quickEstimate(_ u: UserIndex, _ i: ItemIndex) -> Recommendation {
    let form = settings.algorithm
    switch form {
    case .knnBasic, .knnMeans, .knnZScore, .knnBaseline:
      let core = isKnown(i) ? knnCore(u, i, form: form, positiveOnly: true) : nil
      let outcome = knnOutcome(u, i, form: form, core)
      return Recommendation(item: i, score: dataset.scale.clip(outcome.raw),
                            source: outcome.source,
                            wasImpossible: outcome.impossible != nil)
    default:
      let p = predict(u, i, explain: false)
      return Recommendation(item: i, score: p.estimate, source: p.source,
                            wasImpossible: p.wasImpossible)
    }
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
