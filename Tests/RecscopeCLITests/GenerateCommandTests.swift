import Foundation
import Testing
@testable import RecscopeCLI

@Suite struct GenerateCommandTests {
  /// A fresh directory under the system's temporary one.
  func scratch() -> URL {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("recscope-generate-\(UUID().uuidString)")
  }

  func generate(_ options: [String], into directory: URL)
    -> (status: Int32, output: String, errors: String)
  {
    let output = CapturedText(), errors = CapturedText()
    let context = CommandContext(output: output, errorOutput: errors)
    let status = Recscope.main(
      ["recscope", "generate"] + options + ["--out", directory.path],
      context: context)
    return (status, output.text, errors.text)
  }

  func read(_ directory: URL, _ name: String) throws -> String {
    try String(contentsOf: directory.appendingPathComponent(name),
               encoding: .utf8)
  }

  @Test func writesBothFilesAndSaysSo() throws {
    let directory = scratch().appendingPathComponent("nested/data")
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = generate(["--users", "30", "--items", "40", "--ratings", "500",
                        "--features", "4"], into: directory)
    #expect(run.status == 0 && run.errors == "")
    #expect(run.output == "wrote 500 ratings by 30 users of 40 items with 4 "
              + "features to '\(directory.path)'\n")

    let ratings = try read(directory, "ratings.csv")
      .split(separator: "\n", omittingEmptySubsequences: false)
    #expect(ratings.first == "user,item,rating")
    #expect(ratings.count == 502 && ratings.last == "")
    let rows = ratings.dropFirst().dropLast().map { $0.split(separator: ",") }
    #expect(rows.allSatisfy { $0.count == 3 })
    #expect(Set(rows.map { String($0[2]) }).isSubset(of: ["1", "2", "3", "4",
                                                          "5"]))
    let users = rows.map { Int($0[0].dropFirst()) ?? 0 }
    #expect(users == users.sorted() && Set(users) == Set(1...30))
    #expect(Set(rows.map { "\($0[0]),\($0[1])" }).count == 500)

    let items = try read(directory, "items.csv").split(separator: "\n")
    #expect(items.first == "item,title,f1,f2,f3,f4")
    #expect(items.count == 41)
    let fields = items[1].split(separator: ",")
    #expect(fields.count == 6 && fields[1] == "Item \(fields[0].dropFirst())")

    let names = try FileManager.default
      .contentsOfDirectory(atPath: directory.path)
    #expect(names.sorted() == ["items.csv", "ratings.csv"])
  }

  @Test func timestampsAddAColumnAndLeaveTheRatings() throws {
    let plain = scratch(), timed = scratch()
    defer {
      try? FileManager.default.removeItem(at: plain)
      try? FileManager.default.removeItem(at: timed)
    }
    let options = ["--users", "20", "--items", "15", "--ratings", "120"]
    #expect(generate(options, into: plain).status == 0)
    #expect(generate(options + ["--timestamps"], into: timed).status == 0)
    let lines = try read(timed, "ratings.csv").split(separator: "\n")
    #expect(lines.first == "user,item,rating,timestamp")
    let rows = lines.dropFirst().map { $0.split(separator: ",") }
    #expect(rows.count == 120 && rows.allSatisfy {
      $0.count == 4 && Int64($0[3]) != nil
    })
    let withoutTimes = rows.map { $0.prefix(3).joined(separator: ",") }
    let expected = try read(plain, "ratings.csv").split(separator: "\n")
      .dropFirst().map(String.init)
    #expect(withoutTimes == expected)
  }

  @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
    let a = scratch(), b = scratch(), c = scratch()
    defer { for d in [a, b, c] { try? FileManager.default.removeItem(at: d) } }
    let options = ["--users", "20", "--items", "25", "--ratings", "200"]
    #expect(generate(options + ["--seed", "9"], into: a).status == 0)
    #expect(generate(options + ["--seed", "9"], into: b).status == 0)
    #expect(generate(options + ["--seed", "10"], into: c).status == 0)
    #expect(try read(a, "ratings.csv") == read(b, "ratings.csv"))
    #expect(try read(a, "items.csv") == read(b, "items.csv"))
    #expect(try read(a, "ratings.csv") != read(c, "ratings.csv"))
  }

  @Test func halfStepScaleWritesShortNumbers() throws {
    let directory = scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = generate(["--users", "20", "--items", "20", "--ratings", "300",
                        "--scale", "0.5:5", "--features", "0"],
                       into: directory)
    #expect(run.status == 0)
    let values = try read(directory, "ratings.csv").split(separator: "\n")
      .dropFirst().map { $0.split(separator: ",")[2] }
    let allowed = Set(stride(from: 0.5, through: 5, by: 0.5)
      .map(NumberFormat.shortest))
    #expect(Set(values.map(String.init)).isSubset(of: allowed))
    #expect(values.contains("3.5") && values.contains("4"))
    #expect(try read(directory, "items.csv").hasPrefix("item,title\n"))
  }

  @Test func replacesFilesAlreadyThere() throws {
    let directory = scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(generate(["--users", "5", "--items", "5", "--ratings", "20"],
                     into: directory).status == 0)
    #expect(generate(["--users", "2", "--items", "3", "--ratings", "4"],
                     into: directory).status == 0)
    #expect(try read(directory, "ratings.csv").split(separator: "\n").count
              == 5)
  }

  @Test func impossibleCountsAreUsageErrors() {
    let directory = scratch()
    let tooMany = generate(["--users", "3", "--items", "4", "--ratings", "13"],
                           into: directory)
    #expect(tooMany.status == 2)
    #expect(tooMany.errors == "error: '--ratings' must be at most 12, one "
              + "per user and item (3 × 4), got '13'\n"
              + "see 'recscope generate --help'\n")
    let tooFew = generate(["--users", "3", "--items", "4", "--ratings", "2"],
                          into: directory)
    #expect(tooFew.errors.hasPrefix(
      "error: '--ratings' must be at least 3, one per user, got '2'\n"))
    let step = generate(["--users", "3", "--items", "4", "--ratings", "3",
                         "--step", "5"], into: directory)
    #expect(step.errors.hasPrefix("error: '--step' must be above 0 and at "
                                    + "most 4, the width of the scale 1:5, "
                                    + "got '5'\n"))
    let fine = generate(["--users", "3", "--items", "4", "--ratings", "3",
                         "--step", "0.00001"], into: directory)
    #expect(fine.errors.hasPrefix("error: '--step' must be at least "
                                    + "6.103608758678569e-05 so that the "
                                    + "scale has at most 65536 levels, got "
                                    + "'1e-05'\n"))
    #expect(!FileManager.default.fileExists(atPath: directory.path))
  }

  @Test func aFileInTheWayIsARuntimeError() throws {
    let file = scratch()
    try Data("x".utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let run = generate(["--users", "2", "--items", "2", "--ratings", "2"],
                       into: file)
    #expect(run.status == 1)
    #expect(run.errors == "error: \"\(file.path)\" could not be written: the "
              + "directory cannot be created.\n")
  }

  @Test func outIsRequired() {
    let output = CapturedText(), errors = CapturedText()
    let status = Recscope.main(
      ["recscope", "generate", "--users", "2", "--items", "2", "--ratings",
       "2"],
      context: CommandContext(output: output, errorOutput: errors))
    #expect(status == 2)
    #expect(errors.text == "error: missing required option '--out <dir>'\n"
              + "see 'recscope generate --help'\n")
  }
}
