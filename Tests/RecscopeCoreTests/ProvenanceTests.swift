import Testing
import TestSupport
@testable import RecscopeCore

/// What a factor model's estimate is made of.
@Suite struct ProvenanceTests {
  let data = Datasets.random(seed: 31, users: 40, items: 30, ratings: 500)

  @Test func termsAddUpToTheEstimate() throws {
    var als = ALSMF()
    als.factors = 6
    let m = try als.fit(data)
    let p = m.provenance(userID: "u1", itemID: "i7")
    let raw = p.globalMean! + p.userBias! + p.itemBias! + p.dot!
    #expect(abs(raw - p.estimate.raw) < 1e-12)
    #expect(p.estimate == m.estimate(userID: "u1", itemID: "i7"))
    #expect(p.topFactors.count == 5)
    let magnitudes = p.topFactors.map { abs($0.contribution) }
    #expect(magnitudes == magnitudes.sorted(by: >))
    #expect(p.topFactors.allSatisfy { $0.contribution == $0.userValue * $0.itemValue })
  }

  @Test func exactInfluencesAddUpToTheProductForALS() throws {
    for biased in [true, false] {
      var als = ALSMF()
      als.factors = 5
      als.biased = biased
      let m = try als.fit(data)
      for u in ["u0", "u2", "u5"] {
        let p = m.provenance(userID: u, itemID: "i3", limit: 1000)
        #expect(p.influencesAreExact)
        let total = (p.pullingUp + p.pullingDown).map(\.contribution).reduce(0, +)
        #expect(abs(total - p.dot!) < 1e-9, "\(u), biased \(biased)")
        #expect(p.pullingUp.allSatisfy { $0.contribution > 0 })
        #expect(p.pullingDown.allSatisfy { $0.contribution < 0 })
      }
    }
  }

  @Test func sgdInfluencesAreFlaggedAsApproximate() throws {
    var mf = BiasedMF()
    mf.factors = 4
    mf.epochs = 3
    let m = try mf.fit(data)
    let p = m.provenance(userID: "u0", itemID: "i2")
    #expect(!p.influencesAreExact)
    #expect(p.notes.contains { $0.hasPrefix("influences approximate") })
    let u = m.ratings.user("u0")!, i = m.ratings.item("i2")!
    for influence in p.pullingUp + p.pullingDown {
      let j = m.ratings.item(influence.itemID)!
      var w = 0.0
      for f in 0..<4 { w += m.itemFactors[i.int, f] * m.itemFactors[j.int, f] }
      let t = influence.rating - m.globalMean - m.userBias[u.int] - m.itemBias[j.int]
      #expect(abs(influence.weight - w) < 1e-12)
      #expect(abs(influence.contribution - w * t) < 1e-12)
    }
    #expect(p.pullingUp.count <= 5 && p.pullingDown.count <= 5)
  }

  @Test func foldedUsersAreExactEvenOnSGDModels() throws {
    var mf = BiasedMF()
    mf.factors = 4
    mf.epochs = 3
    let m = try mf.fit(data)
    let folded = try m.foldIn([("i0", 5), ("i1", 2), ("i4", 4)])
    let p = m.provenance(for: folded, itemID: "i2", limit: 10)
    #expect(p.influencesAreExact)
    let total = (p.pullingUp + p.pullingDown).map(\.contribution).reduce(0, +)
    #expect(abs(total - p.dot!) < 1e-12)
  }

  @Test func unknownSidesAreNamed() throws {
    var als = ALSMF()
    als.factors = 3
    let m = try als.fit(data)
    let p = m.provenance(userID: "stranger", itemID: "i1")
    #expect(p.dot == nil && p.userBias == nil && p.itemBias != nil)
    #expect(p.notes == ["user unknown: b_u and q_iᵀp_u left out"])
    #expect(p.topFactors.isEmpty && p.pullingUp.isEmpty)
  }
}
