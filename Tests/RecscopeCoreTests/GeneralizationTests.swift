import Testing
import TestSupport
@testable import RecscopeCore

/// Noise, dropout, oversampling and pretrained vectors.
@Suite struct GeneralizationTests {
  let data = Datasets.random(seed: 14, users: 50, items: 30, ratings: 600)

  func split() throws -> TrainTestSplit {
    try Splitter.holdout(RatingList(data), testFraction: 0.2, seed: 1)
  }

  @Test func gaussianNoiseIsClippedAndLeavesTestAlone() throws {
    let s = try split()
    let noisy = try TrainingNoise.gaussian(s, deviation: 0.5, seed: 3)
    #expect(noisy.test == s.test)
    let before = s.trainRecords, after = noisy.trainRecords
    #expect(after.map(\.itemID) == before.map(\.itemID))
    #expect(after.allSatisfy { s.train.scale.contains($0.rating) })
    #expect(zip(before, after).contains { $0.rating != $1.rating })
    #expect(try TrainingNoise.gaussian(s, deviation: 0, seed: 3).trainRecords == before)
    let again = try TrainingNoise.gaussian(s, deviation: 0.5, seed: 3)
    #expect(again.trainRecords == after)
  }

  @Test func dropoutRemovesTheRoundedFraction() throws {
    let s = try split()
    let n = s.train.ratings.count
    let thinned = try TrainingNoise.dropout(s, fraction: 0.25, seed: 2)
    #expect(thinned.train.ratings.count == n - Int((0.25 * Double(n)).rounded()))
    #expect(Set(thinned.trainRecords).isSubset(of: Set(s.trainRecords)))
    #expect(thinned.train.ratings.userIDs == s.train.ratings.userIDs)
    #expect(throws: EvaluationError.self) {
      try TrainingNoise.dropout(s, fraction: 1, seed: 2)
    }
  }

  @Test func oversamplingRepeatsSparseUsersBlocks() {
    let d = Datasets.make([("a", "x", 4), ("b", "x", 2), ("b", "y", 3),
                           ("c", "x", 1), ("c", "y", 2), ("c", "z", 5)])
    let list = TrainingList(d).oversamplingSparseUsers(below: 3)
    // a: 1 rating → 3 copies; b: 2 → 2 copies; c: 3 → 1.
    #expect(list.users == [0, 0, 0, 1, 1, 1, 1, 2, 2, 2])
    #expect(list.values == [4, 4, 4, 2, 3, 2, 3, 1, 2, 5])
    #expect(TrainingList(d).oversamplingSparseUsers(below: 0).values
            == TrainingList(d).values)
  }

  @Test func oversampledTrainingUpdatesSparseUsersMore() throws {
    var mf = BiasedMF()
    mf.factors = 4
    mf.epochs = 1
    let list = TrainingList(data)
    let plain = try mf.fit(list)
    let heavy = try mf.fit(list.oversamplingSparseUsers(below: 20))
    #expect(plain.globalMean == heavy.globalMean)
    let sparse = (0..<data.ratings.userCount).first {
      (1..<20).contains(data.ratings.byUser[$0].count)
    }!
    #expect(heavy.userBias[sparse] != plain.userBias[sparse])
  }

  @Test func pretrainedVectorsStartTheItemFactors() throws {
    let vectors = try PretrainedItemVectors(["i0": [1, 0, 0], "i1": [0, 1, 0],
                                             "not-here": [0, 0, 1]])
    #expect(vectors.dimension == 3)
    #expect(vectors.matches(in: data.ratings) == 2)
    let q = vectors.itemFactors(for: data.ratings, seed: 5)
    #expect(q.columns == 3 && q.rows == data.ratings.itemCount)
    #expect(q.row(data.ratings.item("i0")!.int) == [1, 0, 0])
    var mf = BiasedMF()
    mf.epochs = 0
    let model = try mf.fit(data, initialItemFactors: q)
    #expect(model.factorCount == 3)
    #expect(model.itemFactors == q)
    var als = ALSMF()
    als.epochs = 0
    #expect(try als.fit(data, initialItemFactors: q).factorCount == 3)
    let scaled = vectors.itemFactors(for: data.ratings, rescaledTo: 0.1)
    #expect(abs(scaled[data.ratings.item("i1")!.int, 1] - 0.1 * 3.0.squareRoot()) < 1e-12)
  }

  @Test func pretrainedVectorsBecomeFeatures() throws {
    let vectors = try PretrainedItemVectors(["1": [0.5, -1], "3": [2, 0]])
    let d = vectors.addingFeatures(to: Datasets.essay, prefix: "e")
    #expect(d.catalog.featureNames == ["f1", "f2", "f3", "e1", "e2"])
    #expect(d.catalog.features(of: d.ratings.item("1")!) == [0.8, 0.9, 0.5, 0.5, -1])
    #expect(d.catalog.features(of: d.ratings.item("2")!).suffix(2) == [0, 0])
  }

  @Test func mismatchedVectorsAreRejected() {
    #expect(throws: FactorizationError.dimensionMismatch(
      "pretrained vector of item 'b' has 1 values, item 'a' has 2")) {
      try PretrainedItemVectors(["a": [1, 2], "b": [3]])
    }
    #expect(throws: FactorizationError.invalidSetting("there are no pretrained vectors")) {
      try PretrainedItemVectors([:])
    }
  }
}
