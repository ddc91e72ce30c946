/// A k-NN model measured at several numbers of neighbours on one split
/// in one pass, for a sweep of k: one engine, one similarity row per
/// user (or item) and one neighbour selection per rating serve every k,
/// where an engine per k would repeat them all.
///
/// Each k's figures are those ``EvaluationRunner/evaluate(_:on:options:)``
/// gives an engine trained with that k, to the last bit: the engine reads
/// each k's sums off a prefix of the largest k's neighbours, best first
/// (see `Engine.knnEstimates`). Only the test time is shared: every k is
/// given the time of the whole pass.
public enum NeighbourCountEvaluation {
  /// Whether `algorithm` can be measured this way: the four k-NN forms.
  /// The hybrid blends content in and needs an engine per k.
  public static func applies(to algorithm: Algorithm) -> Bool {
    Engine.sharesNeighbourCounts(algorithm)
  }

  /// Trains one engine on `split.train` and measures it at every k of
  /// `counts` on the test and train ratings.
  /// - Parameters:
  ///   - settings: a k-NN form; its own k is not used.
  ///   - stop: asked every few hundred ratings; true abandons the work.
  /// - Returns: one result per count, in the order of `counts`; nil when
  ///   stopped.
  /// - Throws: ``EvaluationError/invalidSetting(_:)`` when the algorithm
  ///   is not a k-NN form or a count makes invalid settings.
  /// - Complexity: one estimate at the largest count per test and train
  ///   rating, plus O(|counts|) per rating to read the others off it.
  public static func evaluate(
    _ settings: EngineSettings, counts: [Int], on split: TrainTestSplit,
    options: EvaluationOptions, stop: () -> Bool = { false }
  ) throws(EvaluationError) -> [FoldResult]? {
    guard applies(to: settings.algorithm) else {
      throw .invalidSetting(
        "\(settings.algorithm.rawValue) has no neighbour count to share")
    }
    guard let largest = counts.max() else { return [] }
    for k in counts {
      if let problem = with(settings, k: k).problem {
        throw .invalidSetting(problem)
      }
    }
    let engine: Engine
    do {
      engine = try Engine(dataset: split.train,
                          settings: with(settings, k: largest))
    } catch {
      throw .invalidSetting("\(error)")
    }

    let clock = ContinuousClock()
    let start = clock.now
    guard let test = scoring(split.test, engine, counts, stop) else {
      return nil
    }
    let testSeconds = (clock.now - start).seconds
    let sample = EvaluationRunner.trainSample(split, options)
    guard let train = scoring(sample, engine, counts, stop) else {
      return nil
    }

    var results: [FoldResult] = []
    for (c, k) in counts.enumerated() {
      var values = EvaluationRunner.figures(test: test[c], train: train[c],
                                            options: options)
      values[.testSeconds] = testSeconds
      if options.measuresCoverage {
        do {
          try engine.apply(with(settings, k: k))
        } catch {
          throw .invalidSetting("\(error)")
        }
        values[.coverage] = EvaluationRunner.coverage(
          of: EnginePredictor(engine: engine), on: split, options: options)
      }
      results.append(FoldResult(fold: 0, values: values))
    }
    return results
  }

  private static func with(_ settings: EngineSettings,
                           k: Int) -> EngineSettings {
    var s = settings
    s.k = k
    return s
  }

  /// Each record scored at every count: `scored[c][n]` is record n at
  /// `counts[c]`; nil when stopped.
  private static func scoring(
    _ records: [RatingRecord], _ engine: Engine, _ counts: [Int],
    _ stop: () -> Bool
  ) -> [[ScoredRating]]? {
    var scored = [[ScoredRating]](repeating: [], count: counts.count)
    for c in scored.indices { scored[c].reserveCapacity(records.count) }
    let ratings = engine.ratings
    for (n, r) in records.enumerated() {
      if n % ScoredRating.stopInterval == 0 && stop() { return nil }
      let estimates = engine.knnEstimates(
        ratings.user(r.userID), ratings.item(r.itemID), counts: counts)
      for (c, e) in estimates.enumerated() {
        scored[c].append(ScoredRating(r, e))
      }
    }
    return scored
  }
}
