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
    var fields: [(key: String, value: JSONValue)] = [
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
    ]
    if let f = e.factors {
      fields.append(("notes", .array(e.notes.map(JSONValue.string))))
      fields.append(("factorization", factorization(f)))
    }
    return .object(fields)
  }

  /// A factor model's provenance: its terms, the largest factor shares
  /// and the rated items that pull the estimate.
  static func factorization(_ f: FactorProvenance) -> JSONValue {
    func optional(_ x: Double?) -> JSONValue { x.map(JSONValue.number) ?? .null }
    let shares = f.topFactors.map { s -> JSONValue in
      .object([
        ("factor", .integer(s.factor + 1)), ("p_uf", .number(s.userValue)),
        ("q_if", .number(s.itemValue)), ("contribution", .number(s.contribution)),
      ])
    }
    func pulls(_ list: [FactorProvenance.Influence]) -> JSONValue {
      .array(list.map { p in
        .object([
          ("item", .string(p.itemID)), ("rating", .number(p.rating)),
          ("residual", .number(p.residual)), ("weight", .number(p.weight)),
          ("contribution", .number(p.contribution)),
        ])
      })
    }
    return .object([
      ("mu", optional(f.globalMean)), ("b_u", optional(f.userBias)),
      ("b_i", optional(f.itemBias)), ("dot", optional(f.dot)),
      ("top_factors", .array(shares)),
      ("pulling_up", pulls(f.pullingUp)),
      ("pulling_down", pulls(f.pullingDown)),
      ("pulls_exact", .bool(f.influencesAreExact)),
    ])
  }

  static func terms(_ terms: [Term]) -> JSONValue {
    .object(terms.map { ($0.name, JSONValue.number($0.value)) })
  }
}
