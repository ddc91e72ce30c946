import Testing
import TestSupport
@testable import RecscopeCore

/// Live edits must leave the engine exactly where a fresh build on the
/// edited data would be: same similarities to the last bit, same
/// predictions, same top-N.
@Suite struct IncrementalEditTests {
  static let cases: [(SimilarityMeasure, Basis)] = SimilarityMeasure.allCases.flatMap {
    m in Basis.allCases.map { (m, $0) }
  }

  @Test(arguments: cases)
  func editsMatchFullRebuild(measure: SimilarityMeasure, basis: Basis) throws {
    for seed: UInt64 in [1, 2, 3] {
      try check(seed: seed, measure: measure, basis: basis, edits: 400)
    }
  }

  func check(seed: UInt64, measure: SimilarityMeasure, basis: Basis, edits: Int) throws {
    var settings = EngineSettings()
    settings.similarity = measure
    settings.basis = basis
    settings.algorithm = .knnMeans
    settings.k = 5
    settings.minSupport = 2
    let data = Datasets.random(seed: seed, users: 30, items: 25, ratings: 250)
    let live = try Engine(dataset: data, settings: settings)
    live.buildSimilarities()
    var g = SeededGenerator(seed: seed &* 7919)
    for step in 0..<edits {
      let users = live.ratings.userCount, items = live.ratings.itemCount
      let u = UserIndex(Int(g.next() % UInt64(users)))
      let i = ItemIndex(Int(g.next() % UInt64(items)))
      switch g.next() % 20 {
      case 0: live.addUser("new-u\(step)")
      case 1: live.addItem("new-i\(step)")
      case 2...6: live.removeRating(u, i)
      default: try live.setRating(u, i, to: Double(1 + g.next() % 9) / 2 + 0.5)
      }
      if step % 50 == 49 || step == edits - 1 {
        let fresh = try Engine(dataset: live.dataset, settings: settings)
        let context = "seed \(seed), \(measure) \(basis)-based, after edit \(step)"
        for x in 0..<fresh.similarityWidth {
          let a = live.similarityRow(x), b = fresh.similarityRow(x)
          #expect(a == b, "similarity row \(x) differs; \(context)")
          if a != b { return }
        }
        for _ in 0..<20 {
          let u = UserIndex(Int(g.next() % UInt64(live.ratings.userCount)))
          let i = ItemIndex(Int(g.next() % UInt64(live.ratings.itemCount)))
          let p = live.predict(u, i), q = fresh.predict(u, i)
          #expect(p.raw == q.raw, "prediction (\(u), \(i)) differs; \(context)")
        }
        let u = UserIndex(Int(g.next() % UInt64(live.ratings.userCount)))
        #expect(live.recommend(for: u, count: 5) == fresh.recommend(for: u, count: 5),
                "top-5 of \(u) differs; \(context)")
      }
    }
  }
}

/// Top-N takes shortcuts (items read directly, a sweep split over two
/// cores, ties redone exactly); its scores must still be the predictions.
@Suite struct TopNShortcutTests {
  @Test(arguments: [Algorithm.knnBasic, .knnMeans, .knnZScore, .knnBaseline],
        [5, 200])
  func topNScoresAreThePredictions(algorithm: Algorithm, k: Int) throws {
    var s = EngineSettings()
    s.algorithm = algorithm
    // k = 200 leaves items short after the first half of the neighbours.
    s.k = k
    // Over a thousand users with positive similarity: the two-part sweep.
    let data = Datasets.random(seed: 21, users: 1_200, items: 40, ratings: 12_000)
    let e = try Engine(dataset: data, settings: s)
    let rated = (0..<e.ratings.userCount).filter { !e.ratings.byUser[$0].isEmpty }
    #expect(rated.count > 1_024)
    for u in [rated[0], rated[1], rated[rated.count / 2], rated.last!].map(UserIndex.init) {
      let list = e.recommend(for: u, count: e.ratings.itemCount)
      #expect(list.items.count == e.ratings.itemCount - e.ratings.byUser[u.int].count)
      for r in list.items {
        let p = e.predict(u, r.item)
        #expect(abs(r.score - p.estimate) < 1e-12,
                "\(algorithm) \(u) \(r.item): \(r.score) vs \(p.estimate)")
      }
    }
  }
}
