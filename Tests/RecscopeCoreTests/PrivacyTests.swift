import Testing
import TestSupport
@testable import RecscopeCore

/// The Laplace mechanism on training ratings.
@Suite struct PrivacyTests {
  @Test func drawsHaveMeanAbsoluteDeviationEqualToTheScale() {
    for seed: UInt64 in [1, 2, 3] {
      for b in [0.5, 4.0] {
        var g = SeededGenerator(seed: seed)
        let n = 200_000
        var absolute = 0.0, total = 0.0
        for _ in 0..<n {
          let x = LaplaceMechanism.sample(scale: b, using: &g)
          absolute += abs(x)
          total += x
        }
        // The mean absolute deviation of Laplace(0, b) is b; its standard
        // error over n draws is b/√n, so 2 % is over 8 standard errors.
        #expect(abs(absolute / Double(n) - b) < 0.02 * b, "seed \(seed), b \(b)")
        #expect(abs(total / Double(n)) < 0.02 * b, "seed \(seed), b \(b)")
      }
    }
  }

  @Test func perturbedRatingsCarryNoiseOfScaleWidthOverEpsilon() throws {
    let data = Datasets.random(seed: 2, users: 300, items: 200, ratings: 20_000)
    let split = try Splitter.holdout(RatingList(data), testFraction: 0.1, seed: 1)
    let mechanism = LaplaceMechanism(epsilon: 2, clipsToScale: false)
    #expect(mechanism.noiseScale(for: data.scale) == 2)  // Δ = 5 − 1 = 4
    let noisy = try mechanism.perturb(split, seed: 9)
    let before = split.trainRecords.map(\.rating)
    let after = noisy.trainRecords.map(\.rating)
    #expect(before.count == after.count)
    let mad = zip(before, after).map { abs($0 - $1) }.reduce(0, +) / Double(before.count)
    #expect(abs(mad - 2) < 0.1, "mean absolute noise \(mad)")
    #expect(noisy.test == split.test)
  }

  @Test func clippingKeepsRatingsOnTheScale() throws {
    let data = Datasets.random(seed: 3, users: 50, items: 40, ratings: 1000)
    let split = try Splitter.holdout(RatingList(data), testFraction: 0.1, seed: 1)
    let noisy = try LaplaceMechanism(epsilon: 0.5).perturb(split, seed: 1)
    #expect(noisy.trainRecords.allSatisfy { data.scale.contains($0.rating) })
    #expect(noisy.trainRecords.map(\.userID) == split.trainRecords.map(\.userID))
    #expect(throws: EvaluationError.self) {
      try LaplaceMechanism(epsilon: 0).perturb(split, seed: 1)
    }
  }
}
