/// k-NN prediction in Surprise's four forms (KNNBasic, KNNWithMeans,
/// KNNWithZScore, KNNBaseline; Koren 2010 and Herlocker et al. 1999):
/// among those who rated the target, the k most similar; those with
/// similarity ≤ 0 dropped; then a similarity-weighted mean.
extension Engine {
  /// The neighbours of a known pair and their sums, shared by the fast
  /// estimate and the explained prediction.
  struct KNNCore {
    var x: Int
    var y: Int
    var neighbours: [Neighbour]
    var sumSim = 0.0
    var sumRatings = 0.0
    var actualK = 0

    /// Counts a neighbour with similarity > 0 into the sums.
    @inline(__always)
    mutating func add(_ n: Neighbour, _ context: KNNContext) {
      sumSim += n.similarity
      sumRatings += context.term(n.similarity, n.index, n.rating, y)
      actualK += 1
    }
  }

  /// How a k-NN form turns its sums into a value.
  struct KNNOutcome {
    var raw: Double
    var source: PredictionSource
    /// Set when the form fell back to its own default (mean, baseline).
    var fallback: String?
    /// Set when the prediction is impossible (the global mean is used).
    var impossible: String?
  }

  /// What a k-NN form reads besides the similarities, gathered once per
  /// request rather than once per target item.
  struct KNNContext {
    let form: Algorithm
    let basis: Basis
    /// μ_x′ and σ_x′ (σ of all ratings where σ_x′ is 0) on the compared side.
    let means: [Double]
    let deviations: [Double]
    /// μ and the biases of the compared (x) and other (y) side.
    let mu: Double
    let bx: [Double]
    let by: [Double]

    /// sim · (r − offset) [/ σ]: a neighbour's term of the numerator,
    /// written as Surprise writes each form.
    @inline(__always)
    func term(_ s: Double, _ v: Int, _ r: Double, _ y: Int) -> Double {
      form == .knnZScore
        ? s * (r - means[v]) / deviations[v]
        : s * centred(Neighbour(index: v, similarity: s, rating: r, position: 0), y: y)
    }

    /// The neighbour's term in the numerator, before weighting by sim
    /// (z-score divides after weighting, and is summed apart).
    @inline(__always)
    func centred(_ n: Neighbour, y: Int) -> Double {
      switch form {
      case .knnMeans: return n.rating - means[n.index]
      case .knnBaseline: return n.rating - (mu + bx[n.index] + by[y])
      default: return n.rating
      }
    }
  }

  func knnContext(_ form: Algorithm) -> KNNContext {
    let basis = settings.basis
    let m = moments(basis)
    var deviations: [Double] = []
    if form == .knnZScore {
      let overall = overallDeviation
      deviations = m.deviations.map { $0 == 0 ? overall : $0 }
    }
    let b = form == .knnBaseline ? baselines : nil
    let (bx, by) = basis == .user ? (b?.user, b?.item) : (b?.item, b?.user)
    return KNNContext(form: form, basis: basis, means: m.means, deviations: deviations,
                      mu: b?.globalMean ?? 0, bx: bx ?? [], by: by ?? [])
  }

  /// The neighbours of a known pair and their sums: the k nearest, best
  /// first, summed in that order (Surprise's, so the digits agree).
  func knnCore(_ u: UserIndex, _ i: ItemIndex,
               _ context: KNNContext) -> KNNCore {
    let (x, y) = context.basis == .user ? (u.int, i.int) : (i.int, u.int)
    let row = store.row(x, ratings)
    var core = KNNCore(x: x, y: y, neighbours: [])
    core.neighbours = nearestRaters(of: y, row, context.basis, k: settings.k)
    for n in core.neighbours where n.similarity > 0 { core.add(n, context) }
    return core
  }

  /// The k nearest, best first by `row`, of those who rated y (an item
  /// on the user basis, a user on the item basis).
  func nearestRaters(of y: Int, _ row: [Double], _ basis: Basis,
                     k: Int) -> [Neighbour] {
    basis == .user
      ? nearestNeighbours(among: ratings.byItem[y], similarities: row, k: k)
      : nearestNeighbours(among: ratings.byUser[y], similarities: row, k: k)
  }

  /// r̂ from the sums, or the form's fallback. Unknown pairs are handled
  /// before; `core` is nil for them.
  func knnOutcome(_ u: UserIndex?, _ i: ItemIndex?, form: Algorithm,
                  _ core: KNNCore?) -> KNNOutcome {
    guard let core, let u, let i else {
      if form == .knnBaseline {
        return KNNOutcome(raw: baselines.estimate(isKnown(u) ? u : nil,
                                                  isKnown(i) ? i : nil),
                          source: .baseline,
                          fallback: "user and/or item unknown: baseline μ + b_u + b_i")
      }
      return KNNOutcome(raw: globalMean, source: .globalMean,
                        impossible: "user and/or item is unknown")
    }
    let enough = core.actualK >= settings.minK && core.sumSim > 0
    let shortfall = core.actualK < settings.minK
      ? "\(core.actualK) neighbour\(core.actualK == 1 ? "" : "s") with "
        + "similarity > 0, fewer than min_k = \(settings.minK)"
      : "no neighbour with similarity > 0"
    let ratio = core.sumRatings / core.sumSim
    switch form {
    case .knnBasic:
      return enough
        ? KNNOutcome(raw: ratio, source: .knn)
        : KNNOutcome(raw: globalMean, source: .globalMean,
                     impossible: "not enough neighbours")
    case .knnMeans, .knnZScore:
      let xm = moments(settings.basis)
      let mean = xm.means[core.x]
      guard enough else {
        let side = settings.basis == .user ? "user" : "item"
        return KNNOutcome(raw: mean, source: settings.basis == .user ? .userMean : .itemMean,
                          fallback: "\(shortfall): \(side) mean")
      }
      let offset = form == .knnMeans ? ratio : ratio * deviation(core.x, xm)
      return KNNOutcome(raw: mean + offset, source: .knn)
    default:
      let base = baselines.estimate(u, i)
      return enough
        ? KNNOutcome(raw: base + ratio, source: .knn)
        : KNNOutcome(raw: base, source: .baseline, fallback: "\(shortfall): baseline b_ui")
    }
  }

  func knnPrediction(_ u: UserIndex?, _ i: ItemIndex?, form: Algorithm,
                     explain: Bool) -> Prediction {
    let known = isKnown(u) && isKnown(i)
    let core = known ? knnCore(u!, i!, knnContext(form)) : nil
    let outcome = knnOutcome(u, i, form: form, core)
    var e = Explanation(method: "", formula: "")
    if explain { e = knnExplanation(u, i, form: form, core, outcome) }
    return finish(u, i, raw: outcome.raw, source: outcome.source,
                  impossible: outcome.impossible, e)
  }

  private func knnExplanation(_ u: UserIndex?, _ i: ItemIndex?, form: Algorithm,
                              _ core: KNNCore?, _ outcome: KNNOutcome) -> Explanation {
    let basis = settings.basis
    var e = Explanation(method: "\(form.title), \(settings.neighbourhoodSummary)",
                        formula: Self.knnFormula(form, basis))
    let xName = basis == .user ? "u" : "i"
    if let reason = outcome.impossible { e.fallbacks.append("\(reason): global mean μ") }
    if let fallback = outcome.fallback { e.fallbacks.append(fallback) }
    guard let core else {
      if form == .knnBaseline { e.terms = baselineTerms(u, i, &e).1 }
      else { e.terms = [Term("μ", outcome.raw)] }
      e.substituted = "r̂ = \(display(outcome.raw))"
      return e
    }
    let xm = moments(basis)
    let b = form == .knnBaseline ? baselines : nil
    let (bx, by) = basis == .user ? (b?.user, b?.item) : (b?.item, b?.user)
    e.candidateCount = basis == .user
      ? ratings.byItem[core.y].count : ratings.byUser[core.y].count
    e.neighbours = core.neighbours.map { n in
      neighbourTerm(n, x: core.x, y: core.y, form: form, moments: xm,
                    mu: b?.globalMean ?? 0, bx: bx, by: by)
    }
    e.sums = [Term("Σ sim", core.sumSim), Term("Σ numerator", core.sumRatings),
              Term("k used", Double(core.actualK))]
    // Written as a term of a sum: "+ 0.57 / 1.9" or "− 0.625 / 2".
    let quotient = "\(signedTerm(core.sumRatings)) / \(display(core.sumSim))"
    let raw = display(outcome.raw)
    switch form {
    case .knnMeans, .knnZScore:
      let mean = xm.means[core.x]
      e.terms.append(Term("μ_\(xName)", mean))
      if form == .knnZScore {
        e.terms.append(Term("σ_\(xName)", deviation(core.x, xm)))
      }
      e.substituted = outcome.source != .knn ? "r̂ = μ_\(xName) = \(raw)"
        : form == .knnMeans ? "r̂ = \(display(mean)) \(quotient) = \(raw)"
        : "r̂ = \(display(mean)) \(quotient) · \(display(deviation(core.x, xm))) = \(raw)"
    case .knnBaseline:
      e.terms = baselineTerms(u, i, &e).1
      let base = display(baselines.estimate(u, i))
      e.substituted = outcome.source != .knn ? "r̂ = b_ui = \(raw)"
        : "r̂ = \(base) \(quotient) = \(raw)"
    default:
      e.substituted = outcome.impossible != nil ? "r̂ = μ = \(raw)"
        : "r̂ = \(display(core.sumRatings)) / \(display(core.sumSim)) = \(raw)"
      if outcome.impossible != nil { e.terms = [Term("μ", outcome.raw)] }
    }
    return e
  }

  /// σ_x, or the σ of all ratings where σ_x is 0 (as Surprise does).
  func deviation(_ x: Int, _ m: RowMoments) -> Double {
    let s = m.deviations[x]
    return s == 0 ? overallDeviation : s
  }

  private func neighbourTerm(
    _ n: Neighbour, x: Int, y: Int, form: Algorithm, moments m: RowMoments,
    mu: Double, bx: [Double]?, by: [Double]?
  ) -> NeighbourTerm {
    let own = settings.basis == .user
    let coRated = own
      ? pairSums(x, n.index, own: ratings.byUser, centring: .none).0.count
      : pairSums(x, n.index, own: ratings.byItem, centring: .none).0.count
    var offset: Double?
    var sigma: Double?
    var contribution = n.similarity * n.rating
    switch form {
    case .knnMeans:
      offset = m.means[n.index]
      contribution = n.similarity * (n.rating - offset!)
    case .knnZScore:
      offset = m.means[n.index]
      sigma = deviation(n.index, m)
      contribution = n.similarity * (n.rating - offset!) / sigma!
    case .knnBaseline:
      offset = mu + bx![n.index] + by![y]
      contribution = n.similarity * (n.rating - offset!)
    default:
      break
    }
    return NeighbourTerm(
      index: n.index, id: id(ofRow: n.index), similarity: n.similarity,
      coRated: coRated, rating: n.rating, offset: offset, deviation: sigma,
      contribution: n.similarity > 0 ? contribution : 0, used: n.similarity > 0)
  }

  static func knnFormula(_ form: Algorithm, _ basis: Basis) -> String {
    let (x, n, r, sim) = basis == .user
      ? ("u", "v", "r_vi", "sim(u,v)") : ("i", "j", "r_uj", "sim(i,j)")
    switch form {
    case .knnMeans:
      return "r̂_ui = μ_\(x) + Σ_\(n) \(sim)·(\(r) − μ_\(n)) / Σ_\(n) \(sim)"
    case .knnZScore:
      return "r̂_ui = μ_\(x) + σ_\(x) · Σ_\(n) \(sim)·(\(r) − μ_\(n))/σ_\(n)"
        + " / Σ_\(n) \(sim)"
    case .knnBaseline:
      let b = basis == .user ? "b_vi" : "b_uj"
      return "r̂_ui = b_ui + Σ_\(n) \(sim)·(\(r) − \(b)) / Σ_\(n) \(sim)"
    default:
      return "r̂_ui = Σ_\(n) \(sim)·\(r) / Σ_\(n) \(sim)"
    }
  }
}
