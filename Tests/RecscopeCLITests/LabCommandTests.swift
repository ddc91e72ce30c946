import Foundation
import Testing
import TestSupport
@testable import RecscopeCLI
import RecscopeCore

/// `recscope lab` end to end: the tables each experiment prints, their
/// agreement with `evaluate` on the same folds, and the mistakes refused.
@Suite struct LabCommandTests {
  let teaching = Fixtures.sample("teaching").path
  /// Small and quick: four factors, three epochs, three folds.
  let quick = ["--factors", "4", "--epochs", "3", "--folds", "3"]

  func lines(_ run: RecscopeRun) -> [String] {
    run.output.split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
  }

  /// The rows of a TSV output as dictionaries keyed by the header.
  func rows(_ run: RecscopeRun) -> [[String: String]] {
    let all = lines(run).prefix { !$0.isEmpty }
    guard let header = all.first?.split(separator: "\t").map(String.init)
    else { return [] }
    return all.dropFirst().map { line in
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
      return Dictionary(uniqueKeysWithValues: zip(header, cells.map(String.init)))
    }
  }

  func header(_ run: RecscopeRun) -> String { lines(run).first ?? "" }

  @Test(arguments: [
    (["curve"], "algo\tepoch\trmse\trmse_std\ttrain_rmse\ttrain_rmse_std\tgap\tgap_std"),
    (["curve", "--early-stop"],
     "algo\tvariant\tepochs\tepochs_std\tvalidation_rmse\tvalidation_rmse_std\t"
       + "rmse\trmse_std\ttrain_rmse\ttrain_rmse_std\tgap\tgap_std\tchange\t"
       + "change_std\tverdict"),
    (["sweep", "--epochs", "1,2"],
     "algo\tepochs\trmse\trmse_std\ttrain_rmse\ttrain_rmse_std\tgap\tgap_std\t"
       + "fit_seconds"),
    (["augment", "--noise", "0.5"],
     "algo\tvariant\tsetting\trmse\trmse_std\ttrain_rmse\ttrain_rmse_std\tgap\t"
       + "gap_std\tchange\tchange_std\tverdict"),
    (["privacy", "--epsilon", "1"],
     "algo\tvariant\tsetting\tnoise_scale\trmse\trmse_std\ttrain_rmse\t"
       + "train_rmse_std\tgap\tgap_std\tchange\tchange_std\tverdict"),
    (["compress"],
     "algo\tvariant\tsetting\tbytes\trmse\trmse_std\ttrain_rmse\t"
       + "train_rmse_std\tgap\tgap_std\tchange\tchange_std\tverdict"),
  ])
  func headers(_ experiment: [String], expected: String) {
    var arguments = ["lab", teaching] + experiment + ["--folds", "3"]
    if !experiment.contains("--epochs") { arguments += ["--epochs", "3"] }
    let run = RecscopeRun(arguments + ["--factors", "4"])
    #expect(run.status == 0, "\(run.errors)")
    #expect(header(run) == expected)
    #expect(run.errors == "")
  }

  @Test func curveEndsWhereEvaluateIs() throws {
    let curve = RecscopeRun(["lab", teaching, "curve", "--algo", "svd,als"] + quick)
    #expect(curve.status == 0, "\(curve.errors)")
    let table = rows(curve)
    #expect(table.map { "\($0["algo"]!) \($0["epoch"]!)" }
              == ["svd 1", "svd 2", "svd 3", "als 1", "als 2", "als 3"])
    let evaluate = RecscopeRun(["evaluate", teaching, "--algo", "svd,als"]
                                 + quick)
    let figures = rows(evaluate)
    for (algo, last) in [("svd", table[2]), ("als", table[5])] {
      let row = try #require(figures.first { $0["algo"] == algo })
      for key in ["rmse", "rmse_std", "train_rmse", "gap"] {
        #expect(last[key] == row[key], "\(algo) \(key)")
      }
    }
  }

  @Test func epochSweepRepeatsTheCurve() {
    let curve = rows(RecscopeRun(["lab", teaching, "curve"] + quick))
    let sweep = rows(RecscopeRun(["lab", teaching, "sweep", "--epochs", "1,3",
                                  "--factors", "4", "--folds", "3"]))
    #expect(sweep.map { $0["epochs"] } == ["1", "3"])
    #expect(sweep.map { $0["rmse"] } == [curve[0]["rmse"], curve[2]["rmse"]])
    #expect(sweep.map { $0["train_rmse"] }
              == [curve[0]["train_rmse"], curve[2]["train_rmse"]])
  }

  /// λ_b apart from λ: at λ's own value it changes nothing, and for svd
  /// and als alike a larger one moves the figures.
  @Test(arguments: [("svd", "0.02"), ("als", "0.1")])
  func biasRegularisationSweepsApartFromTheFactors(
    algo: String, defaultReg: String
  ) {
    let sweep = RecscopeRun(["lab", teaching, "sweep", "--algo", algo,
                             "--reg-bias", "\(defaultReg),5"] + quick)
    #expect(sweep.status == 0, "\(sweep.errors)")
    let table = rows(sweep)
    #expect(table.map { $0["reg_bias"] } == [defaultReg, "5"])
    let evaluate = rows(RecscopeRun(["evaluate", teaching, "--algo", algo]
                                      + quick))
    #expect(table.first?["rmse"] == evaluate.first?["rmse"])
    #expect(table.first?["rmse"] != table.last?["rmse"])
    #expect(table.first?["train_rmse"] != table.last?["train_rmse"])
  }

  @Test func noneIsEvaluatesFigureAndNoNoiseChangesNothing() {
    let run = RecscopeRun(["lab", teaching, "augment", "--algo", "knn-means",
                           "--noise", "0", "--dropout", "0.3", "--folds", "3"])
    #expect(run.status == 0, "\(run.errors)")
    let table = rows(run)
    #expect(table.map { $0["variant"]! } == ["none", "gaussian", "dropout"])
    #expect(table.map { $0["setting"]! } == ["", "0", "0.3"])
    #expect(table[0]["verdict"] == "baseline" && table[0]["change"] == "")
    #expect(table[1]["rmse"] == table[0]["rmse"] && table[1]["change"] == "0")
    #expect(table[1]["verdict"] == "no clear change")
    let evaluate = rows(RecscopeRun(["evaluate", teaching, "--algo",
                                     "knn-means", "--folds", "3"]))
    #expect(table[0]["rmse"] == evaluate[0]["rmse"])
    #expect(table[0]["gap"] == evaluate[0]["gap"])
  }

  @Test func infiniteEpsilonIsNoNoise() {
    let run = RecscopeRun(["lab", teaching, "privacy", "--algo", "baseline",
                           "--epsilon", "inf,2", "--folds", "3"])
    #expect(run.status == 0, "\(run.errors)")
    let table = rows(run)
    #expect(table.map { $0["setting"]! } == ["", "inf", "2"])
    // Δ = 5 − 1 = 4 on the sample's scale.
    #expect(table.map { $0["noise_scale"]! } == ["", "0", "2"])
    #expect(table[1]["rmse"] == table[0]["rmse"])
  }

  @Test func compressionCountsBytes() {
    let run = RecscopeRun(["lab", teaching, "compress", "--bits", "64,8,4",
                           "--json"] + quick)
    #expect(run.status == 0, "\(run.errors)")
    let list = (try? run.json()) as? [[String: Any]] ?? []
    #expect(list.map { $0["variant"] as? String }
              == ["64-bit", "64-bit", "8-bit", "4-bit"])
    let bytes = list.map { ($0["bytes"] as? NSNumber)?.doubleValue ?? 0 }
    // Per row of P and Q: 4 doubles, or 4 (2) bytes of codes and a step.
    #expect(bytes[0] == bytes[1] && bytes[2] == bytes[0] / 32 * 8
              && bytes[3] == bytes[0] / 32 * 6)
    #expect(list[1]["rmse"] as? Double == list[0]["rmse"] as? Double)
  }

  @Test func transferReadsVectorsAndReportsColdItems() throws {
    let directory = try RecscopeRun.scratchDirectory()
    let csv = directory.appendingPathComponent("vectors.csv")
    let json = directory.appendingPathComponent("vectors.json")
    var csvText = "item,a,b,c\n", jsonText = ""
    for n in 1...15 {
      let v = [Double(n % 3), Double(n % 5) / 4, Double(n % 2) - 0.5]
      let id = String(format: "m%02d", n)
      let values = v.map { String($0) }.joined(separator: ",")
      csvText += "\(id),\(values)\n"
      jsonText += "{\"id\": \"\(id)\", \"features\": [\(values)]}\n"
    }
    try csvText.write(to: csv, atomically: true, encoding: .utf8)
    try jsonText.write(to: json, atomically: true, encoding: .utf8)
    let a = RecscopeRun(["lab", teaching, "transfer", "--vectors", csv.path,
                         "--epochs", "3", "--folds", "3"])
    #expect(a.status == 0, "\(a.errors)")
    #expect(header(a).hasSuffix("\tverdict\tcold_tested\tcold_rmse\t"
                                  + "cold_rmse_std\tcold_change\tcold_change_std\t"
                                  + "cold_verdict\tunseen_tested\tunseen_rmse\t"
                                  + "unseen_rmse_std\tunseen_change\t"
                                  + "unseen_change_std\tunseen_verdict"))
    #expect(rows(a).map { $0["variant"]! }
              == ["random-init", "pretrained-init", "content"])
    let b = RecscopeRun(["lab", teaching, "transfer", "--vectors", json.path,
                         "--epochs", "3", "--folds", "3"])
    #expect(b.output == a.output)
    try "m01,1,2\nm02,1\n".write(to: csv, atomically: true, encoding: .utf8)
    let bad = RecscopeRun(["lab", teaching, "transfer", "--vectors", csv.path])
    #expect(bad.status == 1)
    #expect(bad.errors == "error: Line 2 of \"\(csv.path)\": expected 2 values "
              + "after the id, as on line 1, found \"m02,1\".\n")
  }

  @Test func plotFollowsTheTable() {
    let run = RecscopeRun(["lab", teaching, "curve", "--plot=ascii",
                           "--plot-size", "40x12"] + quick)
    #expect(run.status == 0, "\(run.errors)")
    let all = lines(run)
    let blank = all.firstIndex(of: "")!
    #expect(blank == 4)  // header and three epochs
    let plot = all[(blank + 1)...].dropLast()  // the output's final newline
    #expect(plot.count == 12 && plot.allSatisfy { $0.count <= 40 })
    #expect(plot.first == "RMSE" && plot.last == "*** svd train   ooo svd test")
  }

  @Test func jsonHasTheTableColumns() throws {
    let run = RecscopeRun(["lab", teaching, "sweep", "--k", "2,5", "--json",
                           "--folds", "3"])
    let list = try #require(try run.json() as? [[String: Any]])
    #expect(list.count == 2)
    #expect(list.map { $0["k"] as? Int } == [2, 5])
    #expect(list.allSatisfy { $0["algo"] as? String == "knn-basic" })
    #expect(Set(list[0].keys) == ["algo", "k", "rmse", "rmse_std", "train_rmse",
                                  "train_rmse_std", "gap", "gap_std",
                                  "fit_seconds"])
  }

  @Test func helpForEachExperiment() {
    let overview = RecscopeRun(["lab", "--help"])
    #expect(overview.status == 0)
    #expect(overview.output.contains("usage: recscope lab <data> <experiment>"))
    #expect(RecscopeRun(["help", "lab"]).output == overview.output)
    for experiment in LabExperiment.allCases {
      let help = experiment.spec.helpText(program: "recscope")
      for arguments in [["lab", experiment.rawValue, "--help"],
                        ["help", "lab", experiment.rawValue],
                        ["lab", "DATA", experiment.rawValue, "-h"]] {
        let run = RecscopeRun(arguments)
        #expect(run.status == 0 && run.output == help, "\(arguments)")
      }
      #expect(help.hasPrefix(experiment.abstract))
      #expect(help.contains("<data>\n                    \(experiment.rawValue)")
                || help.contains("<data> \(experiment.rawValue)\n"))
    }
  }

  @Test(arguments: [
    (["lab"], "missing required argument '<data>'"),
    (["lab", "DATA"], "missing required argument '<experiment>'"),
    (["lab", "curve"],
     "missing required argument '<data>' before 'curve'; write 'recscope lab "
       + "DATA curve'"),
    (["lab", "DATA", "curv"],
     "'<experiment>' expects one of curve, sweep, augment, privacy, compress, "
       + "transfer, got 'curv'; did you mean 'curve'?"),
    (["lab", "DATA", "curve", "--k", "5"], "unknown option '--k'"),
    (["lab", "DATA", "curve", "--plot", "ascii"],
     "unexpected argument 'ascii'; did you mean '--plot=ascii'?"),
    (["lab", "DATA", "curve", "--plot", "--json"],
     "'--plot' draws text after the table, which '--json' replaces; give one "
       + "of them"),
    (["lab", "DATA", "curve", "--patience", "2"],
     "'--patience' applies with '--early-stop', which is not given"),
    (["lab", "DATA", "curve", "--early-stop", "--validation", "1"],
     "'--validation' must lie strictly between 0 and 1, got '1'"),
    (["lab", "DATA", "curve", "--algo", "knn-basic"],
     "'--algo' expects one of svd, als, got 'knn-basic'"),
    (["lab", "DATA", "sweep", "--k", "5"],
     "give the setting to sweep two or more values, as in '--k 5,10,20' or "
       + "'--factors 10,20,50'"),
    (["lab", "DATA", "sweep", "--k", "5,10", "--factors", "2,4"],
     "sweep one setting at a time; '--k' and '--factors' both have several "
       + "values"),
    (["lab", "DATA", "sweep", "--k", "5,10", "--algo", "svd"],
     "'--k' does not apply to svd; it applies to the k-NN algorithms and hybrid"),
    (["lab", "DATA", "augment", "--algo", "knn-basic", "--oversample", "5"],
     "'--oversample' repeats ratings in the order SGD visits them, so it "
       + "applies to svd, not knn-basic"),
    (["lab", "DATA", "augment", "--algo", "baseline", "--factors", "5"],
     "'--factors' applies to svd and als, not baseline"),
    (["lab", "DATA", "augment", "--noise", "0.1", "--dropout", "0.1", "--plot"],
     "'--plot' draws one kind of change over its setting; give exactly one of "
       + "'--noise', '--dropout' and '--oversample'"),
    (["lab", "DATA", "privacy", "--epsilon", "0"],
     "'--epsilon' expects a number above 0, or inf, got '0'"),
    (["lab", "DATA", "compress", "--bits", "16"],
     "'--bits' expects one of 64, 8, 4, got '16'"),
    (["lab", "DATA", "transfer"], "missing required option '--vectors <file>'"),
    (["lab", "DATA", "sweep", "--algo", "als", "--reg-bias", "0,1"],
     "'--reg-bias' must be above 0 for als, which solves with it, got '0'"),
    (["lab", "DATA", "transfer", "--vectors", "v.csv", "--plot"],
     "unknown option '--plot'"),
  ])
  func usageErrors(_ arguments: [String], message: String) {
    let run = RecscopeRun(arguments)
    #expect(run.status == 2, "\(arguments)")
    #expect(run.errors.hasPrefix("error: \(message)\n"), "\(arguments)")
    #expect(run.output == "")
  }

  @Test func aMissingFileIsARuntimeError() {
    let run = RecscopeRun(["lab", "/nonexistent/r.csv", "curve"])
    #expect(run.status == 1)
    #expect(run.errors.contains("/nonexistent/r.csv"))
  }
}
