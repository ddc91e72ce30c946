import Testing
@testable import RecscopeCore

/// The bulk build loaders use equals appending and merging one by one.
@Suite struct RatingMatrixGatheringTests {
  func expectSame(_ a: RatingMatrix, _ b: RatingMatrix, _ seed: UInt64,
                  sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.userIDs == b.userIDs && a.itemIDs == b.itemIDs,
            "seed \(seed)", sourceLocation: sourceLocation)
    #expect(a.byUser == b.byUser, "seed \(seed)",
            sourceLocation: sourceLocation)
    #expect(a.byItem == b.byItem, "seed \(seed)",
            sourceLocation: sourceLocation)
    #expect(a.count == b.count && a.globalMean == b.globalMean,
            "seed \(seed)", sourceLocation: sourceLocation)
    for id in b.userIDs {
      #expect(a.user(id) == b.user(id), sourceLocation: sourceLocation)
    }
    for id in b.itemIDs {
      #expect(a.item(id) == b.item(id), sourceLocation: sourceLocation)
    }
  }

  @Test func matchesAppendUncheckedThenMergingRepeats() {
    for seed in UInt64(1)...300 {
      var g = SeededGenerator(seed: seed)
      let userCount = 1 + Int(g.next() % 8)
      let itemCount = 1 + Int(g.next() % 8)
      let n = Int(g.next() % 40)
      // Few ratings over many cells often have no repeat at all.
      let users = (0..<n).map { _ in Int32(g.next() % UInt64(userCount)) }
      let items = (0..<n).map { _ in Int32(g.next() % UInt64(itemCount)) }
      let values = (0..<n).map { _ in Double(g.next() % 9) / 2 }
      let userIDs = (0..<userCount).map { "u\($0)" }
      let itemIDs = (0..<itemCount).map { "i\($0)" }

      var slow = RatingMatrix()
      for id in userIDs { slow.addUser(id) }
      for id in itemIDs { slow.addItem(id) }
      for k in 0..<n {
        slow.appendUnchecked(UserIndex(Int(users[k])),
                             ItemIndex(Int(items[k])), values[k])
      }
      let slowRepeats = slow.mergingRepeats()

      let (fast, fastRepeats) = RatingMatrix.gathering(
        userIDs: userIDs, itemIDs: itemIDs, users: users, items: items,
        values: values)
      #expect(fastRepeats == slowRepeats, "seed \(seed)")
      expectSame(fast, slow, seed)
    }
  }
}
