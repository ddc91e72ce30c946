import Testing
@testable import RecscopeCLI

@Suite struct HelpTextTests {
  @Test func commandHelpReadsAsWritten() {
    let expected = """
      Estimate the ratings a user would give.

      usage: recscope predict --user <id> [--items <id>,...] [--algo <name>] [--k <n>]
                              [--shrinkage <x>] [--offset <x>] [--scale <lo:hi>]
                              [--explain] [--json] <file>

      arguments:
        <file>                Ratings file, or '-' for standard input.

      options:
        -u, --user <id>       The user to predict for.
        --items <id>,...      Items to predict; every unrated one if absent.
        --algo <name>         How to estimate. (values: knn-basic, knn-means,
                              slope-one; default: knn-basic)
        -k, --k <n>           Number of neighbours. (default: 40)
        --shrinkage <x>       Pull towards the baseline for similarities built on few
                              common ratings; 0 turns it off. (default: 100)
        --offset <x>          Added to every estimate. (default: 0)
        --scale <lo:hi>       Rating scale; inferred from the data if absent.
        --explain             Show the neighbours behind each estimate.
        --json                Print JSON instead of a tab-separated table.
        -h, --help            Show this help.

      """
    #expect(SamplePredict.spec.helpText(program: "recscope") == expected)
  }

  @Test func longLabelsGetALineOfTheirOwn() {
    let option = Option("a-rather-long-option-name", .integer, default: 3,
                        help: "Something.")
    let spec = CommandSpec(name: "x", abstract: "X.", options: [option])
    #expect(spec.helpText(program: "p").contains("""
        --a-rather-long-option-name <n>
                              Something. (default: 3)
      """))
  }

  @Test func programHelpListsTheCommands() {
    let expected = """
      Tools for trying out recommenders.

      usage: recscope <command> [<options>]

      commands:
        predict               Estimate the ratings a user would give.
        fail                  Fail on purpose.

      See 'recscope <command> --help' for the options of a command.

      """
    #expect(Sample.tool.helpText() == expected)
    for arguments in [[], ["--help"], ["-h"], ["help"]] {
      let run = Sample.run(arguments)
      #expect(run.status == 0 && run.output == expected && run.errors == "")
    }
  }

  @Test func everyWayToAskForCommandHelp() {
    let help = SamplePredict.spec.helpText(program: "recscope")
    for arguments in [["predict", "--help"], ["predict", "-h"],
                      ["help", "predict"], ["predict", "--kk", "--help"]] {
      let run = Sample.run(arguments)
      #expect(run.status == 0 && run.output == help && run.errors == "",
              "\(arguments)")
    }
  }

  @Test func noCommandRunsTheDefaultWhenThereIsOne() {
    let tool = CommandLineTool(
      name: "recscope", abstract: "A.",
      commands: [SamplePredict.self, SampleFail.self],
      defaultCommand: SampleFail.self)
    let run = Sample.run([], tool: tool)
    #expect(run.status == 2)
    #expect(run.errors.hasPrefix("error: missing required argument '<how>'"))
  }

  @Test func discussionKeepsIndentedLines() {
    let spec = CommandSpec(
      name: "x", abstract: "X.",
      discussion: "First paragraph\nwraps.\n\n  x --flag   # example")
    #expect(spec.helpText(program: "p").contains(
      "\nFirst paragraph wraps.\n\n  x --flag   # example\n"))
  }

  @Test func everyHelpFitsEightyColumns() {
    var texts = [Sample.tool.helpText(), Recscope.tool.helpText()]
    texts += Recscope.commands.map { $0.spec.helpText(program: "recscope") }
    texts.append(SamplePredict.spec.helpText(program: "recscope"))
    for text in texts {
      for line in text.split(separator: "\n") {
        #expect(line.count <= 80, "\(line)")
      }
    }
  }
}
