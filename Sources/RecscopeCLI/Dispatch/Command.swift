/// A subcommand of `recscope`: a declaration and the work it does.
///
/// Adding one takes a file with a type like this, and a line in
/// ``Recscope/commands``:
///
/// ```swift
/// enum PredictCommand: Command {
///   static let file = Argument(
///     "file", .path, help: "Ratings file, or '-' for standard input.")
///   static let user = Option(
///     "user", .identifier, required: true, help: "Who the rating is for.")
///   static let neighbours = Option(
///     "k", .integer(atLeast: 1), default: 40, help: "Neighbours to use.")
///
///   static let spec = CommandSpec(
///     name: "predict", abstract: "Estimate a rating.",
///     arguments: [file], options: [user, neighbours, Flag.json])
///
///   static func run(_ arguments: ParsedArguments,
///                   context: CommandContext) throws {
///     let k = arguments.value(neighbours)  // an Int, already checked
///     ...
///   }
/// }
/// ```
public protocol Command: Sendable {
  static var spec: CommandSpec { get }

  /// Does the work, writing only through `context`.
  /// - Throws: ``UsageError`` for a mistake in the arguments the parser
  ///   cannot see (exit 2), ``CommandFailure`` when the work fails (exit
  ///   1); any other error is reported by its description (exit 1).
  static func run(_ arguments: ParsedArguments, context: CommandContext) throws

  /// The declaration that reads `tokens` (the arguments after the
  /// command's name) and gives their help: ``spec`` unless the command
  /// has variants named by one of its arguments, as `recscope lab` has
  /// one per experiment.
  /// - Throws: ``UsageError`` when the tokens name no variant.
  static func spec(for tokens: [String]) throws(UsageError) -> CommandSpec
}

extension Command {
  public static func spec(for tokens: [String]) throws(UsageError)
    -> CommandSpec { spec }
}
