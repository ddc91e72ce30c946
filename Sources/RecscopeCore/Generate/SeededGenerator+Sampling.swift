extension SeededGenerator {
  /// A uniform index in 0..<n, from the high word of a 64 × 64-bit
  /// product (Lemire 2019, without the rejection step: the bias is below
  /// n / 2⁶⁴). Written out here, not taken from the standard library, so
  /// that shuffles stay the same for a seed whatever the toolchain.
  /// - Precondition: `n > 0`.
  public mutating func nextIndex(below n: Int) -> Int {
    precondition(n > 0, "SeededGenerator.nextIndex(below: \(n)): need n > 0")
    return Int(next().multipliedFullWidth(by: UInt64(n)).high)
  }

  /// 0..<n in a uniformly random order (Fisher–Yates, from the back).
  /// - Complexity: O(n).
  public mutating func shuffledIndices(_ n: Int) -> [Int] {
    var order = Array(0..<n)
    var i = n - 1
    while i > 0 {
      order.swapAt(i, nextIndex(below: i + 1))
      i -= 1
    }
    return order
  }
}
