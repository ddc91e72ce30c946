/// The engine's factor model and what it needs to keep it current: which
/// settings trained it, and which users' vectors await a fold-in.
///
/// Edits are counted on a clock that only moves forward. A model records
/// the clock of the data it was trained on; a user whose last edit is
/// later than that is folded in again, so a model trained in the
/// background on an older snapshot loses none of the edits made meanwhile.
struct FactorState {
  /// What a model was trained with; another value means training anew.
  struct Key: Equatable {
    var algorithm: Algorithm
    var settings: FactorSettings
  }

  var model: FactorModel?
  var key: Key?
  /// The edit clock of the data the model was trained on.
  var trainedAt = 0
  /// Why the last training failed (no ratings), and at which clock.
  var failure: (text: String, clock: Int)?
  /// Edits so far: ratings set or removed, users and items added.
  var clock = 0
  /// The clock of each user's last edit.
  var lastEdit: [Int: Int] = [:]
  /// Users whose p_u and b_u are older than their ratings.
  var pending: Set<Int> = []
}

/// How current the engine's factor model is, for a display that offers
/// retraining.
public struct FactorModelStatus: Sendable, Equatable {
  /// `svd` or `als`.
  public var algorithm: Algorithm
  public var factorCount: Int
  public var epochsTrained: Int
  /// Rating edits and added users or items since the training data was
  /// taken; their users are folded in, added items have no factors.
  public var editsSinceTraining: Int
}
