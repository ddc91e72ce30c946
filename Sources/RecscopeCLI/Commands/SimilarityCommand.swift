import RecscopeCore

/// `recscope similarity`: the similarity matrix among chosen users or
/// items.
enum SimilarityCommand: Command {
  static let users = ListOption("users", .identifier, valueName: "ids",
                                help: "Comma-separated user ids.")
  static let items = ListOption("items", .identifier, valueName: "ids",
                                help: "Comma-separated item ids.")
  static let explain = Flag(
    "explain", help: "Show each pair's arithmetic over its co-rated entries.")

  static let spec = CommandSpec(
    name: "similarity",
    abstract: "Print the similarity matrix of some users or items.",
    discussion: """
      The first column names the row; the header names the columns.
        recscope similarity Samples/essay --users A,B,C
      """,
    arguments: [EngineOptions.data],
    options: [users, items, explain, Flag.json] + EngineOptions.allWithItemsFile)

  static func run(_ a: ParsedArguments, context: CommandContext) throws {
    var settings = EngineOptions.settings(a)
    let ids: [String]
    switch (a[users].isEmpty, a[items].isEmpty) {
    case (false, true): settings.basis = .user; ids = a[users]
    case (true, false): settings.basis = .item; ids = a[items]
    default: throw UsageError.message("give exactly one of '--users' and '--items'")
    }
    let engine = try EngineOptions.engine(a, context: context, settings: settings,
                                          itemsOption: EngineOptions.itemsFile)
    let rows = try ids.map { id in
      settings.basis == .user ? try EngineOptions.user(id, in: engine).int
                              : try EngineOptions.item(id, in: engine).int
    }
    let values = rows.map { x in rows.map { engine.similarity(x, $0) } }
    if a[Flag.json] {
      context.output.writeLine(JSONValue.object([
        ("ids", .array(ids.map(JSONValue.string))),
        ("matrix", .array(values.map { .array($0.map(JSONValue.number)) })),
      ]).rendered())
    } else {
      var writer = TableWriter(columns: [""] + ids, to: context.output)
      for (id, row) in zip(ids, values) {
        writer.write([id] + row.map(NumberFormat.shortest))
      }
      writer.finish()
    }
    if a[explain] {
      for (n, x) in rows.enumerated() {
        for x2 in rows[(n + 1)...] {
          context.output.writeLine("")
          for line in engine.explanationLines(for: engine.explainSimilarity(x, x2)) {
            context.output.writeLine(TableWriter.sanitize(line))
          }
        }
      }
    }
  }
}
