import Testing
@testable import RecscopeCLI
import RecscopeCore

@Suite struct ArgumentParsingTests {
  let spec = SamplePredict.spec

  func parse(_ tokens: [String]) throws -> String {
    SamplePredict.describe(try spec.parse(tokens))
  }

  @Test func defaultsFillWhatIsNotGiven() throws {
    #expect(try parse(["r.csv", "--user", "u1"]) == "file=r.csv user=u1 "
      + "items= algo=knn-basic k=40 shrinkage=100.0 offset=0.0 scale=none "
      + "explain=false json=false")
  }

  @Test func everyOptionShape() throws {
    let tokens = ["--user=u7", "--items", "a,b", "--items", "c",
                  "--algo", "slope-one", "-k", "5", "--shrinkage=2.5",
                  "--offset", "-0.25", "--scale", "0.5:5", "--explain",
                  "--json", "data.csv"]
    #expect(try parse(tokens) == "file=data.csv user=u7 items=a|b|c "
      + "algo=slope-one k=5 shrinkage=2.5 offset=-0.25 scale=0.5:5 "
      + "explain=true json=true")
  }

  @Test(arguments: [["--k", "20"], ["--k=20"], ["-k", "20"], ["-k20"],
                    ["-k=20"], ["--k", "7", "--k", "20"]])
  func valueSpellings(_ spelling: [String]) throws {
    let parsed = try spec.parse(["f", "-u", "x"] + spelling)
    #expect(parsed.value(SamplePredict.neighbours) == 20)
    #expect(parsed.wasGiven(SamplePredict.neighbours))
  }

  @Test func absentOptionWasNotGiven() throws {
    let parsed = try spec.parse(["f", "--user", "x"])
    #expect(!parsed.wasGiven(SamplePredict.neighbours))
    #expect(!parsed.wasGiven(SamplePredict.explain))
    #expect(parsed[SamplePredict.scale] == nil)
  }

  @Test func optionsAndArgumentsMixInAnyOrder() throws {
    let parsed = try spec.parse(["--json", "f.csv", "--user", "x"])
    #expect(parsed.value(SamplePredict.file) == "f.csv")
    #expect(parsed[Flag.json])
  }

  @Test func dashIsStandardInput() throws {
    let parsed = try spec.parse(["-", "--user", "x"])
    #expect(parsed.value(SamplePredict.file) == "-")
  }

  @Test func doubleDashEndsOptions() throws {
    let parsed = try spec.parse(["--user", "x", "--", "--odd-name.csv"])
    #expect(parsed.value(SamplePredict.file) == "--odd-name.csv")
  }

  @Test func negativeNumbersAreValues() throws {
    let parsed = try spec.parse(["f", "--user", "x", "--offset", "-3"])
    #expect(parsed.value(SamplePredict.offset) == -3)
    let positional = try spec.parse(["-7", "--user", "x"])
    #expect(positional.value(SamplePredict.file) == "-7")
  }

  @Test func valuesThatLookLikeOptionsNeedAnEqualsSign() throws {
    let parsed = try spec.parse(["f", "--user=-odd"])
    #expect(parsed.value(SamplePredict.user) == "-odd")
    #expect(throws: UsageError.missingValue(option: "--user")) {
      try spec.parse(["f", "--user", "-odd"])
    }
  }

  @Test func listsTakeDefaultsAndRepeats() throws {
    let numbers = ListOption("ks", .integer(atLeast: 1), default: [10, 20],
                             help: "Sizes.")
    let spec = CommandSpec(name: "sweep", abstract: "Sweep.",
                           options: [numbers])
    #expect(try spec.parse([])[numbers] == [10, 20])
    #expect(try spec.parse(["--ks", "5,6", "--ks=7"])[numbers] == [5, 6, 7])
    #expect(throws: UsageError.invalidValue(
      option: "--ks", expected: "a whole number ≥ 1", got: "x",
      suggestion: nil)) { try spec.parse(["--ks", "5,x"]) }
  }

  @Test func optionalAndVariadicArguments() throws {
    let first = Argument("first", .identifier, help: "First.")
    let second = Argument("second", .identifier, required: false,
                          help: "Second.")
    let pair = CommandSpec(name: "pair", abstract: "Pair.",
                           arguments: [first, second])
    #expect(try pair.parse(["a"])[second] == nil)
    #expect(try pair.parse(["a", "b"])[second] == "b")

    let ids = VariadicArgument("id", .identifier, minimum: 1, help: "Ids.")
    let many = CommandSpec(name: "many", abstract: "Many.", arguments: [ids])
    #expect(try many.parse(["a", "b", "c"])[ids] == ["a", "b", "c"])
    #expect(throws: UsageError.missingArgument("<id>")) {
      try many.parse([])
    }
  }

  @Test func typedConversions() throws {
    let range = ValueKind<Int>.integer(in: 1...10)
    #expect(range.convert("10") == 10 && range.convert("11") == nil)
    #expect(range.expectation == "a whole number from 1 to 10")
    #expect(ValueKind<Int>.integer.expectation == "a whole number")
    #expect(ValueKind<Double>.number(in: 0...1).expectation
      == "a number from 0 to 1")
    #expect(ValueKind<Double>.number.convert("inf") == nil)
    #expect(ValueKind<Double>.number.convert("nan") == nil)
    #expect(ValueKind<Double>.number.convert("1e3") == 1000)
    #expect(ValueKind<RatingScale>.scale.convert("0.5:5")
      == RatingScale(0.5, 5))
    #expect(ValueKind<RatingScale>.scale.convert("5:1") == nil)
    #expect(ValueKind<String>.path.convert("") == nil)
  }

  @Test func helpIsFoundBeforeDoubleDashOnly() {
    #expect(spec.asksForHelp(["--kk", "-h"]))
    #expect(spec.asksForHelp(["--help"]))
    #expect(!spec.asksForHelp(["--", "-h"]))
  }
}

/// Options with a bare value and keyword arguments.
@Suite struct BareValueTests {
  static let plot = Option("plot", .choice(["braille", "ascii"]),
                           bare: "braille", help: "Plot.")
  static let spec = CommandSpec(
    name: "x", abstract: "X.",
    arguments: [Argument("mode", .choice(["go"]), help: "The mode.")],
    options: [plot])

  @Test func bareValueOnlyAfterAnEqualsSign() throws {
    #expect(try Self.spec.parse(["go"])[Self.plot] == nil)
    #expect(try Self.spec.parse(["--plot", "go"])[Self.plot] == "braille")
    #expect(try Self.spec.parse(["go", "--plot=ascii"])[Self.plot] == "ascii")
    #expect(throws: UsageError.unexpectedArgument(
      "ascii", suggestion: "--plot=ascii")) {
      try Self.spec.parse(["go", "--plot", "ascii"])
    }
  }

  @Test func helpShowsTheKeywordAndTheOptionalValue() {
    let help = Self.spec.helpText(program: "p")
    #expect(help.contains("usage: p x [--plot[=<name>]] go\n"))
    #expect(help.contains("\n  go                    The mode.\n"))
  }
}
