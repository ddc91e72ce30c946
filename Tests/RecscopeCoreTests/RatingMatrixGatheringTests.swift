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

  /// Thousands of keys take the radix sort's several passes; distinct
  /// pairs keep the item side gathered rather than rebuilt.
  @Test(arguments: [false, true])
  func manyKeysInAnyOrder(groupedByUser: Bool) {
    let seed: UInt64 = groupedByUser ? 7 : 8
    var g = SeededGenerator(seed: seed)
    let userCount = 3000, itemCount = 2500
    var seen = Set<Int>()
    var pairs: [(Int32, Int32)] = []
    while pairs.count < 30_000 {
      let u = Int(g.next() % UInt64(userCount))
      let i = Int(g.next() % UInt64(itemCount))
      if seen.insert(u * itemCount + i).inserted {
        pairs.append((Int32(u), Int32(i)))
      }
    }
    if groupedByUser { pairs.sort { $0.0 < $1.0 } }
    // Dense indices follow first appearance, as a loader assigns them.
    var userIndex: [Int32: Int32] = [:], itemIndex: [Int32: Int32] = [:]
    var users: [Int32] = [], items: [Int32] = []
    for (u, i) in pairs {
      users.append(userIndex[u] ?? {
        userIndex[u] = Int32(userIndex.count)
        return Int32(userIndex.count - 1)
      }())
      items.append(itemIndex[i] ?? {
        itemIndex[i] = Int32(itemIndex.count)
        return Int32(itemIndex.count - 1)
      }())
    }
    let values = pairs.indices.map { _ in Double(g.next() % 9) / 2 }
    let userIDs = (0..<userIndex.count).map { "u\($0)" }
    let itemIDs = (0..<itemIndex.count).map { "i\($0)" }

    var slow = RatingMatrix()
    for id in userIDs { slow.addUser(id) }
    for id in itemIDs { slow.addItem(id) }
    for k in values.indices {
      slow.appendUnchecked(UserIndex(Int(users[k])),
                           ItemIndex(Int(items[k])), values[k])
    }
    #expect(slow.mergingRepeats() == 0)
    let (fast, repeats) = RatingMatrix.gathering(
      userIDs: userIDs, itemIDs: itemIDs, users: users, items: items,
      values: values)
    #expect(repeats == 0)
    expectSame(fast, slow, seed)
  }
}
