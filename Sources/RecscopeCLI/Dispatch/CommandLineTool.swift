/// A program made of subcommands: finds the command a command line names,
/// parses its arguments, runs it, and turns whatever goes wrong into one
/// sentence on standard error and an exit status.
///
/// - `prog --help`, `prog -h`, `prog help`: the list of commands.
/// - `prog help <command>`, `prog <command> --help`: that command's help.
/// - `prog` alone: the default command if there is one, else the list.
public struct CommandLineTool: Sendable {
  public let name: String
  public let abstract: String
  public let commands: [any Command.Type]
  /// Run when no command is named.
  public let defaultCommand: (any Command.Type)?

  /// - Precondition: command names are unique and none is `help`.
  public init(name: String, abstract: String, commands: [any Command.Type],
              defaultCommand: (any Command.Type)? = nil) {
    var seen: Set<String> = ["help"]
    for command in commands {
      precondition(seen.insert(command.spec.name).inserted,
                   "CommandLineTool: '\(command.spec.name)' registered twice")
    }
    self.name = name
    self.abstract = abstract
    self.commands = commands
    self.defaultCommand = defaultCommand
  }

  /// Runs the command line `arguments`, program name excluded, and
  /// returns the exit status.
  public func run(_ arguments: [String], context: CommandContext) -> Int32 {
    guard let first = arguments.first else {
      if let defaultCommand {
        return run(defaultCommand, [], context: context).rawValue
      }
      context.output.write(helpText())
      return ExitStatus.success.rawValue
    }
    if first == "--help" || first == "-h"
      || (first == "help" && arguments.count == 1)
    {
      context.output.write(helpText())
      return ExitStatus.success.rawValue
    }
    if first == "help" {
      guard let command = command(named: arguments[1]) else {
        return report(unknownCommand(arguments[1]), hint: "\(name) --help",
                      context: context).rawValue
      }
      // `help lab curve` is `lab curve --help`.
      let rest = Array(arguments.dropFirst(2)) + ["--help"]
      let spec = (try? command.spec(for: rest)) ?? command.spec
      context.output.write(spec.helpText(program: name))
      return ExitStatus.success.rawValue
    }
    if CommandSpec.looksLikeOption(first) {
      let error = UsageError.unknownOption(first, suggestion: nil)
      return report(error, hint: "\(name) --help", context: context).rawValue
    }
    guard let command = command(named: first) else {
      return report(unknownCommand(first), hint: "\(name) --help",
                    context: context).rawValue
    }
    return run(command, Array(arguments.dropFirst()), context: context)
      .rawValue
  }

  /// The list of commands, wrapped to `width` columns.
  public func helpText(width: Int = 80) -> String {
    var lines = TextWrapping.wrap(abstract, width: width)
    lines += ["", "usage: \(name) <command> [<options>]", "", "commands:"]
    for command in commands {
      lines += HelpLayout.entry(command.spec.name, command.spec.abstract,
                                width: width)
    }
    lines.append("")
    lines += TextWrapping.wrap(
      "See '\(name) <command> --help' for the options of a command.",
      width: width)
    return lines.joined(separator: "\n") + "\n"
  }

  private func command(named token: String) -> (any Command.Type)? {
    commands.first { $0.spec.name == token }
  }

  private func unknownCommand(_ token: String) -> UsageError {
    let names = commands.map { $0.spec.name } + ["help"]
    return .unknownCommand(
      token, suggestion: Suggestion.closest(to: token, among: names))
  }

  private func run(_ command: any Command.Type, _ tokens: [String],
                   context: CommandContext) -> ExitStatus {
    let hint = "\(name) \(command.spec.name) --help"
    do {
      let spec = try command.spec(for: tokens)
      if spec.asksForHelp(tokens) {
        context.output.write(spec.helpText(program: name))
        return .success
      }
      let arguments = try spec.parse(tokens)
      try command.run(arguments, context: context)
      return .success
    } catch {
      return report(error, hint: hint, context: context)
    }
  }

  /// Writes `error: <sentence>`, and for usage errors where to find help.
  private func report(_ error: any Error, hint: String,
                      context: CommandContext) -> ExitStatus {
    context.output.flush()
    context.errorOutput.writeLine("error: \(error)")
    if error is UsageError {
      context.errorOutput.writeLine("see '\(hint)'")
      return .usage
    }
    return .failure
  }
}
