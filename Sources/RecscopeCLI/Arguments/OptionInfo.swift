/// What the parser and the help text need to know about one option,
/// whatever the type of its value.
public struct OptionInfo: Sendable {
  /// How an option takes values.
  public enum Shape: Sendable, Equatable {
    /// Present or absent, no value: `--json`.
    case flag
    /// One value: `--k 20`, `--k=20`, `-k 20`; the last one given wins.
    case single
    /// Any number of values, repeated or comma-separated: `--users a,b`.
    case list
  }

  /// The long name, without dashes: `k` for `--k`.
  public let name: String
  /// The one-letter name, without its dash: `n` for `-n`.
  public let shortName: Character?
  public let shape: Shape
  /// The value's name in help, without angle brackets.
  public let placeholder: String
  public let help: String
  public let isRequired: Bool
  /// The default as the user would type it, shown in help.
  public let defaultDescription: String?
  /// The allowed values of an enumerated option.
  public let choices: [String]
  /// What a valid value looks like, for error messages.
  public let expectation: String
  /// Whether a piece of text converts to a valid value.
  let accepts: @Sendable (String) -> Bool
  /// The value of a single option written without one (`--plot` for
  /// `--plot=braille`); such an option takes a value only after `=`.
  var bareValue: String? = nil

  /// `--name`.
  public var longSpelling: String { "--" + name }

  /// `--name <value>` for a single option, `--name <value>,...` for a
  /// list and `--name` for a flag.
  public var synopsis: String {
    switch shape {
    case .flag: return longSpelling
    case .single:
      return bareValue == nil
        ? "\(longSpelling) <\(placeholder)>" : "\(longSpelling)[=<\(placeholder)>]"
    case .list: return "\(longSpelling) <\(placeholder)>,..."
    }
  }
}

/// An option a command declares: ``Option``, ``ListOption`` or ``Flag``.
public protocol OptionDeclaration: Sendable {
  var info: OptionInfo { get }
}
