import Foundation
import Testing
@testable import RecscopeCore

/// Bad input: each case throws a ``DataError`` whose one-sentence message
/// names the file, the line and the offending text.
@Suite struct DataErrorTests {
  /// The error loading `text` as file `name` throws, if any.
  func failure(_ name: String, _ text: String,
               _ loader: DatasetLoader = DatasetLoader()) -> DataError? {
    failure(name, bytes: Array(text.utf8), loader)
  }

  func failure(_ name: String, bytes: [UInt8],
               _ loader: DatasetLoader = DatasetLoader()) -> DataError? {
    let dir = Scratch()
    let path = dir.write(name, bytes: bytes)
    do {
      _ = try loader.load(path)
      return nil
    } catch {
      #expect(error.file == path)
      #expect(error.description.contains("\"\(path)\""))
      return error
    }
  }

  /// One sentence: a single full stop, at the end.
  func isOneSentence(_ message: String) -> Bool {
    message.hasSuffix(".") && !message.dropLast().contains(". ")
  }

  func expectLine(_ error: DataError?, _ line: Int, found: String,
                  sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(error?.line == line, sourceLocation: sourceLocation)
    let message = error?.description ?? ""
    #expect(message.contains("Line \(line) of "),
            sourceLocation: sourceLocation)
    #expect(message.contains("found \"\(found)\""),
            "\(message)", sourceLocation: sourceLocation)
    #expect(isOneSentence(message), "\(message)",
            sourceLocation: sourceLocation)
  }

  @Test func wrongFieldCount() {
    let error = failure("r.csv", "a,b,4\nc,d\n")
    expectLine(error, 2, found: "c,d")
    #expect(error?.description.contains("3 or 4 comma-separated") == true)
  }

  @Test func emptyField() {
    let error = failure("r.csv", "a,b,4\n\nc, ,4\n")
    expectLine(error, 3, found: "c, ,4")
    #expect(error?.description.contains("an item id in field 2") == true)
  }

  @Test func nonNumericRating() {
    let error = failure("r.csv", "a,b,4\nc,d,good\n")
    expectLine(error, 2, found: "good")
    #expect(error?.problem == .badRating(found: "good"))
  }

  @Test func nonFiniteOrHugeRating() {
    expectLine(failure("r.csv", "a,b,4\nc,d,nan\n"), 2, found: "nan")
    expectLine(failure("r.csv", "a,b,inf\n"), 1, found: "inf")
    expectLine(failure("r.csv", "a,b,4\nc,d,1e12\n"), 2, found: "1e12")
    expectLine(failure("r.csv", "a,b,4\nc,d,-2e300\n"), 2, found: "-2e300")
  }

  @Test func ratingOutsideGivenScale() {
    let error = failure("r.csv", "a,b,4\nc,d,5.5\n",
                        DatasetLoader(scale: RatingScale(1, 5)))
    expectLine(error, 2, found: "5.5")
    #expect(error?.description.contains("scale 1:5") == true)
  }

  @Test func movieLensFormatsHaveNoHeader() {
    let error = failure("u.data", "user\titem\trating\tts\n",
                        DatasetLoader(format: .movieLens100K))
    expectLine(error, 1, found: "rating")
  }

  @Test func emptyFileAndHeaderOnly() {
    for text in ["", "\n\r\n", "user,item,rating\n"] {
      let error = failure("r.csv", text)
      #expect(error?.problem == .noRatings(skippedLines: 0))
      #expect(error?.description.contains("holds no ratings") == true)
      #expect(isOneSentence(error?.description ?? ""))
    }
  }

  @Test func missingFile() {
    let dir = Scratch()
    let path = dir.path("nope.csv")
    let error = #expect(throws: DataError.self) {
      try DatasetLoader().load(path)
    }
    #expect(error?.file == path && error?.line == nil)
    #expect(error?.description.contains("\"\(path)\" does not exist") == true)
  }

  @Test func missingItemsFile() {
    let dir = Scratch()
    let ratings = dir.write("r.csv", "a,b,1\n")
    let error = #expect(throws: DataError.self) {
      try DatasetLoader(itemsPath: dir.path("gone.csv")).load(ratings)
    }
    #expect(error?.file == dir.path("gone.csv"))
    #expect(error?.description.contains("an items file") == true)
  }

  @Test func directoryWithoutRatings() {
    let dir = Scratch()
    dir.write("empty/readme.txt", "nothing")
    let error = #expect(throws: DataError.self) {
      try DatasetLoader().load(dir.path("empty"))
    }
    #expect(error?.description.contains("holds no ratings file") == true)
    #expect(error?.description.contains("u.data, ratings.dat") == true)
  }

  @Test func invalidUTF8NamesTheLine() {
    let bytes = Array("a,b,4\n".utf8) + [0x63, 0xFF, 0x2C, 0x64, 0x2C, 0x33]
    let error = failure("r.csv", bytes: bytes)
    expectLine(error, 2, found: "c\u{FFFD},d,3")
    #expect(error?.description.contains("UTF-8") == true)
  }

  @Test func unknownSeparator() {
    expectLine(failure("r.txt", "\n a;b;4\n"), 2, found: " a;b;4")
  }

  @Test func unterminatedQuote() {
    let error = failure("r.csv", "a,b,4\n\"c,d,4\ne,f,5\n")
    expectLine(error, 2, found: "\"c,d,4")
    #expect(error?.description.contains("closing double quote") == true)
  }

  @Test func foundTextIsShortenedAndControlCharactersEscaped() {
    let long = String(repeating: "9x", count: 100)
    let error = failure("r.csv", "a,b,4\nc,d,\(long)\n")
    let shown = String(long.prefix(60)) + "…"
    expectLine(error, 2, found: shown)

    let control = failure("r.csv", "a,b,4\nc,d,4\u{1}\n")
    expectLine(control, 2, found: "4\\u{1}")
    let tabbed = failure("r.csv", "a,b,4\nc,d,4\t5\n")
    expectLine(tabbed, 2, found: "4\\t5")
  }

  @Test func malformedItemsLine() {
    let dir = Scratch()
    let ratings = dir.write("ratings.csv", "1,1,4\n")
    let items = dir.write(
      "movies.csv", "movieId,title,genres\n1,\"A, The\",Drama\n2,B\n")
    let error = #expect(throws: DataError.self) {
      try DatasetLoader().load(ratings)
    }
    #expect(error?.file == items && error?.line == 3)
    #expect(error?.description.contains("found \"2,B\"") == true)
    #expect(error?.description.contains("movieId,title,genres") == true)
  }

  @Test func nonNumericFeature() {
    let dir = Scratch()
    let ratings = dir.write("ratings.csv", "u,m1,4\n")
    let items = dir.write("items.csv", "item,title,f1,f2\nm1,One,1,abc\n")
    let error = #expect(throws: DataError.self) {
      try DatasetLoader().load(ratings)
    }
    #expect(error?.file == items && error?.line == 2)
    #expect(error?.description.contains("feature \"f2\", found \"abc\"")
            == true)
  }

  @Test func invalidUTF8InItemsCSV() {
    let dir = Scratch()
    let ratings = dir.write("ratings.csv", "u,m1,4\n")
    dir.write("items.csv",
              bytes: Array("item,title\nm1,".utf8) + [0xC3, 0x28, 0x0A])
    let error = #expect(throws: DataError.self) {
      try DatasetLoader().load(ratings)
    }
    #expect(error?.line == 2)
    #expect(error?.problem == .invalidUTF8(found: "m1,\u{FFFD}("))
  }

  @Test func uItemWithTooFewFields() {
    let dir = Scratch()
    let ratings = dir.write("u.data", "1\t1\t4\t0\n")
    dir.write("u.item", "1|Toy Story (1995)|01-Jan-1995||url|0|1\n")
    let error = #expect(throws: DataError.self) {
      try DatasetLoader().load(ratings)
    }
    #expect(error?.line == 1)
    #expect(error?.description.contains("24 fields separated by") == true)
  }

  @Test func skipBadAppliesToItemLines() throws {
    let dir = Scratch()
    let ratings = dir.write("ratings.csv", "u,m1,4\n")
    dir.write("items.csv", "item,title,f\nm1,One,x\nm2,Two,1\n")
    let (data, report) = try DatasetLoader(skipBad: true).load(ratings)
    #expect(report.skippedLines == 1 && report.firstErrors.first?.line == 2)
    #expect(data.ratings.itemIDs == ["m1", "m2"])
  }

  @Test func badFeatureHeader() {
    let dir = Scratch()
    let ratings = dir.write("ratings.csv", "u,m1,4\n")
    dir.write("items.csv", "item,f,f\nm1,1,2\n")
    let error = #expect(throws: DataError.self) {
      try DatasetLoader(skipBad: true).load(ratings)
    }
    #expect(error?.line == 1)
    #expect(error?.description.contains("distinct column names") == true)
  }
}
