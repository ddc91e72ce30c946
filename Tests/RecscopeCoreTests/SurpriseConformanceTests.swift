import Foundation
import Testing
import TestSupport
@testable import RecscopeCore

/// Similarities, baselines and k-NN predictions against values computed by
/// Surprise 1.1.5 (`Tools/conformance/make_expected.py`), compared with
/// `==`: the engine repeats Surprise's arithmetic in Surprise's order.
@Suite struct SurpriseConformanceTests {
  static let files = ["essay", "teaching", "generated"]

  struct Fixture: Decodable {
    var dataset: String
    var scale: [Double]
    var users: [String]
    var items: [String]
    var global_mean: Double
    var baselines: BaselineValues
    var similarities: [SimilarityCase]
    var predictions: [PredictionCase]
  }

  struct BaselineValues: Decodable {
    var bu: [Double]
    var bi: [Double]
  }

  struct SimilarityCase: Decodable {
    var name: String
    var user_based: Bool
    var min_support: Int
    var shrinkage: Double?
    var matrix: [[Double]]
  }

  struct PredictionCase: Decodable {
    var algo: String
    var sim: String?
    var user_based: Bool?
    var k: Int?
    var min_k: Int?
    var min_support: Int?
    var shrinkage: Double?
    var rows: [Row]
  }

  struct Row: Decodable {
    var user: String
    var item: String
    var estimate: Double
    var impossible: Bool
    var reason: String

    init(from decoder: Decoder) throws {
      var c = try decoder.unkeyedContainer()
      user = try c.decode(String.self)
      item = try c.decode(String.self)
      estimate = try c.decode(Double.self)
      impossible = try c.decode(Bool.self)
      reason = try c.decode(String.self)
    }
  }

  func load(_ name: String) throws -> (Fixture, Dataset) {
    let url = Fixtures.packageRoot
      .appendingPathComponent("Tests/RecscopeCoreTests/Fixtures/\(name).json")
    let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    let path = Fixtures.packageRoot.appendingPathComponent(fixture.dataset).path
    let loader = DatasetLoader(scale: RatingScale(fixture.scale[0], fixture.scale[1]))
    return (fixture, try loader.load(path).dataset)
  }

  static func measure(_ name: String) -> SimilarityMeasure {
    name == "pearson_baseline" ? .pearsonBaseline : SimilarityMeasure(rawValue: name)!
  }

  static func algorithm(_ name: String) -> Algorithm {
    switch name {
    case "KNNBasic": return .knnBasic
    case "KNNWithMeans": return .knnMeans
    case "KNNWithZScore": return .knnZScore
    case "KNNBaseline": return .knnBaseline
    default: return .baseline
    }
  }

  /// Surprise's reason strings against ours.
  static let reasons = [
    "User and/or item is unknown.": "user and/or item is unknown",
    "Not enough neighbors.": "not enough neighbours",
  ]

  @Test(arguments: files)
  func idsMeanAndBaselines(file: String) throws {
    let (f, data) = try load(file)
    #expect(Array(data.ratings.userIDs.prefix(f.users.count)) == f.users)
    #expect(Array(data.ratings.itemIDs.prefix(f.items.count)) == f.items)
    let e = try Engine(dataset: data)
    #expect(e.globalMean == f.global_mean)
    let b = e.baselines
    #expect(Array(b.user.prefix(f.users.count)) == f.baselines.bu)
    #expect(Array(b.item.prefix(f.items.count)) == f.baselines.bi)
  }

  @Test(arguments: files)
  func similarityMatrices(file: String) throws {
    let (f, data) = try load(file)
    for c in f.similarities {
      var s = EngineSettings()
      s.similarity = Self.measure(c.name)
      s.basis = c.user_based ? .user : .item
      s.minSupport = c.min_support
      s.shrinkage = c.shrinkage ?? 100
      let e = try Engine(dataset: data, settings: s)
      var mismatches = 0
      for (a, row) in c.matrix.enumerated() {
        for (b, expected) in row.enumerated() where e.similarity(a, b) != expected {
          mismatches += 1
        }
      }
      let label = "\(file): \(c.name) \(s.basis)-based, min_support \(c.min_support)"
      #expect(mismatches == 0, "\(label): \(mismatches) entries differ")
    }
  }

  @Test(arguments: files)
  func predictions(file: String) throws {
    let (f, data) = try load(file)
    var checked = 0
    for c in f.predictions {
      var s = EngineSettings()
      s.algorithm = Self.algorithm(c.algo)
      if let sim = c.sim { s.similarity = Self.measure(sim) }
      if let userBased = c.user_based { s.basis = userBased ? .user : .item }
      s.k = c.k ?? 40
      s.minK = c.min_k ?? 1
      s.minSupport = c.min_support ?? 1
      s.shrinkage = c.shrinkage ?? 100
      let e = try Engine(dataset: data, settings: s)
      var wrong: [String] = []
      for row in c.rows {
        let p = e.predict(e.ratings.user(row.user), e.ratings.item(row.item),
                          explain: checked % 20 == 0)
        let reason = Self.reasons[row.reason] ?? row.reason
        if p.estimate != row.estimate || p.wasImpossible != row.impossible
          || (p.wasImpossible && p.reason != reason) {
          wrong.append("(\(row.user), \(row.item)): \(p.estimate) vs \(row.estimate)")
        }
        checked += 1
      }
      let label = "\(file): \(c.algo) \(c.sim ?? "") \(s.basis)-based k=\(s.k) "
        + "min_k=\(s.minK) min_support=\(s.minSupport)"
      #expect(wrong.isEmpty,
              "\(label): \(wrong.count) of \(c.rows.count) differ: \(wrong.prefix(3))")
    }
    #expect(checked > 1000)
  }

  /// Top-N sums neighbours in the order it finds them, not Surprise's, so
  /// its scores agree to rounding rather than to the bit.
  @Test func topNScoresAgreeToRounding() throws {
    let (f, data) = try load("generated")
    for c in f.predictions where c.algo != "BaselineOnly" {
      var s = EngineSettings()
      s.algorithm = Self.algorithm(c.algo)
      s.similarity = Self.measure(c.sim!)
      s.basis = c.user_based! ? .user : .item
      s.k = c.k!
      s.minK = c.min_k!
      s.minSupport = c.min_support!
      let e = try Engine(dataset: data, settings: s)
      var lists: [String: [String: Double]] = [:]
      for row in c.rows {
        guard let u = e.ratings.user(row.user), let i = e.ratings.item(row.item),
              e.ratings.rating(u, i) == nil else { continue }
        if lists[row.user] == nil {
          let top = e.recommend(for: u, count: e.ratings.itemCount)
          lists[row.user] = Dictionary(uniqueKeysWithValues: top.items.map {
            (e.ratings.id(of: $0.item), $0.score) })
        }
        let score = try #require(lists[row.user]?[row.item])
        #expect(abs(score - row.estimate) < 1e-12,
                "\(c.algo) \(c.sim!) (\(row.user), \(row.item))")
      }
    }
  }
}
