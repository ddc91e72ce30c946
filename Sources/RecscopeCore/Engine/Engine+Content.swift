/// Content-based scoring: a user's profile is the sum of the features w_j
/// of the items they rated, each weighted by how far the rating sits from
/// the user's centre; an item scores by the cosine between the profile and
/// its features.
///
///     c_u  = (Σ_j r_uj + λ·μ) / (|I_u| + λ)        λ = 1
///     p_u  = Σ_j (r_uj − c_u) · w_j
///     s_ui = p_u·w_i / (‖p_u‖ ‖w_i‖)
///     r̂_ui = c_u + s_ui · σ
///
/// c_u is the user's mean shrunk toward μ by one pseudo-rating, so that a
/// single rating still says "liked" or "disliked" (centring on the plain
/// mean would leave a one-rating user with an empty profile); σ is the
/// deviation of all ratings, which turns a cosine into a rating offset.
extension Engine {
  /// λ, the pseudo-ratings at the global mean that c_u is shrunk by.
  static let profileDamping = 1.0

  /// c_u, the user's centre.
  func profileCentre(_ u: UserIndex) -> Double {
    var sum = 0.0
    let row = ratings.byUser[u.int]
    for e in row { sum += e.value }
    return (sum + Self.profileDamping * globalMean)
      / (Double(row.count) + Self.profileDamping)
  }

  /// p_u, cached until the user's ratings, μ or a feature change.
  public func profile(_ u: UserIndex) -> [Double] {
    if let p = profiles[u.int] { return p }
    let centre = profileCentre(u)
    var p = [Double](repeating: 0, count: catalog.featureCount)
    for e in ratings.byUser[u.int] {
      let w = catalog.features(of: e.item)
      let weight = e.value - centre
      for f in p.indices { p[f] += weight * w[f] }
    }
    profiles[u.int] = p
    return p
  }

  /// s_ui, or why there is none.
  func contentScore(_ u: UserIndex, _ i: ItemIndex) -> Result<Double, ContentGap> {
    guard catalog.featureCount > 0 else { return .failure(.noFeatures) }
    guard !ratings.byUser[u.int].isEmpty else { return .failure(.noRatings) }
    let p = profile(u)
    let w = catalog.features(of: i)
    var dot = 0.0, pp = 0.0, ww = 0.0
    for f in p.indices {
      dot += p[f] * w[f]
      pp += p[f] * p[f]
      ww += w[f] * w[f]
    }
    guard ww > 0 else { return .failure(.itemWithoutFeatures) }
    guard pp > 0 else { return .failure(.flatProfile) }
    return .success(dot / (pp * ww).squareRoot())
  }

  /// The spread that maps a cosine onto the rating scale.
  var contentSpread: Double {
    let s = overallDeviation
    return s > 0 ? s : dataset.scale.width / 4
  }

  /// r̂_ui by content; its arithmetic written out only when `explain`,
  /// since formatting it costs more than the cosine.
  func contentPrediction(_ u: UserIndex?, _ i: ItemIndex?,
                         explain: Bool = true) -> Prediction {
    var e = Explanation(
      method: "content-based (cosine of profile and item features)",
      formula: "r̂_ui = c_u + σ · cos(p_u, w_i)")
    guard let u, u.int < ratings.userCount, !ratings.byUser[u.int].isEmpty else {
      return impossible(u, i, "user has no ratings", e)
    }
    guard let i, i.int < ratings.itemCount else {
      return impossible(u, i, "item is unknown", e)
    }
    let centre = profileCentre(u)
    if !explain {
      switch contentScore(u, i) {
      case .failure(let gap):
        return finish(u, i, raw: centre, source: .userMean,
                      impossible: gap.description, e)
      case .success(let s):
        return finish(u, i, raw: centre + contentSpread * s,
                      source: .content, e)
      }
    }
    e.terms = [Term("c_u", centre)]
    switch contentScore(u, i) {
    case .failure(let gap):
      e.fallbacks.append("\(gap): user centre c_u")
      e.substituted = "r̂ = c_u = \(display(centre))"
      return finish(u, i, raw: centre, source: .userMean, impossible: gap.description, e)
    case .success(let s):
      let spread = contentSpread
      let raw = centre + spread * s
      e.terms += [Term("σ", spread), Term("cos(p_u, w_i)", s)]
      e.substituted = "r̂ = \(display(centre)) + \(display(spread)) · "
        + (s < 0 ? "(\(display(s)))" : display(s)) + " = \(display(raw))"
      return finish(u, i, raw: raw, source: .content, e)
    }
  }

  /// The blend of k-NN with means and content; content alone below the
  /// minimum number of ratings, k-NN alone where content cannot score.
  func hybridPrediction(_ u: UserIndex?, _ i: ItemIndex?, explain: Bool) -> Prediction {
    let w = settings.hybridWeight
    let m = settings.hybridMinRatings
    let nu = isKnown(u) ? ratings.byUser[u!.int].count : 0
    let ni = isKnown(i) ? ratings.byItem[i!.int].count : 0
    let content = contentPrediction(u, i, explain: explain)
    if nu < m || ni < m {
      var p = content.wasImpossible
        ? knnPrediction(u, i, form: .knnMeans, explain: explain) : content
      guard explain else { return p }
      let who = nu < m ? "user has \(nu) rating\(nu == 1 ? "" : "s")"
                       : "item has \(ni) rating\(ni == 1 ? "" : "s")"
      p.explanation.fallbacks.insert(
        "\(who), fewer than \(m): "
          + (content.wasImpossible ? "content impossible, k-NN with means" : "content-based"),
        at: 0)
      p.explanation.method = "hybrid → " + p.explanation.method
      return p
    }
    var cf = knnPrediction(u, i, form: .knnMeans, explain: explain)
    guard explain || content.wasImpossible else {
      return finish(u, i, raw: w * cf.estimate + (1 - w) * content.estimate,
                    source: .hybrid, Explanation(method: "", formula: ""))
    }
    guard !content.wasImpossible else {
      cf.explanation.fallbacks.insert(
        "content impossible (\(content.reason ?? "")): k-NN with means alone", at: 0)
      cf.explanation.method = "hybrid → " + cf.explanation.method
      return cf
    }
    var e = cf.explanation
    e.method = "hybrid: \(display(w)) × k-NN with means + \(display(1 - w)) × content"
    e.formula = "r̂_ui = w · r̂_knn + (1 − w) · r̂_content"
    e.terms = [Term("w", w), Term("r̂_knn", cf.estimate),
               Term("r̂_content", content.estimate)] + e.terms
    let raw = w * cf.estimate + (1 - w) * content.estimate
    e.substituted = "r̂ = \(display(w)) · \(display(cf.estimate)) + \(display(1 - w)) · "
      + "\(display(content.estimate)) = \(display(raw))"
    return finish(u, i, raw: raw, source: .hybrid, e)
  }
}

/// Why content scoring cannot score a pair.
enum ContentGap: Error, CustomStringConvertible {
  case noFeatures, noRatings, itemWithoutFeatures, flatProfile

  var description: String {
    switch self {
    case .noFeatures: return "the data has no item features"
    case .noRatings: return "user has no ratings"
    case .itemWithoutFeatures: return "item has no features"
    case .flatProfile: return "user profile is zero"
    }
  }
}
