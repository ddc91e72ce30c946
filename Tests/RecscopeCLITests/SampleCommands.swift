import Foundation
import RecscopeCLI
import RecscopeCore

/// The kinds of estimate the sample command offers.
enum SampleAlgorithm: String, CaseIterable, Sendable {
  case knnBasic = "knn-basic"
  case knnMeans = "knn-means"
  case slopeOne = "slope-one"
}

/// A command with one option of every shape, which reports what it parsed
/// so that tests can check the whole path from tokens to typed values.
enum SamplePredict: Command {
  static let file = Argument(
    "file", .path, help: "Ratings file, or '-' for standard input.")
  static let user = Option(
    "user", short: "u", .identifier, required: true,
    help: "The user to predict for.")
  static let items = ListOption(
    "items", .identifier, help: "Items to predict; every unrated one if "
      + "absent.")
  static let algorithm = Option(
    "algo", .choice(of: SampleAlgorithm.self), default: .knnBasic,
    help: "How to estimate.")
  static let neighbours = Option(
    "k", short: "k", .integer(atLeast: 1), default: 40,
    help: "Number of neighbours.")
  static let shrinkage = Option(
    "shrinkage", .number(atLeast: 0), default: 100,
    help: "Pull towards the baseline for similarities built on few common "
      + "ratings; 0 turns it off.")
  static let offset = Option(
    "offset", .number, default: 0, help: "Added to every estimate.")
  static let scale = Option(
    "scale", .scale, help: "Rating scale; inferred from the data if absent.")
  static let explain = Flag(
    "explain", help: "Show the neighbours behind each estimate.")

  static let spec = CommandSpec(
    name: "predict",
    abstract: "Estimate the ratings a user would give.",
    arguments: [file],
    options: [user, items, algorithm, neighbours, shrinkage, offset, scale,
              explain, Flag.json])

  static func run(_ arguments: ParsedArguments,
                  context: CommandContext) throws {
    context.output.writeLine(describe(arguments))
  }

  /// Every parsed value on one line.
  static func describe(_ arguments: ParsedArguments) -> String {
    [
      "file=\(arguments.value(file))",
      "user=\(arguments.value(user))",
      "items=\(arguments[items].joined(separator: "|"))",
      "algo=\(arguments.value(algorithm).rawValue)",
      "k=\(arguments.value(neighbours))",
      "shrinkage=\(arguments.value(shrinkage))",
      "offset=\(arguments.value(offset))",
      "scale=\(arguments[scale].map(\.description) ?? "none")",
      "explain=\(arguments[explain])",
      "json=\(arguments[Flag.json])",
    ].joined(separator: " ")
  }
}

/// A command that fails in whichever way its argument names.
enum SampleFail: Command {
  static let how = Argument(
    "how", .choice(["runtime", "usage", "other", "read"]),
    help: "The kind of failure.")

  static let spec = CommandSpec(
    name: "fail", abstract: "Fail on purpose.", arguments: [how])

  struct Other: Error, CustomStringConvertible {
    var description: String { "something odd happened" }
  }

  static func run(_ arguments: ParsedArguments,
                  context: CommandContext) throws {
    context.output.writeLine("partial output")
    switch arguments.value(how) {
    case "runtime":
      throw CommandFailure("the model has no ratings to learn from")
    case "usage": throw UsageError.message("'--k' must not exceed '--n'")
    case "read": _ = try context.contents(of: "/nonexistent/ratings.csv")
    default: throw Other()
    }
  }
}

/// The sample program and a way to run it with captured streams.
enum Sample {
  static let tool = CommandLineTool(
    name: "recscope", abstract: "Tools for trying out recommenders.",
    commands: [SamplePredict.self, SampleFail.self])

  struct Run {
    var status: Int32
    var output: String
    var errors: String
  }

  static func run(_ arguments: [String], tool: CommandLineTool = tool,
                  input: Data = Data()) -> Run {
    let output = CapturedText(), errors = CapturedText()
    let context = CommandContext(output: output, errorOutput: errors,
                                 standardInput: { input })
    let status = tool.run(arguments, context: context)
    return Run(status: status, output: output.text, errors: errors.text)
  }
}
