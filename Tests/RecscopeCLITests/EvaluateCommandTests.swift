import Foundation
import Testing
import TestSupport
@testable import RecscopeCLI
import RecscopeCore

/// `recscope evaluate` end to end: the splits it cuts, the figures it
/// prints, and the mistakes it refuses.
@Suite struct EvaluateCommandTests {
  let teaching = Fixtures.sample("teaching").path

  /// The teaching sample's ratings as loaded.
  func teachingRatings() throws -> [RatingRecord] {
    RatingList(try DatasetLoader().load(teaching).dataset).records
  }

  /// A random data set written as CSV; returns its directory.
  func generated(seed: UInt64, ratings: Int = 300) throws -> String {
    let dataset = Datasets.random(seed: seed, users: 40, items: 25,
                                  ratings: ratings)
    let directory = try RecscopeRun.scratchDirectory()
    try DatasetWriter().write(dataset, toDirectory: directory.path)
    return directory.path
  }

  func counts(_ records: [RatingRecord]) -> [RatingRecord: Int] {
    records.reduce(into: [:]) { $0[$1, default: 0] += 1 }
  }

  /// A JSON number as a `Double`, whether written with a fraction or not.
  func number(_ value: Any?) -> Double? {
    (value as? NSNumber)?.doubleValue
  }

  /// The models' objects of a `--json` run.
  func models(_ run: RecscopeRun) throws -> [[String: Any]] {
    try #require(try run.json() as? [[String: Any]])
  }

  @Test(arguments: [(0, 5), (1, 3), (7, 10)])
  func foldsPartitionTheRatings(seed: Int, folds: Int) throws {
    let data = seed == 0 ? teaching : try generated(seed: UInt64(seed))
    let all = seed == 0
      ? try teachingRatings()
      : RatingList(try DatasetLoader().load(data).dataset).records
    let directory = try RecscopeRun.scratchDirectory()
    let run = RecscopeRun(["evaluate", data, "--folds", "\(folds)",
                           "--seed", "\(seed)", "--algo", "baseline",
                           "--write-folds", directory.path])
    #expect(run.status == 0, "\(run.errors)")
    var tested: [RatingRecord] = []
    for n in 1...folds {
      let test = try RecscopeRun.rows(
        ofCSV: directory.appendingPathComponent("fold-\(n)-test.csv"))
      let train = try RecscopeRun.rows(
        ofCSV: directory.appendingPathComponent("fold-\(n)-train.csv"))
      #expect(counts(train + test) == counts(all), "fold \(n), seed \(seed)")
      #expect(abs(test.count - all.count / folds) <= 1)
      tested += test
    }
    #expect(counts(tested) == counts(all), "seed \(seed)")
    #expect(counts(tested).values.allSatisfy { $0 == 1 })
  }

  @Test func jsonHasTheDocumentedKeys() throws {
    let run = RecscopeRun(["evaluate", teaching, "--algo", "baseline,knn-basic",
                           "--coverage", "--json"])
    #expect(run.status == 0, "\(run.errors)")
    let list = try models(run)
    #expect(list.map { $0["algo"] as? String } == ["baseline", "knn-basic"])
    let keys = ["rmse", "mae", "precision", "recall", "ndcg", "hit_rate",
                "coverage", "train_rmse", "gap"]
    for model in list {
      for key in keys {
        #expect(number(model[key]) != nil, "\(key)")
        #expect(number(model[key + "_std"]) != nil, "\(key)_std")
      }
      let folds = try #require(model["folds"] as? [[String: Any]])
      #expect(folds.map { $0["fold"] as? Int } == [1, 2, 3, 4, 5])
      for fold in folds {
        for key in keys { #expect(number(fold[key]) != nil, "fold \(key)") }
      }
      let rmse = try #require(number(model["rmse"]))
      let train = try #require(number(model["train_rmse"]))
      let gap = try #require(number(model["gap"]))
      #expect(abs(gap - (rmse - train)) < 1e-12)
    }
  }

  @Test func coverageIsNullUnlessAskedFor() throws {
    let run = RecscopeRun(["evaluate", teaching, "--algo", "baseline", "--json"])
    let model = try #require(try models(run).first)
    #expect(model["coverage"] is NSNull && model["coverage_std"] is NSNull)
  }

  @Test func everyModelIsScoredOnTheSameFolds() throws {
    let data = try generated(seed: 4, ratings: 400)
    let run = RecscopeRun([
      "evaluate", data, "--folds", "4", "--seed", "9", "--algo",
      "global-mean,baseline,knn-basic,knn-means,knn-zscore,knn-baseline,"
        + "content,hybrid,svd,als",
      "--factors", "4", "--epochs", "3", "--json"])
    #expect(run.status == 0, "\(run.errors)")
    let list = try models(run)
    #expect(list.count == 10)
    let sizes = try list.map { model in
      try #require(model["folds"] as? [[String: Any]]).map { $0["tested"] as? Int }
    }
    #expect(Set(sizes).count == 1)
    #expect(sizes[0] == [100, 100, 100, 100])
    #expect(list.allSatisfy { $0["tested"] as? Int == 400 })
  }

  @Test func tableHasAHeaderAndARowPerModelAndFold() {
    let plain = RecscopeRun(["evaluate", teaching, "--algo", "baseline,svd",
                             "--folds", "3"])
    let lines = plain.output.split(separator: "\n").map(String.init)
    #expect(lines.first == EvaluationReport.columns.joined(separator: "\t"))
    #expect(lines.dropFirst().map { $0.split(separator: "\t")[1] }
              == ["mean", "mean"])
    let detailed = RecscopeRun(["evaluate", teaching, "--algo", "baseline,svd",
                                "--folds", "3", "--per-fold"])
    let rows = detailed.output.split(separator: "\n").dropFirst()
      .map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    #expect(rows.map { "\($0[0]) \($0[1]) \($0[2])" } == [
      "baseline 1 26", "baseline 2 26", "baseline 3 26", "baseline mean 78",
      "svd 1 26", "svd 2 26", "svd 3 26", "svd mean 78",
    ])
    #expect(rows.allSatisfy { $0.count == EvaluationReport.columns.count })
    // Standard deviations belong to summary rows only.
    #expect(rows[0][4].isEmpty && !rows[3][4].isEmpty)
  }

  @Test func holdoutsTestTheShareAsked() throws {
    let random = RecscopeRun(["evaluate", teaching, "--split", "random",
                              "--test-fraction", "0.25", "--json"])
    #expect(try models(random).first?["tested"] as? Int == 20)  // ⌈78/4⌉
    let users = Dictionary(grouping: try teachingRatings(), by: \.userID)
    let leave = RecscopeRun(["evaluate", teaching, "--split", "leave-k-out",
                             "--leave", "2", "--json"])
    #expect(try models(leave).first?["tested"] as? Int
              == 2 * users.values.filter { $0.count > 2 }.count)
  }

  /// With every rating of the tested items held out, neighbourhoods have
  /// nothing to go on, while content scores the items by their features.
  @Test func newItemsLeaveOnlyContentAbleToScore() throws {
    let run = RecscopeRun(["evaluate", teaching, "--split", "new-items",
                           "--folds", "3", "--algo", "knn-basic,content",
                           "--json"])
    #expect(run.status == 0, "\(run.errors)")
    let figures = try models(run)
    #expect(figures.map { $0["tested"] as? Int } == [78, 78])
    let impossible = figures.map { $0["impossible"] as? Double }
    #expect(impossible[0] == 1)
    #expect((impossible[1] ?? 1) < 0.1)
  }

  @Test func givenSplitCountsAnUnknownUserAsImpossible() throws {
    let directory = try RecscopeRun.scratchDirectory()
    let train = directory.appendingPathComponent("train.csv")
    let test = directory.appendingPathComponent("test.csv")
    try """
      user,item,rating
      a,x,5
      a,y,3
      b,x,4
      b,z,2
      c,y,4
      c,z,1
      """.write(to: train, atomically: true, encoding: .utf8)
    try "user,item,rating\na,z,2\nzed,x,5\nb,y,3\nc,x,4\n"
      .write(to: test, atomically: true, encoding: .utf8)
    let run = RecscopeRun(["evaluate", "--train", train.path, "--test",
                           test.path, "--algo", "knn-basic,baseline", "--json"])
    #expect(run.status == 0, "\(run.errors)")
    let list = try models(run)
    #expect(list.map { $0["tested"] as? Int } == [4, 4])
    #expect(number(list[0]["impossible"]) == 0.25)
    #expect(number(list[1]["impossible"]) == 0)
    #expect(number(list[0]["rmse"]) != nil)
  }

  @Test func givenSplitTakesTheScaleOfBothFiles() throws {
    let directory = try RecscopeRun.scratchDirectory()
    let train = directory.appendingPathComponent("train.csv")
    let test = directory.appendingPathComponent("test.csv")
    try "a,x,2\na,y,3\nb,x,3\n".write(to: train, atomically: true,
                                       encoding: .utf8)
    try "b,y,5\n".write(to: test, atomically: true, encoding: .utf8)
    let run = RecscopeRun(["evaluate", "--train", train.path, "--test",
                           test.path, "--algo", "global-mean", "--json"])
    #expect(run.status == 0, "\(run.errors)")
    let rmse = try #require(number(try models(run).first?["rmse"]))
    #expect(abs(rmse - (5 - 8.0 / 3)) < 1e-12)
    let scaled = RecscopeRun(["evaluate", "--train", train.path, "--test",
                              test.path, "--scale", "1:3"])
    #expect(scaled.status == 1)
    #expect(scaled.errors.contains(test.path))
  }

  @Test(arguments: [
    ([], "missing required argument '<data>'; or give '--train' and '--test'"),
    (["--train", "a.csv"], "'--train' needs '--test' beside it"),
    (["--test", "a.csv"], "'--test' needs '--train' beside it"),
    (["DATA", "--train", "a.csv", "--test", "b.csv"],
     "give either <data> or '--train' and '--test', not both"),
    (["--train", "a.csv", "--test", "b.csv", "--folds", "3"],
     "'--folds' does not apply to a split given by '--train' and '--test'"),
    (["--train", "a.csv", "--test", "b.csv", "--write-folds", "d"],
     "'--write-folds' does not apply to a split given by '--train' and "
       + "'--test'"),
    (["DATA", "--split", "random", "--folds", "3"],
     "'--folds' applies to '--split kfold' or '--split new-items', not "
       + "'random'"),
    (["DATA", "--split", "new-items", "--test-fraction", "0.3"],
     "'--test-fraction' applies to '--split random' or '--split time', "
       + "not 'new-items'"),
    (["DATA", "--leave", "2"],
     "'--leave' applies to '--split leave-k-out', not 'kfold'"),
    (["DATA", "--test-fraction", "0.3"],
     "'--test-fraction' applies to '--split random' or '--split time', "
       + "not 'kfold'"),
    (["DATA", "--split", "random", "--test-fraction", "1"],
     "'--test-fraction' must lie strictly between 0 and 1, got '1'"),
    (["DATA", "--folds", "79"],
     "'--folds' must be at most the number of ratings, 78, got '79'"),
    (["DATA", "--algo", "svd,baseline,svd"], "'--algo' names 'svd' twice"),
    (["DATA", "--algo", "svd", "--k", "5"],
     "'--k' applies to the k-NN algorithms and hybrid, which '--algo' does "
       + "not name"),
    (["DATA", "--algo", "knn-basic", "--weight", "0.3"],
     "'--weight' applies to hybrid, which '--algo' does not name"),
    (["DATA", "--algo", "baseline", "--factors", "5"],
     "'--factors' applies to svd and als, which '--algo' does not name"),
    (["DATA", "--algo", "als", "--lr", "0.01"],
     "'--lr' applies to svd, which '--algo' does not name"),
    (["DATA", "--algo", "als", "--reg", "0"],
     "'--reg' must be above 0 for als, which solves with it, got '0'"),
  ])
  func badCombinationsAreUsageErrors(arguments: [String], message: String) {
    let run = RecscopeRun(["evaluate"] + arguments.map {
      $0 == "DATA" ? teaching : $0
    })
    #expect(run.status == 2)
    #expect(run.output.isEmpty)
    #expect(run.errors == "error: \(message)\nsee 'recscope evaluate --help'\n")
  }

  @Test func timeSplitSaysTimestampsAreMissing() {
    let run = RecscopeRun(["evaluate", teaching, "--split", "time"])
    #expect(run.status == 1 && run.output.isEmpty)
    #expect(run.errors == "error: '\(teaching)/ratings.csv' does not give "
            + "every rating a timestamp, so '--split time' cannot order "
            + "them; use '--split random'\n")
  }

  /// Six timed ratings; the latest 30 %, rounded up, are b×z at 600 and
  /// a×y at 500. The global mean of the other four is 3.75, so the errors
  /// are 1.75 and 0.75: RMSE √1.8125, MAE 1.25.
  @Test func timeSplitTestsTheLatestRatings() throws {
    let directory = try RecscopeRun.scratchDirectory()
    let data = directory.appendingPathComponent("six.csv")
    try Data(("user,item,rating,timestamp\na,x,4,100\na,y,2,500\n"
              + "b,x,5,200\nb,z,3,600\nc,y,1,300\nc,z,5,400\n").utf8)
      .write(to: data)
    let folds = directory.appendingPathComponent("folds")
    let run = RecscopeRun(["evaluate", data.path, "--split", "time",
                           "--test-fraction", "0.3", "--algo", "global-mean",
                           "--write-folds", folds.path])
    #expect(run.status == 0 && run.errors.isEmpty, "\(run.errors)")
    let columns = run.output.split(separator: "\n").map {
      $0.split(separator: "\t", omittingEmptySubsequences: false)
        .prefix(7).joined(separator: "\t")
    }
    #expect(columns == [
      "algo\tfold\ttested\trmse\trmse_std\tmae\tmae_std",
      "global-mean\tmean\t2\t1.346291201783626\t0\t1.25\t0",
    ])
    let test = try RecscopeRun.rows(
      ofCSV: folds.appendingPathComponent("fold-1-test.csv"))
    #expect(test == [RatingRecord("a", "y", 2), RatingRecord("b", "z", 3)])
  }

  @Test func unreadableTestFileIsARuntimeError() throws {
    let run = RecscopeRun(["evaluate", "--train", teaching + "/ratings.csv",
                           "--test", "/nonexistent/test.csv"])
    #expect(run.status == 1)
    #expect(run.errors == "error: cannot read '/nonexistent/test.csv': no "
            + "such file\n")
  }

  /// The output without timings, which are the only thing allowed to
  /// vary, as JSON text with sorted keys.
  func figures(_ run: RecscopeRun) throws -> String {
    let timings = ["fit_seconds", "test_seconds"]
    let list = try models(run).map { model in
      var model = model.filter { entry in
        !timings.contains { entry.key.hasPrefix($0) }
      }
      let folds = try #require(model["folds"] as? [[String: Any]])
      model["folds"] = folds.map { fold in
        fold.filter { entry in !timings.contains(entry.key) }
      }
      return model
    }
    let data = try JSONSerialization.data(withJSONObject: list,
                                          options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
  }

  @Test func theSameSeedGivesTheSameFigures() throws {
    let data = try generated(seed: 2)
    let arguments = ["evaluate", data, "--algo", "knn-means,svd,als",
                     "--factors", "3", "--epochs", "4", "--json"]
    let first = RecscopeRun(arguments + ["--seed", "5"])
    let again = RecscopeRun(arguments + ["--seed", "5", "--serial"])
    let other = RecscopeRun(arguments + ["--seed", "6"])
    #expect(first.status == 0, "\(first.errors)")
    #expect(try figures(first) == figures(again))
    #expect(try figures(first) != figures(other))
  }
}
