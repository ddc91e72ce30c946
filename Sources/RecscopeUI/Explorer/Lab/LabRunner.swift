import RecscopeCore

/// The lab's measurements, one (model, fold) or one epoch at a time so
/// that a run reports progress and stops soon after a cancel. They run
/// off the explorer's thread on ``LabInputs`` alone.
///
/// The figures are those of the engine's own runners on the same splits:
/// a table row is what ``EvaluationRunner/run(_:on:options:)`` gives the
/// model `recscope evaluate` makes, a curve what
/// ``LearningCurveRunner/run(_:on:parallel:)`` gives, a sweep what
/// ``ParameterSweep/run(on:options:)`` gives. A factor model trains once
/// per fold for both its row and its curve: the test ratings it is given
/// are only scored after each epoch, never trained on.
///
/// TODO(perf): folds run one after another on one core. Running them on
/// the others too, as the runners do, with their steps reported in fold
/// order so that a replay still sees the same progress, would cut a run
/// by the number of cores.
enum LabRunner {
  /// Runs one part; a failure to split becomes an outcome, a cancel is
  /// thrown.
  static func run(_ part: LabPart, _ inputs: LabInputs,
                  steps: LabSteps) throws -> LabOutcome {
    do {
      switch part {
      case .models:
        return .models(try models(inputs, steps: steps))
      case .sweep(let setting, let model):
        return .sweep(try sweep(inputs, setting, model: model, steps: steps))
      }
    } catch let failure as LabFailure {
      return .failed(failure.reason)
    }
  }

  /// Trains and scores every model of the table on every split, and
  /// records the factor models' curves.
  /// - Throws: ``LabFailure`` when the data cannot be split;
  ///   `CancellationError` after a cancel.
  /// - Complexity: one training and |test| + |train| estimates per
  ///   (model, fold), plus an RMSE over train and test per epoch.
  static func models(_ inputs: LabInputs,
                     steps: LabSteps) throws -> LabEvaluation {
    let splits = try inputs.splits()
    let options = inputs.evaluationOptions
    var rows: [LabModelRow] = []
    var curves: [Algorithm: LabCurve] = [:]
    for model in inputs.models {
      let settings = inputs.settings(for: model)
      let end = steps.done + inputs.stepsPerFold(settings) * splits.count
      if let problem = settings.problem {
        steps.skip(to: end)
        rows.append(LabModelRow(algorithm: model,
                                result: .failure(LabFailure(reason: problem))))
        continue
      }
      var folds: [FoldResult] = []
      var train: [[Double]] = [], test: [[Double]] = []
      do {
        for (f, split) in splits.enumerated() {
          let detail = "\(model.rawValue) fold \(f + 1)/\(splits.count)"
          if model.isFactorization {
            let run = try trainWatching(settings, split, steps: steps,
                                        detail: detail)
            train.append(run.train)
            test.append(run.test)
            var result = EvaluationRunner.evaluate(run.model, on: split,
                                                   options: options)
            result.fold = f
            folds.append(result)
          } else {
            let predictor = try LabInputs.maker(settings)
              .makePredictor(training: split.train)
            var result = EvaluationRunner.evaluate(predictor, on: split,
                                                   options: options)
            result.fold = f
            folds.append(result)
            try steps.step(detail)
          }
        }
      } catch let error as CancellationError {
        throw error
      } catch {
        steps.skip(to: end)
        rows.append(LabModelRow(
          algorithm: model,
          result: .failure(LabFailure(reason: "\(error)"))))
        continue
      }
      rows.append(LabModelRow(algorithm: model,
                              result: .success(LabFigures(folds))))
      if model.isFactorization {
        curves[model] = LabCurve(train: train, test: test)
      }
    }
    return LabEvaluation(key: inputs.key, seed: inputs.seed, rows: rows,
                         curves: curves,
                         tested: splits.map(\.test.count).reduce(0, +))
  }

  /// Trains svd or als on one split, a step per epoch, keeping each
  /// epoch's train and test RMSE.
  private static func trainWatching(
    _ settings: EngineSettings, _ split: TrainTestSplit, steps: LabSteps,
    detail: String
  ) throws -> (model: FactorModel, train: [Double], test: [Double]) {
    var train: [Double] = [], test: [Double] = []
    var cancelled = false
    let model = try LabInputs.trainer(settings).fit(
      split.train, test: split.test, initialItemFactors: nil
    ) { report in
      train.append(report.trainRMSE)
      test.append(report.testRMSE ?? .nan)
      do {
        try steps.step(detail + " epoch \(report.epoch)")
        return .proceed
      } catch {
        cancelled = true
        return .stop
      }
    }
    if cancelled { throw CancellationError() }
    // No epoch to report: a step for the fold all the same.
    if train.isEmpty { try steps.step(detail) }
    return (model, train, test)
  }

  /// Steps a sweep takes: one (value, fold) each.
  static func sweepSteps(_ inputs: LabInputs, _ setting: LabSweepSetting,
                         model: Algorithm) -> Int {
    setting.values(in: inputs.settings, model: model).count
      * inputs.split.foldCount
  }

  /// Trains and scores `model` with `setting` at each of its values on
  /// every split.
  /// - Throws: ``LabFailure`` when the data cannot be split;
  ///   `CancellationError` after a cancel.
  /// - Complexity: one training and |test| + |train| estimates per
  ///   (value, fold).
  static func sweep(_ inputs: LabInputs, _ setting: LabSweepSetting,
                    model: Algorithm, steps: LabSteps) throws -> LabSweep {
    let splits = try inputs.splits()
    let options = inputs.evaluationOptions
    var points: [LabSweep.Point] = []
    for value in setting.values(in: inputs.settings, model: model) {
      let settings = setting.settings(inputs.settings, model: model,
                                      value: value)
      let end = steps.done + splits.count
      if let problem = settings.problem {
        steps.skip(to: end)
        points.append(.init(value: value,
                            result: .failure(LabFailure(reason: problem))))
        continue
      }
      var folds: [FoldResult] = []
      do {
        for (f, split) in splits.enumerated() {
          let predictor = try trainStoppable(settings, split, steps: steps)
          var result = EvaluationRunner.evaluate(predictor, on: split,
                                                 options: options)
          result.fold = f
          folds.append(result)
          try steps.step("\(setting.rawValue) = \(setting.label(value)) "
                         + "fold \(f + 1)/\(splits.count)")
        }
      } catch let error as CancellationError {
        throw error
      } catch {
        steps.skip(to: end)
        points.append(.init(value: value,
                            result: .failure(LabFailure(reason: "\(error)"))))
        continue
      }
      points.append(.init(value: value, result: .success(LabFigures(folds))))
    }
    return LabSweep(key: inputs.key, setting: setting, model: model,
                    current: setting.current(in: inputs.settings, model: model),
                    points: points)
  }

  /// The predictor `recscope evaluate` trains; a factor model checks for
  /// a cancel after each epoch.
  private static func trainStoppable(
    _ settings: EngineSettings, _ split: TrainTestSplit, steps: LabSteps
  ) throws -> any RatingPredictor {
    guard settings.algorithm.isFactorization else {
      return try LabInputs.maker(settings).makePredictor(training: split.train)
    }
    let model = try LabInputs.trainer(settings).fit(
      split.train, test: [], initialItemFactors: nil
    ) { _ in steps.isCancelled ? .stop : .proceed }
    if steps.isCancelled { throw CancellationError() }
    return model
  }
}
