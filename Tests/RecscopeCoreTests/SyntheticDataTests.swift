import Foundation
import Testing
@testable import RecscopeCore

@Suite struct SyntheticDataTests {
  /// Every rating as "user item value", in file order.
  func lines(_ data: Dataset) -> [String] {
    data.ratings.triples.map { u, i, v in
      "\(data.ratings.id(of: u)) \(data.ratings.id(of: i)) \(v)"
    }
  }

  func make(users: Int = 200, items: Int = 300, ratings: Int = 5_000,
            seed: UInt64 = 7, features: Int = 5) throws -> Dataset {
    try SyntheticData(users: users, items: items, ratings: ratings,
                      seed: seed, features: features).generate()
  }

  @Test func sameSeedGivesTheSameDataBitForBit() throws {
    let a = try make(), b = try make()
    #expect(lines(a) == lines(b))
    #expect(a.ratings.itemIDs == b.ratings.itemIDs)
    #expect(a.catalog == b.catalog)
  }

  @Test func differentSeedGivesDifferentData() throws {
    let a = try make(seed: 7), b = try make(seed: 8)
    #expect(lines(a) != lines(b))
    #expect(a.catalog.features != b.catalog.features)
  }

  /// A digest of a small set pinned in the test, so that a change to the
  /// generator, or a platform that rounds differently, is noticed.
  @Test func smallSetMatchesItsPinnedDigest() throws {
    let data = try make(users: 20, items: 30, ratings: 150, seed: 42)
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    let text = lines(data).joined(separator: "\n") + "\n"
      + data.catalog.features.map { $0.map { "\($0)" }.joined() }.joined()
    for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    #expect(hash == 4_406_945_708_800_954_181)
  }

  @Test func countsAreExact() throws {
    let data = try make()
    #expect(data.ratings.count == 5_000)
    #expect(data.ratings.userCount == 200)
    #expect(data.ratings.itemCount == 300)
    #expect(data.catalog.itemCount == 300)
    #expect(data.catalog.featureNames == ["f1", "f2", "f3", "f4", "f5"])
    #expect(data.ratings.byUser.allSatisfy { !$0.isEmpty })
    #expect(data.ratings.userIDs == (1...200).map { "u\($0)" })
    #expect(Set(data.ratings.itemIDs) == Set((1...300).map { "i\($0)" }))
    let titles = data.ratings.items.map { data.catalog.title(of: $0) }
    #expect(titles == data.ratings.itemIDs.map { "Item \($0.dropFirst())" })
  }

  @Test func usersListItemsInOneSharedOrderThatIsNotTheIds() throws {
    let data = try make(users: 100, items: 60, ratings: 2_000)
    var before = Set<[Int]>()
    for list in data.ratings.byUser {
      for (a, b) in zip(list, list.dropFirst()) {
        before.insert([a.item.int, b.item.int])
      }
    }
    #expect(!before.contains { before.contains([$0[1], $0[0]]) })
    let numbers = data.ratings.itemIDs.compactMap { Int($0.dropFirst()) }
    #expect(numbers != numbers.sorted())
  }

  @Test func blockSizeChangesNothing() throws {
    var recipe = SyntheticData(users: 300, items: 200, ratings: 9_000,
                               seed: 3)
    let whole = try recipe.generate()
    recipe.ratingsPerBlock = 97
    let pieces = try recipe.generate()
    #expect(lines(whole) == lines(pieces))
    #expect(whole.ratings.byItem == pieces.ratings.byItem)
  }

  @Test func everyItemListIsInUserOrder() throws {
    var recipe = SyntheticData(users: 400, items: 200, ratings: 20_000)
    recipe.ratingsPerBlock = 1_000
    let data = try recipe.generate()
    for list in data.ratings.byItem {
      #expect(list.map(\.user) == list.map(\.user).sorted())
    }
    let fromUsers = data.ratings.triples.map { "\($0.0) \($0.1) \($0.2)" }
    var fromItems: [String] = []
    for (i, list) in data.ratings.byItem.enumerated() {
      for entry in list {
        fromItems.append("\(entry.user) item#\(i) \(entry.value)")
      }
    }
    #expect(Set(fromUsers) == Set(fromItems))
  }

  @Test func noPairIsRatedTwice() throws {
    let data = try make(users: 50, items: 40, ratings: 1_500)
    for list in data.ratings.byUser {
      #expect(Set(list.map(\.item)).count == list.count)
    }
  }

  @Test func everyRatingIsALevelOfTheScale() throws {
    let whole = try make()
    #expect(whole.ratings.triples.allSatisfy { [1, 2, 3, 4, 5].contains($0.2) })
    let halves = try SyntheticData(
      users: 100, items: 100, ratings: 2_000, seed: 3,
      scale: RatingScale(0.5, 5)
    ).generate()
    let levels = Set(stride(from: 0.5, through: 5, by: 0.5))
    let seen = Set(halves.ratings.triples.map(\.2))
    #expect(seen.isSubset(of: levels))
    #expect(seen.count >= 8)
    let tenths = try SyntheticData(
      users: 50, items: 50, ratings: 500, seed: 3,
      scale: RatingScale(0, 1), step: 0.1
    ).generate()
    let allowed = Set((0...10).map { Double($0) / 10 })
    #expect(Set(tenths.ratings.triples.map(\.2)).isSubset(of: allowed))
  }

  @Test func ratingsLookLikeMovieLens() throws {
    let data = try make(users: 943, items: 1_682, ratings: 100_000)
    let mean = data.ratings.globalMean ?? 0
    #expect(mean > 3.2 && mean < 3.8)
    let values = data.ratings.triples.map(\.2)
    let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
      / Double(values.count)
    #expect(variance > 0.7 && variance < 1.8)
    #expect(Set(values) == [1, 2, 3, 4, 5])
  }

  @Test func itemPopularityIsLongTailed() throws {
    let data = try make(users: 943, items: 1_682, ratings: 100_000)
    let counts = data.ratings.byItem.map(\.count).sorted(by: >)
    let top = counts.prefix(counts.count / 10).reduce(0, +)
    #expect(Double(top) / 100_000 > 0.35)
    #expect(counts.filter { $0 <= 5 }.count > 50)
  }

  @Test func userActivityIsLongTailed() throws {
    let data = try make(users: 6_040, items: 3_706, ratings: 300_000)
    let degrees = data.ratings.byUser.map(\.count).sorted()
    let mean = 300_000.0 / 6_040
    #expect(Double(degrees[degrees.count / 2]) < mean)
    #expect(Double(degrees.last ?? 0) > 8 * mean)
  }

  @Test func ratingsFollowTheHiddenModel() throws {
    let (data, truth) = try SyntheticData(
      users: 300, items: 400, ratings: 20_000, seed: 11
    ).generateWithTruth()
    var pairs: [(Double, Double)] = []
    for (u, i, value) in data.ratings.triples {
      pairs.append((truth.expectedRating(u, i), value))
    }
    #expect(correlation(pairs) > 0.6)
  }

  @Test func featuresFollowTheItemFactors() throws {
    let (data, truth) = try SyntheticData(
      users: 300, items: 2_000, ratings: 10_000, seed: 5, features: 6
    ).generateWithTruth()
    for f in 0..<6 {
      var flagged: [Double] = [], other: [Double] = []
      for item in data.ratings.items {
        var projection = 0.0
        for (q, a) in zip(truth.factors(of: item),
                          truth.direction(ofFeature: f)) {
          projection += q * a
        }
        let flag = data.catalog.features(of: item)[f]
        #expect(flag == 0 || flag == 1)
        if flag == 1 {
          flagged.append(projection)
        } else {
          other.append(projection)
        }
      }
      let share = Double(flagged.count) / 2_000
      #expect(share > 0.05 && share < 0.45, "feature f\(f + 1)")
      let gap = average(flagged) - average(other)
      #expect(gap > 0.3, "feature f\(f + 1): gap \(gap)")
    }
  }

  @Test func askingForFeaturesLeavesTheRatingsAlone() throws {
    #expect(lines(try make(features: 0)) == lines(try make(features: 9)))
  }

  @Test func oneUserRatesWhatIsAskedFor() throws {
    let some = try make(users: 1, items: 10, ratings: 3, features: 2)
    #expect(some.ratings.count == 3 && some.ratings.userCount == 1)
    #expect(some.ratings.itemCount == 10)
    let all = try make(users: 1, items: 10, ratings: 10, features: 2)
    #expect(Set(all.ratings.byUser[0].map(\.item.int)) == Set(0..<10))
  }

  @Test func everyPairWhenRatingsFillTheMatrix() throws {
    let data = try make(users: 30, items: 40, ratings: 1_200)
    #expect(data.ratings.byUser.allSatisfy { $0.count == 40 })
    #expect(data.ratings.byItem.allSatisfy { $0.count == 30 })
  }

  @Test func oneRatingPerUserAndOneItem() throws {
    let data = try make(users: 5, items: 1, ratings: 5, features: 1)
    #expect(data.ratings.byItem == [data.ratings.byItem[0]])
    #expect(data.ratings.byItem[0].count == 5)
  }

  @Test func impossibleRecipesAreTypedErrors() {
    #expect(throws: SyntheticDataError.tooManyRatings(ratings: 13, pairs: 12)) {
      try SyntheticData(users: 3, items: 4, ratings: 13).generate()
    }
    #expect(throws: SyntheticDataError.tooFewRatings(ratings: 2, users: 3)) {
      try SyntheticData(users: 3, items: 4, ratings: 2).generate()
    }
    #expect(throws: SyntheticDataError.self) {
      try SyntheticData(users: 0, items: 4, ratings: 2).generate()
    }
    #expect(throws: SyntheticDataError.self) {
      try SyntheticData(users: 3, items: 4, ratings: 5, features: -1).validate()
    }
    #expect(throws: SyntheticDataError.self) {
      try SyntheticData(users: 3, items: 4, ratings: 5, step: 5).validate()
    }
    let huge = SyntheticData(users: 1 << 30, items: 1 << 30, ratings: 1 << 31)
    #expect(throws: Never.self) { try huge.validate() }
  }

  @Test func errorsReadAsSentences() {
    let error = SyntheticDataError.tooManyRatings(ratings: 13, pairs: 12)
    #expect(error.description
      == "13 ratings exceed the 12 distinct (user, item) pairs; ask for "
        + "at most 12")
  }

  @Test func degreesSplitTheTotalExactlyWithinBounds() {
    var random = RandomSource(seed: 99)
    for trial in 0..<500 {
      let users = 1 + random.below(60), cap = 1 + random.below(40)
      let total = users + random.below(users * cap - users + 1)
      let weights = (0..<users).map { _ in
        PortableMath.exp(2 * random.normal())
      }
      let degrees = SyntheticData.degrees(total: total, weights: weights,
                                          cap: cap)
      #expect(degrees.reduce(0, +) == total, "trial \(trial)")
      #expect(degrees.allSatisfy { (1...cap).contains($0) }, "trial \(trial)")
    }
  }

  @Test func portableMathAgreesWithTheLibrary() {
    var random = RandomSource(seed: 1)
    for _ in 0..<10_000 {
      let x = PortableMath.exp(60 * random.unit() - 30)
      let log = PortableMath.log(x)
      #expect(abs(log - Foundation.log(x)) <= 1e-15 * max(1, abs(log)))
      let y = 1400 * random.unit() - 700
      let exp = PortableMath.exp(y)
      #expect(abs(exp - Foundation.exp(y)) <= 1e-15 * exp)
    }
    #expect(PortableMath.log(1) == 0)
    #expect(PortableMath.exp(0) == 1)
    #expect(PortableMath.exp(-800) == 0)
    #expect(PortableMath.exp(800) == .infinity)
  }

  @Test func aliasTableDrawsInProportion() {
    let weights = [1.0, 0, 3, 6]
    let table = AliasTable(weights: weights)
    var random = RandomSource(seed: 4)
    var counts = [0, 0, 0, 0]
    for _ in 0..<100_000 { counts[table.sample(using: &random)] += 1 }
    #expect(counts[1] == 0)
    for (count, weight) in zip(counts, weights) where weight > 0 {
      #expect(abs(Double(count) / 10_000 - weight) < 0.15)
    }
  }

  @Test func samplerDrawsDistinctItemsEvenWhenNearlyAllAreTaken() {
    let weights = (1...50).map { 1 / Double($0 * $0) }
    var sampler = ItemSampler(weights: weights)
    var random = RandomSource(seed: 2)
    var items: [Int32] = []
    for (user, count) in [1, 25, 49, 50, 10].enumerated() {
      sampler.draw(count, for: Int32(user), into: &items, using: &random)
      #expect(items.count == count && Set(items).count == count)
    }
  }

  private func average(_ values: [Double]) -> Double {
    values.reduce(0, +) / Double(max(1, values.count))
  }

  private func correlation(_ pairs: [(Double, Double)]) -> Double {
    let mx = average(pairs.map(\.0)), my = average(pairs.map(\.1))
    var sxy = 0.0, sxx = 0.0, syy = 0.0
    for (x, y) in pairs {
      sxy += (x - mx) * (y - my)
      sxx += (x - mx) * (x - mx)
      syy += (y - my) * (y - my)
    }
    return sxy / (sxx * syy).squareRoot()
  }
}
