extension Engine {
  /// r̂_ui with its explanation. A nil index stands for an id that is not
  /// in the data; like a user or item with no ratings, it is unknown.
  public func predict(_ user: UserIndex?, _ item: ItemIndex?) -> Prediction {
    predict(user, item, explain: true)
  }

  /// r̂_ui for external ids; ids not in the data are unknown.
  public func predict(userID: String, itemID: String) -> Prediction {
    predict(ratings.user(userID), ratings.item(itemID))
  }

  func predict(_ u: UserIndex?, _ i: ItemIndex?, explain: Bool) -> Prediction {
    switch settings.algorithm {
    case .globalMean: return globalMeanPrediction(u, i)
    case .baseline: return baselinePrediction(u, i, explain: explain)
    case .knnBasic, .knnMeans, .knnZScore, .knnBaseline:
      return knnPrediction(u, i, form: settings.algorithm, explain: explain)
    case .content: return contentPrediction(u, i, explain: explain)
    case .hybrid: return hybridPrediction(u, i, explain: explain)
    case .svd, .als: return factorPrediction(u, i, explain: explain)
    }
  }

  /// Known to the model: present and with at least one rating.
  func isKnown(_ u: UserIndex?) -> Bool {
    guard let u, u.int < ratings.userCount else { return false }
    return !ratings.byUser[u.int].isEmpty
  }

  func isKnown(_ i: ItemIndex?) -> Bool {
    guard let i, i.int < ratings.itemCount else { return false }
    return !ratings.byItem[i.int].isEmpty
  }

  /// The clipped prediction of a raw value.
  func finish(_ u: UserIndex?, _ i: ItemIndex?, raw: Double,
              source: PredictionSource, impossible: String? = nil,
              _ explanation: Explanation) -> Prediction {
    Prediction(user: u, item: i, estimate: dataset.scale.clip(raw), raw: raw,
               wasImpossible: impossible != nil, reason: impossible,
               source: source, explanation: explanation)
  }

  /// The global mean, flagged impossible, with the reason recorded.
  func impossible(_ u: UserIndex?, _ i: ItemIndex?, _ why: String,
                  _ explanation: Explanation) -> Prediction {
    var e = explanation
    let mu = globalMean
    e.fallbacks.append("\(why): global mean μ")
    e.terms.append(Term("μ", mu))
    e.substituted = "r̂ = μ = \(display(mu))"
    return finish(u, i, raw: mu, source: .globalMean, impossible: why, e)
  }

  func globalMeanPrediction(_ u: UserIndex?, _ i: ItemIndex?) -> Prediction {
    var e = Explanation(method: "global mean", formula: "r̂_ui = μ")
    let mu = globalMean
    e.terms = [Term("μ", mu)]
    e.substituted = "r̂ = \(display(mu))"
    return finish(u, i, raw: mu, source: .globalMean, e)
  }

  /// μ + b_u + b_i; its explanation, when `explain`, formats five
  /// numbers, which costs more than the sum itself many times over.
  func baselinePrediction(_ u: UserIndex?, _ i: ItemIndex?,
                          explain: Bool) -> Prediction {
    guard explain else {
      return finish(u, i, raw: baselineRaw(u, i), source: .baseline,
                    Explanation(method: "", formula: ""))
    }
    var e = Explanation(method: "baseline (ALS, \(settings.baselines.epochs) epochs, "
                          + "reg_u=\(display(settings.baselines.userRegularization)), "
                          + "reg_i=\(display(settings.baselines.itemRegularization)))",
                        formula: "r̂_ui = μ + b_u + b_i")
    let (raw, terms) = baselineTerms(u, i, &e)
    e.terms = terms
    e.substituted = "r̂ = " + display(terms[0].value) + " "
      + terms.dropFirst().map { signedTerm($0.value) }.joined(separator: " ")
      + " = \(display(raw))"
    return finish(u, i, raw: raw, source: .baseline, e)
  }

  /// The sum ``baselineTerms(_:_:_:)`` explains, in the same order, so
  /// that both give the same bits.
  func baselineRaw(_ u: UserIndex?, _ i: ItemIndex?) -> Double {
    let b = baselines
    var raw = b.globalMean
    if isKnown(u), let u { raw += b.user[u.int] }
    if isKnown(i), let i { raw += b.item[i.int] }
    return raw
  }

  /// μ + b_u + b_i, leaving out the bias of an unknown side and saying so.
  func baselineTerms(_ u: UserIndex?, _ i: ItemIndex?,
                     _ e: inout Explanation) -> (Double, [Term]) {
    let b = baselines
    var raw = b.globalMean
    var terms = [Term("μ", b.globalMean)]
    if isKnown(u), let u {
      raw += b.user[u.int]
      terms.append(Term("b_u", b.user[u.int]))
    } else {
      e.fallbacks.append("user unknown: b_u left out")
    }
    if isKnown(i), let i {
      raw += b.item[i.int]
      terms.append(Term("b_i", b.item[i.int]))
    } else {
      e.fallbacks.append("item unknown: b_i left out")
    }
    return (raw, terms)
  }
}
