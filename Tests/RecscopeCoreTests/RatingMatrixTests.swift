import Testing
@testable import RecscopeCore

@Suite struct RatingMatrixTests {
  func small() -> RatingMatrix {
    var m = RatingMatrix()
    let a = m.addUser("a"), b = m.addUser("b")
    let x = m.addItem("x"), y = m.addItem("y")
    m.set(a, x, to: 4)
    m.set(a, y, to: 2)
    m.set(b, y, to: 5)
    return m
  }

  @Test func keepsBothSidesInInsertionOrder() {
    let m = small()
    #expect(m.byUser[0].map(\.item.int) == [0, 1])
    #expect(m.byItem[1].map(\.user.int) == [0, 1])
    #expect(m.count == 3)
    #expect(m.globalMean == 11.0 / 3)
  }

  @Test func changedRatingKeepsItsPlace() {
    var m = small()
    #expect(m.set(UserIndex(0), ItemIndex(1), to: 3) == 2)
    #expect(m.byItem[1].map(\.value) == [3, 5])
    #expect(m.remove(UserIndex(0), ItemIndex(0)) == 4)
    #expect(m.byItem[0].isEmpty)
    #expect(m.globalMean == 4)
  }

  @Test func repeatsMergeLaterValueFirstPlace() {
    var m = RatingMatrix()
    let a = m.addUser("a")
    let x = m.addItem("x"), y = m.addItem("y")
    m.appendUnchecked(a, x, 1)
    m.appendUnchecked(a, y, 2)
    m.appendUnchecked(a, x, 5)
    #expect(m.mergingRepeats() == 1)
    #expect(m.byUser[0] == [ItemRating(item: x, value: 5),
                            ItemRating(item: y, value: 2)])
    #expect(m.count == 2 && m.globalMean == 3.5)
  }

  @Test func meanSurvivesManyEditsBitForBit() {
    var m = RatingMatrix()
    let u = m.addUser("u")
    for i in 0..<50 { m.set(u, m.addItem("i\(i)"), to: Double(i % 5) + 0.1) }
    for i in 0..<50 where i % 3 == 0 { m.set(u, ItemIndex(i), to: 4.7) }
    var fresh = RatingMatrix()
    let v = fresh.addUser("u")
    for i in 0..<50 {
      fresh.set(v, fresh.addItem("i\(i)"), to: i % 3 == 0 ? 4.7 : Double(i % 5) + 0.1)
    }
    #expect(m.globalMean == fresh.globalMean)
  }
}
