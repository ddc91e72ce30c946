import RecscopeCore
import Testing
@testable import RecscopeUI

/// The lab's runs on every core against the same runs one job after
/// another, and against the engine's runners, on generated data: the
/// same figures to the last bit and the same steps in the same order.
@Suite("Lab runner")
struct LabRunnerTests {
  let data = try! SyntheticData(users: 80, items: 60, ratings: 1600,
                                seed: 3).generate()

  /// Small factor models, so that runs are quick.
  var settings: EngineSettings {
    var s = EngineSettings()
    s.factorization.factors = 4
    s.factorization.epochs = 5
    s.factorization.seed = 2
    return s
  }

  func inputs(_ settings: EngineSettings, parallel: Bool) -> LabInputs {
    LabInputs(dataset: data, settings: settings, split: .standard,
              key: LabKey(inputRevision: 0, split: .standard),
              parallel: parallel)
  }

  /// Every step a run reports, in order.
  final class Transcript {
    var steps: [String] = []
    /// The step at which the run is refused, as a cancel does.
    var refuseAt: Int?

    func steps(total: Int) -> LabSteps {
      LabSteps(total: total) { [self] step, detail in
        steps.append("\(step) \(detail)")
        return refuseAt.map { step < $0 } ?? true
      }
    }
  }

  func run(_ part: LabPart, _ inputs: LabInputs,
           total: Int) throws -> (LabOutcome, [String]) {
    let transcript = Transcript()
    let outcome = try LabRunner.run(part, inputs,
                                    steps: transcript.steps(total: total))
    return (outcome, transcript.steps)
  }

  /// The summaries that do not depend on the clock.
  func figures(_ result: Result<LabFigures, LabFailure>)
    -> Result<[Metric: Summary], LabFailure> {
    result.map { $0.summary.filter { !Self.timings.contains($0.key) } }
  }

  static let timings: Set<Metric> = [.fitSeconds, .testSeconds]

  func table(_ outcome: LabOutcome) throws -> LabEvaluation {
    guard case .models(let evaluation) = outcome else {
      Issue.record("no table: \(outcome)")
      throw LabFailure(reason: "no table")
    }
    return evaluation
  }

  func sweep(_ outcome: LabOutcome) throws -> LabSweep {
    if case .models(let evaluation) = outcome, let sweep = evaluation.sweep {
      return sweep
    }
    guard case .sweep(let sweep) = outcome else {
      Issue.record("no sweep: \(outcome)")
      throw LabFailure(reason: "no sweep")
    }
    return sweep
  }

  func expectSame(_ a: LabSweep, _ b: LabSweep) {
    #expect(a.setting == b.setting && a.model == b.model)
    #expect(a.current == b.current)
    #expect(a.points.map(\.value) == b.points.map(\.value))
    #expect(a.points.map { figures($0.result) }
            == b.points.map { figures($0.result) })
  }

  @Test(arguments: [false, true])
  func theTableAndItsCurvesAreTheSerialRuns(invalidFactors: Bool) throws {
    var s = settings
    s.algorithm = .knnMeans
    // Factor models that cannot train: their rows fail, their steps
    // are passed over.
    if invalidFactors { s.factorization.factors = 0 }
    let total = inputs(s, parallel: true).modelSteps
    let (parallel, steps) = try run(.models, inputs(s, parallel: true),
                                    total: total)
    let (serial, serialSteps) = try run(.models, inputs(s, parallel: false),
                                        total: total)
    #expect(steps == serialSteps)
    #expect(steps.count == (invalidFactors ? 10 : 60))
    #expect(steps.first == "1 knn-means fold 1/5")
    #expect(steps.last == (invalidFactors ? "10 baseline fold 5/5"
                           : "60 als fold 5/5 epoch 5"))

    let a = try table(parallel), b = try table(serial)
    #expect(a.rows.map(\.algorithm) == [.knnMeans, .baseline, .svd, .als])
    #expect(a.rows.map(\.algorithm) == b.rows.map(\.algorithm))
    #expect(a.rows.map { figures($0.result) }
            == b.rows.map { figures($0.result) })
    #expect(a.rows.filter { (try? $0.result.get()) == nil }.count
            == (invalidFactors ? 2 : 0))
    #expect(a.curves == b.curves)
    #expect(a.curves.count == (invalidFactors ? 0 : 2))
    #expect(a.tested == b.tested && a.tested == data.ratings.count)
    expectSame(try sweep(parallel), try sweep(serial))
  }

  @Test func theSweepsAreTheSerialRuns() throws {
    // One engine a fold for every k; a job for each (value, fold).
    let parts: [LabPart] = [.sweep(.k, model: .knnBasic),
                            .sweep(.reg, model: .als)]
    for part in parts {
      guard case .sweep(let setting, let model) = part else { continue }
      let total = LabRunner.sweepSteps(inputs(settings, parallel: true),
                                       setting, model: model)
      let (parallel, steps) = try run(part, inputs(settings, parallel: true),
                                      total: total)
      let (serial, serialSteps) = try run(
        part, inputs(settings, parallel: false), total: total)
      #expect(steps == serialSteps, "\(part)")
      #expect(steps.count == total)
      expectSame(try sweep(parallel), try sweep(serial))
    }
  }

  /// The table's k sweep, brought by its k-NN row, is the sweep of k run
  /// on its own; both are what `ParameterSweep` gives an engine per k,
  /// and the table is what `EvaluationRunner` and `LearningCurveRunner`
  /// give.
  @Test func theFiguresAreTheEnginesRunners() throws {
    let inputs = inputs(settings, parallel: true)
    let evaluation = try table(
      run(.models, inputs, total: inputs.modelSteps).0)
    let own = try sweep(run(.sweep(.k, model: .knnBasic), inputs,
                            total: LabRunner.sweepSteps(inputs, .k,
                                                        model: .knnBasic)).0)
    expectSame(try #require(evaluation.sweep), own)

    let splits = try inputs.splits()
    var options = EvaluationOptions()
    options.seed = inputs.seed
    let makers = inputs.models.map {
      LabInputs.maker(inputs.settings(for: $0))
    }
    let expected = try EvaluationRunner.run(makers, on: splits,
                                            options: options)
    for (row, reference) in zip(evaluation.rows, expected) {
      #expect(figures(row.result) == .success(
        reference.summary.filter { !Self.timings.contains($0.key) }))
    }
    let curve = try LearningCurveRunner.run(
      LabInputs.trainer(inputs.settings(for: .als)), on: splits)
    #expect(evaluation.curves[.als]?.points.map(\.testRMSE)
            == curve.points.map(\.testRMSE))
    #expect(evaluation.curves[.als]?.points.map(\.trainRMSE)
            == curve.points.map(\.trainRMSE))

    let values = own.points.map(\.value)
    let reference = try ParameterSweep(parameter: "k", values: values) { v in
      var s = inputs.settings
      s.k = Int(v)
      return EngineMaker(s)
    }.run(on: splits, options: options)
    #expect(own.points.map { figures($0.result) } == reference.map {
      .success($0.evaluation.summary.filter { !Self.timings.contains($0.key) })
    })
  }

  /// A refused step ends the run there, on every core: nothing is
  /// reported after it, and the run throws only once its jobs stopped.
  @Test(arguments: [3, 8])
  func aCancelStopsTheRun(at step: Int) throws {
    let inputs = inputs(settings, parallel: true)
    let transcript = Transcript()
    transcript.refuseAt = step
    #expect(throws: CancellationError.self) {
      try LabRunner.run(.models, inputs,
                        steps: transcript.steps(total: inputs.modelSteps))
    }
    #expect(transcript.steps.count == step)
  }
}
