/// Short numbers for cells: `4`, `3.5`, `4.25`, `-0.7`.
///
/// The same text as `display(_:digits:)` for the values cells show, but
/// by integer arithmetic: a frame formats hundreds of numbers, and the
/// C formatter behind `display` costs microseconds each.
enum NumberText {
  /// `value` rounded to at most `digits` (0…4) decimals, trailing zeros
  /// dropped; falls back to `display` outside ±10⁹ and for NaN.
  static func short(_ value: Double, digits: Int) -> String {
    let digits = min(max(digits, 0), 4)
    guard value.isFinite, abs(value) < 1e9 else {
      return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞")
    }
    var scale = 1
    for _ in 0..<digits { scale *= 10 }
    // Scaling can land a value just above a half (0.005) on the half
    // itself; rounding halves away from zero gives what the C formatter
    // gives for those. (An exact binary half, 0.125, then differs from
    // it in the last digit, which no cell shows.)
    let scaled = Int((abs(value) * Double(scale)).rounded())
    let whole = scaled / scale
    var fraction = scaled % scale
    var places = digits
    while places > 0 && fraction % 10 == 0 {
      fraction /= 10
      places -= 1
    }
    var text = (value < 0 && scaled != 0) ? "-" : ""
    text += String(whole)
    if places > 0 {
      let digitsText = String(fraction)
      text += "." + String(repeating: "0", count: places - digitsText.count)
        + digitsText
    }
    return text
  }
}
