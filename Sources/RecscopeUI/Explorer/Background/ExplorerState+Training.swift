import RecscopeCore

/// Training the factor model of `svd` or `als` in the background: the
/// engine hands out a snapshot of its data, a ``BackgroundTask`` trains
/// on it with a progress step per epoch, and the new model is swapped in
/// here, on the explorer's thread, with the edits made meanwhile folded
/// in. Until then the old model goes on answering, or, when there is none
/// for the settings, the baseline, which the engine flags as a fallback.
///
/// The engine never trains on the explorer's thread: choosing `svd` or
/// `als`, changing a factor setting, or undoing such a change starts a
/// training by itself, and `R` starts one on demand.
extension ExplorerState {
  /// What a training would train for now; nil unless `svd` or `als`.
  var trainingTarget: ModelTraining.Target? {
    let settings = engine.settings
    guard settings.algorithm.isFactorization else { return nil }
    return ModelTraining.Target(algorithm: settings.algorithm,
                                settings: settings.factorization)
  }

  /// Whether a training is the background task now.
  var trainingIsRunning: Bool {
    guard let run = training.running, let running = background else {
      return false
    }
    return run.task === running.task
  }

  /// Starts a training when `svd` or `als` has no model for the current
  /// settings, unless the person stopped one (Esc) or one failed since
  /// the settings last changed. A training for other settings is
  /// cancelled first, since the engine would refuse its model.
  ///
  /// ``handle(_:)`` calls this after every key; a front end calls it once
  /// before its first frame, after choosing ``backgroundPacing``.
  public func followFactorModel() {
    let target = trainingTarget
    if trainingIsRunning, let run = training.running, run.target != target {
      training.running = nil
      cancelBackground(quietly: true)
    }
    guard target != nil, engine.needsFactorTraining, !training.held,
      !trainingIsRunning
    else { return }
    startTraining()
  }

  /// `R`: trains the model anew on the current ratings, or for the first
  /// time after Esc or a failure.
  func startRetraining() {
    guard engine.settings.algorithm.isFactorization else {
      fail("R retrains svd or als; choose one with s or :set algo=svd")
      return
    }
    training.held = false
    startTraining()
  }

  /// Starts a training for the current settings, in place of a lab run
  /// (the lab measures again once the model is in).
  private func startTraining() {
    if labIsRunning {
      lab.running = nil
      cancelBackground(quietly: true)
    }
    guard let job = engine.factorTraining(), let target = trainingTarget
    else { return }
    let title = "training \(job.algorithm.rawValue)"
    let epochs = job.epochs
    let started = startBackground(
      title: title, total: epochs, unit: "epoch",
      work: { reporter in
        let trained = try job.run { report in
          let detail = "train RMSE \(display(report.trainRMSE))"
          let going = reporter.report(.init(step: report.epoch, total: epochs,
                                            unit: "epoch", detail: detail))
          return going ? .proceed : .stop
        }
        guard let trained else { throw CancellationError() }
        return trained
      },
      finish: { [unowned self] value in
        training.running = nil
        guard let trained = value as? TrainedFactors else { return }
        finishRetraining(trained)
      },
      cancelled: { [unowned self] in
        trainingStopped(cancelled: title)
      },
      failed: { [unowned self] _ in
        trainingStopped(cancelled: nil)
      })
    guard started, let task = background?.task else { return }
    training.running = ModelTraining.Run(task: task, target: target)
  }

  /// After Esc, closing the explorer or a failure (not after a change of
  /// settings superseded the training, which clears the run first): no
  /// training starts by itself until a setting changes or `R`.
  /// - Parameter title: the cancelled training's, for the message; nil
  ///   after a failure, whose message is already up.
  private func trainingStopped(cancelled title: String?) {
    guard training.running != nil else { return }
    training.running = nil
    training.held = true
    guard let title, engine.needsFactorTraining else { return }
    say("\(title) cancelled; estimates stay on the baseline until R "
        + "trains the model")
  }

  /// Swaps the trained model in and shows what it moved.
  private func finishRetraining(_ trained: TrainedFactors) {
    let before = snapshot()
    guard engine.install(trained) else {
      fail("the settings changed during training; R trains again")
      return
    }
    recentLists.removeAll()
    bumpRevision(inputs: false)
    var text = "trained \(engine.settings.algorithm.rawValue): "
      + "\(trained.model.epochsTrained) epochs"
    if let u = selectedUser, u == before.user {
      let after = recommendations()?.items.map(\.item.int) ?? []
      rankMoves = RankMove.moves(before: before.recommended, after: after)
      rankMovesUser = u
      let moved = rankMoves.values.filter { $0 != .same }.count
      if moved > 0 {
        text += " · \(moved) recommendation\(moved == 1 ? "" : "s") moved"
      }
    }
    say(text)
  }

  /// The status line's offer of `R`: to train a model the settings lack
  /// (after Esc or a failure), or to retrain one that edits have moved
  /// away from its training ("3 edits since training"); nil otherwise.
  var trainingHint: KeyHint? {
    if engine.needsFactorTraining, !trainingIsRunning {
      return KeyHint("R", "train (baseline until then)")
    }
    guard let status = engine.factorModelStatus,
      status.editsSinceTraining > 0
    else { return nil }
    let n = status.editsSinceTraining
    return KeyHint("R", "retrain (\(n) edit\(n == 1 ? "" : "s") since "
                   + "training)")
  }
}
