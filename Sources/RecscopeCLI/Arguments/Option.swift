/// An option that takes one typed value: `--k 20`, `--k=20` or `-k 20`.
///
/// Declared once as a static constant of its command, listed in the
/// command's ``CommandSpec``, and read back from ``ParsedArguments`` by
/// subscript, already converted: `arguments[Self.neighbours]`.
public struct Option<Value: Sendable>: OptionDeclaration {
  public let name: String
  public let shortName: Character?
  public let kind: ValueKind<Value>
  public let help: String
  public let defaultValue: Value?
  public let isRequired: Bool
  /// The value when the option is written alone; see
  /// ``OptionInfo/bareValue``.
  public let bareValue: Value?
  private let placeholder: String

  /// - Parameters:
  ///   - name: the long name without dashes, such as `k` for `--k`.
  ///   - short: a one-letter alias, such as `n` for `-n`.
  ///   - kind: how the text becomes a value.
  ///   - valueName: the value's name in help; the kind's by default.
  ///   - defaultValue: the value when the option is absent, shown in help.
  ///   - required: whether the command fails without it.
  ///   - bare: the value when written alone, as in `--plot`; then a value
  ///     must follow `=`, as in `--plot=ascii`.
  ///   - help: one or two sentences, wrapped by the help formatter.
  /// - Precondition: not both required and defaulted.
  public init(_ name: String, short: Character? = nil, _ kind: ValueKind<Value>,
              valueName: String? = nil, default defaultValue: Value? = nil,
              required: Bool = false, bare: Value? = nil, help: String) {
    precondition(!(required && defaultValue != nil),
                 "Option '--\(name)': required options take no default")
    self.name = name
    self.shortName = short
    self.kind = kind
    self.help = help
    self.defaultValue = defaultValue
    self.isRequired = required
    self.bareValue = bare
    self.placeholder = valueName ?? kind.placeholder
  }

  public var info: OptionInfo {
    let kind = self.kind
    return OptionInfo(
      name: name, shortName: shortName, shape: .single,
      placeholder: placeholder, help: help, isRequired: isRequired,
      defaultDescription: defaultValue.map(kind.describe),
      choices: kind.choices, expectation: kind.expectation,
      accepts: { kind.convert($0) != nil },
      bareValue: bareValue.map(kind.describe))
  }
}
