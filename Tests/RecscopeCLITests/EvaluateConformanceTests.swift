import Foundation
import Testing
import TestSupport

/// `recscope evaluate` against Surprise 1.1.5 on the same five folds
/// (`Tools/conformance/evaluate_folds.py`, expected values under
/// `Fixtures/`).
///
/// Baselines and k-NN repeat Surprise's arithmetic, so their RMSE agrees
/// to rounding; 1e-6 leaves room only for the order of the final sum.
/// SVD's starting factors are random draws that recscope does not take
/// from NumPy, so one run of ours is one draw of the same random process:
/// it must lie within three of Surprise's seed-to-seed standard deviations
/// (over `random_state` 0…9, recorded per fold) of Surprise's mean, and
/// never needs to be closer than 0.005. Over ten seeds of ours the means
/// agreed with Surprise's within 0.003 per fold on the generated data.
@Suite struct EvaluateConformanceTests {
  struct Expected: Decodable {
    struct Fold: Decodable {
      var train: Int
      var test: Int
      var test_fnv1a64: String
    }

    var folds: [Fold]
    var rmse: [String: [Double]]
    var svd_seed_std: [Double]
  }

  static let generated =
    "Tests/RecscopeCLITests/Fixtures/evaluate-generated-ratings.csv"

  /// Folds of ratings, and folds of whole items, where every estimate is
  /// a fallback for an item unknown to the training ratings.
  static let cases: [(fixture: String, data: String, split: [String])] = [
    ("evaluate-teaching", "Samples/teaching", []),
    ("evaluate-generated", generated, []),
    ("evaluate-new-items", generated, ["--split", "new-items"]),
  ]

  static func fixture(_ name: String) -> URL {
    Fixtures.packageRoot
      .appendingPathComponent("Tests/RecscopeCLITests/Fixtures/\(name).json")
  }

  /// FNV-1a with 64 bits, as the script fingerprints the test files.
  static func fnv1a64(_ bytes: Data) -> String {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// Each model's RMSE per fold from a `--json` run.
  static func rmse(_ run: RecscopeRun) throws -> [String: [Double]] {
    let list = try #require(try run.json() as? [[String: Any]])
    var out: [String: [Double]] = [:]
    for model in list {
      let name = try #require(model["algo"] as? String)
      let folds = try #require(model["folds"] as? [[String: Any]])
      out[name] = try folds.map {
        try #require(($0["rmse"] as? NSNumber)?.doubleValue)
      }
    }
    return out
  }

  @Test(arguments: cases)
  func rmseMatchesSurpriseOnTheSameFolds(fixture: String, data: String,
                                         split: [String]) throws {
    let expected = try JSONDecoder().decode(
      Expected.self, from: Data(contentsOf: Self.fixture(fixture)))
    let path = Fixtures.packageRoot.appendingPathComponent(data).path
    let directory = try RecscopeRun.scratchDirectory()
    let common = ["evaluate", path, "--folds", "5", "--seed", "0", "--json",
                  "--train-sample", "1"] + split
    let first = RecscopeRun(common + ["--algo", "baseline,knn-basic,svd",
                                      "--write-folds", directory.path])
    let second = RecscopeRun(common + ["--algo", "knn-means", "--based",
                                       "item", "--sim", "pearson"])
    #expect(first.status == 0 && second.status == 0,
            "\(first.errors)\(second.errors)")

    for (n, fold) in expected.folds.enumerated() {
      let test = try Data(contentsOf: directory
        .appendingPathComponent("fold-\(n + 1)-test.csv"))
      #expect(Self.fnv1a64(test) == fold.test_fnv1a64,
              "\(fixture): fold \(n + 1) is not the fold Surprise scored")
    }
    let ours = try Self.rmse(first).merging(try Self.rmse(second)) { a, _ in a }
    for name in ["baseline", "knn-basic", "knn-means"] {
      let mine = try #require(ours[name])
      let theirs = try #require(expected.rmse[name])
      for (f, (a, b)) in zip(mine, theirs).enumerated() {
        #expect(abs(a - b) <= 1e-6,
                "\(fixture) \(name) fold \(f + 1): \(a) vs \(b)")
      }
    }
    let mine = try #require(ours["svd"])
    let theirs = try #require(expected.rmse["svd"])
    for (f, (a, b)) in zip(mine, theirs).enumerated() {
      let bound = max(0.005, 3 * expected.svd_seed_std[f])
      #expect(abs(a - b) <= bound,
              "\(fixture) svd fold \(f + 1): \(a) vs \(b), bound \(bound)")
    }
  }
}
