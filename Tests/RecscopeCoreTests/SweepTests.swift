import Testing
import TestSupport
@testable import RecscopeCore

/// Sweeps over one setting, on the same folds as a learning curve.
@Suite struct SweepTests {
  let data = SmallFactorData.data

  func folds(_ n: Int = 3) throws -> [TrainTestSplit] {
    try SmallFactorData.folds(n)
  }

  var svd: BiasedMF { SmallFactorData.svd(epochs: 6) }
  var als: ALSMF { SmallFactorData.als }

  /// Training is seeded and the model after epoch e of a longer run is
  /// the model trained for e epochs, so the two must agree to the bit.
  @Test func epochSweepEqualsTheCurveAtThoseEpochs() throws {
    let splits = try folds()
    var options = EvaluationOptions()
    options.parallel = false
    for trainer in [svd as any FactorTrainer, als] {
      let curve = try LearningCurveRunner.run(trainer, on: splits)
      let sweep = ParameterSweep(parameter: "epochs", values: [1, 3, 4]) { e in
        var t = trainer
        t.epochs = e
        return t
      }
      for point in try sweep.run(on: splits, options: options) {
        let e = point.value - 1
        for (f, fold) in point.evaluation.folds.enumerated() {
          #expect(fold.values[.rmse] == curve.test[f][e], "\(trainer.name) \(point.value)")
          #expect(fold.values[.trainRMSE] == curve.train[f][e])
        }
        #expect(point.evaluation.summary[.rmse] == curve.points[e].testRMSE)
      }
    }
  }

  @Test func sweepOverKRunsEachValueOnTheSameFolds() throws {
    let splits = try folds()
    let sweep = ParameterSweep(parameter: "k", values: [1, 5, 40]) { k in
      var settings = EngineSettings()
      settings.k = k
      return EngineMaker(settings)
    }
    let points = try sweep.run(on: splits)
    #expect(points.map(\.value) == [1, 5, 40])
    let plain = try EvaluationRunner.run([EngineMaker(.knnBasic)], on: splits)[0]
    #expect(points[2].evaluation.folds.map { $0.values[.rmse] }
              == plain.folds.map { $0.values[.rmse] })
    // One neighbour copies one rating: it fits the training set better
    // than forty do.
    #expect(points[0].evaluation.summary[.trainRMSE]!.mean
              < points[2].evaluation.summary[.trainRMSE]!.mean)
  }

  /// One engine per fold for every k gives each k's figures exactly, and
  /// in the order asked.
  @Test(arguments: [(Algorithm.knnMeans, Basis.user),
                    (.knnBaseline, .item), (.knnZScore, .user)])
  func sharedNeighboursSweepEqualsAnEnginePerK(algorithm: Algorithm,
                                               basis: Basis) throws {
    let splits = try folds()
    var settings = EngineSettings()
    settings.algorithm = algorithm
    settings.basis = basis
    let counts = [20, 1, 5]
    let base = settings
    let separate = try ParameterSweep(
      parameter: "k", values: counts.map(Double.init)
    ) { k in
      var s = base
      s.k = Int(k)
      return EngineMaker(s)
    }.run(on: splits)
    let shared = try ParameterSweep.neighbourCounts(
      settings, name: "m", counts: counts, on: splits)
    #expect(shared.map(\.value) == [20, 1, 5])
    let timed: Set<Metric> = [.fitSeconds, .testSeconds]
    for (a, b) in zip(shared, separate) {
      #expect(a.evaluation.folds.count == 3)
      for (x, y) in zip(a.evaluation.folds, b.evaluation.folds) {
        #expect(x.fold == y.fold)
        #expect(x.values.filter { !timed.contains($0.key) }
                  == y.values.filter { !timed.contains($0.key) },
                "\(algorithm) \(basis) k \(a.value) fold \(x.fold)")
      }
    }
  }

  @Test func sweepNamesAValueThatMakesNoModel() throws {
    let sweep = ParameterSweep(parameter: "factors", values: [2, 0]) { k in
      var mf = BiasedMF()
      mf.factors = k
      if let problem = mf.problem { throw EvaluationError.invalidSetting(problem) }
      return mf
    }
    #expect(throws: EvaluationError.invalidSetting("factors must be at least 1, got 0")) {
      try sweep.run(on: try folds())
    }
  }
}
