/// k-NN estimates at several numbers of neighbours from one selection,
/// for sweeps of k.
///
/// The k nearest raters, best first, are the first k of the k_max
/// nearest (the order is total: similarity, then position), and the sums
/// add them in that order; so each k's sums are a prefix of k_max's, and
/// an estimate read off a prefix is the one an engine with that k makes,
/// to the last bit.
extension Engine {
  /// r̂_ui at each k of `counts`, as ``predict(_:_:explain:)`` gives it
  /// (without explanation) with `settings.k` at that k.
  /// - Precondition: the algorithm is one of the four k-NN forms.
  /// - Complexity: one similarity row (cached) and one selection of the
  ///   largest count's nearest among the target's raters, then
  ///   O(k_max + |counts|).
  func knnEstimates(_ u: UserIndex?, _ i: ItemIndex?,
                    counts: [Int]) -> [RatingEstimate] {
    let form = settings.algorithm
    precondition(Self.sharesNeighbourCounts(form),
                 "knnEstimates(_:_:counts:) needs a k-NN form, not \(form)")
    guard isKnown(u), isKnown(i), let u, let i else {
      let e = estimate(of: knnOutcome(u, i, form: form, nil))
      return counts.map { _ in e }
    }
    let context = knnContext(form)
    let (x, y) = context.basis == .user ? (u.int, i.int) : (i.int, u.int)
    let row = store.row(x, ratings)
    let nearest = nearestRaters(of: y, row, context.basis,
                                k: counts.max() ?? 0)
    // prefixes[n]: the sums over the n nearest.
    var core = KNNCore(x: x, y: y, neighbours: [])
    var prefixes = [core]
    prefixes.reserveCapacity(nearest.count + 1)
    for n in nearest {
      if n.similarity > 0 { core.add(n, context) }
      prefixes.append(core)
    }
    return counts.map { k in
      let sums = prefixes[min(max(k, 0), nearest.count)]
      return estimate(of: knnOutcome(u, i, form: form, sums))
    }
  }

  /// Whether ``knnEstimates(_:_:counts:)`` serves `algorithm`: the k-NN
  /// forms, not the hybrid, which blends content in.
  static func sharesNeighbourCounts(_ algorithm: Algorithm) -> Bool {
    switch algorithm {
    case .knnBasic, .knnMeans, .knnZScore, .knnBaseline: true
    default: false
    }
  }

  /// The estimate ``finish(_:_:raw:source:impossible:_:)`` would make.
  private func estimate(of outcome: KNNOutcome) -> RatingEstimate {
    RatingEstimate(estimate: dataset.scale.clip(outcome.raw),
                   raw: outcome.raw, wasImpossible: outcome.impossible != nil,
                   reason: outcome.impossible)
  }
}
