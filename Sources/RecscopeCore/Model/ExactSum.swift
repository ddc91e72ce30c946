/// A sum of doubles that does not depend on the order of additions and
/// removals: values are accumulated in 128-bit fixed point with 2⁻⁵² as
/// the unit.
///
/// Ratings keep every bit down to 2⁻⁵², so a mean maintained across
/// thousands of edits is bit-identical to one computed afresh. Values must
/// stay below ``limit`` in magnitude (loaders reject larger ones).
struct ExactSum: Sendable, Equatable {
  private var units: Int128 = 0
  private static let scale = 4_503_599_627_370_496.0  // 2^52

  /// 2⁴⁸: with 2⁵² units each, 2²⁶ such values still fit in 127 bits.
  static let limit = 281_474_976_710_656.0

  mutating func add(_ value: Double) { units += Self.fixed(value) }
  mutating func remove(_ value: Double) { units -= Self.fixed(value) }

  var value: Double { Double(units) / Self.scale }

  private static func fixed(_ value: Double) -> Int128 {
    precondition(abs(value) < limit, "ExactSum: |\(value)| ≥ 2^48")
    return Int128((value * scale).rounded(.towardZero))
  }
}
