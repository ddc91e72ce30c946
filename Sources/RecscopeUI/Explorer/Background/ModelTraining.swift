import RecscopeCore

/// The explorer's training of its `svd` or `als` model in the background:
/// which settings the running training is for, so that a change of them
/// supersedes it, and whether the person stopped it, so that it does not
/// start again by itself.
struct ModelTraining {
  /// What a training trains for; another value needs another model.
  struct Target: Equatable {
    var algorithm: Algorithm
    var settings: FactorSettings
  }

  /// A training that is the background task, or was until it ended.
  struct Run {
    let task: BackgroundTask
    let target: Target
  }

  var running: Run?
  /// Set by Esc or a failed training: no training starts by itself until
  /// a setting changes or `R` asks for one.
  var held = false
}
