/// Options of the baseline estimates b_u, b_i (Koren 2010, section 2.1).
public struct BaselineOptions: Equatable, Sendable, Codable {
  /// Rounds of alternating least squares.
  public var epochs = 10
  /// λ₂ for users and λ₃ for items, Surprise's defaults.
  public var userRegularization = 15.0
  public var itemRegularization = 10.0

  public init() {}
}

/// The baseline estimate b_ui = μ + b_u + b_i: the global mean plus how
/// far a user and an item tend to sit from it.
public struct Baselines: Equatable, Sendable {
  public let globalMean: Double
  /// b_u per user and b_i per item; 0 for those with no ratings.
  public let user: [Double]
  public let item: [Double]

  /// Fits b_u and b_i by alternating least squares, items first, each
  /// sum in insertion order: the loops of Surprise's `baseline_als`.
  /// - Complexity: O(epochs · |R|).
  public init(fitting ratings: RatingMatrix, options: BaselineOptions) {
    let mu = ratings.globalMean ?? 0
    var bu = Array(repeating: 0.0, count: ratings.userCount)
    var bi = Array(repeating: 0.0, count: ratings.itemCount)
    for _ in 0..<options.epochs {
      for i in 0..<ratings.itemCount {
        var deviation = 0.0
        for entry in ratings.byItem[i] { deviation += entry.value - mu - bu[entry.user.int] }
        bi[i] = deviation
          / (options.itemRegularization + Double(ratings.byItem[i].count))
      }
      for u in 0..<ratings.userCount {
        var deviation = 0.0
        for entry in ratings.byUser[u] { deviation += entry.value - mu - bi[entry.item.int] }
        bu[u] = deviation
          / (options.userRegularization + Double(ratings.byUser[u].count))
      }
    }
    globalMean = mu
    user = bu
    item = bi
  }

  /// b_ui for a pair, each bias counted only when its side is known.
  public func estimate(_ u: UserIndex?, _ i: ItemIndex?) -> Double {
    var est = globalMean
    if let u, u.int < user.count { est += user[u.int] }
    if let i, i.int < item.count { est += item[i.int] }
    return est
  }
}
