import Foundation
import Testing
@testable import RecscopeCore

/// Pretrained item vectors from CSV and from Spark's JSON lines.
@Suite struct VectorLoadingTests {
  func parse(_ text: String) throws(DataError) -> PretrainedItemVectors {
    try PretrainedItemVectors.parse(Data(text.utf8), named: "v.csv")
  }

  func message(_ text: String) -> String? {
    do {
      _ = try parse(text)
      return nil
    } catch {
      return error.description
    }
  }

  @Test func csvWithAndWithoutHeader() throws {
    let plain = try parse("m1,0.5,-1\nm2, 2 ,0\n\n")
    #expect(plain.vectors == ["m1": [0.5, -1], "m2": [2, 0]])
    let headed = try parse("\u{FEFF}item,f1,f2\r\nm1,0.5,-1\r\n")
    #expect(headed.vectors == ["m1": [0.5, -1]] && headed.dimension == 2)
  }

  @Test func sparkJSONLines() throws {
    let text = """
      {"id":7,"features":[0.25,-0.5,1.0]}
      {"id":12,"features":[0,1,2]}
      {"id":"m3","features":[1e-3,2,3]}
      """
    let v = try parse(text)
    #expect(v.vectors == ["7": [0.25, -0.5, 1], "12": [0, 1, 2],
                          "m3": [0.001, 2, 3]])
  }

  @Test func errorsNameTheLine() {
    #expect(message("a,1,2\nb,1\n") == "Line 2 of \"v.csv\": expected 2 values "
              + "after the id, as on line 1, found \"b,1\".")
    #expect(message("a,1\n\na,2\n") == "Line 3 of \"v.csv\": expected each id "
              + "once, and 'a' is on line 1 too, found \"a,2\".")
    #expect(message("a,1\nb,x\n") == "Line 2 of \"v.csv\": expected finite "
              + "numbers after the id, found \"b,x\".")
    #expect(message("a,1\nb,inf\n") != nil)
    #expect(message("{\"id\":1,\"features\":[1]}\n{\"id\":2}\n")?
              .hasPrefix("Line 2 of \"v.csv\": expected a JSON object") == true)
    #expect(message("\n \n") == "\"v.csv\" holds no vectors; expected lines of "
              + "an id and numbers (id,v1,v2,…) or JSON objects such as "
              + "{\"id\": 7, \"features\": [0.1, -0.2]}.")
    #expect(message("id,v1\n") != nil)
  }

  @Test func aMissingFileIsNamed() {
    #expect(throws: DataError.self) {
      try PretrainedItemVectors.load("/nonexistent/vectors.csv")
    }
  }
}
