/// A user's factors solved from their ratings against a trained item side,
/// without retraining: see ``FactorModel/foldIn(_:)``.
public struct FoldedUser: Sendable, Equatable {
  /// p_u.
  public var factors: [Double]
  /// b_u; 0 for an unbiased model.
  public var bias: Double
  /// The ratings used, of items the model knows, in the order given.
  public var ratings: [ItemRating]
  /// Ids of rated items the model does not know; they cannot inform p_u.
  public var unknownItemIDs: [String]

  /// Known when at least one rating could be used.
  public var isKnown: Bool { !ratings.isEmpty }
}

extension FactorModel {
  /// Solves one user's p_u (and b_u) from their ratings with the items'
  /// q_i, b_i and μ fixed: the ALS user step of ``RidgeSystem`` with this
  /// model's ``foldInRegularization``. For an ALS model that is exactly
  /// how its users were trained; for an SGD model (λ and λ_b taken from
  /// `reg_pu` and `reg_bu`) it is the minimiser of the same loss that SGD
  /// descends, restricted to the one user.
  ///
  /// A repeated item keeps its first place and its last value.
  /// - Throws: ``FactorizationError/notPositiveDefinite(column:)`` only
  ///   when the regularisation is 0.
  /// - Complexity: O(n k² + k³) for n ratings and k factors.
  public func foldIn(_ ratings: [(itemID: String, rating: Double)])
    throws(FactorizationError) -> FoldedUser {
    var entries: [ItemRating] = []
    var position: [ItemIndex: Int] = [:]
    var unknown: [String] = []
    for (id, value) in ratings {
      guard let i = self.ratings.item(id), isKnown(i) else {
        unknown.append(id)
        continue
      }
      if let p = position[i] {
        entries[p].value = value
      } else {
        position[i] = entries.count
        entries.append(ItemRating(item: i, value: value))
      }
    }
    return try foldIn(entries, unknownItemIDs: unknown)
  }

  /// Fold-in from dense item indices, all known to the model.
  func foldIn(
    _ entries: [ItemRating], unknownItemIDs: [String] = []
  ) throws(FactorizationError) -> FoldedUser {
    var p = Array(repeating: 0.0, count: factorCount)
    guard !entries.isEmpty else {
      return FoldedUser(factors: p, bias: 0, ratings: [],
                        unknownItemIDs: unknownItemIDs)
    }
    var system = userSystem(entries)
    try system.factor()
    let bias = p.withUnsafeMutableBufferPointer {
      system.solution(into: $0.baseAddress!)
    }
    return FoldedUser(factors: p, bias: bias, ratings: entries,
                      unknownItemIDs: unknownItemIDs)
  }

  /// The assembled (not yet factored) normal equations of one user.
  func userSystem(_ entries: [ItemRating]) -> RidgeSystem {
    var system = RidgeSystem(factors: factorCount, biased: biased)
    let mu = biased ? globalMean : 0
    itemFactors.values.withUnsafeBufferPointer { q in
      itemBias.withUnsafeBufferPointer { bi in
        system.assemble(entries, fixed: q.baseAddress!,
                        otherBias: bi.baseAddress!, mu: mu,
                        lambda: foldInRegularization.factors,
                        biasLambda: foldInRegularization.bias)
      }
    }
    return system
  }

  /// r̂ for a folded-in user and an item of this model.
  /// - Complexity: O(k).
  public func estimate(for user: FoldedUser, itemID: String) -> RatingEstimate {
    estimate(for: user,
             item: ratings.item(itemID).flatMap { isKnown($0) ? $0 : nil })
  }

  /// r̂ for a folded-in user and a known item (nil when unknown).
  func estimate(for user: FoldedUser, item: ItemIndex?) -> RatingEstimate {
    guard user.isKnown, let i = item else {
      return partialEstimate(userBias: user.isKnown ? user.bias : nil, item)
    }
    let dot = interaction(i, user.factors)
    let raw = biased ? globalMean + user.bias + itemBias[i.int] + dot : dot
    return RatingEstimate(estimate: scale.clip(raw), raw: raw)
  }

  /// Folds a user in and keeps them: a new id is added, an existing
  /// user's ratings and vector are replaced. Ratings of items the model
  /// does not know are left out. Items keep their factors and μ stays.
  /// - Returns: the user's index.
  /// - Complexity: that of ``foldIn(_:)`` plus O(n (|I_u| + |U_i|)) to
  ///   update the stored ratings.
  @discardableResult
  public mutating func setUser(_ id: String,
                               ratings list: [(itemID: String, rating: Double)])
    throws(FactorizationError) -> UserIndex {
    let folded = try foldIn(list)
    let u = ratings.addUser(id)
    for entry in ratings.byUser[u.int] { ratings.remove(u, entry.item) }
    for entry in folded.ratings { ratings.set(u, entry.item, to: entry.value) }
    if u.int == userFactors.rows {
      userFactors.appendRow(folded.factors)
      userBias.append(folded.bias)
      exactUsers.append(folded.isKnown)
    } else {
      userFactors.setRow(u.int, to: folded.factors)
      userBias[u.int] = folded.bias
      exactUsers[u.int] = folded.isKnown
    }
    return u
  }
}
