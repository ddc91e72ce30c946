import Foundation
import Testing
@testable import RecscopeCore

/// Saving ratings and items, and reading them back.
@Suite struct DatasetWriterTests {
  /// A small dataset with a repeat-free history, an unrated item, titles
  /// that need quoting and a feature name that needs quoting.
  func sample() -> Dataset {
    var m = RatingMatrix()
    let ann = m.addUser("ann"), bob = m.addUser("bob")
    let x = m.addItem("x"), y = m.addItem("y"), z = m.addItem("z")
    m.set(ann, y, to: 3.5)
    m.set(ann, x, to: 4)
    m.set(bob, x, to: 0.1)
    var catalog = ItemCatalog(featureNames: ["drama", "wit, dry"])
    catalog.setTitle("Why, \"Not\"", of: y)
    catalog.setTitle(" padded ", of: z)
    catalog.setFeatures([1, 0.25], of: x)
    catalog.setFeatures([0, -2e-7], of: z)
    return Dataset(ratings: m, catalog: catalog, scale: RatingScale(0, 5))
  }

  func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

  @Test func csvRatingsText() throws {
    let data = try DatasetWriter().ratingsData(sample().ratings)
    #expect(text(data) == "user,item,rating\nann,y,3.5\nann,x,4\nbob,x,0.1\n")
  }

  @Test func movieLensRatingsText() throws {
    let m = sample().ratings
    #expect(text(try DatasetWriter(format: .movieLens100K).ratingsData(m))
            == "ann\ty\t3.5\t0\nann\tx\t4\t0\nbob\tx\t0.1\t0\n")
    #expect(text(try DatasetWriter(format: .movieLens1M).ratingsData(m))
            .hasPrefix("ann::y::3.5::0\n"))
    #expect(text(try DatasetWriter(format: .movieLensLatest).ratingsData(m))
            .hasPrefix("userId,movieId,rating,timestamp\nann,y,3.5,0\n"))
    #expect(text(try DatasetWriter(format: .tsv).ratingsData(m))
            .hasPrefix("user\titem\trating\nann\ty\t3.5\n"))
  }

  @Test func itemsTextQuotesWhereNeeded() throws {
    let data = try DatasetWriter().itemsData(sample())
    let expected = "item,title,drama,\"wit, dry\"\n" + "x,,1,0.25\n"
      + "y,\"Why, \"\"Not\"\"\",0,0\n" + "z,\" padded \",0,-2e-07\n"
    #expect(text(data) == expected)
  }

  @Test func numbersTakeTheirShortestForm() throws {
    var m = RatingMatrix()
    let u = m.addUser("u")
    let values = [4, 3.5, -1.25, 0.1, -0.0, 1e-300, 123456789.125, 1e11 + 0.5]
    for (k, v) in values.enumerated() {
      m.appendUnchecked(u, m.addItem("i\(k)"), v)
    }
    let lines = text(try DatasetWriter().ratingsData(m))
      .split(separator: "\n").dropFirst().map {
        String($0.split(separator: ",")[2])
      }
    #expect(lines == ["4", "3.5", "-1.25", "0.1", "-0", "1e-300",
                      "123456789.125", "100000000000.5"])
  }

  @Test func roundTripThroughEveryFormat() throws {
    let original = sample()
    for format in RatingsFormat.allCases {
      let dir = Scratch()
      let written = try DatasetWriter(format: format)
        .write(original, toDirectory: dir.path("out"))
      #expect(written.ratingsPath == dir.path("out/\(format.fileName)"))
      let (loaded, report) = try DatasetLoader().load(dir.path("out"))
      #expect(report.format == format)
      #expect(report.itemsPath == dir.path("out/items.csv"))
      #expect(DatasetByID(loaded) == DatasetByID(original), "\(format)")
      // Rated items now come in order of first appearance in the file.
      #expect(loaded.ratings.itemIDs == ["y", "x", "z"])
    }
  }

  @Test func aSecondRoundTripKeepsEveryIndex() throws {
    let dir = Scratch()
    let writer = DatasetWriter(format: .tsv)
    try writer.write(sample(), toDirectory: dir.path("once"))
    let (once, _) = try DatasetLoader().load(dir.path("once"))
    try writer.write(once, toDirectory: dir.path("twice"))
    let (twice, _) = try DatasetLoader().load(dir.path("twice"))
    #expect(twice.ratings.itemIDs == once.ratings.itemIDs)
    #expect(twice.ratings.byUser == once.ratings.byUser)
    #expect(twice.ratings.byItem == once.ratings.byItem)
    #expect(twice.catalog == once.catalog)
  }

  @Test func defaultFormatFollowsTheLoad() throws {
    #expect(DatasetWriter().format == .csv)
    #expect(DatasetWriter(matching: nil).format == .csv)
    let (_, report) = try DatasetLoader().load(
      ratings: Data("1::2::3::4\n".utf8), named: "m")
    #expect(DatasetWriter(matching: report).format == .movieLens1M)
  }

  @Test func idsAFormatCannotHoldAreRefused() {
    func refusal(_ format: RatingsFormat, user: String) -> DataError? {
      var m = RatingMatrix()
      m.set(m.addUser(user), m.addItem("i"), to: 1)
      do {
        _ = try DatasetWriter(format: format).ratingsData(m)
        return nil
      } catch {
        return error
      }
    }
    #expect(refusal(.tsv, user: "a\tb")?.description
            .contains("found \"a\\tb\"") == true)
    #expect(refusal(.movieLens100K, user: " a") != nil)
    #expect(refusal(.movieLens1M, user: "a::b") != nil)
    #expect(refusal(.movieLens1M, user: "a:") != nil)
    #expect(refusal(.movieLens1M, user: "a:b") == nil)
    #expect(refusal(.tsv, user: "line\r\nbreak") != nil)
    #expect(refusal(.csv, user: "") != nil)
    #expect(refusal(.csv, user: "a\tb, \"c\"\n") == nil)
  }

  @Test func writesReplaceAtomicallyAndLeaveNoTemporaryFiles() throws {
    let dir = Scratch()
    let path = dir.write("ratings.csv", "old contents\n")
    try DatasetWriter().writeRatings(sample().ratings, to: path)
    try DatasetWriter().writeItems(sample(), to: dir.path("items.csv"))
    #expect(dir.contents() == ["items.csv", "ratings.csv"])
    let (loaded, _) = try DatasetLoader().load(path)
    #expect(loaded.ratings.count == 3)
  }

  @Test func failedWriteNamesThePath() {
    let dir = Scratch()
    let path = dir.path("no/such/dir/ratings.csv")
    let error = #expect(throws: DataError.self) {
      try DatasetWriter().writeRatings(sample().ratings, to: path)
    }
    #expect(error?.file == path)
    #expect(error?.description.contains("could not be written") == true)
    #expect(dir.contents().isEmpty)
  }
}
