import RecscopeCore

/// `recscope similar`: the nearest users to a user, or items to an item.
enum SimilarCommand: Command {
  static let user = Option("user", short: "u", .identifier,
                           help: "Find the users most similar to this one.")
  static let item = Option("item", short: "i", .identifier,
                           help: "Find the items most similar to this one.")
  static let count = Option("count", short: "n", .integer(atLeast: 1), default: 10,
                            help: "How many to list.")

  static let spec = CommandSpec(
    name: "similar",
    abstract: "List the nearest neighbours of a user or an item.",
    discussion: """
      Neighbours with similarity > 0, best first, ties in index order, with \
      the number of co-rated entries behind each value.
        recscope similar Samples/teaching --user ana --sim pearson
      """,
    arguments: [EngineOptions.data],
    options: [user, item, count, Flag.json] + EngineOptions.all)

  static func run(_ a: ParsedArguments, context: CommandContext) throws {
    var settings = EngineOptions.settings(a)
    let id: String
    switch (a[user], a[item]) {
    case let (u?, nil): settings.basis = .user; id = u
    case let (nil, i?): settings.basis = .item; id = i
    default: throw UsageError.message("give exactly one of '--user' and '--item'")
    }
    let engine = try EngineOptions.engine(a, context: context, settings: settings)
    let x = settings.basis == .user
      ? try EngineOptions.user(id, in: engine).int
      : try EngineOptions.item(id, in: engine).int
    var table = Table(columns: ["rank", "id", "similarity", "co_rated"])
    for (rank, n) in engine.nearest(to: x, count: a.value(count)).enumerated() {
      let support = engine.explainSimilarity(x, n.index).sums.count
      table.append([.integer(rank + 1), .string(engine.id(ofRow: n.index)),
                    .number(n.similarity), .integer(support)])
    }
    table.write(to: context.output, as: OutputFormat(json: a[Flag.json]))
  }
}
