import Foundation
import RecscopeCore
import TestSupport
import Testing
@testable import RecscopeUI

/// The lab view: its figures against the engine's runners, its runs in
/// the background (headless, one step per `<Wait>`), staleness, cancel,
/// and every size.
@Suite("Explorer lab")
struct ExplorerLabTests {
  let fixture = ExplorerFixture()

  /// The teaching sample with small factor models, so that runs are
  /// quick.
  func teaching(size: Size = Size(width: 100, height: 30),
                colorMode: ColorMode = .palette256) throws -> ExplorerState {
    let state = try fixture.state(size: size, colorMode: colorMode)
    try fixture.type(":set<Space>factors=4<Space>epochs=5<Enter>",
                     into: state)
    return state
  }

  /// An explorer on data built here, with no journal.
  func explorer(_ dataset: Dataset, size: Size,
                colorMode: ColorMode = .palette256) throws -> ExplorerState {
    ExplorerState(engine: try Engine(dataset: dataset),
                  options: fixture.options(dataPath: nil, report: nil),
                  size: size, colorMode: colorMode)
  }

  func row(_ state: ExplorerState, _ model: Algorithm) -> LabFigures? {
    guard let row = state.lab.evaluation?.rows
      .first(where: { $0.algorithm == model })
    else { return nil }
    return try? row.result.get()
  }

  @Test func opensAndCloses() throws {
    let state = try teaching()
    defer { state.endBackground() }
    var rows = try fixture.type("L", into: state)
    #expect(state.lab.isOpen)
    #expect(rows[1].hasPrefix("┏ Models · 5-fold "))
    #expect(rows[1].contains("┌ Learning curve: svd "))
    #expect(rows[15].hasPrefix("┌ Sweep of knn-basic "))
    #expect(rows.last!.hasPrefix(
      "? help  Esc cancel  ↑↓ model  Enter folds  ←→ sweep"))
    rows = try fixture.type("L", into: state)
    #expect(!state.lab.isOpen)
    #expect(rows[0].hasPrefix("┏ Ratings 12×15"))
    // The run goes on with the view closed, on the status line.
    #expect(state.hasBackgroundTask)
    #expect(rows.last!.contains("lab: models ▕"))

    rows = try fixture.type("L <Wait> q", into: state)
    #expect(!state.lab.isOpen)
    #expect(!state.hasBackgroundTask)
    #expect(rows.last!.contains("L lab"))
    rows = try fixture.type(":lab<Enter>", into: state)
    #expect(state.lab.isOpen)
    rows = try fixture.type("?", into: state)
    #expect(rows.contains { $0.contains("Help: Lab") })
    rows = try fixture.type("<Esc> <Esc>", into: state)
    #expect(!state.lab.isOpen, "Esc with nothing running closes the view")
  }

  /// The table, the curve and the sweep equal what
  /// `EvaluationRunner`, `LearningCurveRunner` and `ParameterSweep` give
  /// on the same splits with the same seed.
  @Test func figuresAreTheEnginesRunners() throws {
    let state = try teaching()
    defer { state.endBackground() }
    let rows = try fixture.type("L <Wait>", into: state)
    let settings = state.engine.settings
    let splits = try Splitter.kFold(RatingList(state.engine.dataset),
                                    folds: 5, seed: 0)
    var options = EvaluationOptions()
    options.seed = 0
    @Sendable func with(_ algorithm: Algorithm) -> EngineSettings {
      var s = settings
      s.algorithm = algorithm
      return s
    }
    let makers: [any ModelMaker] = [
      EngineMaker(with(.knnBasic)), EngineMaker(with(.baseline)),
      settings.factorization.biasedMF, settings.factorization.alsMF,
    ]
    let expected = try EvaluationRunner.run(makers, on: splits,
                                            options: options)
    let models: [Algorithm] = [.knnBasic, .baseline, .svd, .als]
    #expect(state.lab.evaluation?.rows.map(\.algorithm) == models)
    for (model, evaluation) in zip(models, expected) {
      let figures = try #require(row(state, model))
      #expect(figures.testRMSE == evaluation.summary[.rmse], "\(model)")
      #expect(figures.trainRMSE == evaluation.summary[.trainRMSE])
      #expect(figures.gap == evaluation.summary[.gap])
      // The row on screen shows them to three decimals.
      let test = AxisTicks.label(evaluation.summary[.rmse]!.mean, decimals: 3)
      let train = AxisTicks.label(evaluation.summary[.trainRMSE]!.mean,
                                  decimals: 3)
      #expect(rows.contains {
        $0.contains(" \(model.rawValue) ") && $0.contains(train)
          && $0.contains(test)
      }, "\(model)")
    }

    let curve = try LearningCurveRunner.run(settings.factorization.biasedMF,
                                            on: splits)
    let shown = try #require(state.lab.evaluation?.curves[.svd])
    #expect(shown.points.map(\.trainRMSE) == curve.points.map(\.trainRMSE))
    #expect(shown.points.map(\.testRMSE) == curve.points.map(\.testRMSE))
    #expect(shown.points.count == 5)

    let sweep = try #require(state.lab.sweeps[.k])
    let values = sweep.points.map(\.value)
    #expect(values == [1, 2, 5, 10, 20, 40])
    #expect(sweep.current == 40)
    let knn = with(.knnBasic)
    let k = try ParameterSweep(parameter: "k", values: values) { v in
      var s = knn
      s.k = Int(v)
      return EngineMaker(s)
    }.run(on: splits, options: options)
    for (point, reference) in zip(sweep.points, k) {
      let figures = try point.result.get()
      #expect(figures.testRMSE == reference.evaluation.summary[.rmse])
      #expect(figures.trainRMSE == reference.evaluation.summary[.trainRMSE])
    }

    // The factors sweep of svd, chosen with →.
    try fixture.type("l <Wait>", into: state)
    let factors = try #require(state.lab.sweeps[.factors])
    #expect(factors.model == .svd)
    #expect(factors.current == 4)
    let reference = try ParameterSweep(
      parameter: "factors", values: factors.points.map(\.value)
    ) { v in
      var f = settings.factorization
      f.factors = Int(v)
      return f.biasedMF
    }.run(on: splits, options: options)
    for (point, expected) in zip(factors.points, reference) {
      #expect(try point.result.get().testRMSE
              == expected.evaluation.summary[.rmse])
    }
  }

  /// The curve of svd on nine ratings (2 factors, 4 epochs, learning
  /// rate 0.05) on a holdout of two, in ASCII (no colour), as tab 2 of a
  /// 40×16 screen.
  /// Enter on a row opens its figures fold by fold: each fold's test
  /// RMSE as the runner measured it, and the mean the table shows.
  @Test func enterShowsTheFoldsBehindARow() throws {
    let state = try teaching()
    defer { state.endBackground() }
    try fixture.type("L <Enter>", into: state)
    #expect(state.message?.text.hasPrefix("the selected model has no figures")
              == true)
    let rows = try fixture.type("<Wait> j <Enter>", into: state)
    guard case .explanation(let text)? = state.overlay else {
      Issue.record("no explanation open")
      return
    }
    #expect(text.title == "Lab figures of baseline")
    let figures = try #require(row(state, .baseline))
    #expect(figures.folds.count == 5)
    for fold in figures.folds {
      let test = display(fold.values[.rmse]!)
      #expect(text.lines.contains {
        $0.hasPrefix("  \(fold.fold + 1)     ") && $0.contains(test) })
    }
    let mean = display(figures.testRMSE!.mean)
    #expect(text.lines.contains {
      $0.hasPrefix("test      mean = (") && $0.hasSuffix(" / 5 = \(mean)") })
    #expect(rows.contains { $0.contains("Lab figures of baseline") })
    try fixture.type("<Esc>", into: state)
    #expect(state.overlay == nil && state.lab.isOpen)
  }

  @Test func learningCurveRowsInASCII() throws {
    let data = Datasets.make([
      ("a", "x", 5), ("a", "y", 3), ("a", "z", 4), ("b", "x", 4),
      ("b", "y", 2), ("c", "x", 1), ("c", "z", 2), ("d", "y", 5),
      ("d", "z", 4),
    ])
    let state = try explorer(data, size: Size(width: 40, height: 16),
                             colorMode: .none)
    defer { state.endBackground() }
    #expect(state.labGlyphs == .ascii)
    let rows = try fixture.type(
      ":set<Space>algo=svd<Space>factors=2<Space>epochs=4<Space>lr=0.05"
        + "<Enter> "
        + "L f <Wait> 2", into: state)
    let splits = [try Splitter.holdout(RatingList(data), testFraction: 0.2,
                                       seed: 0)]
    let curve = try LearningCurveRunner.run(
      state.engine.settings.factorization.biasedMF, on: splits)
    // The y axis runs over round ticks 0.6 … 1.4, one row of 0.2 each
    // (ASCII has one dot a cell); the 34 columns put epochs 1–4 at
    // columns 0, 11, 22 and 33. Train RMSE 1.357 sits nearest 1.4, then
    // 1.277, 1.207 and 1.145 nearest 1.2, the step halfway to epoch 2;
    // test RMSE 0.816, 0.776 and 0.735 nearest 0.8, then 0.692 nearest
    // 0.6, the step halfway from epoch 3 to 4.
    #expect(curve.points.map {
      AxisTicks.label($0.trainRMSE.mean, decimals: 3)
    } == ["1.357", "1.277", "1.207", "1.145"])
    #expect(curve.points.map {
      AxisTicks.label($0.testRMSE.mean, decimals: 3)
    } == ["0.816", "0.776", "0.735", "0.692"])
    #expect(state.lab.evaluation?.curves[.svd] == LabCurve(
      train: [curve.train[0]], test: [curve.test[0]]))
    #expect(Array(rows[0...14]) == [
      " 1 Models  2 Learning curve  3 Sweep",
      "holdout 20 % · seed 0 · up to date",
      "┌ Learning curve: svd ─────────────────┐",
      "│lowest test RMSE 0.692 at epoch 4 of 4│",
      "│RMSE                                  │",
      "│1.4+******                            │",
      "│1.2+      ****************************│",
      "│1.0+                                  │",
      "│0.8+oooooooooooooooooooooooooooo      │",
      "│0.6+                            oooooo│",
      "│   ++----------+----------+----------+│",
      "│    1          2          3          4│",
      "│                  epoch               │",
      "│*** train   ooo test                  │",
      "└──────────────────────────────────────┘",
    ])
  }

  /// Esc in the middle of a rerun: the figures of the last finished run
  /// stay, marked stale and cancelled, and nothing reruns by itself
  /// until `r`.
  @Test func cancelKeepsTheLastFinishedFigures() throws {
    let state = try teaching()
    defer { state.endBackground() }
    try fixture.type("L <Wait>", into: state)
    let before = try #require(row(state, .knnBasic))

    // A setting changed from the lab reruns it; two steps in, Esc.
    var rows = try fixture.type(":set<Space>k=2<Enter> <Wait 2>", into: state)
    #expect(state.hasBackgroundTask)
    #expect(rows[0] == "5-fold cross-validation · seed 0 · stale; "
            + "measuring again ▕░░░░░░░░░░░░░░░░▏ step 2/60 · Esc cancels")
    rows = try fixture.type("<Esc>", into: state)
    #expect(!state.hasBackgroundTask)
    #expect(state.lab.isOpen, "Esc cancels first, and closes only after")
    #expect(row(state, .knnBasic) == before)
    #expect(rows[0].contains(
      "cancelled: last finished figures, stale · r measures again"))
    #expect(rows[1].contains("Models · 5-fold · stale"))
    let test = AxisTicks.label(before.testRMSE!.mean, decimals: 3)
    #expect(rows[3].contains(test))

    // Other keys leave it be; r measures again.
    try fixture.type("j k", into: state)
    #expect(!state.hasBackgroundTask)
    rows = try fixture.type("r <Wait>", into: state)
    #expect(rows[0].contains("up to date"))
    #expect(row(state, .knnBasic) != before)
    #expect(state.lab.evaluation?.key == state.currentLabKey)
  }

  /// An edit made with the lab closed leaves its figures stale; opening
  /// it measures again in the background, the old figures showing until
  /// the new ones come.
  @Test func anEditMakesTheFiguresStaleAndReruns() throws {
    let state = try teaching()
    defer { state.endBackground() }
    try fixture.type("L <Wait> L", into: state)
    let before = try #require(state.lab.evaluation)
    let old = try #require(row(state, .baseline))
    // dev has no ratings: rating dev × m01 adds one.
    try fixture.type("j j j 1", into: state)
    #expect(!state.hasBackgroundTask, "nothing runs with the lab closed")
    #expect(state.lab.evaluation?.key != state.currentLabKey)

    var rows = try fixture.type("L", into: state)
    #expect(state.hasBackgroundTask)
    #expect(rows[0].contains("stale; measuring again"))
    #expect(rows[1].contains("Models · 5-fold · stale"))
    #expect(row(state, .baseline) == old)
    rows = try fixture.type("<Wait>", into: state)
    #expect(rows[0].contains("up to date"))
    #expect(!rows[1].contains("stale"))
    let after = try #require(state.lab.evaluation)
    #expect(after.key != before.key)
    // One more rating is tested, and the baseline moved with it.
    #expect(after.tested == before.tested + 1)
    #expect(row(state, .baseline) != old)

    // The split is part of what the figures depend on: f reruns them.
    rows = try fixture.type("f", into: state)
    #expect(state.message?.text == "the lab now uses holdout of 20 %")
    #expect(rows[0].hasPrefix("holdout of 20 % · seed 0 · stale; measuring"))
    #expect(state.hasBackgroundTask)
    try fixture.type("<Wait>", into: state)
    #expect(state.lab.evaluation?.key.split == .holdout(testFraction: 0.2))
    #expect(state.lab.evaluation?.tested == 16)

    // Then whole items held out: every rating tested once, and k-NN,
    // knowing none of the tested items, falls back for each.
    rows = try fixture.type("f <Wait>", into: state)
    #expect(state.lab.evaluation?.key.split == .newItems(folds: 5))
    #expect(rows[0].hasPrefix("new items in 5 folds · seed 0 · up to date"))
    #expect(state.lab.evaluation?.tested == after.tested)
    try fixture.type("f", into: state)
    #expect(state.lab.split == .standard)
  }

  /// The same script shows the same progress on every run: work moves
  /// only at `<Wait>`.
  @Test func progressMovesOnlyAtWait() throws {
    var seen: [String] = []
    for _ in 0..<2 {
      let state = try teaching()
      defer { state.endBackground() }
      let rows = try fixture.type("L <Wait 7> j j", into: state)
      seen.append(rows[0])
      let progress = try #require(state.backgroundProgress?.progress)
      #expect(progress.step == 7 && progress.total == 60)
      #expect(progress.detail == "baseline fold 2/5")
    }
    #expect(seen[0] == seen[1])
    #expect(seen[0].contains("measuring ▕█░░░░░░░░░░░░░░░▏ step 7/60"))
  }

  /// A choice on the sweep's row runs that sweep; the curve follows the
  /// cursor onto als.
  @Test func sweepAndCurveFollowTheChoices() throws {
    let state = try teaching()
    defer { state.endBackground() }
    var rows = try fixture.type("L <Wait> j j j", into: state)
    #expect(rows[1].contains("Learning curve: als"))
    rows = try fixture.type("l l", into: state)
    #expect(state.lab.sweepSetting == .reg)
    #expect(rows[15].hasPrefix("┌ Sweep of als "))
    #expect(state.hasBackgroundTask)
    try fixture.type("<Wait>", into: state)
    let sweep = try #require(state.lab.sweeps[.reg])
    #expect(sweep.model == .als)
    #expect(sweep.points.map(\.value) == [0.005, 0.02, 0.05, 0.1, 0.2, 0.5])
    #expect(sweep.current == 0.1)
  }

  /// Data too small for five folds: the failure is said once and not
  /// retried by itself; a holdout works.
  @Test func aSplitThatCannotBeMadeIsReported() throws {
    let data = Datasets.make([("a", "x", 4), ("a", "y", 2), ("b", "x", 5)])
    let state = try explorer(data, size: Size(width: 100, height: 30))
    defer { state.endBackground() }
    var rows = try fixture.type("L <Wait> j", into: state)
    #expect(!state.hasBackgroundTask)
    #expect(rows[0].hasSuffix(
      "failed: k-fold needs between 2 and 3 folds (one per rating at most), "
        + "got 5"))
    rows = try fixture.type("f <Wait>", into: state)
    #expect(rows[0].contains("up to date"))
    #expect(state.lab.evaluation?.tested == 1)
  }

  /// A training running when the lab opens (the one choosing svd
  /// started) goes first; the lab's run starts when it ends.
  @Test func theLabWaitsForATraining() throws {
    let state = try teaching()
    defer { state.endBackground() }
    var rows = try fixture.type(":set<Space>algo=svd<Enter> L",
                                into: state)
    #expect(rows[0].contains("waits for training svd to end"))
    #expect(state.lab.factorModel == .svd)
    rows = try fixture.type("<Wait>", into: state)
    #expect(!state.hasBackgroundTask)
    #expect(rows[0].contains("up to date"))
    #expect(state.lab.evaluation?.rows.map(\.algorithm)
            == [.svd, .baseline, .als])
  }

  @Test func glyphsFollowTheScreen() throws {
    let data = Datasets.essay
    let size = Size(width: 80, height: 24)
    #expect(try explorer(data, size: size, colorMode: .trueColor).labGlyphs
            == .braille)
    #expect(try explorer(data, size: size, colorMode: .palette256).labGlyphs
            == .braille)
    #expect(try explorer(data, size: size, colorMode: .basic8).labGlyphs
            == .block)
    #expect(try explorer(data, size: size, colorMode: .none).labGlyphs
            == .ascii)
    var options = fixture.options(dataPath: nil, report: nil)
    options.unicode = false
    let ascii = ExplorerState(engine: try Engine(dataset: data),
                              options: options, size: size,
                              colorMode: .trueColor)
    #expect(ascii.labGlyphs == .ascii)
  }

  static let sizes = [
    (0, 0), (1, 1), (2, 1), (20, 6), (23, 6), (24, 6), (30, 8), (40, 12),
    (79, 24), (80, 20), (80, 24), (100, 30), (160, 50),
  ]

  /// Every size draws before, during and after a run, in every part and
  /// over overlays and prompts.
  @Test(arguments: sizes)
  func everySizeDraws(width: Int, height: Int) throws {
    let size = Size(width: width, height: height)
    let state = try teaching(size: size)
    defer { state.endBackground() }
    for script in ["L", "<Wait 3>", "<Tab>", "<Wait>", "2", "3 l <Wait>",
                   "?", "<Esc> s", "<Esc> :", "<Esc> j j j", "f"] {
      let grid = ExplorerHeadless.replay(try KeyScript.parse(script),
                                         on: state)
      #expect(grid.size == size)
    }
    let rows = ExplorerView.render(state).textRows
    if width >= 24 && height >= 6 {
      #expect(rows.last?.hasPrefix("? help") == true, "\(size)")
    } else if height > 0 && width >= 5 {
      #expect(rows.contains { $0.contains("24×6") }, "\(size)")
    }
    if width >= 80 && height >= 20 {
      #expect(rows[1].contains("Models"))
      #expect(rows[1].contains("Learning curve"))
      #expect(rows.contains { $0.contains("Sweep of") })
    }
  }

  @Test func resizingWhileOpen() throws {
    let state = try teaching(size: Size(width: 100, height: 30))
    defer { state.endBackground() }
    var rows = try fixture.type("L <Wait> <Resize 40 12>", into: state)
    #expect(rows[0] == " 1 Models  2 Learning curve  3 Sweep")
    #expect(rows[2].hasPrefix("┌ Models · 5-fold "))
    rows = try fixture.type("<Tab> <Tab>", into: state)
    #expect(rows[2].hasPrefix("┌ Sweep of knn-basic "))
    rows = try fixture.type("<Resize 24 6>", into: state)
    #expect(rows[0] == " 1  2  3 Sweep")
    rows = try fixture.type("<Resize 20 6>", into: state)
    #expect(rows[3] == "Need 24×6, now 20×6")
    rows = try fixture.type("<Resize 160 50>", into: state)
    #expect(rows.count == 50)
    #expect(rows[1].contains("┌ Learning curve: svd"))
  }

  /// A reason that quotes the data reaches the screen through the
  /// sanitiser like every other text.
  @Test func failureReasonsAreSanitised() throws {
    let state = try teaching()
    state.lab.isOpen = true
    state.lab.held = state.currentLabKey
    state.lab.note = .failed("no user '\u{1B}[2Jx' in the data")
    let rows = ExplorerView.render(state).textRows
    #expect(!state.hasBackgroundTask)
    #expect(!rows.joined().contains("\u{1B}"))
    #expect(rows[0].contains("failed: no user '\u{FFFD}[2Jx' in the data"))
  }
}
