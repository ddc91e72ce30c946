/// The arguments of one command line, checked against its
/// ``CommandSpec`` and read back through the same declarations, already
/// converted to their types.
///
/// Asking for an option the spec does not declare is a programming error
/// and traps, naming the option and the command.
public struct ParsedArguments: Sendable {
  public let command: String
  /// Raw values by option name; a list option's items one by one.
  var values: [String: [String]] = [:]
  var flags: Set<String> = []
  /// Raw tokens by argument name.
  var positionals: [String: [String]] = [:]
  let declaredOptions: Set<String>
  let declaredArguments: Set<String>

  init(spec: CommandSpec) {
    command = spec.name
    declaredOptions = Set(spec.optionInfos.map(\.name))
    declaredArguments = Set(spec.argumentInfos.map(\.name))
  }

  /// Whether the flag was given.
  public subscript(flag: Flag) -> Bool {
    checkDeclared(option: flag.name)
    return flags.contains(flag.name)
  }

  /// The option's value: the last one given, else its default, else nil.
  public subscript<Value>(option: Option<Value>) -> Value? {
    checkDeclared(option: option.name)
    guard let raw = values[option.name]?.last else {
      return option.defaultValue
    }
    return converted(raw, option.kind, "--\(option.name)")
  }

  /// The value of an option that is required or has a default.
  public func value<Value>(_ option: Option<Value>) -> Value {
    guard let value = self[option] else {
      preconditionFailure("ParsedArguments: '--\(option.name)' of "
                            + "'\(command)' is neither required nor defaulted")
    }
    return value
  }

  /// The list's items in the order given, else its default.
  public subscript<Element>(list: ListOption<Element>) -> [Element] {
    checkDeclared(option: list.name)
    guard let raw = values[list.name] else { return list.defaultValue }
    return raw.map { converted($0, list.kind, "--\(list.name)") }
  }

  /// The positional argument's value, or nil when an optional one is
  /// absent.
  public subscript<Value>(argument: Argument<Value>) -> Value? {
    checkDeclared(argument: argument.name)
    return positionals[argument.name]?.first.map {
      converted($0, argument.kind, "<\(argument.name)>")
    }
  }

  /// The value of a required positional argument.
  public func value<Value>(_ argument: Argument<Value>) -> Value {
    guard let value = self[argument] else {
      preconditionFailure("ParsedArguments: <\(argument.name)> of "
                            + "'\(command)' is not required")
    }
    return value
  }

  /// Every token the variadic argument took.
  public subscript<Value>(arguments: VariadicArgument<Value>) -> [Value] {
    checkDeclared(argument: arguments.name)
    return (positionals[arguments.name] ?? []).map {
      converted($0, arguments.kind, "<\(arguments.name)>")
    }
  }

  /// Whether the option was written on the command line, as opposed to
  /// taking its default.
  public func wasGiven(_ option: some OptionDeclaration) -> Bool {
    let name = option.info.name
    checkDeclared(option: name)
    return flags.contains(name) || values[name] != nil
  }

  private func converted<Value>(_ raw: String, _ kind: ValueKind<Value>,
                                _ label: String) -> Value {
    guard let value = kind.convert(raw) else {
      preconditionFailure("ParsedArguments: '\(raw)' for \(label) of "
                            + "'\(command)' passed parsing but not conversion")
    }
    return value
  }

  private func checkDeclared(option name: String) {
    precondition(declaredOptions.contains(name),
                 "ParsedArguments: '--\(name)' is not declared by '\(command)'")
  }

  private func checkDeclared(argument name: String) {
    precondition(declaredArguments.contains(name),
                 "ParsedArguments: <\(name)> is not declared by '\(command)'")
  }
}
