import Testing
@testable import RecscopeCLI

@Suite struct ExitStatusTests {
  func main(_ arguments: [String]) -> (Int32, String, String) {
    let output = CapturedText(), errors = CapturedText()
    let status = Recscope.main(
      arguments, context: CommandContext(output: output, errorOutput: errors))
    return (status, output.text, errors.text)
  }

  @Test func unknownCommandIsUsageError() {
    let (status, output, errors) = main(["recscope", "nope"])
    #expect(status == 2 && output == "")
    #expect(errors == "error: unknown command 'nope'\nsee 'recscope --help'\n")
  }

  @Test func misspelledCommandIsSuggested() {
    let (status, _, errors) = main(["recscope", "generat"])
    #expect(status == 2)
    #expect(errors.hasPrefix(
      "error: unknown command 'generat'; did you mean 'generate'?\n"))
  }

  @Test func helpListsEveryRegisteredCommand() {
    let (status, output, _) = main(["recscope", "--help"])
    #expect(status == 0)
    for command in Recscope.commands {
      #expect(output.contains("\n  \(command.spec.name) "))
    }
  }
}
