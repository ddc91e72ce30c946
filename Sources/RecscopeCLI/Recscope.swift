import RecscopeCore

/// Entry point of the `recscope` command: dispatches to the registered
/// commands and returns the process exit status (0 success, 1 runtime
/// error, 2 usage error).
public enum Recscope {
  /// Every command, in the order `recscope --help` lists them. A new
  /// command is a file in `Commands/` and one line here.
  public static let commands: [any Command.Type] = [
    ExploreCommand.self,
    PredictCommand.self,
    RecommendCommand.self,
    SimilarCommand.self,
    SimilarityCommand.self,
    GenerateCommand.self,
    EvaluateCommand.self,
    LabCommand.self,
    BenchCommand.self,
  ]

  public static let tool = CommandLineTool(
    name: "recscope",
    abstract: "A terminal explorer and command-line tool for recommender "
      + "systems.",
    commands: commands, defaultCommand: ExploreCommand.self)

  /// Runs `arguments` (the program name first, as in
  /// `CommandLine.arguments`) with the process's standard streams.
  public static func main(_ arguments: [String]) -> Int32 {
    main(arguments, context: .standard)
  }

  /// Runs `arguments` (the program name first) with the given streams.
  public static func main(_ arguments: [String],
                          context: CommandContext) -> Int32 {
    let status = tool.run(Array(arguments.dropFirst()), context: context)
    context.output.flush()
    context.errorOutput.flush()
    return status
  }
}
