/// Turns the bytes of a number into a `Double` without making a `String`,
/// giving bit for bit the value `Double(String)` gives.
///
/// The common forms (`4`, `3.5`, `-1.25`, `2e-3`) with at most 19 digits
/// take Clinger's fast path (W. D. Clinger, "How to read floating point
/// numbers accurately", PLDI 1990): when the digits form an integer below
/// 2⁵³ and the power of ten is at most 10²², both are exact doubles, so one
/// IEEE multiplication or division rounds correctly. Everything else goes
/// to `Double(String)`. Whole numbers such as timestamps are read as
/// `Int64` too.
enum DecimalParser {
  /// 10⁰ … 10²², each exactly representable.
  private static let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
    1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]

  /// The number the bytes spell, or nil when they are not a number.
  @inline(__always)
  static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    let n = bytes.count
    guard n > 0 else { return nil }
    var i = 0
    var negative = false
    if bytes[0] == ASCII.minus {
      negative = true
      i = 1
    } else if bytes[0] == ASCII.plus {
      i = 1
    }

    var mantissa: UInt64 = 0
    var digits = 0
    while i < n {
      let d = bytes[i] &- ASCII.zero
      if d > 9 { break }
      mantissa = mantissa &* 10 &+ UInt64(d)
      digits += 1
      i += 1
    }
    guard digits > 0 else { return slow(bytes) }
    var exponent = 0
    if i < n && bytes[i] == ASCII.dot {
      i += 1
      let first = i
      while i < n {
        let d = bytes[i] &- ASCII.zero
        if d > 9 { break }
        mantissa = mantissa &* 10 &+ UInt64(d)
        i += 1
      }
      guard i > first else { return slow(bytes) }
      digits += i - first
      exponent = first - i
    }
    // 19 digits always fit in 64 bits, so `mantissa` has not wrapped.
    guard digits <= 19 else { return slow(bytes) }

    if i < n && (bytes[i] | 0x20) == UInt8(ascii: "e") {
      i += 1
      var negativeExponent = false
      if i < n && (bytes[i] == ASCII.minus || bytes[i] == ASCII.plus) {
        negativeExponent = bytes[i] == ASCII.minus
        i += 1
      }
      let first = i
      var value = 0
      while i < n && i - first < 4 {
        let d = bytes[i] &- ASCII.zero
        if d > 9 { break }
        value = value * 10 + Int(d)
        i += 1
      }
      guard i > first else { return slow(bytes) }
      exponent += negativeExponent ? -value : value
    }
    guard i == n, mantissa <= 1 << 53 else { return slow(bytes) }

    let magnitude: Double
    if mantissa == 0 {
      magnitude = 0
    } else if exponent >= 0 && exponent <= 22 {
      magnitude = Double(mantissa) * powersOfTen[exponent]
    } else if exponent < 0 && exponent >= -22 {
      magnitude = Double(mantissa) / powersOfTen[-exponent]
    } else {
      return slow(bytes)
    }
    return negative ? -magnitude : magnitude
  }

  /// The whole number the bytes spell (an optional sign, then decimal
  /// digits), or nil when they spell anything else or overflow `Int64`.
  @inline(__always)
  static func int64(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
    let n = bytes.count
    var i = 0
    let negative = n > 0 && bytes[0] == ASCII.minus
    if n > 0 && (negative || bytes[0] == ASCII.plus) { i = 1 }
    // 18 digits cannot overflow; longer numbers take the checked path.
    guard i < n, n - i <= 18 else { return checkedInt64(bytes, from: i) }
    var value: Int64 = 0
    while i < n {
      let d = bytes[i] &- ASCII.zero
      guard d <= 9 else { return nil }
      value = value &* 10 &+ Int64(d)
      i += 1
    }
    return negative ? -value : value
  }

  /// ``int64(_:)`` for 19 digits or more, or no digits at all.
  @inline(never)
  private static func checkedInt64(_ bytes: UnsafeBufferPointer<UInt8>,
                                   from start: Int) -> Int64? {
    guard start < bytes.count else { return nil }
    // Accumulated as a negative number, whose range reaches Int64.min.
    var value: Int64 = 0
    for byte in bytes[start...] {
      let d = byte &- ASCII.zero
      guard d <= 9 else { return nil }
      let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
      let (next, o2) = shifted.subtractingReportingOverflow(Int64(d))
      guard !o1 && !o2 else { return nil }
      value = next
    }
    if bytes[0] == ASCII.minus { return value }
    return value == .min ? nil : -value
  }

  /// `Double(String)` for the unusual forms (long mantissas, far
  /// exponents, `inf`, hexadecimal). Only printable ASCII is passed on,
  /// since the standard parser stops quietly at an embedded NUL.
  @inline(never)
  private static func slow(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
    return Double(String(decoding: bytes, as: UTF8.self))
  }
}
