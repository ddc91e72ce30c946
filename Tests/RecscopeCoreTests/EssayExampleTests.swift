import Testing
import TestSupport
@testable import RecscopeCore

/// The reference essay's worked example, with the arithmetic corrected.
@Suite struct EssayExampleTests {
  func engine(_ configure: (inout EngineSettings) -> Void = { _ in }) throws -> Engine {
    var s = EngineSettings()
    configure(&s)
    return try Engine(dataset: Datasets.essay, settings: s)
  }

  @Test func cosineBetweenUsers() throws {
    let e = try engine()
    #expect(e.similarity(0, 1) == 39 / (26.0 * 66).squareRoot())
    #expect(abs(e.similarity(0, 1) - 0.9415) < 5e-5)
    #expect(abs(e.similarity(0, 2) - 0.7317) < 5e-5)
    #expect(abs(e.similarity(1, 2) - 0.8986) < 5e-5)
    #expect(e.similarity(2, 2) == 1)
  }

  @Test func contentProfileOfA() throws {
    let e = try engine { $0.algorithm = .content }
    let a = try #require(e.ratings.user("A"))
    // Centre c_A = (4 + 3 + 1 + μ) / 4 with μ = 32/9.
    let centre = (8 + 32.0 / 9) / 4
    let p = e.profile(a)
    let w: [[Double]] = [[0.8, 0.9, 0.5], [0.6, 0.7, 0.8], [0.9, 0.6, 0.7]]
    for f in 0..<3 {
      let expected = (4 - centre) * w[0][f] + (3 - centre) * w[1][f]
        + (1 - centre) * w[2][f]
      #expect(abs(p[f] - expected) < 1e-12)
    }
  }

  @Test func userBasedPredictionUsesOnlyRatersOfTheItem() throws {
    // Remove A's rating of item 3, then predict it from B and C.
    let e = try engine()
    let a = try #require(e.ratings.user("A"))
    let i3 = try #require(e.ratings.item("3"))
    e.removeRating(a, i3)
    let p = e.predict(a, i3)
    let sAB = e.similarity(0, 1), sAC = e.similarity(0, 2)
    #expect(abs(p.estimate - (sAB * 4 + sAC * 5) / (sAB + sAC)) < 1e-12)
    // Over items 1 and 2 only, C (4:3 against 3:2) is nearer than B.
    #expect(p.explanation.neighbours.map(\.id) == ["C", "B"])
    #expect(!p.wasImpossible)
  }
}
