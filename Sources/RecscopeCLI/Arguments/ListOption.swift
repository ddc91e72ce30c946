/// An option that collects values, comma-separated or repeated:
/// `--users a,b,c` and `--users a --users b,c` both give three.
public struct ListOption<Element: Sendable>: OptionDeclaration {
  public let name: String
  public let shortName: Character?
  public let kind: ValueKind<Element>
  public let help: String
  /// The values when the option is absent.
  public let defaultValue: [Element]
  public let isRequired: Bool
  private let placeholder: String

  /// - Parameters: as for ``Option``; `required` asks for at least one
  ///   value.
  public init(_ name: String, short: Character? = nil,
              _ kind: ValueKind<Element>, valueName: String? = nil,
              default defaultValue: [Element] = [], required: Bool = false,
              help: String) {
    precondition(!(required && !defaultValue.isEmpty),
                 "ListOption '--\(name)': required options take no default")
    self.name = name
    self.shortName = short
    self.kind = kind
    self.help = help
    self.defaultValue = defaultValue
    self.isRequired = required
    self.placeholder = valueName ?? kind.placeholder
  }

  public var info: OptionInfo {
    let kind = self.kind
    return OptionInfo(
      name: name, shortName: shortName, shape: .list,
      placeholder: placeholder, help: help, isRequired: isRequired,
      defaultDescription: defaultValue.isEmpty
        ? nil : defaultValue.map(kind.describe).joined(separator: ","),
      choices: kind.choices, expectation: kind.expectation,
      accepts: { kind.convert($0) != nil })
  }
}
