import Foundation

/// A number as explanations show it: at most `digits` decimals, trailing
/// zeros dropped (`0.9415`, `4`, `-0.25`).
public func display(_ value: Double, digits: Int = 4) -> String {
  guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
  var text = String(format: "%.\(digits)f", value)
  if text.contains(".") {
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
  }
  return text == "-0" ? "0" : text
}

/// A number in the shortest form that reads back to the same double
/// (`4`, `3.5`, `0.9414990448139236`), for tables meant for machines.
public func exact(_ value: Double) -> String {
  if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
  return String(value)
}

/// "+ 0.5" or "− 0.625": a term added to a sum, as a person writes it.
func signedTerm(_ value: Double) -> String {
  value < 0 ? "− \(display(-value))" : "+ \(display(value))"
}
