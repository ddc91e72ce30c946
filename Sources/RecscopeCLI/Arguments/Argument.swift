/// A positional argument with one typed value, such as `<file>`.
public struct Argument<Value: Sendable>: ArgumentDeclaration {
  public let name: String
  public let kind: ValueKind<Value>
  public let help: String
  public let isRequired: Bool

  /// - Parameters:
  ///   - name: the name shown as `<name>` in help and errors.
  ///   - required: optional arguments must come after required ones.
  public init(_ name: String, _ kind: ValueKind<Value>, required: Bool = true,
              help: String) {
    self.name = name
    self.kind = kind
    self.help = help
    self.isRequired = required
  }

  public var info: ArgumentInfo {
    let kind = self.kind
    return ArgumentInfo(
      name: name, help: help, arity: isRequired ? .required : .optional,
      choices: kind.choices, expectation: kind.expectation,
      accepts: { kind.convert($0) != nil })
  }
}
