/// An option without a value, true when present: `--json`.
public struct Flag: OptionDeclaration {
  public let name: String
  public let shortName: Character?
  public let help: String

  public init(_ name: String, short: Character? = nil, help: String) {
    self.name = name
    self.shortName = short
    self.help = help
  }

  public var info: OptionInfo {
    OptionInfo(name: name, shortName: shortName, shape: .flag,
               placeholder: "", help: help, isRequired: false,
               defaultDescription: nil, choices: [], expectation: "",
               accepts: { _ in false })
  }
}

extension Flag {
  /// `--json`, shared so that every command spells it the same way.
  public static let json = Flag(
    "json", help: "Print JSON instead of a tab-separated table.")
}
