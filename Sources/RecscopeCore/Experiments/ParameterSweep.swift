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
