import Testing
import TestSupport
@testable import RecscopeCore

/// Holding ratings out: every way is a pure function of data and seed.
@Suite struct SplitterTests {
  let data = Datasets.random(seed: 12, users: 30, items: 20, ratings: 203)

  @Test func kFoldTestsEveryRatingExactlyOnce() throws {
    for seed: UInt64 in 0..<25 {
      let list = RatingList(data)
      let folds = try Splitter.kFold(list, folds: 5, seed: seed)
      let tested = folds.flatMap(\.test)
      #expect(tested.count == list.count, "seed \(seed)")
      #expect(Set(tested) == Set(list.records), "seed \(seed)")
      #expect(folds.map(\.test.count) == [41, 41, 41, 40, 40], "seed \(seed)")
      for fold in folds {
        #expect(fold.train.ratings.count + fold.test.count == list.count, "seed \(seed)")
        #expect(Set(fold.trainRecords).isDisjoint(with: fold.test), "seed \(seed)")
      }
    }
  }

  @Test func kFoldIsDeterministicPerSeed() throws {
    let list = RatingList(data)
    let a = try Splitter.kFold(list, folds: 3, seed: 7)
    let b = try Splitter.kFold(list, folds: 3, seed: 7)
    let c = try Splitter.kFold(list, folds: 3, seed: 8)
    #expect(a.map(\.test) == b.map(\.test))
    #expect(a.map(\.test) != c.map(\.test))
  }

  @Test func bothSidesKeepTheOriginalOrder() throws {
    let list = RatingList(data)
    let position = Dictionary(uniqueKeysWithValues:
      list.records.enumerated().map { ($0.element, $0.offset) })
    for fold in try Splitter.kFold(list, folds: 4, seed: 1) {
      let test = fold.test.map { position[$0]! }
      #expect(test == test.sorted())
      // Users of the train set appear in order, and each user's ratings too.
      let train = fold.trainRecords.map { position[$0]! }
      #expect(train == train.sorted())
    }
  }

  @Test func holdoutTestsTheRoundedUpFraction() throws {
    let split = try Splitter.holdout(RatingList(data), testFraction: 0.2, seed: 3)
    #expect(split.test.count == 41)  // ⌈0.2 · 203⌉
    #expect(split.train.ratings.count == 162)
    #expect(throws: EvaluationError.self) {
      try Splitter.holdout(RatingList(data), testFraction: 1, seed: 3)
    }
  }

  @Test func leaveKOutLeavesExactlyKPerEligibleUser() throws {
    for seed: UInt64 in 0..<20 {
      for k in 1...3 {
        let split = try Splitter.leaveKOut(RatingList(data), k: k, seed: seed)
        let counts = Dictionary(grouping: RatingList(data).records, by: \.userID)
          .mapValues(\.count)
        let tested = Dictionary(grouping: split.test, by: \.userID).mapValues(\.count)
        for (user, n) in counts {
          #expect(tested[user, default: 0] == (n > k ? k : 0),
                  "seed \(seed), k \(k), user \(user) with \(n)")
        }
      }
    }
  }

  @Test func timeOrderedTestsTheLatestRatings() throws {
    let records = [RatingRecord("a", "x", 4), RatingRecord("a", "y", 3),
                   RatingRecord("b", "x", 5), RatingRecord("b", "z", 2),
                   RatingRecord("c", "y", 1)]
    let list = RatingList(records: records, timestamps: [50, 10, 40, 20, 40],
                          scale: RatingScale(1, 5))
    let split = try Splitter.timeOrdered(list, testFraction: 0.4)
    // Times in order: y@10, z@20, x@40 (b), y@40 (c), x@50: the last two.
    #expect(split.test == [records[0], records[4]])
    #expect(split.train.ratings.userIDs == ["a", "b"])
    #expect(throws: EvaluationError.missingTimestamps(ratings: 5, timestamps: nil)) {
      try Splitter.timeOrdered(RatingList(records: records, scale: RatingScale(1, 5)),
                               testFraction: 0.4)
    }
    #expect(throws: EvaluationError.missingTimestamps(ratings: 5, timestamps: 2)) {
      try Splitter.timeOrdered(RatingList(records: records, timestamps: [1, 2],
                                          scale: RatingScale(1, 5)),
                               testFraction: 0.4)
    }
  }

  @Test func trainSetsCarryTitlesAndFeatures() throws {
    let split = try Splitter.holdout(RatingList(Datasets.essay), testFraction: 0.3, seed: 1)
    let catalog = split.train.catalog
    #expect(catalog.featureNames == ["f1", "f2", "f3"])
    for i in split.train.ratings.items {
      let j = Datasets.essay.ratings.item(split.train.ratings.id(of: i))!
      #expect(catalog.features(of: i) == Datasets.essay.catalog.features(of: j))
    }
  }

  /// Item cold start: each fold tests every rating of its items and
  /// trains on none, yet still knows those items' features.
  @Test func newItemFoldsHoldWholeItemsOut() throws {
    let items = try SyntheticData(users: 40, items: 30, ratings: 400, seed: 3,
                                  features: 3).generate()
    let list = RatingList(items)
    for seed: UInt64 in 0..<10 {
      let folds = try Splitter.newItems(list, folds: 4, seed: seed)
      let tested = folds.flatMap(\.test)
      #expect(tested.count == list.count, "seed \(seed)")
      #expect(Set(tested) == Set(list.records), "seed \(seed)")
      let perFold = folds.map { Set($0.test.map(\.itemID)) }
      #expect(perFold.map(\.count).sorted() == [7, 7, 8, 8], "seed \(seed)")
      for (fold, held) in zip(folds, perFold) {
        let m = fold.train.ratings
        for id in held {
          let i = try #require(m.item(id), "seed \(seed): \(id) dropped")
          #expect(m.byItem[i.int].isEmpty, "seed \(seed): \(id) trained on")
          let j = items.ratings.item(id)!
          #expect(fold.train.catalog.features(of: i)
                    == items.catalog.features(of: j))
        }
      }
    }
    let a = try Splitter.newItems(list, folds: 3, seed: 1)
    let b = try Splitter.newItems(list, folds: 3, seed: 1)
    #expect(a.map(\.test) == b.map(\.test))
    #expect(throws: EvaluationError.self) {
      try Splitter.newItems(list, folds: 31, seed: 0)
    }
  }

  /// Items appended for their features come after every rated one, so
  /// the rated items keep the indices a split without them would give.
  @Test func itemsWithoutTrainingRatingsComeLast() throws {
    let folds = try Splitter.kFold(RatingList(data), folds: 5, seed: 4)
    for fold in folds {
      let m = fold.train.ratings
      #expect(m.itemCount == data.ratings.itemCount)
      let firstEmpty = m.items.firstIndex { m.byItem[$0.int].isEmpty }
        ?? m.itemCount
      #expect(m.items[firstEmpty...].allSatisfy { m.byItem[$0.int].isEmpty })
    }
  }

  @Test func badFoldCountsAreRejected() {
    #expect(throws: EvaluationError.self) {
      try Splitter.kFold(RatingList(Datasets.essay), folds: 1, seed: 0)
    }
    #expect(throws: EvaluationError.self) {
      try Splitter.kFold(RatingList(Datasets.essay), folds: 10, seed: 0)
    }
  }
}
