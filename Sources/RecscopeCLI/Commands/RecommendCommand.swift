import RecscopeCore

/// `recscope recommend`: a user's top-N among the items they have not
/// rated, with the method that scored each.
enum RecommendCommand: Command {
  static let user = Option("user", short: "u", .identifier, required: true,
                           help: "User id.")
  static let count = Option("count", short: "n", .integer(atLeast: 1), default: 10,
                            help: "Length of the list.")

  static let spec = CommandSpec(
    name: "recommend",
    abstract: "List a user's top-N unrated items.",
    discussion: """
      Ranks by estimate, ties by the items' order in the data. A user with \
      no ratings gets the most popular items; the fallback in use is noted \
      on standard error (and in the JSON).
        recscope recommend Samples/teaching --user ana -n 5 --algo knn-means
      """,
    arguments: [EngineOptions.data],
    options: [user, count, Flag.json] + EngineOptions.all)

  static func run(_ a: ParsedArguments, context: CommandContext) throws {
    let engine = try EngineOptions.engine(a, context: context)
    let u = try EngineOptions.user(a.value(user), in: engine)
    let list = engine.recommend(for: u, count: a.value(count))
    var table = Table(columns: ["rank", "item", "title", "score", "method", "impossible"])
    for (rank, r) in list.items.enumerated() {
      table.append([
        .integer(rank + 1), .string(engine.ratings.id(of: r.item)),
        .string(engine.catalog.title(of: r.item) ?? ""), .number(r.score),
        .string(r.source.rawValue), .integer(r.wasImpossible ? 1 : 0),
      ])
    }
    if a[Flag.json] {
      let rows = JSONValue.array(table.rows.map {
        JSONValue.object(zip(table.columns, $0).map { (key: $0, value: $1) })
      })
      context.output.writeLine(JSONValue.object([
        ("user", .string(a.value(user))),
        ("note", list.note.map(JSONValue.string) ?? .null),
        ("items", rows),
      ]).rendered())
      return
    }
    if let note = list.note { context.errorOutput.writeLine("note: \(note)") }
    table.write(to: context.output, as: .table)
  }
}
