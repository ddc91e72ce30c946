/// A trained latent factor model of ratings,
///
///     r̂_ui = μ + b_u + b_i + q_iᵀp_u      (biased)
///     r̂_ui = q_iᵀp_u                      (unbiased)
///
/// where μ is the mean training rating, b_u and b_i are how far user u and
/// item i sit from it, and p_u, q_i ∈ ℝᵏ place users and items in a space
/// of k latent factors whose inner product is the interaction (Koren, Bell
/// and Volinsky 2009, "Matrix factorization techniques for recommender
/// systems"). ``BiasedMF`` and ``ALSMF`` produce it.
///
/// A user or item is known when it has at least one training rating. As
/// Surprise's SVD does, the biased form uses only the known terms: μ,
/// plus b_u when the user is known, plus b_i when the item is known, plus
/// the product only when both are; that is a prediction, not a failure.
/// An item placed from outside (``placeItem(_:at:)``) takes part in the
/// product although no rating made it known.
/// The unbiased form has nothing to fall back on, so an unknown user or
/// item is impossible and gets μ with the reason recorded.
public struct FactorModel: Sendable {
  /// How the factors were fitted; decides whether a user's vector is an
  /// exact least-squares solution (see ``provenance(userID:itemID:limit:)``).
  public enum Training: String, Sendable, Equatable {
    case sgd = "SGD"
    case als = "ALS"
  }

  public let training: Training
  public let biased: Bool
  /// μ of the training ratings; the fallback of impossible predictions.
  public let globalMean: Double
  public internal(set) var userBias: [Double]
  public internal(set) var itemBias: [Double]
  /// p_u, one row per user of ``ratings``.
  public internal(set) var userFactors: FactorMatrix
  /// q_i, one row per item of ``ratings``.
  public internal(set) var itemFactors: FactorMatrix
  /// λ and λ_b of the least-squares problem that fold-in solves.
  public let foldInRegularization: FoldInRegularization
  /// The training ratings: ids, who is known, and the residuals that
  /// provenance decomposes.
  public internal(set) var ratings: RatingMatrix
  public let scale: RatingScale
  /// Epochs actually run (fewer than asked when stopped early).
  public let epochsTrained: Int
  /// Per user: is p_u (and b_u) the exact regularised least-squares
  /// solution against the current item side? True for every user after
  /// ALS and for folded-in users; false after SGD or quantisation.
  var exactUsers: [Bool]
  /// Items without training ratings whose q_i came from outside (see
  /// ``placeItem(_:at:)``); the product scores them.
  public internal(set) var placedItems: Set<Int> = []

  public var factorCount: Int { itemFactors.columns }

  /// Known to the model: present and with at least one training rating.
  public func isKnown(_ u: UserIndex?) -> Bool {
    guard let u, u.int >= 0, u.int < ratings.userCount else { return false }
    return !ratings.byUser[u.int].isEmpty
  }

  public func isKnown(_ i: ItemIndex?) -> Bool {
    guard let i, i.int >= 0, i.int < ratings.itemCount else { return false }
    return !ratings.byItem[i.int].isEmpty
  }

  /// r̂_ui for dense indices; nil stands for an id not in the data.
  /// - Complexity: O(k).
  public func estimate(_ u: UserIndex?, _ i: ItemIndex?) -> RatingEstimate {
    let userKnown = isKnown(u), itemKnown = isKnown(i)
    guard let u, let i, userKnown && (itemKnown || isPlaced(i)) else {
      let bu = userKnown ? u.map { userBias[$0.int] } : nil
      return partialEstimate(userBias: bu, itemKnown ? i : nil)
    }
    let dot = itemFactors.dot(row: i.int, with: userFactors, row: u.int)
    let raw = biased
      ? globalMean + userBias[u.int] + itemBias[i.int] + dot : dot
    return RatingEstimate(estimate: scale.clip(raw), raw: raw)
  }

  /// r̂_ui when at least one side is unknown: b_u given only for a known
  /// user, i only for a known item.
  func partialEstimate(userBias bu: Double?, _ i: ItemIndex?) -> RatingEstimate {
    guard biased else {
      return RatingEstimate(estimate: scale.clip(globalMean), raw: globalMean,
                            wasImpossible: true,
                            reason: "user and/or item is unknown")
    }
    var raw = globalMean
    if let bu { raw += bu }
    if let i { raw += itemBias[i.int] }
    return RatingEstimate(estimate: scale.clip(raw), raw: raw)
  }

  /// q_iᵀp for a user vector p, summed as training sums it.
  func interaction(_ i: ItemIndex, _ p: [Double]) -> Double {
    itemFactors.values.withUnsafeBufferPointer { q in
      p.withUnsafeBufferPointer { p in
        VectorKernels.dot(q.baseAddress! + i.int * factorCount, p.baseAddress!,
                          factorCount)
      }
    }
  }

  /// The factor matrices and biases in bytes, as 64-bit floats.
  public var parameterBytes: Int {
    userFactors.byteCount + itemFactors.byteCount
      + (userBias.count + itemBias.count) * MemoryLayout<Double>.size
  }
}

extension FactorModel: RatingPredictor {
  /// r̂_ui for external ids; ids not in the training data are unknown.
  public func estimate(userID: String, itemID: String) -> RatingEstimate {
    estimate(ratings.user(userID), ratings.item(itemID))
  }
}

/// The regularisation of a single user's least-squares problem: λ on the
/// factors and λ_b on the bias, each multiplied by the user's number of
/// ratings (see ``FactorModel/foldIn(_:)``).
public struct FoldInRegularization: Sendable, Equatable {
  public var factors: Double
  public var bias: Double

  public init(factors: Double, bias: Double) {
    self.factors = factors
    self.bias = bias
  }
}
