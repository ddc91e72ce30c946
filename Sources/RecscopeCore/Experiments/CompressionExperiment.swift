/// What storing a factor model's P and Q in fewer bits costs in test
/// error, against the same trained model kept in 64-bit floats.
public enum CompressionExperiment {
  /// Trains `trainer` once per fold, then scores the model as trained
  /// (`64-bit`, the baseline) and with its factors quantised to each
  /// width, per row (see ``QuantizedFactors``). A width of 64 stands for
  /// the model unchanged. Each variant's ``Metric/bytes`` is the size of
  /// P and Q as stored: 8 bytes an entry at 64 bits, else codes plus one
  /// 32-bit step per row; biases are not counted.
  /// - Throws: ``EvaluationError/invalidSetting(_:)`` for a width other
  ///   than 64, 8 or 4; ``EvaluationError/modelFailed(model:fold:reason:)``.
  /// - Complexity: one training per fold, then O((|U| + |I|) k) per
  ///   width and fold besides the scoring.
  public static func run(_ trainer: some FactorTrainer, bits: [Int],
                         on splits: [TrainTestSplit],
                         options: ComparisonOptions = ComparisonOptions())
    throws(EvaluationError) -> [VariantEvaluation] {
    var widths: [QuantizedFactors.Width?] = []
    for b in bits {
      if b == 64 {
        widths.append(nil)
      } else if let w = QuantizedFactors.Width(rawValue: b) {
        widths.append(w)
      } else {
        throw .invalidSetting("factors can be kept in 64, 8 or 4 bits, not \(b)")
      }
    }
    try LearningCurveRunner.checkTestSets(splits)
    let trained = ParallelJobs.run(splits.count,
                                   parallel: options.evaluation.parallel) { f in
      try trainer.fit(splits[f].train, test: [], initialItemFactors: nil,
                      monitor: nil)
    }
    var fitted: [FactorModel] = []
    for (f, outcome) in trained.enumerated() {
      switch outcome {
      case .success(let m): fitted.append(m)
      case .failure(let e):
        throw .modelFailed(model: trainer.name, fold: f, reason: "\(e)")
      }
    }
    let models = fitted
    let variants = ([nil] + widths).enumerated().map { n, width in
      TrainingVariant(name: n == 0 ? "64-bit" : "\(width?.rawValue ?? 64)-bit",
                      setting: Double(width?.rawValue ?? 64)) { _, fold in
        let model = models[fold]
        guard let width else {
          return TrainedVariant(model, figures: [
            .bytes: Double(model.userFactors.byteCount
                             + model.itemFactors.byteCount)])
        }
        let (q, users, items) = model.quantized(width)
        return TrainedVariant(q, figures: [
          .bytes: Double(users.byteCount + items.byteCount)])
      }
    }
    return try ComparisonRunner.run(variants, on: splits, options: options)
  }
}
