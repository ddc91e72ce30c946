import Testing
import TestSupport
@testable import RecscopeCore

/// Solving one user against trained items, without retraining.
@Suite struct FoldInTests {
  let data = Datasets.random(seed: 21, users: 40, items: 30, ratings: 500)

  func trained(biased: Bool = true) throws -> FactorModel {
    var als = ALSMF()
    als.factors = 6
    als.epochs = 3
    als.biased = biased
    return try als.fit(data)
  }

  func ratings(of u: Int, in m: FactorModel) -> [(itemID: String, rating: Double)] {
    m.ratings.byUser[u].map { (m.ratings.id(of: $0.item), $0.value) }
  }

  @Test func equalsTheALSUserStep() throws {
    for biased in [true, false] {
      let m = try trained(biased: biased)
      for u in 0..<m.ratings.userCount where m.isKnown(UserIndex(u)) {
        let folded = try m.foldIn(ratings(of: u, in: m))
        #expect(folded.factors == m.userFactors.row(u), "user \(u), biased \(biased)")
        #expect(folded.bias == m.userBias[u])
        let id = m.ratings.itemIDs[5]
        #expect(m.estimate(for: folded, itemID: id)
                == m.estimate(userID: m.ratings.userIDs[u], itemID: id))
      }
    }
  }

  @Test func sgdModelFoldsInWithItsOwnRegularisation() throws {
    var mf = BiasedMF()
    mf.factors = 4
    mf.epochs = 5
    let m = try mf.fit(data)
    #expect(m.foldInRegularization == FoldInRegularization(factors: 0.02, bias: 0.02))
    let folded = try m.foldIn(ratings(of: 0, in: m))
    // The gradient of the user's loss vanishes at the solution.
    var gradient = Array(repeating: 0.0, count: 4)
    var biasGradient = 0.0
    for entry in folded.ratings {
      let j = entry.item.int
      var dot = 0.0
      for f in 0..<4 { dot += m.itemFactors[j, f] * folded.factors[f] }
      let e = entry.value - (m.globalMean + folded.bias + m.itemBias[j] + dot)
      for f in 0..<4 { gradient[f] += e * m.itemFactors[j, f] }
      biasGradient += e
    }
    let n = Double(folded.ratings.count)
    for f in 0..<4 {
      #expect(abs(gradient[f] - 0.02 * n * folded.factors[f]) < 1e-10)
    }
    #expect(abs(biasGradient - 0.02 * n * folded.bias) < 1e-10)
  }

  @Test func unknownItemsAreSetAsideAndRepeatsKeepTheLastValue() throws {
    let m = try trained()
    let a = m.ratings.itemIDs[0], b = m.ratings.itemIDs[1]
    let folded = try m.foldIn([(a, 2), ("never-seen", 5), (b, 4), (a, 5)])
    #expect(folded.unknownItemIDs == ["never-seen"])
    #expect(folded.ratings.map(\.value) == [5, 4])
    #expect(folded == (try m.foldIn([(a, 5), (b, 4)])).withUnknown(["never-seen"]))
  }

  @Test func aUserWithNoUsableRatingsIsUnknown() throws {
    let m = try trained()
    let folded = try m.foldIn([("never-seen", 5)])
    #expect(!folded.isKnown)
    let id = m.ratings.itemIDs[3]
    #expect(m.estimate(for: folded, itemID: id) == m.estimate(userID: "?", itemID: id))
  }

  @Test func setUserAddsANewUserAndReplacesAnEditedOne() throws {
    var m = try trained()
    let items = Array(m.ratings.itemIDs.prefix(4))
    let list = [(items[0], 5.0), (items[1], 1.0), (items[2], 4.0)]
    let folded = try m.foldIn(list)
    let u = try m.setUser("newcomer", ratings: list)
    #expect(u.int == data.ratings.userCount)
    #expect(m.userFactors.row(u.int) == folded.factors)
    #expect(m.estimate(userID: "newcomer", itemID: items[3])
            == m.estimate(for: folded, itemID: items[3]))
    let edited = try m.setUser("newcomer", ratings: [(items[3], 2.0)])
    #expect(edited == u)
    #expect(m.ratings.byUser[u.int].map(\.value) == [2])
    #expect(m.provenance(userID: "newcomer", itemID: items[0]).influencesAreExact)
  }
}

extension FoldedUser {
  func withUnknown(_ ids: [String]) -> FoldedUser {
    var copy = self
    copy.unknownItemIDs = ids
    return copy
  }
}
