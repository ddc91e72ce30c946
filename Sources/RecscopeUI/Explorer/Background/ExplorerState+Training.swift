import RecscopeCore

/// Retraining the factor model of `svd` or `als` in the background: the
/// engine hands out a snapshot of its data, a ``BackgroundTask`` trains
/// on it with a progress step per epoch, and the new model is swapped in
/// here, on the explorer's thread, with the edits made meanwhile folded
/// in. Until then the old model goes on answering.
extension ExplorerState {
  /// `R`: trains the model anew on the current ratings.
  func startRetraining() {
    guard let job = engine.factorTraining() else {
      fail("R retrains svd or als; choose one with s or :set algo=svd")
      return
    }
    let title = "training \(job.algorithm.rawValue)"
    let epochs = job.epochs
    startBackground(title: title, total: epochs, unit: "epoch",
                    work: { reporter in
      let trained = try job.run { report in
        let detail = "train RMSE \(display(report.trainRMSE))"
        let going = reporter.report(.init(step: report.epoch, total: epochs,
                                          unit: "epoch", detail: detail))
        return going ? .proceed : .stop
      }
      guard let trained else { throw CancellationError() }
      return trained
    }, finish: { [unowned self] value in
      guard let trained = value as? TrainedFactors else { return }
      finishRetraining(trained)
    })
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

  /// The status line's note on a model that edits have moved away from
  /// its training: "3 edits since training"; nil when current.
  var staleModelNote: String? {
    guard let status = engine.factorModelStatus,
      status.editsSinceTraining > 0
    else { return nil }
    let n = status.editsSinceTraining
    return "\(n) edit\(n == 1 ? "" : "s") since training"
  }
}
