/// Test error, train error and their gap against one setting of a model,
/// every value on the same folds: how the number of neighbours, of
/// factors or of epochs, or the regularisation, moves a model between
/// underfitting and overfitting.
public struct ParameterSweep<Value: Sendable>: Sendable {
  /// The setting's name, such as `k` or `factors`.
  public var parameter: String
  public var values: [Value]
  /// The model with the setting at one value.
  public var maker: @Sendable (Value) throws -> any ModelMaker

  public init(parameter: String, values: [Value],
              maker: @escaping @Sendable (Value) throws -> any ModelMaker) {
    self.parameter = parameter
    self.values = values
    self.maker = maker
  }

  /// One value's figures over the folds.
  public struct Point: Sendable {
    public var value: Value
    public var evaluation: ModelEvaluation
  }

  /// Evaluates the model at every value on every split, as
  /// ``EvaluationRunner/run(_:on:options:)`` does for several models.
  /// - Throws: ``EvaluationError/invalidSetting(_:)`` when a value makes
  ///   no model; ``EvaluationError/modelFailed(model:fold:reason:)``.
  /// - Complexity: one training and evaluation per (value, fold).
  public func run(on splits: [TrainTestSplit],
                  options: EvaluationOptions = EvaluationOptions())
    throws(EvaluationError) -> [Point] {
    var makers: [any ModelMaker] = []
    for value in values {
      do {
        makers.append(try maker(value))
      } catch let error as EvaluationError {
        throw error
      } catch {
        throw .invalidSetting("\(parameter) = \(value): \(error)")
      }
    }
    let evaluations = try EvaluationRunner.run(makers, on: splits,
                                               options: options)
    return zip(values, evaluations).map { Point(value: $0, evaluation: $1) }
  }
}

extension ParameterSweep where Value == Double {
  /// The sweep of k of a k-NN form, each fold measured at every k by one
  /// engine (``NeighbourCountEvaluation``): similarities and each
  /// rating's neighbours are found once, not once per k. Every figure is
  /// that of ``run(on:options:)`` with an engine per k, to the last bit,
  /// but for the times: each k is given its fold's whole fit and test
  /// time, the work being shared.
  /// - Parameter settings: a k-NN form; its own k is not used.
  /// - Throws: ``EvaluationError/invalidSetting(_:)`` for a form without
  ///   a k or a count that makes invalid settings;
  ///   ``EvaluationError/modelFailed(model:fold:reason:)``.
  /// - Complexity: one estimate at the largest k per test and train
  ///   rating and fold, plus O(|counts|) each to read the others off it.
  public static func neighbourCounts(
    _ settings: EngineSettings, name: String, counts: [Int],
    on splits: [TrainTestSplit],
    options: EvaluationOptions = EvaluationOptions()
  ) throws(EvaluationError) -> [Point] {
    let outcomes = ParallelJobs.run(splits.count, parallel: options.parallel) {
      f in
      let clock = ContinuousClock()
      let start = clock.now
      let results = try NeighbourCountEvaluation.evaluate(
        settings, counts: counts, on: splits[f], options: options) ?? []
      let seconds = (clock.now - start).seconds
      return results.map { r in
        var result = r
        result.fold = f
        result.values[.fitSeconds] = seconds
        return result
      }
    }
    var perFold: [[FoldResult]] = []
    for (f, outcome) in outcomes.enumerated() {
      switch outcome {
      case .success(let results): perFold.append(results)
      case .failure(let error as EvaluationError): throw error
      case .failure(let error):
        throw .modelFailed(model: name, fold: f, reason: "\(error)")
      }
    }
    return counts.indices.map { c in
      Point(value: Double(counts[c]),
            evaluation: ModelEvaluation(name: name,
                                        folds: perFold.map { $0[c] }))
    }
  }
}
