import RecscopeCore

/// The figures of `recscope evaluate` as a table (a summary row per model,
/// optionally after its fold rows) or as JSON (an object per model with
/// its fold objects inside).
///
/// Both forms come from one list of keys, so a figure cannot appear in
/// one and not the other. A figure a fold could not measure (ranking
/// figures with no relevant test rating, coverage unless asked for) is
/// empty in the table and null in JSON.
struct EvaluationReport {
  /// The output key of each figure, in output order.
  static let keys: [(key: String, metric: Metric)] = [
    ("rmse", .rmse), ("mae", .mae), ("precision", .precision),
    ("recall", .recall), ("ndcg", .ndcg), ("hit_rate", .hitRate),
    ("coverage", .coverage), ("train_rmse", .trainRMSE), ("gap", .gap),
    ("impossible", .impossible), ("fit_seconds", .fitSeconds),
    ("test_seconds", .testSeconds),
  ]

  /// The table's columns: the model, the fold (`mean` on a summary row),
  /// the ratings tested (all folds together on a summary row), then each
  /// figure and its standard deviation over folds.
  static let columns: [String] = ["algo", "fold", "tested"]
    + keys.flatMap { [$0.key, $0.key + "_std"] }

  let models: [Algorithm]
  let evaluations: [ModelEvaluation]
  /// Test ratings per fold, the same for every model.
  let tested: [Int]

  /// - Precondition: one evaluation per model, each with one result per
  ///   fold.
  init(models: [Algorithm], evaluations: [ModelEvaluation],
       tested: [Int]) {
    precondition(models.count == evaluations.count
                   && evaluations.allSatisfy { $0.folds.count == tested.count },
                 "EvaluationReport: models, evaluations and folds disagree")
    self.models = models
    self.evaluations = evaluations
    self.tested = tested
  }

  func table(perFold: Bool) -> Table {
    var table = Table(columns: Self.columns)
    let total = tested.reduce(0, +)
    for (model, evaluation) in zip(models, evaluations) {
      if perFold {
        for fold in evaluation.folds {
          var row: [JSONValue] = [
            .string(model.rawValue), .integer(fold.fold + 1),
            .integer(tested[fold.fold]),
          ]
          for (_, metric) in Self.keys {
            row += [Self.number(fold.values[metric]), .null]
          }
          table.append(row)
        }
      }
      var row: [JSONValue] = [.string(model.rawValue), "mean", .integer(total)]
      for (_, metric) in Self.keys {
        let summary = evaluation.summary[metric]
        row += [Self.number(summary?.mean),
                Self.number(summary?.standardDeviation)]
      }
      table.append(row)
    }
    return table
  }

  func json() -> JSONValue {
    .array(zip(models, evaluations).map { model, evaluation in
      var fields: [(key: String, value: JSONValue)] = [
        ("algo", .string(model.rawValue)), ("tested", .integer(tested.reduce(0, +))),
      ]
      for (key, metric) in Self.keys {
        let summary = evaluation.summary[metric]
        fields.append((key, Self.number(summary?.mean)))
        fields.append((key + "_std", Self.number(summary?.standardDeviation)))
      }
      let folds = evaluation.folds.map { fold in
        var entry: [(key: String, value: JSONValue)] = [
          ("fold", .integer(fold.fold + 1)),
          ("tested", .integer(tested[fold.fold])),
        ]
        for (key, metric) in Self.keys {
          entry.append((key, Self.number(fold.values[metric])))
        }
        return JSONValue.object(entry)
      }
      fields.append(("folds", .array(folds)))
      return .object(fields)
    })
  }

  private static func number(_ value: Double?) -> JSONValue {
    value.map(JSONValue.number) ?? .null
  }
}
