import Foundation
import RecscopeCore
import TestSupport
import Testing
@testable import RecscopeUI

/// `svd` and `als` in the explorer: chosen in the settings and trained in
/// the background, the baseline answering meanwhile; folded into on
/// edits, retrained with progress and cancel.
@Suite("Explorer factorization")
struct ExplorerFactorizationTests {
  let fixture = ExplorerFixture()

  func scores(_ state: ExplorerState) -> [Double] {
    state.recommendations()?.items.map(\.score) ?? []
  }

  @Test func svdFoldsInEditsRetrainsAndCancels() throws {
    let state = try fixture.state(size: Size(width: 110, height: 26))
    defer { state.endBackground() }
    var rows = try fixture.type(
      ":set<Space>algo<Space>svd<Space>factors=8<Space>epochs=4<Enter> <Wait>",
      into: state)
    #expect(state.engine.settings.algorithm == .svd)
    #expect(state.engine.settings.factorization.factors == 8)
    #expect(rows.contains { $0.contains("for ana · SVD (biased MF, SGD) · 8 factors") })
    #expect(rows.contains { $0.contains(" MF ") })
    let trained = scores(state)

    // An edit folds ana in: the list changes at once, no retraining.
    rows = try fixture.type("l 5", into: state)
    #expect(scores(state) != trained)
    #expect(state.engine.factorModelStatus?.editsSinceTraining == 1)
    let folded = scores(state)
    rows = try fixture.type("j k", into: state)
    #expect(rows.last!.contains("R retrain (1 edit since training)"))

    // R starts training; each <Wait 1> lets one epoch run.
    rows = try fixture.type("R <Wait 2>", into: state)
    #expect(rows.last!.contains("Esc cancel"))
    #expect(rows.last!.contains("training svd ▕████████░░░░░░░░▏ epoch 2/4 · train RMSE "))
    #expect(scores(state) == folded)

    // An edit while it trains, then Esc: the old model, with both edits.
    rows = try fixture.type("l 4 <Esc>", into: state)
    #expect(!state.hasBackgroundTask)
    #expect(rows.last!.contains("training svd cancelled; nothing changed"))
    #expect(state.engine.factorModelStatus?.editsSinceTraining == 2)
    let beforeRetraining = scores(state)

    // Again, to the end: the new model is in and the ranks moved.
    rows = try fixture.type("R l 3 <Wait>", into: state)
    #expect(!state.hasBackgroundTask)
    #expect(rows.last!.contains("trained svd: 4 epochs"))
    #expect(scores(state) != beforeRetraining)
    // The edit made during training was folded into the new model.
    #expect(state.engine.factorModelStatus?.editsSinceTraining == 1)
    let engine = state.engine
    let ana = try #require(engine.ratings.user("ana"))
    let model = try #require(engine.factorModel)
    let ratings = engine.ratings.byUser[ana.int].map {
      (itemID: engine.ratings.id(of: $0.item), rating: $0.value)
    }
    let fresh = try model.foldIn(ratings)
    #expect(engine.predict(ana, ItemIndex(9)).raw
            == model.estimate(for: fresh, itemID: engine.ratings.itemIDs[9]).raw)
  }

  @Test func explanationOverlayShowsTermsFactorsAndPulls() throws {
    let state = try fixture.state(size: Size(width: 110, height: 40))
    let rows = try fixture.type(
      ":set<Space>algo=als<Enter> <Wait> 3 <Enter>", into: state)
    let text = rows.joined(separator: "\n")
    #expect(text.contains("by MF"))
    #expect(text.contains("biased MF (ALS), 20 factors, 10 epochs"))
    #expect(text.contains("terms     μ = "))
    #expect(text.contains("factors   the 5 largest of 20 terms"))
    #expect(text.contains("pulls     rated items j that move q_iᵀp_u most"))
  }

  @Test func settingsStepTheFactorFields() throws {
    let state = try fixture.state()
    try fixture.type(":set<Space>algo=svd<Space>epochs=2<Enter>", into: state)
    let fields = SettingField.allCases
    let row = try #require(fields.firstIndex(of: .factors))
    try fixture.type("s" + String(repeating: "j", count: row) + "h <Esc>",
                     into: state)
    #expect(state.engine.settings.factorization.factors == 90)
    #expect(state.engine.factorModel == nil)
    try fixture.type("<Wait>", into: state)
    #expect(state.engine.factorModel?.factorCount == 90)
    try fixture.type(":set<Space>lr=0.01<Space>reg=0.05<Space>seed=7<Enter>",
                     into: state)
    let f = state.engine.settings.factorization
    #expect(f.learningRate == 0.01 && f.regularization == 0.05 && f.seed == 7)
    try fixture.type(":set<Space>algo=als<Space>reg=0<Enter>", into: state)
    #expect(state.message?.isError == true)
    #expect(state.engine.settings.algorithm == .svd)
  }

  // MARK: Training by itself

  /// The scores an engine that trained on the spot gives `state`'s
  /// selected user, on the same data and settings.
  func referenceScores(_ state: ExplorerState) throws -> [Double] {
    let engine = state.engine
    let reference = try Engine(dataset: engine.dataset,
                               settings: engine.settings)
    let u = try #require(state.selectedUser)
    let count = try #require(state.recommendations()).items.count
    return reference.recommend(for: UserIndex(u), count: count)
      .items.map(\.score)
  }

  @Test func choosingSVDShowsTheBaselineUntilTheModelIsIn() throws {
    let state = try fixture.state(size: Size(width: 110, height: 40))
    defer { state.endBackground() }
    var rows = try fixture.type(
      ":set<Space>algo=svd<Space>factors=8<Space>epochs=4<Enter>",
      into: state)
    #expect(state.hasBackgroundTask)
    #expect(state.engine.factorModel == nil)
    #expect(rows.last!.contains("training svd ▕░░░░░░░░░░░░░░░░▏ epoch 0/4"))
    #expect(rows.contains { $0.contains("ana: model not trained yet: baseline") })
    #expect(rows.contains { $0.hasSuffix("baseline│") })
    #expect(!rows.contains { $0.contains(" MF ") })
    let engine = state.engine
    let ana = try #require(engine.ratings.user("ana"))
    let b = engine.baselines
    let list = try #require(state.recommendations())
    #expect(!list.items.isEmpty)
    for rec in list.items {
      #expect(rec.source == .baseline && rec.wasImpossible)
      #expect(rec.score == engine.dataset.scale.clip(
        b.globalMean + b.user[ana.int] + b.item[rec.item.int]))
    }

    // Enter on the first recommendation says why.
    rows = try fixture.type("<Tab><Tab> <Enter>", into: state)
    var text = rows.joined(separator: "\n")
    #expect(text.contains("by baseline"))
    #expect(text.contains("fallback  model not trained yet: baseline μ + b_u + b_i"))

    // To the end: the model's own estimates, as if trained on the spot.
    rows = try fixture.type("<Esc> <Wait>", into: state)
    #expect(!state.hasBackgroundTask)
    #expect(rows.last!.contains("trained svd: 4 epochs"))
    #expect(rows.contains { $0.contains("for ana · SVD (biased MF, SGD) · 8 factors") })
    #expect(rows.contains { $0.contains(" MF ") })
    #expect(scores(state) == (try referenceScores(state)))
    #expect(scores(state) != list.items.map(\.score))
    rows = try fixture.type("<Enter>", into: state)
    text = rows.joined(separator: "\n")
    #expect(text.contains("by MF"))
    #expect(!text.contains("not trained"))
  }

  @Test func escCancelsAndLeavesTheBaseline() throws {
    let state = try fixture.state(size: Size(width: 110, height: 30))
    defer { state.endBackground() }
    var rows = try fixture.type(
      ":set<Space>algo=als<Space>epochs=6<Enter> <Wait 2>", into: state)
    #expect(rows.last!.contains("training als ▕█████░░░░░░░░░░░▏ epoch 2/6"))
    rows = try fixture.type("<Esc>", into: state)
    #expect(!state.hasBackgroundTask)
    #expect(state.engine.needsFactorTraining)
    #expect(rows.last!.contains(
      "training als cancelled; estimates stay on the baseline until R "
        + "trains the model"))
    #expect(rows.contains { $0.contains("ana: model not trained yet: baseline") })

    // Nothing starts again by itself, not even after an edit.
    rows = try fixture.type("l 4 j k", into: state)
    #expect(!state.hasBackgroundTask)
    #expect(rows.last!.hasPrefix("? help  R train (baseline until then)"))
    #expect(state.recommendations()?.items.allSatisfy {
      $0.source == .baseline } == true)

    rows = try fixture.type("R <Wait>", into: state)
    #expect(rows.last!.contains("trained als: 6 epochs"))
    #expect(!state.engine.needsFactorTraining)
    #expect(scores(state) == (try referenceScores(state)))
  }

  @Test func aSecondChangeSupersedesTheTraining() throws {
    let state = try fixture.state(size: Size(width: 110, height: 30))
    defer { state.endBackground() }
    var rows = try fixture.type(
      ":set<Space>algo=svd<Space>epochs=5<Enter> <Wait 2> "
        + ":set<Space>factors=6<Space>epochs=3<Enter>", into: state)
    #expect(state.hasBackgroundTask)
    #expect(rows.last!.contains("training svd ▕░░░░░░░░░░░░░░░░▏ epoch 0/3"))
    rows = try fixture.type("<Wait>", into: state)
    #expect(!state.hasBackgroundTask)
    #expect(rows.last!.contains("trained svd: 3 epochs"))
    let model = try #require(state.engine.factorModel)
    #expect(model.factorCount == 6 && model.epochsTrained == 3)
    #expect(scores(state) == (try referenceScores(state)))
  }

  @Test func undoBackToKNNMidTraining() throws {
    let state = try fixture.state(size: Size(width: 110, height: 30))
    defer { state.endBackground() }
    let knn = scores(state)
    var rows = try fixture.type(
      ":set<Space>algo=svd<Space>epochs=4<Enter> <Wait 2> u", into: state)
    #expect(!state.hasBackgroundTask)
    #expect(state.engine.settings.algorithm == .knnBasic)
    #expect(rows.last!.contains("undid"))
    #expect(rows.contains { $0.contains("for ana · k-NN basic") })
    #expect(scores(state) == knn)

    // Redo trains again, from the start.
    rows = try fixture.type("<C-r>", into: state)
    #expect(rows.last!.contains("training svd ▕░░░░░░░░░░░░░░░░▏ epoch 0/4"))
    try fixture.type("<Wait>", into: state)
    #expect(state.engine.factorModel?.epochsTrained == 4)
    #expect(scores(state) == (try referenceScores(state)))
  }

  /// Undoing a factor setting mid-training finds the model of the old
  /// setting, which answers at once.
  @Test func undoOfAFactorSettingReturnsToTheOldModel() throws {
    let state = try fixture.state(size: Size(width: 110, height: 30))
    defer { state.endBackground() }
    try fixture.type(":set<Space>algo=svd<Space>factors=8<Enter> <Wait>",
                     into: state)
    let trained = scores(state)
    try fixture.type(":set<Space>factors=4<Enter> <Wait 1>", into: state)
    #expect(state.hasBackgroundTask)
    #expect(state.recommendations()?.note == "model not trained yet: baseline")
    try fixture.type("u", into: state)
    #expect(!state.hasBackgroundTask)
    #expect(state.engine.factorModel?.factorCount == 8)
    #expect(scores(state) == trained)
  }

  /// A lab run gives way to a training the settings need, and runs again
  /// once the model is in.
  @Test func aTrainingGoesBeforeTheLab() throws {
    let state = try fixture.state(size: Size(width: 100, height: 30))
    defer { state.endBackground() }
    var rows = try fixture.type(
      ":set<Space>factors=4<Space>epochs=5<Enter> L <Wait 1>", into: state)
    #expect(state.labIsRunning)
    rows = try fixture.type(":set<Space>algo=svd<Enter>", into: state)
    #expect(state.trainingIsRunning && !state.labIsRunning)
    #expect(rows[0].contains("waits for training svd to end"))
    try fixture.type("<Wait>", into: state)
    #expect(!state.hasBackgroundTask)
    #expect(!state.engine.needsFactorTraining)
    #expect(state.lab.evaluation?.key == state.currentLabKey)
  }

  /// A training that fails says why and does not start again by itself.
  @Test func aFailedTrainingIsNotRepeated() throws {
    let data = Datasets.make([("a", "x", 5), ("b", "y", 3)])
    let state = ExplorerState(
      engine: try Engine(dataset: data),
      options: fixture.options(dataPath: nil, report: nil),
      size: Size(width: 100, height: 24), colorMode: .palette256)
    defer { state.endBackground() }
    var rows = try fixture.type("x j l x :set<Space>algo=svd<Enter> <Wait>",
                                into: state)
    #expect(state.engine.ratings.count == 0)
    #expect(!state.hasBackgroundTask)
    #expect(rows.last!.contains("training svd failed: "))
    rows = try fixture.type("k h", into: state)
    #expect(!state.hasBackgroundTask)
    #expect(rows.last!.contains("R train (baseline until then)"))
  }

  @Test func retrainingNeedsAFactorModel() throws {
    let state = try fixture.state()
    let rows = try fixture.type("R", into: state)
    #expect(!state.hasBackgroundTask)
    #expect(rows.last!.contains("R retrains svd or als"))
  }
}

/// The background facility on its own.
@Suite struct BackgroundTaskTests {
  @Test func freeWorkReportsAndFinishes() throws {
    let task = BackgroundTask(title: "count", total: 3, pacing: .free) {
      reporter in
      for step in 1...3 { _ = reporter.report(.init(step: step, total: 3)) }
      return 42
    }
    var steps: [Int] = []
    var result: Int?
    while result == nil, let event = task.next() {
      switch event {
      case .progress(let p): steps.append(p.step)
      case .finished(let value): result = value as? Int
      case .failed(let why): Issue.record("failed: \(why)")
      }
    }
    #expect(steps == [1, 2, 3])
    #expect(result == 42)
    #expect(task.next() == nil)
  }

  @Test func steppedWorkWaitsForEachStepAndStopsOnCancel() {
    let done = ManagedCounter()
    let task = BackgroundTask(title: "count", total: 100, pacing: .stepped) {
      reporter in
      var step = 0
      while step < 100 {
        step += 1
        done.set(step)
        if !reporter.report(.init(step: step, total: 100)) { break }
      }
      return step
    }
    guard case .progress(let first)? = task.next() else {
      Issue.record("no first step")
      return
    }
    #expect(first.step == 1)
    guard case .progress(let second)? = task.next() else {
      Issue.record("no second step")
      return
    }
    #expect(second.step == 2)
    task.cancel()
    // At most one step past the last one let through.
    #expect(done.value <= 3)
    #expect(task.next() == nil)
  }
}

/// A counter the work's thread writes and the test reads.
final class ManagedCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  var value: Int { lock.withLock { count } }
  func set(_ n: Int) { lock.withLock { count = n } }
}

/// `<Wait>` in key scripts.
@Suite struct WaitKeyTests {
  @Test func waitParsesAndFormatsBack() throws {
    let keys = try KeyScript.parse("R <Wait 3> <wait>")
    #expect(keys == [.character("R"), .wait(steps: 3), .wait(steps: nil)])
    #expect(try KeyScript.parse(KeyScript.format(keys)) == keys)
  }

  @Test func waitNeedsAWholeNumberOfSteps() {
    for token in ["<Wait x>", "<Wait 0>", "<Wait 1 2>"] {
      #expect(throws: KeyScriptError.self) { try KeyScript.parse(token) }
    }
  }
}
