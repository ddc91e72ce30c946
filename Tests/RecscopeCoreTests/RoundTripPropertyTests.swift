import Foundation
import Testing
@testable import RecscopeCore

/// Random datasets, with ids and titles full of separators, quotes, line
/// breaks and non-ASCII text, survive a save and a load in every format.
@Suite struct RoundTripPropertyTests {
  @Test(arguments: RatingsFormat.allCases)
  func randomDatasetsSurviveSaveAndLoad(format: RatingsFormat) throws {
    for seed in UInt64(1)...40 {
      var g = SeededGenerator(seed: seed)
      let original = Self.randomDataset(&g, format: format)
      let dir = Scratch()
      do {
        try DatasetWriter(format: format)
          .write(original, toDirectory: dir.path("data"))
        let (loaded, report) = try DatasetLoader().load(dir.path("data"))
        #expect(report.format == format, "seed \(seed)")
        #expect(report.repeats == 0 && report.skippedLines == 0,
                "seed \(seed)")
        #expect(DatasetByID(loaded) == DatasetByID(original),
                "seed \(seed), format \(format)")
      } catch {
        Issue.record("seed \(seed), format \(format): \(error)")
      }
    }
  }

  // MARK: Generators

  static func randomDataset(_ g: inout SeededGenerator,
                            format: RatingsFormat) -> Dataset {
    var m = RatingMatrix()
    let userCount = 1 + Int(g.next() % 12)
    let ratedCount = 1 + Int(g.next() % 15)
    var seen = Set<String>()
    for _ in 0..<userCount { m.addUser(uniqueID(&g, format, &seen)) }
    seen = []
    for _ in 0..<ratedCount { m.addItem(uniqueID(&g, format, &seen)) }

    // Every user needs a rating to appear in a ratings file at all.
    for u in m.users {
      m.set(u, ItemIndex(Int(g.next() % UInt64(ratedCount))),
            to: value(&g))
    }
    for _ in 0..<Int(g.next() % 60) {
      let u = UserIndex(Int(g.next() % UInt64(userCount)))
      let i = ItemIndex(Int(g.next() % UInt64(ratedCount)))
      m.set(u, i, to: value(&g))
    }
    // Items nobody rated exist through the items file alone.
    for _ in 0..<Int(g.next() % 4) {
      m.addItem(uniqueID(&g, format, &seen))
    }

    var names = Set<String>()
    while names.count < Int(g.next() % 5) {
      names.insert(text(&g, length: 1 + Int(g.next() % 6)))
    }
    var catalog = ItemCatalog(featureNames: names.sorted())
    for i in m.items {
      if g.next() % 3 != 0 {
        catalog.setTitle(text(&g, length: 1 + Int(g.next() % 12)), of: i)
      }
      catalog.setFeatures(
        (0..<catalog.featureCount).map { _ in feature(&g) }, of: i)
    }
    return Dataset(ratings: m, catalog: catalog, scale: RatingScale(0, 1))
  }

  /// Characters that stress every format's quoting and splitting.
  static let alphabet: [String] = [
    "a", "b", "Z", "7", "0", " ", ",", "\"", "é", "日", "\n", "\r\n", ":",
    "\t", "|", "-", ".", "'", "🎬",
  ]

  static func text(_ g: inout SeededGenerator, length: Int) -> String {
    (0..<length).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] }
      .joined()
  }

  /// A fresh id the format can hold: plain numbers, numbers with leading
  /// zeros (distinct from the plain ones), or arbitrary text.
  static func uniqueID(_ g: inout SeededGenerator, _ format: RatingsFormat,
                       _ seen: inout Set<String>) -> String {
    while true {
      let id: String
      switch g.next() % 4 {
      case 0: id = String(g.next() % 1000)
      case 1: id = String(repeating: "0", count: 1 + Int(g.next() % 2))
        + String(g.next() % 100)
      default: id = text(&g, length: 1 + Int(g.next() % 6))
      }
      if fits(id, format), seen.insert(id).inserted { return id }
    }
  }

  /// Whether a format can hold the id: quoting formats hold anything
  /// non-empty; the others no line breaks, padding or separators.
  static func fits(_ id: String, _ format: RatingsFormat) -> Bool {
    if id.isEmpty { return false }
    if format == .csv || format == .movieLensLatest { return true }
    let bytes = Array(id.utf8)
    let padding: Set<UInt8> = [0x20, 0x09]
    if padding.contains(bytes[0]) || padding.contains(bytes[bytes.count - 1])
      || bytes.contains(0x0A) || bytes.contains(0x0D) || bytes.contains(0x09)
    {
      return false
    }
    if format == .movieLens1M {
      return !id.contains("::") && bytes[bytes.count - 1] != 0x3A
    }
    return true
  }

  /// A rating: mostly half steps, sometimes awkward doubles.
  static func value(_ g: inout SeededGenerator) -> Double {
    switch g.next() % 6 {
    case 0: return (g.nextUnit() - 0.5) * 2e6
    case 1: return -0.0
    case 2: return g.nextUnit() * 1e-300
    case 3: return Double(g.next() % 100_000_000_000)
    default: return Double(1 + g.next() % 10) / 2
    }
  }

  /// A feature value of any finite magnitude.
  static func feature(_ g: inout SeededGenerator) -> Double {
    var bits = g.next()
    while !Double(bitPattern: bits).isFinite { bits = g.next() }
    return g.next() % 2 == 0 ? Double(bitPattern: bits)
      : Double(g.next() % 2)
  }
}
