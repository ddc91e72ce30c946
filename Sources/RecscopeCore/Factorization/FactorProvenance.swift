/// Where a factor model's estimate comes from: its terms, the latent
/// factors that carry the interaction q_iᵀp_u, and the user's own ratings
/// that pull it up or down.
///
/// The pull of a rated item j is exact when p_u is the regularised
/// least-squares solution against the current items (ALS, fold-in): then
/// [p_u; b_u] = A⁻¹ Σ_j a_j t_j (see ``RidgeSystem``), so
///
///     q_iᵀp_u = Σ_j w_ij t_j,    w_ij = [q_i; 0]ᵀ A⁻¹ a_j,
///
/// with t_j = r_uj − μ − b_j the residual the factors explain, and the
/// contributions w_ij t_j add up to the product. An SGD vector is not such
/// a solution, so there the pull is approximated by w_ij = q_iᵀq_j, the
/// items' similarity in factor space, times t_j = r_uj − (μ + b_u + b_j);
/// those contributions need not add up to the product.
public struct FactorProvenance: Sendable, Equatable {
  /// One latent factor's share q_if · p_uf of the product.
  public struct FactorShare: Sendable, Equatable {
    public var factor: Int
    public var userValue: Double
    public var itemValue: Double
    public var contribution: Double
  }

  /// One rated item's pull on the estimate, w_ij · t_j.
  public struct Influence: Sendable, Equatable {
    public var itemID: String
    public var rating: Double
    /// t_j, the part of the rating left to the factors.
    public var residual: Double
    /// w_ij (exact weight, or q_iᵀq_j when approximate).
    public var weight: Double
    public var contribution: Double
  }

  public var userID: String
  public var itemID: String
  public var estimate: RatingEstimate
  /// μ; nil for an unbiased model.
  public var globalMean: Double?
  /// b_u; nil when unbiased or the user is unknown.
  public var userBias: Double?
  /// b_i; nil when unbiased or the item is unknown.
  public var itemBias: Double?
  /// q_iᵀp_u; nil unless both sides are known.
  public var dot: Double?
  /// The largest shares by magnitude, largest first.
  public var topFactors: [FactorShare]
  /// Rated items with the largest positive contributions, largest first.
  public var pullingUp: [Influence]
  /// Rated items with the most negative contributions, most negative first.
  public var pullingDown: [Influence]
  /// True when the influences are the exact decomposition above.
  public var influencesAreExact: Bool
  /// Terms left out and approximations made, in plain words.
  public var notes: [String]
}

extension FactorModel {
  /// The provenance of r̂_ui for a user and an item of the training data.
  /// - Parameter limit: most factors and most items listed per direction.
  /// - Complexity: O(n k) for a user with n ratings, plus O(n k² + k³)
  ///   when exact.
  public func provenance(userID: String, itemID: String,
                         limit: Int = 5) -> FactorProvenance {
    provenance(ratings.user(userID), ratings.item(itemID), userID: userID,
               itemID: itemID, limit: limit)
  }

  /// The same for dense indices (nil for an id not in the data), with the
  /// ids to show.
  func provenance(_ u: UserIndex?, _ i: ItemIndex?, userID: String,
                  itemID: String, limit: Int) -> FactorProvenance {
    let u = isKnown(u) ? u : nil
    let user = u.map { u in
      FoldedUser(factors: userFactors.row(u.int), bias: userBias[u.int],
                 ratings: ratings.byUser[u.int], unknownItemIDs: [])
    }
    let exact = u.map { exactUsers[$0.int] } ?? false
    return provenance(user, item: isKnown(i) ? i : nil, userID: userID,
                      itemID: itemID, exact: exact, limit: limit)
  }

  /// The provenance of r̂ for a folded-in user; always exact.
  public func provenance(for user: FoldedUser, userID: String = "folded-in",
                         itemID: String, limit: Int = 5) -> FactorProvenance {
    provenance(user.isKnown ? user : nil,
               item: ratings.item(itemID).flatMap { isKnown($0) ? $0 : nil },
               userID: userID, itemID: itemID, exact: true, limit: limit)
  }

  private func provenance(_ user: FoldedUser?, item: ItemIndex?,
                          userID: String, itemID: String,
                          exact: Bool, limit: Int) -> FactorProvenance {
    var result = FactorProvenance(
      userID: userID, itemID: itemID,
      estimate: user.map { estimate(for: $0, item: item) }
        ?? partialEstimate(userBias: nil, item),
      globalMean: biased ? globalMean : nil,
      userBias: biased ? user?.bias : nil,
      itemBias: biased ? item.map { itemBias[$0.int] } : nil,
      dot: nil, topFactors: [], pullingUp: [], pullingDown: [],
      influencesAreExact: false, notes: [])
    if user == nil {
      result.notes.append("user unknown: b_u and q_iᵀp_u left out")
    }
    if item == nil {
      result.notes.append("item unknown: b_i and q_iᵀp_u left out")
    }
    if !biased && (user == nil || item == nil) {
      result.notes.append("unbiased model: global mean μ used")
    }
    guard let user, let i = item else { return result }

    let q = itemFactors.row(i.int)
    var shares: [FactorProvenance.FactorShare] = []
    for f in 0..<factorCount {
      let c = q[f] * user.factors[f]
      shares.append(.init(factor: f, userValue: user.factors[f],
                          itemValue: q[f], contribution: c))
    }
    result.dot = interaction(i, user.factors)
    result.topFactors = Array(
      shares.sorted { abs($0.contribution) > abs($1.contribution) }.prefix(limit))

    let influences = exact
      ? exactInfluences(user, item: q) : approximateInfluences(user, item: q)
    result.influencesAreExact = exact && influences != nil
    if !result.influencesAreExact {
      result.notes.append(
        "influences approximate: p_u is not a least-squares solution "
        + "against these items (SGD or quantised factors), so each rated "
        + "item is weighted by q_iᵀq_j")
    }
    let all = influences ?? approximateInfluences(user, item: q)
    result.pullingUp = Array(all.filter { $0.contribution > 0 }
      .sorted { $0.contribution > $1.contribution }.prefix(limit))
    result.pullingDown = Array(all.filter { $0.contribution < 0 }
      .sorted { $0.contribution < $1.contribution }.prefix(limit))
    return result
  }

  /// w_ij t_j with w_ij = [q_i; 0]ᵀ A⁻¹ a_j; nil if A cannot be factored.
  private func exactInfluences(
    _ user: FoldedUser, item q: [Double]
  ) -> [FactorProvenance.Influence]? {
    var system = userSystem(user.ratings)
    guard (try? system.factor()) != nil else { return nil }
    var z = q + (biased ? [0] : [])
    z.withUnsafeMutableBufferPointer { system.solve($0.baseAddress!) }
    return user.ratings.map { entry in
      let j = entry.item.int
      var w = biased ? z[factorCount] : 0
      for f in 0..<factorCount { w += z[f] * itemFactors[j, f] }
      let t = biased ? entry.value - globalMean - itemBias[j] : entry.value
      return .init(itemID: ratings.id(of: entry.item), rating: entry.value,
                   residual: t, weight: w, contribution: w * t)
    }
  }

  /// q_iᵀq_j times r_uj − (μ + b_u + b_j).
  private func approximateInfluences(
    _ user: FoldedUser, item q: [Double]
  ) -> [FactorProvenance.Influence] {
    user.ratings.map { entry in
      let j = entry.item.int
      var w = 0.0
      for f in 0..<factorCount { w += q[f] * itemFactors[j, f] }
      let t = biased
        ? entry.value - globalMean - user.bias - itemBias[j] : entry.value
      return .init(itemID: ratings.id(of: entry.item), rating: entry.value,
                   residual: t, weight: w, contribution: w * t)
    }
  }
}
