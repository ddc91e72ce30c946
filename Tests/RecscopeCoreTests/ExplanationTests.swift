import Testing
import TestSupport
@testable import RecscopeCore

@Suite struct ExplanationTests {
  @Test(arguments: SimilarityMeasure.allCases)
  func similarityExplanationAgreesWithEngine(measure: SimilarityMeasure) throws {
    for basis in Basis.allCases {
      var s = EngineSettings()
      s.similarity = measure
      s.basis = basis
      s.minSupport = 2
      let e = try Engine(dataset: Datasets.random(seed: 11, users: 15, items: 12,
                                                  ratings: 80), settings: s)
      for x in 0..<e.similarityWidth {
        for x2 in 0..<e.similarityWidth {
          let ex = e.explainSimilarity(x, x2)
          #expect(ex.value == e.similarity(x, x2), "\(measure) \(basis) (\(x), \(x2))")
        }
      }
    }
  }

  @Test func essayCosineReadsAsWorkedExample() throws {
    let e = try Engine(dataset: Datasets.essay)
    let lines = e.explanationLines(for: e.explainSimilarity(0, 1))
    #expect(lines[0] == "sim(A, B) = 0.9415  cosine between users, 3 co-rated")
    #expect(lines.contains("value     sim = 39 / √(26 · 66) = 0.9415"))
  }

  @Test func predictionExplanationListsNeighboursAndArithmetic() throws {
    var s = EngineSettings()
    s.algorithm = .knnMeans
    let e = try Engine(dataset: Datasets.essay, settings: s)
    e.removeRating(UserIndex(0), ItemIndex(2))
    let p = e.predict(UserIndex(0), ItemIndex(2))
    let text = e.explanationLines(for: p)
    #expect(text[0].hasPrefix("r̂(A, 3) = "))
    #expect(text.contains { $0.contains("r̂_ui = μ_u + Σ_v sim(u,v)·(r_vi − μ_v)") })
    #expect(text.contains { $0.hasPrefix("  C ") } && text.contains { $0.hasPrefix("  B ") })
    #expect(p.explanation.neighbours.allSatisfy { $0.used })
    let sum = p.explanation.neighbours.map(\.contribution).reduce(0, +)
    let sims = p.explanation.neighbours.map(\.similarity).reduce(0, +)
    #expect(abs(p.raw - (3.5 + sum / sims)) < 1e-12)
  }

  @Test func impossiblePredictionSaysWhyAndFallsBack() throws {
    let e = try Engine(dataset: Datasets.essay)
    let p = e.predict(userID: "nobody", itemID: "1")
    #expect(p.wasImpossible)
    #expect(p.reason == "user and/or item is unknown")
    #expect(p.estimate == 32.0 / 9)
    #expect(e.explanationLines(for: p).contains {
      $0 == "fallback  user and/or item is unknown: global mean μ" })
  }
}
