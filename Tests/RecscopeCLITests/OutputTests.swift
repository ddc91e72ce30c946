import Foundation
import Testing
@testable import RecscopeCLI

@Suite struct TableWriterTests {
  @Test func headerThenTabSeparatedRows() {
    let sink = CapturedText()
    var writer = TableWriter(columns: ["user", "item", "estimate"], to: sink)
    writer.write(["u1", "i3", "4.25"])
    writer.write(["u2", "i9", "3"])
    writer.finish()
    #expect(sink.text == "user\titem\testimate\nu1\ti3\t4.25\nu2\ti9\t3\n")
  }

  @Test func emptyResultStillHasItsHeader() {
    let sink = CapturedText()
    var writer = TableWriter(columns: ["a", "b"], to: sink)
    writer.finish()
    writer.finish()
    #expect(sink.text == "a\tb\n")
  }

  @Test func headerCanBeLeftOut() {
    let sink = CapturedText()
    var writer = TableWriter(columns: ["a"], to: sink, showsHeader: false)
    writer.write(["x"])
    #expect(sink.text == "x\n")
  }

  @Test func controlCharactersCannotBreakTheTable() {
    #expect(TableWriter.sanitize("plain id") == "plain id")
    #expect(TableWriter.sanitize("a\tb") == "a\\tb")
    #expect(TableWriter.sanitize("line\nbreak") == "line\\nbreak")
    #expect(TableWriter.sanitize("dos\r\nline") == "dos\\r\\nline")
    #expect(TableWriter.sanitize("bell\u{07}") == "bell\\u{7}")
    #expect(TableWriter.sanitize("esc\u{1B}[31m") == "esc\\u{1B}[31m")
    #expect(TableWriter.sanitize("c1\u{85}") == "c1\\u{85}")
    #expect(TableWriter.sanitize("sep\u{2028}") == "sep\\u{2028}")
    #expect(TableWriter.sanitize("back\\slash") == "back\\\\slash")
    #expect(TableWriter.sanitize("café ▀") == "café ▀")
    let line = TableWriter.line(["a\tb", "c\nd"])
    #expect(line == "a\\tb\tc\\nd\n")
    #expect(line.filter { $0 == "\t" }.count == 1)
  }

  @Test func tableAsTabsOrJSON() {
    var table = Table(columns: ["item", "estimate", "support", "note"])
    table.append(["i1", 4.5, 12, nil])
    table.append(["x\ty", .number(3), 0, true])
    let tabs = CapturedText(), json = CapturedText()
    table.write(to: tabs, as: .table)
    table.write(to: json, as: OutputFormat(json: true))
    #expect(tabs.text == "item\testimate\tsupport\tnote\n"
              + "i1\t4.5\t12\t\nx\\ty\t3\t0\ttrue\n")
    #expect(json.text == """
      [
        {"item": "i1", "estimate": 4.5, "support": 12, "note": null},
        {"item": "x\\ty", "estimate": 3, "support": 0, "note": true}
      ]

      """)
  }
}

@Suite struct JSONValueTests {
  @Test func scalarsAndFlatContainersStayOnOneLine() {
    #expect(JSONValue.null.rendered() == "null")
    #expect(JSONValue.array([]).rendered() == "[]")
    #expect(JSONValue.object([]).rendered() == "{}")
    let flat: JSONValue = ["user": "u1", "k": 20, "ok": false]
    #expect(flat.rendered() == #"{"user": "u1", "k": 20, "ok": false}"#)
  }

  @Test func nestedContainersIndentByTwo() {
    let value: JSONValue = [
      "user": "u1",
      "neighbours": [["id": "u7", "similarity": 0.5], ["id": "u3",
                                                        "similarity": 0.25]],
      "empty": [],
    ]
    #expect(value.rendered() == """
      {
        "user": "u1",
        "neighbours": [
          {"id": "u7", "similarity": 0.5},
          {"id": "u3", "similarity": 0.25}
        ],
        "empty": []
      }
      """)
  }

  @Test func keysKeepTheirOrder() {
    let value: JSONValue = ["z": 1, "a": 2, "m": 3]
    #expect(value.rendered() == #"{"z": 1, "a": 2, "m": 3}"#)
  }

  @Test func stringsAreEscaped() {
    let value = JSONValue.string("q\"b\\n\n\t\u{01}\u{2028}é")
    #expect(value.rendered() == #""q\"b\\n\n\t\u0001\u2028é""#)
  }

  @Test func numbersRoundTripThroughAJSONReader() throws {
    let numbers: [Double] = [
      0, 1, -2.5, 0.1, 1.0 / 3, 2.0 / 3, 1e-300, .leastNonzeroMagnitude, 1e21, 123.456,
      .greatestFiniteMagnitude, -.leastNormalMagnitude, 4.35, 9007199254740994,
      3.14159265358979, 1e15, 123456789012345.6,
    ]
    let text = JSONValue.array(numbers.map(JSONValue.number)).rendered()
    let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
    let values = try #require(parsed as? [NSNumber]).map(\.doubleValue)
    #expect(values.map(\.bitPattern) == numbers.map(\.bitPattern), "\(text)")
  }

  @Test func nonFiniteNumbersBecomeNull() {
    let value: JSONValue = [.number(.nan), .number(.infinity), 2.5]
    #expect(value.rendered() == "[null, null, 2.5]")
  }

  @Test func shortestNumberText() {
    #expect(NumberFormat.shortest(4) == "4")
    #expect(NumberFormat.shortest(3.5) == "3.5")
    #expect(NumberFormat.shortest(-0.0) == "-0.0")
    #expect(NumberFormat.shortest(0.1 + 0.2) == "0.30000000000000004")
    #expect(NumberFormat.shortest(1e20) == "1e+20")
    #expect(NumberFormat.shortest(.infinity) == "inf")
  }
}

@Suite struct CommandContextTests {
  @Test func dashReadsStandardInput() throws {
    let context = CommandContext(
      output: CapturedText(), errorOutput: CapturedText(),
      standardInput: { Data("user,item,rating\n".utf8) })
    #expect(try context.contents(of: "-") == Data("user,item,rating\n".utf8))
  }

  @Test func unreadablePathsAreNamed() {
    let context = CommandContext(output: CapturedText(),
                                 errorOutput: CapturedText())
    let directory = FileManager.default.temporaryDirectory.path
    #expect(throws: CommandFailure("cannot read '\(directory)': it is a "
                                     + "directory")) {
      try context.contents(of: directory)
    }
  }
}
