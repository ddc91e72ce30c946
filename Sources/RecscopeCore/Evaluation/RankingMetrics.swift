/// Top-k figures averaged over users.
public struct RankingFigures: Sendable, Equatable {
  public var precision: Double
  public var recall: Double
  public var ndcg: Double
  public var hitRate: Double
  /// Users averaged over: those with at least one relevant test rating.
  public var users: Int
}

/// Ranking quality of the estimates for each user's held-out items.
///
/// Protocol: a user's test items alone are ranked by estimate, highest
/// first (ties keep the test list's order), as in Surprise's
/// precision-and-recall recipe, and an item is relevant when its actual
/// rating is at least the threshold. Ranking only rated items means every
/// ranked item has a known answer, so no unrated item has to be assumed
/// irrelevant; the price is that the figures describe ordering among
/// items the user did rate, not retrieval from the whole catalogue (which
/// ``coverage(of:catalogueSize:)`` speaks to). Unlike that recipe, an
/// item counts as recommended by being in the top k, whatever its
/// estimate, so the figures depend on the order alone.
///
/// With top-k list L (|L| = min(k, n_u)) and relevant set Rel:
///
///     precision@k = |L ∩ Rel| / |L|        recall@k = |L ∩ Rel| / |Rel|
///     hit rate@k  = 1 if L ∩ Rel ≠ ∅, else 0
///     nDCG@k      = Σ_{r ∈ L ∩ Rel} 1/log₂(rank_r + 1)
///                   ÷ Σ_{r=1}^{min(k,|Rel|)} 1/log₂(r + 1)
///
/// Users without a relevant test item are left out of the averages: no
/// ranking could score for them, and counting them as zero would measure
/// the data rather than the model.
public enum RankingMetrics {
  /// The figures at `k`, or nil when no user has a relevant test item.
  /// - Precondition: `k >= 1`.
  /// - Complexity: O(n log n) for n scored ratings.
  public static func evaluate(_ scored: [ScoredRating], k: Int,
                              threshold: Double = 4) -> RankingFigures? {
    precondition(k >= 1, "RankingMetrics.evaluate: k = \(k) < 1")
    var positions: [String: Int] = [:]
    var byUser: [[ScoredRating]] = []
    for s in scored {
      if let p = positions[s.userID] {
        byUser[p].append(s)
      } else {
        positions[s.userID] = byUser.count
        byUser.append([s])
      }
    }
    var sum = RankingFigures(precision: 0, recall: 0, ndcg: 0, hitRate: 0,
                             users: 0)
    for list in byUser {
      let relevant = list.filter { $0.actual >= threshold }.count
      guard relevant > 0 else { continue }
      let top = ranked(list).prefix(k)
      var hits = 0
      var dcg = 0.0
      for (rank, s) in top.enumerated() where s.actual >= threshold {
        hits += 1
        dcg += 1 / log2(Double(rank + 2))
      }
      var ideal = 0.0
      for rank in 0..<min(k, relevant) { ideal += 1 / log2(Double(rank + 2)) }
      sum.precision += Double(hits) / Double(top.count)
      sum.recall += Double(hits) / Double(relevant)
      sum.ndcg += dcg / ideal
      sum.hitRate += hits > 0 ? 1 : 0
      sum.users += 1
    }
    guard sum.users > 0 else { return nil }
    let n = Double(sum.users)
    return RankingFigures(precision: sum.precision / n, recall: sum.recall / n,
                          ndcg: sum.ndcg / n, hitRate: sum.hitRate / n,
                          users: sum.users)
  }

  /// Highest estimate first; equal estimates keep their order.
  static func ranked(_ list: [ScoredRating]) -> [ScoredRating] {
    list.enumerated()
      .sorted { $0.element.estimate != $1.element.estimate
        ? $0.element.estimate > $1.element.estimate : $0.offset < $1.offset }
      .map(\.element)
  }

  /// Catalogue coverage: the share of the catalogue's items that appear in
  /// at least one top-k list.
  /// - Precondition: `catalogueSize > 0`.
  public static func coverage(of lists: [[String]],
                              catalogueSize: Int) -> Double {
    precondition(catalogueSize > 0, "RankingMetrics.coverage: empty catalogue")
    var seen = Set<String>()
    for list in lists { seen.formUnion(list) }
    return Double(seen.count) / Double(catalogueSize)
  }

  /// Each user's top-k list over the whole catalogue of `train`: every
  /// known item the user has not rated in `train`, ranked by estimate,
  /// ties in item order.
  /// - Complexity: one estimate per (user, unrated item) pair.
  public static func topLists(_ predictor: some RatingPredictor, train: Dataset,
                              users: [String], k: Int) -> [[String]] {
    let m = train.ratings
    let catalogue = m.items.filter { !m.byItem[$0.int].isEmpty }
      .map { m.id(of: $0) }
    return users.map { userID in
      let rated = Set(m.user(userID).map { u in
        m.byUser[u.int].map { m.id(of: $0.item) } } ?? [])
      let scored = catalogue.filter { !rated.contains($0) }.map { item in
        let e = predictor.estimate(userID: userID, itemID: item)
        return ScoredRating(userID: userID, itemID: item, actual: 0,
                            estimate: e.estimate)
      }
      return ranked(scored).prefix(k).map(\.itemID)
    }
  }
}

#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
