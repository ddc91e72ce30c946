/// Matrix factorization served live: `svd` and `als` train a
/// ``FactorModel`` on the engine's data when first needed, predict
/// through it, and keep it current across edits by folding the edited
/// user in (p_u and b_u solved again against the fixed item side, see
/// ``FactorModel/foldIn(_:)``). An item added after training has no
/// factors, so its estimates fall back until the model is retrained.
///
/// Retraining can run elsewhere: ``factorTraining()`` takes a snapshot of
/// the data that another thread trains on, and ``install(_:)`` swaps the
/// result in on the engine's thread, folding in every user edited since
/// the snapshot. With ``trainsOnDemand`` off that is the only way a model
/// comes in, and the baseline answers until one does.
extension Engine {
  /// Why an estimate of `svd` or `als` is the baseline's: no model for
  /// the current settings has come in yet (``trainsOnDemand`` off).
  public static let untrainedReason = "model not trained yet"

  /// What the current settings would train.
  var factorKey: FactorState.Key {
    FactorState.Key(algorithm: settings.algorithm,
                    settings: settings.factorization)
  }

  /// The model for the current settings with every pending fold-in done,
  /// trained here first when there is none and ``trainsOnDemand`` is on;
  /// nil when training failed or, with it off, until a model for these
  /// settings is installed.
  /// - Complexity: O(1) when current; a fold-in per edited user since the
  ///   last use; a full training when the settings changed and the engine
  ///   trains on demand.
  func currentFactorModel() -> FactorModel? {
    if factors.key != factorKey || (factors.model == nil
      && factors.failure?.clock != factors.clock)
    {
      // A model trained for other settings stays, unused, until another
      // comes in: an undo back to its settings finds it still current.
      guard trainsOnDemand else { return nil }
      trainFactorModelNow()
    }
    foldInPendingUsers()
    return factors.model
  }

  /// Whether `svd` or `als` is chosen and no model for the current
  /// settings is in: what a training in the background must bring when
  /// ``trainsOnDemand`` is off.
  public var needsFactorTraining: Bool {
    settings.algorithm.isFactorization
      && (factors.model == nil || factors.key != factorKey)
  }

  /// The factor model the engine predicts with, brought up to date; nil
  /// when the algorithm is not `svd` or `als` or training failed.
  public var factorModel: FactorModel? {
    settings.algorithm.isFactorization ? currentFactorModel() : nil
  }

  /// How current the model is; nil unless the algorithm is `svd` or
  /// `als` and a model has been trained.
  public var factorModelStatus: FactorModelStatus? {
    guard settings.algorithm.isFactorization, let model = factors.model,
      factors.key == factorKey
    else { return nil }
    return FactorModelStatus(
      algorithm: settings.algorithm, factorCount: model.factorCount,
      epochsTrained: model.epochsTrained,
      editsSinceTraining: factors.clock - factors.trainedAt)
  }

  /// Why there is no factor model, when training failed.
  public var factorTrainingFailure: String? { factors.failure?.text }

  /// A snapshot of the data to train the current algorithm on elsewhere;
  /// nil unless the algorithm is `svd` or `als`.
  /// - Complexity: O(1): the data is shared until the engine next edits it.
  public func factorTraining() -> FactorTraining? {
    guard settings.algorithm.isFactorization else { return nil }
    return FactorTraining(algorithm: settings.algorithm,
                          settings: settings.factorization,
                          dataset: dataset, clock: factors.clock)
  }

  /// Swaps in a model trained from ``factorTraining()``. Users edited
  /// since the snapshot are folded in, in order, so no edit is lost.
  /// - Returns: false, leaving the current model, when the settings have
  ///   changed since the snapshot (the model would answer another
  ///   question).
  @discardableResult
  public func install(_ trained: TrainedFactors) -> Bool {
    guard trained.key == factorKey, trained.clock <= factors.clock else {
      return false
    }
    let snapshotUsers = trained.model.ratings.userCount
    factors.model = trained.model
    factors.key = trained.key
    factors.trainedAt = trained.clock
    factors.failure = nil
    factors.pending = Set(snapshotUsers..<ratings.userCount)
    for (u, at) in factors.lastEdit where at > trained.clock {
      factors.pending.insert(u)
    }
    return true
  }

  /// Trains the current algorithm here and now, with progress.
  /// - Parameter monitor: called after each epoch; `.stop` abandons the
  ///   training and keeps the current model.
  /// - Returns: whether a new model was installed.
  @discardableResult
  public func retrainFactorModel(
    monitor: ((EpochReport) -> TrainingControl)? = nil
  ) throws(FactorizationError) -> Bool {
    guard let job = factorTraining(),
      let trained = try job.run(monitor: monitor)
    else { return false }
    return install(trained)
  }

  private func trainFactorModelNow() {
    factors.model = nil
    factors.key = factorKey
    do {
      if try !retrainFactorModel() {
        factors.failure = ("training stopped", factors.clock)
      }
    } catch {
      factors.failure = (error.description, factors.clock)
    }
  }

  /// Counts an edit, and marks its user for a fold-in.
  func noteFactorEdit(user u: Int?) {
    factors.clock += 1
    guard let u else { return }
    factors.lastEdit[u] = factors.clock
    if factors.model != nil { factors.pending.insert(u) }
  }

  /// Folds in the users edited since the model last saw them, in index
  /// order so that added users take the same index in the model.
  private func foldInPendingUsers() {
    guard !factors.pending.isEmpty, var model = factors.model else { return }
    factors.model = nil  // so that the arrays below are not copied
    for u in factors.pending.sorted() {
      let id = ratings.userIDs[u]
      let list = ratings.byUser[u].map {
        (itemID: ratings.itemIDs[$0.item.int], rating: $0.value)
      }
      var index = try? model.setUser(id, ratings: list)
      // A system that cannot be solved (a regularization of 0) leaves
      // the user without factors rather than out of step.
      if index == nil { index = try? model.setUser(id, ratings: []) }
      precondition(index?.int == u,
                   "Engine: factor model user \(id) out of step")
    }
    factors.pending.removeAll()
    factors.model = model
  }

  // MARK: Predictions

  /// r̂_ui from the factor model, with its provenance when `explain`.
  func factorPrediction(_ u: UserIndex?, _ i: ItemIndex?,
                        explain: Bool) -> Prediction {
    let algorithm = settings.algorithm
    var e = Explanation(
      method: explain
        ? "\(algorithm.title), "
          + settings.factorization.summary(for: algorithm) : "",
      formula: explain ? "r̂_ui = μ + b_u + b_i + q_iᵀp_u" : "")
    guard let model = currentFactorModel() else {
      guard trainsOnDemand else {
        return untrainedPrediction(u, i, explain: explain, e)
      }
      let why = "no factor model: \(factors.failure?.text ?? "not trained")"
      return impossible(u, i, why, e)
    }
    let estimate = model.estimate(u, i)
    let why = unknownReason(model, u, i)
    guard explain else {
      return finish(u, i, raw: estimate.raw, source: .factorization,
                    impossible: why, e)
    }
    let userID = u.map { ratings.id(of: $0) } ?? "?"
    let itemID = i.map { ratings.id(of: $0) } ?? "?"
    let provenance = model.provenance(u, i, userID: userID, itemID: itemID,
                                      limit: 5)
    var terms = [Term("μ", model.globalMean)]
    if let bu = provenance.userBias { terms.append(Term("b_u", bu)) }
    if let bi = provenance.itemBias { terms.append(Term("b_i", bi)) }
    if let dot = provenance.dot { terms.append(Term("q_iᵀp_u", dot)) }
    e.terms = terms
    let parts = [display(terms[0].value)]
      + terms.dropFirst().map { signedTerm($0.value) }
    e.substituted = "r̂ = " + parts.joined(separator: " ")
      + " = \(display(estimate.raw))"
    e.factors = provenance
    if let i, !isKnownToModel(model, i) {
      e.fallbacks.append("item added after training: no factors until "
                         + "the model is retrained")
    }
    for note in provenance.notes where !note.hasPrefix("influences") {
      e.fallbacks.append(note)
    }
    let edits = factors.clock - factors.trainedAt
    e.notes.append("trained by \(model.training.rawValue), \(model.epochsTrained) "
      + "epochs" + (edits == 0 ? "" : "; \(edits) edit\(edits == 1 ? "" : "s")"
      + " since training, edited users folded in"))
    return finish(u, i, raw: estimate.raw, source: .factorization,
                  impossible: why, e)
  }

  /// μ + b_u + b_i of the engine's baselines while no model has come in,
  /// flagged impossible with ``untrainedReason``.
  private func untrainedPrediction(_ u: UserIndex?, _ i: ItemIndex?,
                                   explain: Bool,
                                   _ explanation: Explanation) -> Prediction {
    var e = explanation
    e.fallbacks.append("\(Self.untrainedReason): baseline μ + b_u + b_i")
    let (raw, terms) = baselineTerms(u, i, &e)
    if explain {
      e.terms = terms
      let parts = [display(terms[0].value)]
        + terms.dropFirst().map { signedTerm($0.value) }
      e.substituted = "r̂ = " + parts.joined(separator: " ")
        + " = \(display(raw))"
    }
    return finish(u, i, raw: raw, source: .baseline,
                  impossible: Self.untrainedReason, e)
  }

  /// Whether the item existed when the model was trained.
  private func isKnownToModel(_ model: FactorModel, _ i: ItemIndex) -> Bool {
    i.int < model.ratings.itemCount
  }

  /// Why the model cannot give its full formula, or nil when it can.
  private func unknownReason(_ model: FactorModel, _ u: UserIndex?,
                             _ i: ItemIndex?) -> String? {
    switch (model.isKnown(u), model.isKnown(i)) {
    case (true, true): return nil
    case (false, true): return "user is unknown"
    case (true, false):
      if let i, !isKnownToModel(model, i) { return "item has no factors yet" }
      return "item is unknown"
    case (false, false): return "user and item are unknown"
    }
  }

  /// Scores for a top-N list: one product q_iᵀp_u per unrated item.
  /// - Complexity: O(|I| · k).
  func factorRecommendations(_ u: UserIndex,
                             rated: Set<ItemIndex>) -> [Recommendation] {
    guard let model = currentFactorModel() else {
      return (0..<ratings.itemCount).compactMap { i in
        let item = ItemIndex(i)
        guard !rated.contains(item) else { return nil }
        let p = predict(u, item, explain: false)
        return Recommendation(item: item, score: p.estimate,
                              source: p.source, wasImpossible: true)
      }
    }
    let userKnown = model.isKnown(u)
    var list: [Recommendation] = []
    list.reserveCapacity(ratings.itemCount - rated.count)
    for i in 0..<ratings.itemCount where !rated.contains(ItemIndex(i)) {
      let item = ItemIndex(i)
      let estimate = model.estimate(u, item)
      list.append(Recommendation(
        item: item, score: estimate.estimate, source: .factorization,
        wasImpossible: !(userKnown && model.isKnown(item))))
    }
    return list
  }
}

/// A snapshot of an engine's data and factor settings, to train on
/// another thread while the engine goes on (see
/// ``Engine/factorTraining()``).
public struct FactorTraining: Sendable {
  public let algorithm: Algorithm
  public let settings: FactorSettings
  let dataset: Dataset
  /// The engine's edit clock when the snapshot was taken.
  let clock: Int

  /// Epochs a full run takes.
  public var epochs: Int { settings.epochCount(for: algorithm) }

  /// Trains the model.
  /// - Parameter monitor: called after each epoch; `.stop` cancels.
  /// - Returns: the trained model, or nil when the monitor stopped it.
  /// - Throws: ``FactorizationError`` (no ratings, bad settings).
  /// - Complexity: that of ``BiasedMF/fit(_:test:initialItemFactors:monitor:)``
  ///   or ``ALSMF/fit(_:test:initialItemFactors:monitor:)``.
  public func run(monitor: ((EpochReport) -> TrainingControl)? = nil)
    throws(FactorizationError) -> TrainedFactors? {
    var stopped = false
    let watch: ((EpochReport) -> TrainingControl)? = monitor.map { monitor in
      { report in
        let answer = monitor(report)
        if answer == .stop { stopped = true }
        return answer
      }
    }
    let model: FactorModel
    switch algorithm {
    case .als: model = try settings.alsMF.fit(dataset, monitor: watch)
    default: model = try settings.biasedMF.fit(dataset, monitor: watch)
    }
    if stopped { return nil }
    return TrainedFactors(
      model: model,
      key: FactorState.Key(algorithm: algorithm, settings: settings),
      clock: clock)
  }
}

/// A model trained from a ``FactorTraining``, ready for
/// ``Engine/install(_:)``.
public struct TrainedFactors: Sendable {
  public let model: FactorModel
  let key: FactorState.Key
  let clock: Int
}
