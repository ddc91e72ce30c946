import Foundation
import Testing
@testable import RecscopeCore

/// Loading ratings files of every format, written by hand.
@Suite struct DatasetLoaderTests {
  /// Each user's ratings as (item id, value), users in index order.
  func table(_ dataset: Dataset) -> [String: [String]] {
    let m = dataset.ratings
    var out: [String: [String]] = [:]
    for u in m.users {
      out[m.id(of: u)] = m.byUser[u.int].map {
        "\(m.id(of: $0.item))=\($0.value)"
      }
    }
    return out
  }

  @Test func movieLens100K() throws {
    let dir = Scratch()
    let path = dir.write(
      "u.data",
      "196\t242\t3\t881250949\n186\t302\t3\t891717742\n"
        + "196\t377\t1\t878887116\n")
    let (data, report) = try DatasetLoader().load(path)
    #expect(report.format == .movieLens100K)
    #expect(!report.hadHeader)
    #expect(data.ratings.userIDs == ["196", "186"])
    #expect(data.ratings.itemIDs == ["242", "302", "377"])
    #expect(table(data) == ["196": ["242=3.0", "377=1.0"],
                            "186": ["302=3.0"]])
    #expect(report.ratingCount == 3 && report.userCount == 2)
    #expect(report.itemCount == 3 && report.itemsPath == nil)
    #expect(report.scaleInferred && data.scale == RatingScale(1, 3))
  }

  @Test func movieLens1M() throws {
    let dir = Scratch()
    let path = dir.write(
      "ratings.dat",
      "1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413\n")
    let (data, report) = try DatasetLoader().load(path)
    #expect(report.format == .movieLens1M)
    #expect(table(data) == ["1": ["1193=5.0", "661=3.0"], "2": ["1193=4.0"]])
  }

  @Test func movieLensLatest() throws {
    let dir = Scratch()
    let path = dir.write(
      "ratings.csv",
      "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n"
        + "1,3,4.5,964981247\n2,1,0.5,964982224\n")
    let (data, report) = try DatasetLoader().load(path)
    #expect(report.format == .movieLensLatest && report.hadHeader)
    #expect(table(data) == ["1": ["1=4.0", "3=4.5"], "2": ["1=0.5"]])
    #expect(data.scale == RatingScale(0, 5))
  }

  @Test func genericCSVWithAndWithoutHeader() throws {
    let dir = Scratch()
    let withHeader = dir.write("a.csv", "user,item,rating\nu,x,2\nv,x,3,77\n")
    let without = dir.write("b.csv", "u,x,2\nv,x,3,77\n")
    for path in [withHeader, without] {
      let (data, report) = try DatasetLoader().load(path)
      #expect(report.format == .csv)
      #expect(report.hadHeader == (path == withHeader))
      #expect(table(data) == ["u": ["x=2.0"], "v": ["x=3.0"]])
    }
  }

  @Test func genericTSV() throws {
    let dir = Scratch()
    let path = dir.write("r.tsv", "user\titem\trating\nu\tx y\t2\n")
    let (data, report) = try DatasetLoader().load(path)
    #expect(report.format == .tsv && report.hadHeader)
    #expect(table(data) == ["u": ["x y=2.0"]])
  }

  @Test func byteOrderMarkCRLFBlankLinesSpacesNoFinalNewline() throws {
    let dir = Scratch()
    let path = dir.write(
      "r.csv",
      "\u{FEFF}user, item ,rating\r\n\r\n a , x , 4 \r\n   \r\n\tb,y,3.5")
    let (data, report) = try DatasetLoader().load(path)
    #expect(report.hadHeader && report.skippedLines == 0)
    #expect(data.ratings.userIDs == ["a", "b"])
    #expect(table(data) == ["a": ["x=4.0"], "b": ["y=3.5"]])
  }

  @Test func idsKeepFirstAppearanceOrderAndLeadingZeros() throws {
    let (data, _) = try DatasetLoader().load(
      ratings: Data("7,2,3\n007,1,4\n7,1,5\n0,2,1\n".utf8), named: "mem")
    #expect(data.ratings.userIDs == ["7", "007", "0"])
    #expect(data.ratings.itemIDs == ["2", "1"])
    #expect(data.ratings.user("007") == UserIndex(1))
  }

  @Test func laterRepeatWinsAndIsCounted() throws {
    let (data, report) = try DatasetLoader().load(
      ratings: Data("a,x,1\na,y,2\nb,x,3\na,x,5\n".utf8), named: "mem")
    #expect(report.repeats == 1 && report.ratingCount == 3)
    #expect(table(data) == ["a": ["x=5.0", "y=2.0"], "b": ["x=3.0"]])
    #expect(data.ratings.globalMean == 10.0 / 3)
  }

  @Test func quotedCSVFields() throws {
    let text = "user,item,rating\n\"a,b\",x,4\n\"say \"\"hi\"\"\", \" y \" ,3\n"
      + "\"two\nlines\",z,2\nc,w,1\n"
    let (data, report) = try DatasetLoader().load(
      ratings: Data(text.utf8), named: "mem")
    #expect(report.format == .csv)
    #expect(data.ratings.userIDs == ["a,b", "say \"hi\"", "two\nlines", "c"])
    #expect(data.ratings.itemIDs == ["x", " y ", "z", "w"])
  }

  @Test func givenScaleIsKept() throws {
    let loader = DatasetLoader(scale: RatingScale(0, 10))
    let (data, report) = try loader.load(
      ratings: Data("a,x,1\n".utf8), named: "mem")
    #expect(data.scale == RatingScale(0, 10) && !report.scaleInferred)
  }

  @Test func formatCanBeForced() throws {
    let text = Data("1\t2\t3\t4\n".utf8)
    let (_, detected) = try DatasetLoader().load(ratings: text, named: "m")
    #expect(detected.format == .movieLens100K)
    let (_, forced) = try DatasetLoader(format: .tsv).load(
      ratings: text, named: "m")
    #expect(forced.format == .tsv)
  }

  @Test func skipBadCountsLinesAndKeepsFirstErrors() throws {
    let text = "a,x,1\nb,y\nc,z,oops\nd,w,4\n"
    let (data, report) = try DatasetLoader(skipBad: true).load(
      ratings: Data(text.utf8), named: "mem")
    #expect(report.skippedLines == 2)
    #expect(report.firstErrors.map(\.line) == [2, 3])
    #expect(data.ratings.userIDs == ["a", "d"])
    #expect(data.ratings.itemIDs == ["x", "w"])
  }

  @Test func skipBadKeepsOnlyTheFirstFewErrors() throws {
    let bad = (0..<12).map { "u\($0),i,bad\($0)\n" }.joined()
    let (_, report) = try DatasetLoader(skipBad: true, errorLimit: 5).load(
      ratings: Data(("a,x,1\n" + bad).utf8), named: "mem")
    #expect(report.skippedLines == 12)
    #expect(report.firstErrors.map(\.line) == [2, 3, 4, 5, 6])
  }

  @Test func everyLineBadIsStillAnError() throws {
    let error = #expect(throws: DataError.self) {
      try DatasetLoader(skipBad: true).load(
        ratings: Data("a,x,1,2,3\nb,y\nc,z,bad\n".utf8), named: "mem")
    }
    #expect(error?.problem == .noRatings(skippedLines: 3))
  }

  @Test func directoryPrefersMovieLensNames() throws {
    let dir = Scratch()
    dir.write("ml/ratings.csv", "u,i,1\n")
    dir.write("ml/u.data", "1\t2\t3\t4\n")
    let (_, report) = try DatasetLoader().load(dir.path("ml"))
    #expect(report.ratingsPath == dir.path("ml/u.data"))
    #expect(report.format == .movieLens100K)
  }

  @Test func directoryWithOurLayout() throws {
    let dir = Scratch()
    dir.write("ours/ratings.csv", "user,item,rating\nu,a,1\n")
    dir.write("ours/items.csv", "item,title,f\na,Alpha,0.5\nb,Beta,1\n")
    let (data, report) = try DatasetLoader().load(dir.path("ours") + "/")
    #expect(report.itemsPath == dir.path("ours/items.csv"))
    #expect(report.itemsFormat == .features)
    #expect(data.ratings.itemIDs == ["a", "b"])
    #expect(report.unratedItemCount == 1)
    #expect(data.catalog.features(of: ItemIndex(0)) == [0.5])
  }

  @Test func tsvDirectoryLayout() throws {
    let dir = Scratch()
    dir.write("t/ratings.tsv", "u\ti\t2\n")
    let (_, report) = try DatasetLoader().load(dir.path("t"))
    #expect(report.format == .tsv)
    #expect(report.ratingsPath == dir.path("t/ratings.tsv"))
  }

  /// Runs `body` with standard input reading `text`; no other test reads
  /// standard input, so redirecting it briefly is safe.
  func withStandardInput<R>(_ text: String,
                            _ body: () throws -> R) throws -> R {
    let dir = Scratch()
    let path = dir.write("stdin.txt", text)
    let saved = dup(STDIN_FILENO)
    let file = open(path, O_RDONLY)
    dup2(file, STDIN_FILENO)
    close(file)
    defer {
      dup2(saved, STDIN_FILENO)
      close(saved)
    }
    return try body()
  }

  @Test func dashReadsStandardInput() throws {
    let (data, report) = try withStandardInput("u\ti\t4\n") {
      try DatasetLoader().load("-")
    }
    #expect(report.ratingsPath == "-" && report.itemsPath == nil)
    #expect(report.format == .tsv && data.ratings.userIDs == ["u"])

    let error = try withStandardInput("u,i,4\nv,j,x\n") {
      #expect(throws: DataError.self) { try DatasetLoader().load("-") }
    }
    #expect(error?.description.hasPrefix("Line 2 of standard input:") == true)
  }
}
