/// A positional argument that takes every remaining token, such as the
/// `<id>...` of a command that accepts several ids.
public struct VariadicArgument<Value: Sendable>: ArgumentDeclaration {
  public let name: String
  public let kind: ValueKind<Value>
  public let help: String
  /// The fewest tokens accepted.
  public let minimum: Int

  public init(_ name: String, _ kind: ValueKind<Value>, minimum: Int = 0,
              help: String) {
    precondition(minimum >= 0, "VariadicArgument '\(name)': minimum < 0")
    self.name = name
    self.kind = kind
    self.help = help
    self.minimum = minimum
  }

  public var info: ArgumentInfo {
    let kind = self.kind
    return ArgumentInfo(
      name: name, help: help, arity: .variadic(minimum: minimum),
      choices: kind.choices, expectation: kind.expectation,
      accepts: { kind.convert($0) != nil })
  }
}
