/// The declaration of one command: its name, what it does, and the
/// arguments and options it accepts. The parser, the help text and the
/// error messages are all derived from it.
///
/// ```swift
/// static let spec = CommandSpec(
///   name: "predict",
///   abstract: "Estimate the rating a user would give an item.",
///   arguments: [file],
///   options: [user, item, algorithm, neighbours, Flag.json])
/// ```
public struct CommandSpec: Sendable {
  public let name: String
  /// One line, shown in the command list and at the top of the help.
  public let abstract: String
  /// Further paragraphs for the help; lines that start with a space are
  /// kept as written (for examples), the rest are wrapped.
  public let discussion: String?
  public let arguments: [any ArgumentDeclaration]
  public let options: [any OptionDeclaration]

  let argumentInfos: [ArgumentInfo]
  let optionInfos: [OptionInfo]

  /// - Precondition: option names and one-letter names are unique, none
  ///   is `help` or `h`, and only the last argument is variadic, with no
  ///   optional argument before a required one.
  public init(name: String, abstract: String, discussion: String? = nil,
              arguments: [any ArgumentDeclaration] = [],
              options: [any OptionDeclaration] = []) {
    self.name = name
    self.abstract = abstract
    self.discussion = discussion
    self.arguments = arguments
    self.options = options
    argumentInfos = arguments.map(\.info)
    optionInfos = options.map(\.info)
    checkDeclarations()
  }

  static let helpOption = OptionInfo(
    name: "help", shortName: "h", shape: .flag, placeholder: "",
    help: "Show this help.", isRequired: false, defaultDescription: nil,
    choices: [], expectation: "", accepts: { _ in false })

  private func checkDeclarations() {
    var names: Set<String> = ["help"]
    var shorts: Set<Character> = ["h"]
    for option in optionInfos {
      precondition(!option.name.isEmpty && !option.name.hasPrefix("-")
                     && !option.name.contains("="),
                   "CommandSpec '\(name)': bad option name '\(option.name)'")
      precondition(names.insert(option.name).inserted,
                   "CommandSpec '\(name)': '--\(option.name)' declared twice")
      if let short = option.shortName {
        precondition(shorts.insert(short).inserted && short != "-",
                     "CommandSpec '\(name)': '-\(short)' declared twice")
      }
    }
    var sawOptional = false
    for (position, argument) in argumentInfos.enumerated() {
      switch argument.arity {
      case .required:
        precondition(!sawOptional, "CommandSpec '\(name)': required "
                       + "<\(argument.name)> after an optional argument")
      case .optional:
        sawOptional = true
      case .variadic:
        precondition(position == argumentInfos.count - 1,
                     "CommandSpec '\(name)': variadic <\(argument.name)> "
                       + "is not last")
      }
    }
  }

  /// The option with this long name, `help` included.
  func option(named name: String) -> OptionInfo? {
    name == "help" ? Self.helpOption : optionInfos.first { $0.name == name }
  }

  /// The option with this one-letter name, `h` included.
  func option(short: Character) -> OptionInfo? {
    short == "h" ? Self.helpOption : optionInfos.first { $0.shortName == short }
  }
}
