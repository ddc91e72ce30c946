import Testing
@testable import RecscopeCLI

@Test func unknownCommandIsUsageError() { #expect(Recscope.main(["recscope", "nope"]) == 2) }
