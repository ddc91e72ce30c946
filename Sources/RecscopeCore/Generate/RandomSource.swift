/// The draws the synthetic data generator needs, on top of a
/// ``SeededGenerator``, each written out so that a seed gives the same
/// data on every platform and with every version of the standard library
/// (whose `shuffle` and `random(in:)` algorithms are not promised to stay).
struct RandomSource {
  private var generator: SeededGenerator
  /// The second deviate of the last polar-method pair, not yet used.
  private var spareNormal: Double?

  init(seed: UInt64) {
    generator = SeededGenerator(seed: seed)
  }

  /// The next raw 64 random bits.
  mutating func next() -> UInt64 { generator.next() }

  /// A uniform double in [0, 1).
  mutating func unit() -> Double { generator.nextUnit() }

  /// A uniform integer in `0..<bound`, without modulo bias (Lemire 2019,
  /// "Fast random integer generation in an interval").
  mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0, "RandomSource.below: bound \(bound) ≤ 0")
    let n = UInt64(bound)
    var product = next().multipliedFullWidth(by: n)
    if product.low < n {
      let floor = (0 &- n) % n
      while product.low < floor {
        product = next().multipliedFullWidth(by: n)
      }
    }
    return Int(product.high)
  }

  /// A standard normal deviate by Marsaglia's polar method, which needs
  /// only a logarithm and a square root.
  mutating func normal() -> Double {
    if let spare = spareNormal {
      spareNormal = nil
      return spare
    }
    while true {
      let x = 2 * unit() - 1
      let y = 2 * unit() - 1
      let s = x * x + y * y
      guard s > 0 && s < 1 else { continue }
      let factor = (-2 * PortableMath.log(s) / s).squareRoot()
      spareNormal = y * factor
      return x * factor
    }
  }

  /// An exponential deviate with rate 1.
  mutating func exponential() -> Double {
    var u = unit()
    while u == 0 { u = unit() }
    return -PortableMath.log(u)
  }

  /// Puts `elements` in uniformly random order (Fisher–Yates).
  mutating func shuffle<Element>(_ elements: inout [Element]) {
    guard elements.count > 1 else { return }
    for i in stride(from: elements.count - 1, to: 0, by: -1) {
      elements.swapAt(i, below(i + 1))
    }
  }
}
