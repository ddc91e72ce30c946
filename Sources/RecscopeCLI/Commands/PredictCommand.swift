import Foundation
import RecscopeCore

/// `recscope predict`: r̂_ui for one pair, with its arithmetic on request,
/// or for every pair in a file.
enum PredictCommand: Command {
  static let user = Option("user", short: "u", .identifier, help: "User id.")
  static let item = Option("item", short: "i", .identifier, help: "Item id.")
  static let pairs = Option(
    "pairs", .path, valueName: "file",
    help: "File of user,item pairs (comma or tab, one per line, header "
      + "optional); one output row per pair, in order.")
  static let explain = Flag(
    "explain", help: "Show the arithmetic: formula, neighbours, sums and "
      + "the fallback taken.")

  static let spec = CommandSpec(
    name: "predict",
    abstract: "Estimate ratings, with their provenance.",
    discussion: """
      Prints the columns user, item, estimate, impossible and reason. An \
      id not in the data is not an error: the estimate falls back as \
      Surprise's does, and impossible is 1.
        recscope predict Samples/teaching --user dev --item m01 --explain
        recscope predict ratings.csv --pairs test-pairs.csv --algo knn-means
      """,
    arguments: [EngineOptions.data],
    options: [user, item, pairs, explain, Flag.json] + EngineOptions.all)

  static func run(_ a: ParsedArguments, context: CommandContext) throws {
    let format = OutputFormat(json: a[Flag.json])
    let wanted: [(String, String)]
    switch (a[user], a[item], a[pairs]) {
    case let (u?, i?, nil):
      wanted = [(u, i)]
    case let (nil, nil, path?):
      wanted = try readPairs(path, context: context)
    default:
      throw UsageError.message(
        "give either '--user' and '--item', or '--pairs' alone")
    }
    let engine = try EngineOptions.engine(a, context: context)
    var table = Table(columns: ["user", "item", "estimate", "impossible", "reason"])
    var explained: [JSONValue] = []
    var text: [String] = []
    for (u, i) in wanted {
      let p = engine.predict(userID: u, itemID: i)
      table.append([.string(u), .string(i), .number(p.estimate),
                    .integer(p.wasImpossible ? 1 : 0), .string(reason(p))])
      if a[explain] {
        explained.append(ExplanationJSON.prediction(p, u, i))
        text += engine.explanationLines(for: p).map(TableWriter.sanitize)
      }
    }
    if a[explain] && format == .json {
      context.output.writeLine(JSONValue.array(explained).rendered())
      return
    }
    table.write(to: context.output, as: format)
    if a[explain] {
      context.output.writeLine("")
      for line in text { context.output.writeLine(line) }
    }
  }

  /// Why the formula was not used: Surprise's reason when impossible,
  /// else the form's own fallback, else empty.
  static func reason(_ p: Prediction) -> String {
    p.reason ?? p.explanation.fallbacks.first ?? ""
  }

  /// The pairs of a `--pairs` file.
  /// - Throws: ``CommandFailure`` naming the file and line of a bad pair.
  static func readPairs(_ path: String, context: CommandContext) throws -> [(String, String)] {
    let data = try context.contents(of: path)
    guard let text = String(data: data, encoding: .utf8) else {
      throw CommandFailure("'\(path)' is not valid UTF-8 text")
    }
    var out: [(String, String)] = []
    for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated() {
      let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
      if line.isEmpty { continue }
      let fields = line.split(separator: line.contains("\t") ? "\t" : ",",
                              omittingEmptySubsequences: false)
        .map { $0.trimmingCharacters(in: .whitespaces) }
      guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
        throw CommandFailure(
          "'\(path)' line \(n + 1): expected 'user,item', found "
            + "'\(TableWriter.sanitize(String(line.prefix(60))))'")
      }
      if out.isEmpty && n == 0 && fields[0].lowercased().hasPrefix("user")
        && fields[1].lowercased().hasPrefix("item") { continue }
      out.append((fields[0], fields[1]))
    }
    if out.isEmpty { throw CommandFailure("'\(path)' holds no user,item pairs") }
    return out
  }
}
