import Testing
@testable import RecscopeCore

@Suite struct IDInternerTests {
  func intern(_ ids: [String]) -> (indices: [Int32], new: [String]) {
    var interner = IDInterner()
    var indices: [Int32] = []
    var new: [String] = []
    for id in ids {
      let result = Array(id.utf8).withUnsafeBufferPointer {
        interner.intern($0)
      }
      indices.append(result.index)
      if let id = result.newID { new.append(id) }
    }
    return (indices, new)
  }

  @Test func indicesFollowFirstAppearance() {
    let result = intern(["b", "a", "b", "c", "a"])
    #expect(result.indices == [0, 1, 0, 2, 1])
    #expect(result.new == ["b", "a", "c"])
  }

  @Test func leadingZerosKeepIdsApart() {
    let result = intern(["7", "007", "7", "0", "00", "-7", "+7", "07"])
    #expect(result.indices == [0, 1, 0, 2, 3, 4, 5, 6])
    #expect(result.new == ["7", "007", "0", "00", "-7", "+7", "07"])
  }

  @Test func largeAndLongNumbersStayDistinct() {
    let ids = ["4194303", "4194304", "999999999999999999",
               "1000000000000000000", "99999999999999999999", "4194304"]
    let result = intern(ids)
    #expect(result.indices == [0, 1, 2, 3, 4, 1])
  }

  @Test func canonicalValueRule() {
    func value(_ s: String) -> Int? {
      Array(s.utf8).withUnsafeBufferPointer { IDInterner.canonicalValue($0) }
    }
    #expect(value("0") == 0)
    #expect(value("42") == 42)
    #expect(value("042") == nil)
    #expect(value("") == nil)
    #expect(value("1a") == nil)
    #expect(value(String(repeating: "9", count: 18)) == 999_999_999_999_999_999)
    #expect(value(String(repeating: "9", count: 19)) == nil)
  }
}
