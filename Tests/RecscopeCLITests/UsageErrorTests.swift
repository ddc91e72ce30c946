import Testing
@testable import RecscopeCLI

/// Every mistake is one sentence quoting the token, then where to look,
/// with exit status 2; nothing goes to standard output.
@Suite struct UsageErrorTests {
  func expectUsage(_ arguments: [String], _ sentence: String,
                   hint: String = "recscope predict --help",
                   sourceLocation: SourceLocation = #_sourceLocation) {
    let run = Sample.run(arguments)
    #expect(run.status == 2, sourceLocation: sourceLocation)
    #expect(run.errors == "error: \(sentence)\nsee '\(hint)'\n",
            sourceLocation: sourceLocation)
    #expect(run.output == "", sourceLocation: sourceLocation)
  }

  @Test func unknownOptionSuggestsTheClosest() {
    expectUsage(["predict", "f", "--user", "x", "--kk", "3"],
                "unknown option '--kk'; did you mean '--k'?")
    expectUsage(["predict", "f", "--user", "x", "--shrinkag=3"],
                "unknown option '--shrinkag'; did you mean '--shrinkage'?")
    expectUsage(["predict", "f", "--user", "x", "--exp"],
                "unknown option '--exp'; did you mean '--explain'?")
  }

  @Test func unknownOptionWithoutAGuess() {
    expectUsage(["predict", "f", "--user", "x", "--zebra"],
                "unknown option '--zebra'")
    expectUsage(["predict", "f", "--user", "x", "-z"],
                "unknown option '-z'")
  }

  @Test func singleDashLongNameIsCaught() {
    expectUsage(["predict", "f", "-user", "x"],
                "unknown option '-user'; did you mean '--user'?")
    expectUsage(["predict", "f", "--user", "x", "-explain"],
                "unknown option '-explain'; did you mean '--explain'?")
  }

  @Test func valueOfTheWrongType() {
    expectUsage(["predict", "f", "--user", "x", "--k", "ten"],
                "'--k' expects a whole number ≥ 1, got 'ten'")
    expectUsage(["predict", "f", "--user", "x", "-k0"],
                "'-k' expects a whole number ≥ 1, got '0'")
    expectUsage(["predict", "f", "--user", "x", "--shrinkage", "-1"],
                "'--shrinkage' expects a number ≥ 0, got '-1'")
    expectUsage(["predict", "f", "--user", "x", "--scale", "5-1"],
                "'--scale' expects a scale such as 1:5 (lower:upper, "
                  + "lower < upper), got '5-1'")
  }

  @Test func enumeratedValueSuggestsTheClosest() {
    expectUsage(["predict", "f", "--user", "x", "--algo", "knn-basc"],
                "'--algo' expects one of knn-basic, knn-means, slope-one, "
                  + "got 'knn-basc'; did you mean 'knn-basic'?")
    expectUsage(["predict", "f", "--user", "x", "--algo", "svd"],
                "'--algo' expects one of knn-basic, knn-means, slope-one, "
                  + "got 'svd'")
  }

  @Test func missingValue() {
    expectUsage(["predict", "f", "--user"], "missing value for '--user'")
    expectUsage(["predict", "f", "--user", "--json"],
                "missing value for '--user'")
    expectUsage(["predict", "f", "-u"], "missing value for '-u'")
  }

  @Test func flagGivenAValue() {
    expectUsage(["predict", "f", "--user", "x", "--json=yes"],
                "'--json' takes no value; write '--json' alone, not "
                  + "'--json=yes'")
  }

  @Test func emptyListItem() {
    expectUsage(["predict", "f", "--user", "x", "--items", "a,,b"],
                "'--items' has an empty item in 'a,,b'; separate values "
                  + "with single commas")
    expectUsage(["predict", "f", "--user", "x", "--items="],
                "'--items' expects a non-empty id, got ''")
  }

  @Test func missingRequiredOptionAndArgument() {
    expectUsage(["predict", "f"], "missing required option '--user <id>'")
    expectUsage(["predict", "--user", "x"],
                "missing required argument '<file>'")
  }

  @Test func unexpectedArgument() {
    expectUsage(["predict", "f", "g", "--user", "x"],
                "unexpected argument 'g'")
    expectUsage(["predict", "f", "--user", "x", "explain"],
                "unexpected argument 'explain'; did you mean '--explain'?")
  }

  @Test func invalidPositional() {
    expectUsage(["fail", "crash"],
                "'<how>' expects one of runtime, usage, other, read, got "
                  + "'crash'", hint: "recscope fail --help")
  }

  @Test func unknownCommandSuggestsTheClosest() {
    expectUsage(["predcit"], "unknown command 'predcit'; did you mean "
                  + "'predict'?", hint: "recscope --help")
    expectUsage(["hlep"], "unknown command 'hlep'; did you mean 'help'?",
                hint: "recscope --help")
    expectUsage(["frobnicate"], "unknown command 'frobnicate'",
                hint: "recscope --help")
    expectUsage(["help", "predic"], "unknown command 'predic'; did you mean "
                  + "'predict'?", hint: "recscope --help")
    expectUsage(["--json"], "unknown option '--json'",
                hint: "recscope --help")
  }

  @Test func commandsOwnUsageErrorGetsTheHint() {
    let run = Sample.run(["fail", "usage"])
    #expect(run.status == 2)
    #expect(run.errors == "error: '--k' must not exceed '--n'\n"
              + "see 'recscope fail --help'\n")
  }

  @Test func runtimeErrorsExitOneWithoutHint() {
    let failure = Sample.run(["fail", "runtime"])
    #expect(failure.status == 1)
    #expect(failure.output == "partial output\n")
    #expect(failure.errors
      == "error: the model has no ratings to learn from\n")

    let other = Sample.run(["fail", "other"])
    #expect(other.status == 1)
    #expect(other.errors == "error: something odd happened\n")

    let read = Sample.run(["fail", "read"])
    #expect(read.status == 1)
    #expect(read.errors
      == "error: cannot read '/nonexistent/ratings.csv': no such file\n")
  }

  @Test func successExitsZero() {
    let run = Sample.run(["predict", "-", "--user", "x"])
    #expect(run.status == 0 && run.errors == "")
    #expect(run.output.hasPrefix("file=- user=x "))
  }
}

@Suite struct SuggestionTests {
  @Test func editDistanceCountsSwapsAsOne() {
    #expect(Suggestion.editDistance("predcit", "predict") == 1)
    #expect(Suggestion.editDistance("kitten", "sitting") == 3)
    #expect(Suggestion.editDistance("", "abc") == 3)
    #expect(Suggestion.editDistance("same", "same") == 0)
  }

  @Test func closeWordsAreSuggestedAndFarOnesAreNot() {
    let words = ["predict", "recommend", "similar", "similarity", "explore"]
    #expect(Suggestion.closest(to: "predcit", among: words) == "predict")
    #expect(Suggestion.closest(to: "Predict", among: words) == "predict")
    #expect(Suggestion.closest(to: "recomend", among: words) == "recommend")
    #expect(Suggestion.closest(to: "similr", among: words) == "similar")
    #expect(Suggestion.closest(to: "simil", among: words) == nil)
    #expect(Suggestion.closest(to: "expl", among: words) == "explore")
    #expect(Suggestion.closest(to: "bench", among: words) == nil)
    #expect(Suggestion.closest(to: "x", among: ["k"]) == nil)
    #expect(Suggestion.closest(to: "kk", among: ["k", "n"]) == "k")
  }
}
