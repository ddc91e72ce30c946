import RecscopeCore

/// Explanations as JSON, with numbers in full precision for scripts.
enum ExplanationJSON {
  static func prediction(_ p: Prediction, _ user: String, _ item: String) -> JSONValue {
    let e = p.explanation
    let neighbours = e.neighbours.map { n -> JSONValue in
      .object([
        ("id", .string(n.id)), ("similarity", .number(n.similarity)),
        ("co_rated", .integer(n.coRated)), ("rating", .number(n.rating)),
        ("offset", n.offset.map(JSONValue.number) ?? .null),
        ("deviation", n.deviation.map(JSONValue.number) ?? .null),
        ("contribution", .number(n.contribution)), ("used", .bool(n.used)),
      ])
    }
    return .object([
      ("user", .string(user)), ("item", .string(item)),
      ("estimate", .number(p.estimate)), ("raw", .number(p.raw)),
      ("impossible", .bool(p.wasImpossible)),
      ("reason", p.reason.map(JSONValue.string) ?? .null),
      ("source", .string(p.source.rawValue)),
      ("method", .string(e.method)), ("formula", .string(e.formula)),
      ("terms", terms(e.terms)), ("candidates", .integer(e.candidateCount)),
      ("neighbours", .array(neighbours)), ("sums", terms(e.sums)),
      ("arithmetic", .string(e.substituted)),
      ("fallbacks", .array(e.fallbacks.map(JSONValue.string))),
    ])
  }

  static func terms(_ terms: [Term]) -> JSONValue {
    .object(terms.map { ($0.name, JSONValue.number($0.value)) })
  }
}
