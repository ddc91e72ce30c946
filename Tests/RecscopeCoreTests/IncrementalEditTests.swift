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

/// Top-N takes shortcuts (items picked directly or filled by a sweep
/// split over two cores, ties redone exactly); its scores must still be
/// the predictions. Jaccard similarities tie often, cosine rarely.
@Suite struct TopNShortcutTests {
  @Test(arguments: [Algorithm.knnBasic, .knnMeans, .knnZScore, .knnBaseline],
        [SimilarityMeasure.cosine, .jaccard])
  func topNScoresAreThePredictions(algorithm: Algorithm,
                                   similarity: SimilarityMeasure) throws {
    try checkTopN(algorithm, similarity, basis: .user)
  }

  /// Item-based lists read the rows of the user's items, not each
  /// candidate's: sim(i, j) and sim(j, i) must agree to the bit.
  @Test(arguments: [Algorithm.knnBasic, .knnMeans, .knnZScore, .knnBaseline],
        [SimilarityMeasure.cosine, .jaccard, .pearson, .adjustedCosine])
  func itemBasedTopNScoresAreThePredictions(
    algorithm: Algorithm, similarity: SimilarityMeasure
  ) throws {
    try checkTopN(algorithm, similarity, basis: .item)
  }

  /// An item-based list computes the similarity rows of the user's items
  /// and no others, so large catalogues never build the n × n matrix.
  @Test func itemBasedTopNComputesOnlyTheUsersItemsRows() throws {
    let data = Datasets.random(seed: 5, users: 200, items: 300, ratings: 4_000)
    var s = EngineSettings()
    s.basis = .item
    let e = try Engine(dataset: data, settings: s)
    let u = try #require((0..<e.ratings.userCount).first {
      e.ratings.byUser[$0].count >= 10 })
    let list = e.recommend(for: UserIndex(u), count: 10)
    #expect(list.items.count == 10)
    #expect(e.store.cachedRowCount == e.ratings.byUser[u].count)
  }

  func checkTopN(_ algorithm: Algorithm, _ similarity: SimilarityMeasure,
                 basis: Basis) throws {
    // Over a thousand users with positive similarity: the two-part sweep.
    let data = Datasets.random(seed: 21, users: 1_200, items: 40, ratings: 12_000)
    // k = 200 leaves items short after the first half of the neighbours;
    // the factors send every item to the sweep, some, or none.
    for (k, factor) in [(5, 1), (5, 2), (200, 1), (200, 2), (200, 1_000)] {
      var s = EngineSettings()
      s.algorithm = algorithm
      s.similarity = similarity
      s.basis = basis
      s.k = k
      let e = try Engine(dataset: data, settings: s)
      e.directPickFactor = factor
      let rated = (0..<e.ratings.userCount).filter { !e.ratings.byUser[$0].isEmpty }
      #expect(rated.count > 1_024)
      for u in [rated[0], rated[1], rated[rated.count / 2], rated.last!]
        .map(UserIndex.init) {
        let list = e.recommend(for: u, count: e.ratings.itemCount)
        #expect(list.items.count
                == e.ratings.itemCount - e.ratings.byUser[u.int].count)
        for r in list.items {
          let p = e.predict(u, r.item)
          let setting = "\(algorithm) \(similarity) \(basis)-based k \(k) "
            + "factor \(factor)"
          #expect(abs(r.score - p.estimate) < 1e-12,
                  "\(setting) \(u) \(r.item): \(r.score) vs \(p.estimate)")
        }
      }
    }
  }
}

/// Rows computed on demand are held within a byte budget; dropping the
/// least recently read must never leave a kept row with a stale column.
@Suite struct SimilarityBudgetTests {
  @Test(arguments: [Basis.user, .item])
  func rowsStayExactWhenTheBudgetEvicts(basis: Basis) throws {
    for seed: UInt64 in [11, 12] {
      var s = EngineSettings()
      s.basis = basis
      s.similarity = .pearson
      s.algorithm = .knnMeans
      s.k = 5
      let data = Datasets.random(seed: seed, users: 40, items: 35, ratings: 400)
      let live = try Engine(dataset: data, settings: s)
      let width = basis == .user ? 40 : 35
      // Room for six rows of this width.
      live.similarityBudget = 6 * width * MemoryLayout<Double>.stride
      var g = SeededGenerator(seed: seed)
      for step in 0..<300 {
        let u = UserIndex(Int(g.next() % 40)), i = ItemIndex(Int(g.next() % 35))
        if g.next() % 4 == 0 { live.removeRating(u, i) }
        else { try live.setRating(u, i, to: Double(1 + g.next() % 5)) }
        for _ in 0..<3 { _ = live.similarityRow(Int(g.next() % UInt64(width))) }
        _ = live.recommend(for: u, count: 3)
        #expect(live.store.cachedRowCount <= 6,
                "seed \(seed): \(live.store.cachedRowCount) rows kept")
        if step % 25 == 24 {
          let fresh = try Engine(dataset: live.dataset, settings: s)
          for x in 0..<width {
            #expect(live.similarityRow(x) == fresh.similarityRow(x),
                    "seed \(seed), \(basis)-based, row \(x) after edit \(step)")
          }
          #expect(live.recommend(for: u, count: 5)
                  == fresh.recommend(for: u, count: 5), "seed \(seed)")
        }
      }
    }
  }
}
