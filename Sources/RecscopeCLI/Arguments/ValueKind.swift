import RecscopeCore

/// How the text after an option becomes a typed value, and how to tell
/// the user what was expected when it cannot.
///
/// The expectation reads as the end of "'--k' expects …", as in
/// "a whole number ≥ 1"; the placeholder names the value in help text, as
/// in `--k <n>`.
public struct ValueKind<Value: Sendable>: Sendable {
  /// The value's name in help text, without angle brackets.
  public let placeholder: String
  /// What a valid value looks like, for error messages.
  public let expectation: String
  /// The allowed spellings of an enumerated value; empty when open.
  public let choices: [String]
  let convert: @Sendable (String) -> Value?
  let describe: @Sendable (Value) -> String

  /// - Parameters:
  ///   - convert: the value for a piece of text, or nil when invalid.
  ///   - describe: the text for a value, used to show defaults.
  public init(placeholder: String, expectation: String, choices: [String] = [],
              convert: @escaping @Sendable (String) -> Value?,
              describe: @escaping @Sendable (Value) -> String) {
    self.placeholder = placeholder
    self.expectation = expectation
    self.choices = choices
    self.convert = convert
    self.describe = describe
  }
}

extension ValueKind where Value == Int {
  /// Any whole number.
  public static var integer: Self { integer(in: Int.min...Int.max) }

  /// A whole number no smaller than `minimum`.
  public static func integer(atLeast minimum: Int) -> Self {
    integer(in: minimum...Int.max)
  }

  /// A whole number within `range`.
  public static func integer(in range: ClosedRange<Int>) -> Self {
    let expectation: String
    switch (range.lowerBound, range.upperBound) {
    case (Int.min, Int.max): expectation = "a whole number"
    case (let low, Int.max): expectation = "a whole number ≥ \(low)"
    case (Int.min, let high): expectation = "a whole number ≤ \(high)"
    case let (low, high): expectation = "a whole number from \(low) to \(high)"
    }
    return ValueKind(
      placeholder: "n", expectation: expectation,
      convert: { text in Int(text).flatMap { range.contains($0) ? $0 : nil } },
      describe: { String($0) })
  }
}

extension ValueKind where Value == Double {
  /// Any finite number.
  public static var number: Self {
    number(in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)
  }

  /// A finite number no smaller than `minimum`.
  public static func number(atLeast minimum: Double) -> Self {
    number(in: minimum...Double.greatestFiniteMagnitude)
  }

  /// A finite number within `range`.
  public static func number(in range: ClosedRange<Double>) -> Self {
    let largest = Double.greatestFiniteMagnitude
    let low = NumberFormat.shortest(range.lowerBound)
    let high = NumberFormat.shortest(range.upperBound)
    let expectation: String
    switch (range.lowerBound, range.upperBound) {
    case (-largest, largest): expectation = "a number"
    case (_, largest): expectation = "a number ≥ \(low)"
    case (-largest, _): expectation = "a number ≤ \(high)"
    default: expectation = "a number from \(low) to \(high)"
    }
    return ValueKind(
      placeholder: "x", expectation: expectation,
      convert: { text in
        guard let value = Double(text), value.isFinite, range.contains(value)
        else { return nil }
        return value
      },
      describe: NumberFormat.shortest)
  }
}

extension ValueKind where Value == String {
  /// Any non-empty text, named `placeholder` in help and described by
  /// `expectation` in errors.
  public static func text(placeholder: String = "text",
                          expectation: String = "a non-empty value") -> Self {
    ValueKind(placeholder: placeholder, expectation: expectation,
              convert: { $0.isEmpty ? nil : $0 }, describe: { $0 })
  }

  /// An external user or item id, exactly as written in the data.
  public static var identifier: Self {
    text(placeholder: "id", expectation: "a non-empty id")
  }

  /// A file or directory path; `-` conventionally means standard input.
  public static var path: Self {
    text(placeholder: "path", expectation: "a non-empty path")
  }

  /// One of a fixed set of words.
  public static func choice(_ choices: [String],
                            placeholder: String = "name") -> Self {
    precondition(!choices.isEmpty, "ValueKind.choice: no choices")
    return ValueKind(
      placeholder: placeholder,
      expectation: "one of " + choices.joined(separator: ", "),
      choices: choices,
      convert: { choices.contains($0) ? $0 : nil }, describe: { $0 })
  }
}

extension ValueKind {
  /// One of the cases of a string-backed enumeration, in declaration
  /// order.
  public static func choice(
    of type: Value.Type, placeholder: String = "name"
  ) -> Self
  where Value: CaseIterable & RawRepresentable, Value.RawValue == String {
    let choices = Value.allCases.map(\.rawValue)
    return ValueKind(
      placeholder: placeholder,
      expectation: "one of " + choices.joined(separator: ", "),
      choices: choices,
      convert: { Value(rawValue: $0) }, describe: { $0.rawValue })
  }
}

extension ValueKind where Value == RatingScale {
  /// A rating scale written `lower:upper`, such as `1:5` or `0.5:5`.
  public static var scale: Self {
    ValueKind(placeholder: "lo:hi",
              expectation: "a scale such as 1:5 (lower:upper, lower < upper)",
              convert: { RatingScale(parsing: $0) },
              describe: { $0.description })
  }
}
