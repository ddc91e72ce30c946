import RecscopeCore

/// The lab's measurements, one (model, fold) or (value, fold) a job, the
/// jobs on every core (``LabJobs``), their steps, one a fold or an epoch,
/// reported in a fixed order so that a run shows its progress the same
/// way every time and stops soon after a cancel. They run off the
/// explorer's thread on ``LabInputs`` alone.
///
/// The figures are those of the engine's own runners on the same splits:
/// a table row is what ``EvaluationRunner/run(_:on:options:)`` gives the
/// model `recscope evaluate` makes, a curve what
/// ``LearningCurveRunner/run(_:on:parallel:)`` gives, a sweep what
/// ``ParameterSweep/run(on:options:)`` gives. A factor model trains once
/// per fold for both its row and its curve: the test ratings it is given
/// are only scored after each epoch, never trained on. A sweep of a k-NN
/// model's k trains one engine per fold for every k
/// (``NeighbourCountEvaluation``), which gives each k's figures exactly.
///
/// TODO(perf): on 100,000 ratings half the time left is the k-NN row's
/// folds, most of it choosing and sorting each rating's k nearest raters
/// (`NeighbourPicker`, then a sort), done again for every rating. And a
/// fold is one job: a k sweep on its own (the explorer's algorithm not
/// k-NN) is five jobs, three rounds on two cores, the last on one.
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

  /// What one (model, fold) job of the table measures.
  private struct FoldRun: Sendable {
    var result: FoldResult
    /// A factor model's train and test RMSE after each epoch.
    var train: [Double] = []
    var test: [Double] = []
    /// A k-NN model's figures at each k of its sweep.
    var sweep: [FoldResult] = []
  }

  /// Trains and scores every model of the table on every split, and
  /// records the factor models' curves and, with a k-NN row, the sweep
  /// of its k, which costs the row little more.
  /// - Throws: ``LabFailure`` when the data cannot be split;
  ///   `CancellationError` after a cancel.
  /// - Complexity: one training and |test| + |train| estimates per
  ///   (model, fold), plus an RMSE over train and test per epoch.
  static func models(_ inputs: LabInputs,
                     steps: LabSteps) throws -> LabEvaluation {
    let splits = try inputs.splits()
    let options = inputs.evaluationOptions
    let models = inputs.models
    let settings = models.map(inputs.settings(for:))
    let folds = splits.count
    // The explorer's own algorithm comes first; a k-NN one brings its
    // k sweep.
    let kSweep = LabKSweep(inputs, model: models[0])
    let outcomes = try runGroups(
      models.count, folds: folds, inputs: inputs, steps: steps,
      stepsPerFold: settings.map(inputs.stepsPerFold)
    ) { m, f, job -> FoldRun in
      if let problem = settings[m].problem { throw LabFailure(reason: problem) }
      let detail = "\(models[m].rawValue) fold \(f + 1)/\(folds)"
      if m == 0, let kSweep,
        let at = kSweep.counts.firstIndex(of: settings[m].k)
      {
        let sweep = try kSweep.measure(splits[f], fold: f, options: options,
                                       stop: { job.isStopped })
        job.step(detail)
        return FoldRun(result: sweep[at], sweep: sweep)
      }
      var run = try measure(settings[m], splits[f], options: options,
                            detail: detail, job: job)
      run.result.fold = f
      return run
    }
    var rows: [LabModelRow] = []
    var curves: [Algorithm: LabCurve] = [:]
    for (model, outcome) in zip(models, outcomes) {
      rows.append(LabModelRow(
        algorithm: model,
        result: outcome.map { LabFigures($0.map(\.result)) }))
      if model.isFactorization, case .success(let runs) = outcome {
        curves[model] = LabCurve(train: runs.map(\.train),
                                 test: runs.map(\.test))
      }
    }
    let sweep = kSweep.map {
      $0.sweep(inputs, outcomes[0].map { runs in runs.map(\.sweep) })
    }
    return LabEvaluation(
      key: inputs.key, seed: inputs.seed, rows: rows, curves: curves,
      tested: splits.map(\.test.count).reduce(0, +), sweep: sweep)
  }

  /// One model on one split: trained, then scored on its test and train
  /// ratings; a step when done, or one per epoch of a factor model.
  private static func measure(
    _ settings: EngineSettings, _ split: TrainTestSplit,
    options: EvaluationOptions, detail: String, job: LabJobs<FoldRun>.Job
  ) throws -> FoldRun {
    if settings.algorithm.isFactorization {
      let run = try trainWatching(settings, split, job: job, detail: detail)
      let result = try evaluate(run.model, split, options, job)
      return FoldRun(result: result, train: run.train, test: run.test)
    }
    let predictor = try LabInputs.maker(settings)
      .makePredictor(training: split.train)
    let result = try evaluate(predictor, split, options, job)
    job.step(detail)
    return FoldRun(result: result)
  }

  /// ``EvaluationRunner/evaluate(_:on:options:)``, stopping with the job.
  private static func evaluate<Value>(
    _ predictor: any RatingPredictor, _ split: TrainTestSplit,
    _ options: EvaluationOptions, _ job: LabJobs<Value>.Job
  ) throws -> FoldResult {
    guard let result = EvaluationRunner.evaluate(
      predictor, on: split, options: options, stop: { job.isStopped })
    else { throw CancellationError() }
    return result
  }

  /// Trains svd or als on one split, a step per epoch, keeping each
  /// epoch's train and test RMSE.
  private static func trainWatching(
    _ settings: EngineSettings, _ split: TrainTestSplit,
    job: LabJobs<FoldRun>.Job, detail: String
  ) throws -> (model: FactorModel, train: [Double], test: [Double]) {
    var train: [Double] = [], test: [Double] = []
    var stopped = false
    let model = try LabInputs.trainer(settings).fit(
      split.train, test: split.test, initialItemFactors: nil
    ) { report in
      train.append(report.trainRMSE)
      test.append(report.testRMSE ?? .nan)
      job.step(detail + " epoch \(report.epoch)")
      stopped = job.isStopped
      return stopped ? .stop : .proceed
    }
    if stopped { throw CancellationError() }
    // No epoch to report: a step for the fold all the same.
    if train.isEmpty { job.step(detail) }
    return (model, train, test)
  }

  /// Steps a sweep takes: one (value, fold) each, or one a fold when a
  /// k-NN model's k is swept.
  static func sweepSteps(_ inputs: LabInputs, _ setting: LabSweepSetting,
                         model: Algorithm) -> Int {
    setting == .k && LabKSweep(inputs, model: model) != nil
      ? inputs.split.foldCount
      : setting.values(in: inputs.settings, model: model).count
        * inputs.split.foldCount
  }

  /// Trains and scores `model` with `setting` at each of its values on
  /// every split.
  /// - Throws: ``LabFailure`` when the data cannot be split;
  ///   `CancellationError` after a cancel.
  /// - Complexity: one training and |test| + |train| estimates per
  ///   (value, fold); for k of a k-NN model, per fold.
  static func sweep(_ inputs: LabInputs, _ setting: LabSweepSetting,
                    model: Algorithm, steps: LabSteps) throws -> LabSweep {
    let splits = try inputs.splits()
    if setting == .k, let kSweep = LabKSweep(inputs, model: model) {
      return try sweep(kSweep, splits, inputs, steps: steps)
    }
    let values = setting.values(in: inputs.settings, model: model)
    let settings = values.map {
      setting.settings(inputs.settings, model: model, value: $0)
    }
    let results = try sweepEachValue(setting, values, settings, splits,
                                     inputs, steps: steps)
    return LabSweep(
      key: inputs.key, setting: setting, model: model,
      current: setting.current(in: inputs.settings, model: model),
      points: zip(values, results).map { .init(value: $0, result: $1) })
  }

  /// A job for each (value, fold): a training and an evaluation.
  private static func sweepEachValue(
    _ setting: LabSweepSetting, _ values: [Double],
    _ settings: [EngineSettings], _ splits: [TrainTestSplit],
    _ inputs: LabInputs, steps: LabSteps
  ) throws -> [Result<LabFigures, LabFailure>] {
    let options = inputs.evaluationOptions
    let folds = splits.count
    let outcomes = try runGroups(
      values.count, folds: folds, inputs: inputs, steps: steps,
      stepsPerFold: Array(repeating: 1, count: values.count)
    ) { v, f, job -> FoldResult in
      if let problem = settings[v].problem { throw LabFailure(reason: problem) }
      let predictor = try trainStoppable(settings[v], splits[f], job: job)
      var result = try evaluate(predictor, splits[f], options, job)
      result.fold = f
      job.step("\(setting.rawValue) = \(setting.label(values[v])) "
               + "fold \(f + 1)/\(folds)")
      return result
    }
    return outcomes.map { $0.map(LabFigures.init) }
  }

  /// A job for each fold: one engine measured at every k at once.
  private static func sweep(
    _ kSweep: LabKSweep, _ splits: [TrainTestSplit], _ inputs: LabInputs,
    steps: LabSteps
  ) throws -> LabSweep {
    let options = inputs.evaluationOptions
    let folds = splits.count
    guard !kSweep.counts.isEmpty else {
      steps.skip(to: steps.done + folds)
      return kSweep.sweep(inputs, .success([]))
    }
    let outcomes = try runGroups(
      1, folds: folds, inputs: inputs, steps: steps, stepsPerFold: [1]
    ) { _, f, job -> [FoldResult] in
      let results = try kSweep.measure(splits[f], fold: f, options: options,
                                       stop: { job.isStopped })
      job.step(kSweep.detail(fold: f, of: folds))
      return results
    }
    return kSweep.sweep(inputs, outcomes[0])
  }

  /// The predictor `recscope evaluate` trains; a factor model checks for
  /// a cancel after each epoch.
  private static func trainStoppable<Value>(
    _ settings: EngineSettings, _ split: TrainTestSplit,
    job: LabJobs<Value>.Job
  ) throws -> any RatingPredictor {
    guard settings.algorithm.isFactorization else {
      return try LabInputs.maker(settings).makePredictor(training: split.train)
    }
    let model = try LabInputs.trainer(settings).fit(
      split.train, test: [], initialItemFactors: nil
    ) { _ in job.isStopped ? .stop : .proceed }
    if job.isStopped { throw CancellationError() }
    return model
  }

  /// Runs `groups` × `folds` jobs, group by group (a group is a model or
  /// a value), and gathers each group's fold results in fold order, or
  /// the failure that ended it. A failed group's remaining steps are
  /// skipped in one move and its other folds dropped, as a serial run
  /// would stop at the failing fold.
  /// - Parameter stepsPerFold: the steps a fold of each group reports.
  /// - Throws: `CancellationError` after a cancel.
  private static func runGroups<Value: Sendable>(
    _ groups: Int, folds: Int, inputs: LabInputs, steps: LabSteps,
    stepsPerFold: [Int],
    work: @escaping @Sendable (Int, Int, LabJobs<Value>.Job) throws -> Value
  ) throws -> [Result<[Value], LabFailure>] {
    guard folds > 0 else {
      return Array(repeating: .success([]), count: groups)
    }
    var outcomes: [Result<[Value], LabFailure>] = []
    var done: [Value] = []
    // Where the group being relayed started, for the skip past a failure.
    var start = steps.done
    try LabJobs<Value>.run(
      groups * folds, parallel: inputs.parallel, steps: steps,
      work: { job in
        let (g, f) = job.index.quotientAndRemainder(dividingBy: folds)
        return try work(g, f, job)
      },
      ended: { n, outcome in
        let (g, f) = n.quotientAndRemainder(dividingBy: folds)
        switch outcome {
        case .success(let value):
          done.append(value)
          guard f == folds - 1 else { return n + 1 }
          outcomes.append(.success(done))
        case .failure(let error):
          outcomes.append(.failure(
            error as? LabFailure ?? LabFailure(reason: "\(error)")))
          steps.skip(to: start + stepsPerFold[g] * folds)
        }
        done = []
        start = steps.done
        return (g + 1) * folds
      })
    return outcomes
  }
}
