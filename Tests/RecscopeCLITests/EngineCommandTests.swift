import Foundation
import Testing
import TestSupport
@testable import RecscopeCLI

/// The engine commands run end to end on the bundled samples, as a
/// script would call them.
@Suite struct EngineCommandTests {
  let essay = Fixtures.sample("essay").path
  let teaching = Fixtures.sample("teaching").path

  func run(_ arguments: String..., input: String = "") -> (Int32, String, String) {
    let output = CapturedText(), errors = CapturedText()
    let data = Data(input.utf8)
    let status = Recscope.main(
      ["recscope"] + arguments,
      context: CommandContext(output: output, errorOutput: errors,
                              standardInput: { data }))
    return (status, output.text, errors.text)
  }

  func temporaryFile(_ text: String) throws -> String {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("recscope-\(UUID().uuidString).csv")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  @Test func similarityMatrixOfTheEssayExample() {
    let (status, out, _) = run("similarity", essay, "--users", "A,B,C")
    #expect(status == 0)
    let rows = out.split(separator: "\n").map { $0.split(separator: "\t",
                                                          omittingEmptySubsequences: false) }
    #expect(rows[0] == ["", "A", "B", "C"])
    #expect(Double(rows[1][2]) == 39 / (26.0 * 66).squareRoot())
    #expect(Double(rows[1][3]) == 23 / (26.0 * 38).squareRoot())
    #expect(Double(rows[2][3]) == 45 / (66.0 * 38).squareRoot())
  }

  @Test func predictPrintsTheFiveColumnsThenTheArithmetic() {
    let (status, out, _) = run("predict", teaching, "--user", "dev", "--item", "m01",
                               "--algo", "knn-means", "--explain")
    #expect(status == 0)
    let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "user\titem\testimate\timpossible\treason")
    #expect(lines[1] == "dev\tm01\t3.6875\t0\t")
    #expect(out.contains("value     r̂ = 4 − 0.625 / 2 = 3.6875"))
    #expect(out.contains("neighbours 7 nearest of 7 who rated the target (k = 40)"))
  }

  @Test func pairsFileGivesOneRowPerPairInOrder() throws {
    let pairs = try temporaryFile("user,item\nana,m03\nnobody,m01\ndev,m02\n")
    let (status, out, _) = run("predict", teaching, "--pairs", pairs)
    #expect(status == 0)
    let rows = out.split(separator: "\n").dropFirst().map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
    #expect(rows.map { $0[0] + "," + $0[1] } == ["ana,m03", "nobody,m01", "dev,m02"])
    #expect(rows[1][3] == "1" && rows[1][4] == "user and/or item is unknown")
    #expect(rows[0][3] == "0")
  }

  @Test func badPairsLineIsNamed() throws {
    let pairs = try temporaryFile("ana,m03\njust-one-field\n")
    let (status, out, errors) = run("predict", teaching, "--pairs", pairs)
    #expect(status == 1 && out.isEmpty)
    #expect(errors == "error: '\(pairs)' line 2: expected 'user,item', found "
            + "'just-one-field'\n")
  }

  @Test func unknownUserGetsASuggestion() {
    let (status, _, errors) = run("recommend", teaching, "--user", "anna")
    #expect(status == 1)
    #expect(errors == "error: there is no user 'anna' in the data; did you mean 'ana'?\n")
  }

  @Test func coldStartUserIsToldWhichFallback() {
    let (status, out, errors) = run("recommend", teaching, "--user", "dev",
                                    "--algo", "hybrid", "-n", "3")
    #expect(status == 0)
    #expect(errors == "note: 1 rating: content-based\n")
    #expect(out.split(separator: "\n").count == 4)
    #expect(out.contains("\tcontent\t0"))
  }

  @Test func recommendationJSONCarriesTheNote() throws {
    let (status, out, _) = run("recommend", teaching, "--user", "dev",
                               "--algo", "hybrid", "-n", "2", "--json")
    #expect(status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    #expect(object["note"] as? String == "1 rating: content-based")
    #expect((object["items"] as? [[String: Any]])?.count == 2)
  }

  @Test func explainedJSONListsNeighbours() throws {
    let (status, out, _) = run("predict", essay, "--user", "A", "--item", "3",
                               "--explain", "--json", "--algo", "knn-basic")
    #expect(status == 0)
    let list = try #require(
      try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
    let neighbours = try #require(list.first?["neighbours"] as? [[String: Any]])
    #expect(neighbours.map { $0["id"] as? String } == ["A", "B", "C"])
  }

  @Test func similarNeighboursComeWithTheirSupport() {
    let (status, out, _) = run("similar", teaching, "--user", "ana", "-n", "1",
                               "--sim", "pearson")
    #expect(status == 0)
    #expect(out.hasPrefix("rank\tid\tsimilarity\tco_rated\n1\tben\t"))
  }

  @Test func readsRatingsFromStandardInput() {
    let (status, out, _) = run("similarity", "-", "--users", "a,b",
                               input: "a,x,1\na,y,2\nb,x,2\nb,y,4\n")
    #expect(status == 0)
    #expect(out == "\ta\tb\na\t1\t1\nb\t1\t1\n")
  }

  @Test func malformedRatingNamesFileAndLine() throws {
    let file = try temporaryFile("user,item,rating\nana,m01,5\nben,m02,five\n")
    let (status, out, errors) = run("recommend", file, "--user", "ana")
    #expect(status == 1 && out.isEmpty)
    #expect(errors.hasPrefix("error: Line 3 of \"\(file)\": expected a finite "))
    #expect(errors.contains("found \"five\""))
  }

  @Test func conflictingOptionsAreAUsageError() {
    let (status, _, errors) = run("predict", teaching, "--user", "ana")
    #expect(status == 2)
    #expect(errors.hasPrefix("error: give either '--user' and '--item', or '--pairs' alone\n"))
  }
}

@Suite struct BundledSampleTests {
  @Test func bundledSampleIsTheTeachingSample() throws {
    let dir = Fixtures.sample("teaching")
    let ratings = try String(contentsOf: dir.appendingPathComponent("ratings.csv"),
                             encoding: .utf8)
    let items = try String(contentsOf: dir.appendingPathComponent("items.csv"),
                           encoding: .utf8)
    #expect(BundledSample.ratings == ratings)
    #expect(BundledSample.items == items)
    let (data, _) = try BundledSample.load()
    #expect(data.ratings.userCount == 12 && data.ratings.itemCount == 15)
  }
}
