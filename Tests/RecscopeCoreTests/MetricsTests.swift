import Testing
@testable import RecscopeCore

/// Accuracy and ranking figures on lists small enough to check by hand.
@Suite struct MetricsTests {
  func s(_ u: String, _ i: String, _ actual: Double, _ estimate: Double) -> ScoredRating {
    ScoredRating(userID: u, itemID: i, actual: actual, estimate: estimate)
  }

  @Test func rmseAndMAE() {
    // Errors 1, −2, 0, 1: RMSE √(6/4), MAE 4/4.
    let list = [s("a", "x", 4, 5), s("a", "y", 3, 1), s("b", "x", 2, 2), s("b", "z", 5, 4)]
    #expect(AccuracyMetrics.rmse(list) == (6.0 / 4).squareRoot())
    #expect(AccuracyMetrics.mae(list) == 1)
    #expect(AccuracyMetrics.rmse([]) == nil && AccuracyMetrics.mae([]) == nil)
  }

  @Test func rankingFiguresByHand() throws {
    let list = [
      // User a ranks w (4.8), x (4.5), y (3.9), z (2.0); relevant: x, z.
      s("a", "x", 5, 4.5), s("a", "y", 2, 3.9), s("a", "z", 4, 2.0), s("a", "w", 3, 4.8),
      // User b ranks p (4.1), q (3.0); relevant: p.
      s("b", "p", 4, 4.1), s("b", "q", 1, 3.0),
      // User c has nothing relevant and is left out.
      s("c", "r", 2, 4.9),
    ]
    let r = try #require(RankingMetrics.evaluate(list, k: 2))
    // a: top 2 = w, x → 1 hit. precision 1/2, recall 1/2, hit 1,
    //    nDCG = (1/log₂3) / (1 + 1/log₂3).
    // b: top 2 = p, q → 1 hit. precision 1/2, recall 1, hit 1, nDCG 1.
    let ndcgA = (1 / log2(3.0)) / (1 + 1 / log2(3.0))
    #expect(r.users == 2)
    #expect(r.precision == 0.5)
    #expect(r.recall == 0.75)
    #expect(r.hitRate == 1)
    #expect(abs(r.ndcg - (ndcgA + 1) / 2) < 1e-15)
    let one = try #require(RankingMetrics.evaluate(list, k: 1))
    // a: top 1 = w, a miss. b: p, a hit.
    #expect(one.precision == 0.5 && one.recall == 0.5 && one.hitRate == 0.5)
    #expect(one.ndcg == 0.5)
  }

  @Test func equalEstimatesKeepTheTestOrder() throws {
    let list = [s("a", "x", 1, 3), s("a", "y", 5, 3)]
    let r = try #require(RankingMetrics.evaluate(list, k: 1))
    #expect(r.precision == 0)
  }

  @Test func noRelevantRatingsGiveNoFigures() {
    #expect(RankingMetrics.evaluate([s("a", "x", 1, 5)], k: 5) == nil)
  }

  @Test func catalogueCoverage() {
    let lists = [["x", "y"], ["y", "z"], ["x"]]
    #expect(RankingMetrics.coverage(of: lists, catalogueSize: 6) == 0.5)
  }
}

#if canImport(Glibc)
import Glibc
#endif
