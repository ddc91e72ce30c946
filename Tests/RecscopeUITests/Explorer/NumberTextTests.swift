import RecscopeCore
import Testing
@testable import RecscopeUI

@Suite("Number text")
struct NumberTextTests {
  @Test func agreesWithDisplay() {
    var g = SeededGenerator(seed: 7)
    for _ in 0..<2_000 {
      let value = (g.nextUnit() - 0.3) * 12
      for digits in 0...4 {
        #expect(NumberText.short(value, digits: digits)
                == display(value, digits: digits), "\(value) \(digits)")
      }
    }
    for value in [0.0, -0.0, 4, 3.5, 4.25, -0.7, 0.005, 0.004, 99.999, -0.0001] {
      #expect(NumberText.short(value, digits: 2) == display(value, digits: 2),
              "\(value)")
    }
  }
}
