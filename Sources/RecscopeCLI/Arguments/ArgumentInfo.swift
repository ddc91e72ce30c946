/// What the parser and the help text need to know about one positional
/// argument, whatever the type of its value.
public struct ArgumentInfo: Sendable {
  /// How many tokens an argument takes.
  public enum Arity: Sendable, Equatable {
    case required
    case optional
    /// Every remaining token, at least `minimum` of them; only the last
    /// argument may be variadic.
    case variadic(minimum: Int)
  }

  /// The argument's name in help and errors, without angle brackets.
  public let name: String
  public let help: String
  public let arity: Arity
  public let choices: [String]
  /// What a valid value looks like, for error messages.
  public let expectation: String
  let accepts: @Sendable (String) -> Bool

  /// `<name>`, `[<name>]` or `<name>...`, as shown in the usage line; a
  /// required argument with one allowed value is a keyword, shown as is.
  public var synopsis: String {
    if arity == .required && choices.count == 1 { return choices[0] }
    switch arity {
    case .required: return "<\(name)>"
    case .optional: return "[<\(name)>]"
    case .variadic(let minimum):
      return minimum > 0 ? "<\(name)>..." : "[<\(name)>...]"
    }
  }
}

/// A positional argument a command declares: ``Argument`` or
/// ``VariadicArgument``.
public protocol ArgumentDeclaration: Sendable {
  var info: ArgumentInfo { get }
}
