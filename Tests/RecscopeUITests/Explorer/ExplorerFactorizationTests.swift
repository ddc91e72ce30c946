import Foundation
import RecscopeCore
import Testing
@testable import RecscopeUI

/// `svd` and `als` in the explorer: chosen in the settings, folded into
/// on edits, retrained in the background with progress and cancel.
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
      ":set<Space>algo<Space>svd<Space>factors=8<Space>epochs=4<Enter>",
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
      ":set<Space>algo=als<Enter> 3 <Enter>", into: state)
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
    #expect(state.engine.factorModel?.factorCount == 90)
    try fixture.type(":set<Space>lr=0.01<Space>reg=0.05<Space>seed=7<Enter>",
                     into: state)
    let f = state.engine.settings.factorization
    #expect(f.learningRate == 0.01 && f.regularization == 0.05 && f.seed == 7)
    try fixture.type(":set<Space>algo=als<Space>reg=0<Enter>", into: state)
    #expect(state.message?.isError == true)
    #expect(state.engine.settings.algorithm == .svd)
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
