import RecscopeCore

/// A sweep of a k-NN model's k measured with one engine per fold for
/// every k at once (``NeighbourCountEvaluation``): the similarities and
/// each rating's neighbours are found once, not once per k, and each k's
/// figures are still exactly those of an engine with that k. The table
/// measures its k-NN row this way, so the sweep comes with the row.
struct LabKSweep: Sendable {
  let model: Algorithm
  /// The values of k swept, ascending, the explorer's own among them.
  let values: [Double]
  /// Why a value makes invalid settings, or nil.
  let problems: [String?]
  /// The k of each valid value, in order.
  let counts: [Int]
  private let settings: EngineSettings

  /// Nil when `model` has no k to share (a factor model, the hybrid).
  init?(_ inputs: LabInputs, model: Algorithm) {
    guard NeighbourCountEvaluation.applies(to: model) else { return nil }
    let setting = LabSweepSetting.k
    let values = setting.values(in: inputs.settings, model: model)
    let problems = values.map {
      setting.settings(inputs.settings, model: model, value: $0).problem
    }
    self.model = model
    self.values = values
    self.problems = problems
    counts = values.indices.filter { problems[$0] == nil }
      .map { Int(values[$0]) }
    settings = inputs.settings(for: model)
  }

  /// What a fold's step says: `k = 1 to 40 fold 2/5`.
  func detail(fold f: Int, of folds: Int) -> String {
    let range = counts.count == 1 ? "k = \(counts[0])"
      : "k = \(counts.min() ?? 0) to \(counts.max() ?? 0)"
    return "\(range) fold \(f + 1)/\(folds)"
  }

  /// One fold's figures at each of ``counts``, numbered `fold`.
  /// - Throws: `CancellationError` once `stop` says so;
  ///   ``EvaluationError`` when the engine cannot be made.
  func measure(_ split: TrainTestSplit, fold: Int,
               options: EvaluationOptions,
               stop: () -> Bool) throws -> [FoldResult] {
    guard let results = try NeighbourCountEvaluation.evaluate(
      settings, counts: counts, on: split, options: options, stop: stop)
    else { throw CancellationError() }
    return results.map { r in
      var result = r
      result.fold = fold
      return result
    }
  }

  /// The sweep from every fold's figures (`folds[f][c]` for fold f at
  /// `counts[c]`), or from the failure that stopped them.
  func sweep(_ inputs: LabInputs,
             _ folds: Result<[[FoldResult]], LabFailure>) -> LabSweep {
    var c = 0
    let points = zip(values, problems).map { value, problem in
      if let problem {
        return LabSweep.Point(value: value,
                              result: .failure(LabFailure(reason: problem)))
      }
      defer { c += 1 }
      let at = c
      return LabSweep.Point(
        value: value,
        result: folds.map { LabFigures($0.map { $0[at] }) })
    }
    return LabSweep(
      key: inputs.key, setting: .k, model: model,
      current: LabSweepSetting.k.current(in: inputs.settings, model: model),
      points: points)
  }
}
