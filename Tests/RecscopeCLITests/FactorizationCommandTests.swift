import Foundation
import Testing
import TestSupport
@testable import RecscopeCLI

/// `svd` and `als` from the command line: the same options as
/// `evaluate`, provenance with `--explain`, in text and JSON.
@Suite struct FactorizationCommandTests {
  let teaching = Fixtures.sample("teaching").path

  func run(_ arguments: String...) -> (Int32, String, String) {
    run(arguments)
  }

  func run(_ arguments: [String]) -> (Int32, String, String) {
    let output = CapturedText(), errors = CapturedText()
    let status = Recscope.main(
      ["recscope"] + arguments,
      context: CommandContext(output: output, errorOutput: errors,
                              standardInput: { Data() }))
    return (status, output.text, errors.text)
  }

  @Test func predictExplainsTheTermsFactorsAndPulls() {
    let (status, out, errors) = run(
      "predict", teaching, "--user", "ana", "--item", "m13", "--algo", "svd",
      "--factors", "4", "--epochs", "5", "--seed", "1", "--explain")
    #expect(status == 0)
    #expect(errors == "")
    #expect(out == """
      user\titem\testimate\timpossible\treason
      ana\tm13\t3.576556557619353\t0\t

      r̂(ana, m13) = 3.5766  by MF
      method    SVD (biased MF, SGD), 4 factors, 5 epochs, lr=0.005, reg=0.02, seed=1
      formula   r̂_ui = μ + b_u + b_i + q_iᵀp_u
      terms     μ = 3.5128, b_u = 0.0406, b_i = 0.0204, q_iᵀp_u = 0.0027
      model     trained by SGD, 5 epochs
      factors   the 4 largest of 4 terms q_if·p_uf of q_iᵀp_u = 0.0027
        f  p_uf     q_if     q_if·p_uf
        4  -0.0458  -0.1298  0.0059
        2  -0.0155  0.1878   -0.0029
        3  0.0098   -0.0671  -0.0007
        1  -0.007   -0.0428  0.0003
      pulls     rated items j that move the estimate most, approximately:
                w_ij = q_iᵀq_j, t_j = r_uj − μ − b_u − b_j
           j    r_uj  t_j      w_ij     w_ij·t_j
        ↑  m07  5     1.4588   0.0487   0.0711
        ↑  m02  2     -1.5018  -0.0216  0.0324
        ↑  m12  5     1.4007   0.0132   0.0184
        ↓  m06  1     -2.4368  0.0105   -0.0257
        ↓  m09  4     0.4132   -0.0497  -0.0205
        ↓  m01  5     1.4351   -0.0137  -0.0196
        ↓  m11  4     0.4588   -0.0309  -0.0142
        ↓  m04  4     0.334    -0.0035  -0.0012
      value     r̂ = 3.5128 + 0.0406 + 0.0204 + 0.0027 = 3.5766

      """)
  }

  @Test func theJSONCarriesTheProvenance() throws {
    let (status, out, _) = run(
      "predict", teaching, "--user", "ana", "--item", "m13", "--algo", "als",
      "--factors", "3", "--epochs", "2", "--explain", "--json")
    #expect(status == 0)
    let array = try #require(try JSONSerialization.jsonObject(
      with: Data(out.utf8)) as? [[String: Any]])
    let f = try #require(array.first?["factorization"] as? [String: Any])
    let mu = try #require(f["mu"] as? Double)
    let bu = try #require(f["b_u"] as? Double)
    let bi = try #require(f["b_i"] as? Double)
    let dot = try #require(f["dot"] as? Double)
    let raw = try #require(array.first?["raw"] as? Double)
    #expect(abs(mu + bu + bi + dot - raw) < 1e-12)
    #expect((f["top_factors"] as? [Any])?.count == 3)
    #expect(f["pulls_exact"] as? Bool == true)
    #expect(array.first?["source"] as? String == "MF")
  }

  @Test func recommendRanksByTheModel() {
    let (status, out, _) = run(
      "recommend", teaching, "--user", "dev", "-n", "3", "--algo", "svd",
      "--factors", "4", "--epochs", "5", "--seed", "1")
    #expect(status == 0)
    let rows = out.split(separator: "\n").map {
      $0.split(separator: "\t", omittingEmptySubsequences: false)
    }
    #expect(rows[0] == ["rank", "item", "title", "score", "method", "impossible"])
    #expect(rows.dropFirst().map { String($0[4]) } == ["MF", "MF", "MF"])
    #expect(rows.count == 4)
  }

  /// `explore --algo svd` trains in the background from the start: the
  /// first screens show the baseline and why, and after `<Wait>` the
  /// model's list is the one `recommend` prints.
  @Test func theExplorerTrainsInTheBackgroundFromTheStart() throws {
    let keys = try RecscopeRun.scratchDirectory()
      .appendingPathComponent("keys").path
    let model = ["--algo", "svd", "--factors", "4", "--epochs", "5",
                 "--seed", "1"]
    func screen(_ script: String) throws -> [Substring] {
      try script.write(toFile: keys, atomically: true, encoding: .utf8)
      // No data: the bundled teaching sample, with no journal to leave.
      let (status, out, errors) = run(
        ["explore", "--keys", keys, "--dump-screen", "--size", "100x24"]
          + model)
      #expect(status == 0, "\(errors)")
      return out.split(separator: "\n")
    }

    var rows = try screen("j k\n")
    #expect(rows.contains { $0.contains("ana: model not trained yet: baseline") })
    #expect(rows.contains { $0.contains(" baseline") })
    #expect(!rows.contains { $0.contains(" MF ") })
    #expect(rows.last!.contains("training svd ▕░░░░░░░░░░░░░░░░▏ epoch 0/5"))

    rows = try screen("j k <Wait>\n")
    #expect(rows.last!.contains("trained svd: 5 epochs"))
    #expect(rows.contains { $0.contains("for ana · SVD (biased MF, SGD) · 4 factors") })
    let (status, out, _) = run(
      ["recommend", teaching, "--user", "ana", "-n", "3"] + model)
    #expect(status == 0)
    let titles = out.split(separator: "\n").dropFirst().map {
      String($0.split(separator: "\t")[2].prefix(12))
    }
    #expect(titles.count == 3)
    for (n, title) in titles.enumerated() {
      #expect(rows.contains {
        $0.contains("│ \(n + 1) ") && $0.contains(title) && $0.contains(" MF ")
      }, "rank \(n + 1): \(title)")
    }
  }

  @Test func anUnknownUserGetsTheItemBiasFlagged() {
    let (status, out, _) = run(
      "predict", teaching, "--user", "nobody", "--item", "m01", "--algo", "svd",
      "--factors", "2", "--epochs", "1")
    #expect(status == 0)
    #expect(out.hasSuffix("\t1\tuser is unknown\n"))
  }

  @Test func factorOptionsNeedAFactorModel() {
    for (arguments, message) in [
      (["--lr", "0.1"], "'--lr' applies to svd, which '--algo' does not name"),
      (["--factors", "3"],
       "'--factors' applies to svd and als, which '--algo' does not name"),
      (["--algo", "als", "--reg", "0"],
       "'--reg' must be above 0 for als, which solves with it, got '0'"),
    ] {
      let (status, _, errors) = run(
        ["predict", teaching, "--user", "ana", "--item", "m13"] + arguments)
      #expect(status == 2)
      #expect(errors.hasPrefix("error: " + message), "\(arguments)")
    }
  }
}
