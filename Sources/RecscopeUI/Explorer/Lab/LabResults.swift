import RecscopeCore

/// What the lab's figures were measured on: the explorer's data and
/// settings at one moment (its input revision) and the split. Figures
/// whose key differs from the explorer's current one are stale.
struct LabKey: Equatable, Sendable {
  var inputRevision: Int
  var split: LabSplit
}

/// Mean figures over folds, as ``EvaluationRunner`` summarises them,
/// with the folds' own, which the worked arithmetic shows.
struct LabFigures: Sendable, Equatable {
  /// Over the folds that have the figure.
  var summary: [Metric: Summary]
  var folds: [FoldResult]

  init(_ folds: [FoldResult]) {
    self.folds = folds
    summary = Summary.byMetric(folds)
  }

  var trainRMSE: Summary? { summary[.trainRMSE] }
  var testRMSE: Summary? { summary[.rmse] }
  /// Test minus train RMSE: how much worse the model does on ratings it
  /// has not seen.
  var gap: Summary? { summary[.gap] }
}

/// One model of the lab's table.
struct LabModelRow: Sendable {
  var algorithm: Algorithm
  /// The figures, or why the model could not be trained.
  var result: Result<LabFigures, LabFailure>
}

/// Why a lab measurement has no figures, in a sentence.
struct LabFailure: Error, Sendable, Equatable {
  var reason: String
}

/// Train and test RMSE of a factor model after each epoch, as means over
/// folds (the figures of ``LearningCurve``).
struct LabCurve: Sendable, Equatable {
  struct Point: Sendable, Equatable {
    /// 1 for the first epoch.
    var epoch: Int
    var trainRMSE: Summary
    var testRMSE: Summary
  }

  var points: [Point]

  /// Summaries per epoch of per-fold series; a fold with fewer epochs
  /// than the others ends the curve.
  init(train: [[Double]], test: [[Double]]) {
    let epochs = (train + test).map(\.count).min() ?? 0
    points = (0..<epochs).map { e in
      Point(epoch: e + 1, trainRMSE: Summary(train.map { $0[e] }),
            testRMSE: Summary(test.map { $0[e] }))
    }
  }
}

/// The table and the learning curves of one run.
struct LabEvaluation: Sendable {
  var key: LabKey
  var seed: UInt64
  var rows: [LabModelRow]
  /// The curve of each factor model in `rows` that trained.
  var curves: [Algorithm: LabCurve]
  /// Ratings tested over all folds.
  var tested: Int
  /// The sweep of k of the table's k-NN model, measured with its row.
  var sweep: LabSweep?
}

/// A sweep of one setting of one model.
struct LabSweep: Sendable {
  struct Point: Sendable {
    var value: Double
    var result: Result<LabFigures, LabFailure>
  }

  var key: LabKey
  var setting: LabSweepSetting
  var model: Algorithm
  /// The explorer's own value of the setting, marked in the table.
  var current: Double
  var points: [Point]
}

/// What a lab run hands back to the explorer's thread.
enum LabOutcome: Sendable {
  case models(LabEvaluation)
  case sweep(LabSweep)
  /// The data could not be split; the sentence says why.
  case failed(String)
}
