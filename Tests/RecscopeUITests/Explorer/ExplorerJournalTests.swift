import Foundation
import RecscopeCore
import Testing
@testable import RecscopeUI

/// Every edit reaches the journal as it is made, and the next start
/// offers it back.
@Suite("Explorer journal")
struct ExplorerJournalTests {
  let fixture = ExplorerFixture()

  func journalText(_ state: ExplorerState) throws -> String {
    try String(contentsOfFile: state.options.resolvedJournalPath!,
               encoding: .utf8)
  }

  @Test func editsAreJournaledAsTheyHappen() throws {
    let state = try fixture.state()
    try fixture.type("jjj 4 a<Enter> 3 :set<Space>k=5<Enter> u", into: state)
    let lines = try journalText(state).split(separator: "\n")
    #expect(lines.first?.hasPrefix(EditJournal.header) == true)
    #expect(lines[1] == "+\trate\tdev\tm01\t-\t4")
    #expect(lines[2] == "+\tuser\tnew1")
    #expect(lines[3] == "+\trate\tnew1\tm01\t-\t3")
    #expect(lines[4].hasPrefix("+\tsettings\t{"))
    #expect(lines[5].hasPrefix("-\tsettings\t{"))
  }

  @Test func theNextStartAsksAndRestores() throws {
    let first = try fixture.state()
    try fixture.type("jjj 4 a<Enter> 3 l2 u", into: first)
    let path = first.options.dataPath!
    // A crash: nothing saved, the journal stays.
    let (engine, report) = try fixture.engine(path)
    let second = ExplorerState(
      engine: engine, options: fixture.options(dataPath: path, report: report),
      size: Size(width: 100, height: 30), colorMode: .palette256)
    var rows = ExplorerView.render(second).textRows
    #expect(rows.last?.hasPrefix("Restore 5 unsaved edits from the journal?")
            == true)
    // Keys other than the answer do nothing.
    #expect(second.handle(.character("j")) == .none)
    rows = try fixture.type("y", into: second)
    let dev = engine.ratings.user("dev")!
    #expect(engine.ratings.rating(dev, engine.ratings.item("m01")!) == 4)
    let new1 = try #require(engine.ratings.user("new1"))
    #expect(engine.ratings.byUser[new1.int].count == 1)
    #expect(second.hasUnsavedEdits)
    #expect(second.message?.text.hasPrefix("restored 5 unsaved edits") == true)
    #expect(rows.last?.contains("restored 5") == true)
    // The undo history came back with the edits.
    try fixture.type("u u", into: second)
    #expect(second.roster.row(ofUser: new1.int) == nil)
  }

  /// The bundled sample has no place of its own: its journal lives in
  /// the state directory, and the next start finds it there.
  @Test func theBundledSampleIsJournaledInTheStateDirectory() throws {
    var options = fixture.options(dataPath: nil, report: nil)
    options.stateDirectory = fixture.directory
      .appendingPathComponent("state/recscope").path
    options.builtInDataName = "teaching-sample"
    let path = options.stateDirectory! + "/teaching-sample.journal"
    #expect(options.resolvedJournalPath == path)
    let data = try DatasetLoader().load(fixture.copyOfSample("teaching")).0
    let first = ExplorerState(engine: try Engine(dataset: data),
                              options: options,
                              size: Size(width: 100, height: 30),
                              colorMode: .palette256)
    try fixture.type("jjj 4", into: first)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("+\trate\tdev\tm01\t-\t4"))
    let second = ExplorerState(engine: try Engine(dataset: data),
                               options: options,
                               size: Size(width: 100, height: 30),
                               colorMode: .palette256)
    try fixture.type("y", into: second)
    #expect(second.engine.ratings.rating(UserIndex(3), ItemIndex(0)) == 4)
  }

  /// Where the journal cannot be made beside the data, it goes to the
  /// state directory instead, and the next start looks there too.
  @Test func aJournalThatCannotLieBesideTheDataFallsBack() throws {
    let first = try fixture.state()
    let dataPath = first.options.dataPath!
    // A directory where the journal file would go: no one can create it.
    try FileManager.default.createDirectory(
      atPath: first.options.resolvedJournalPath!,
      withIntermediateDirectories: true)
    var options = first.options
    options.stateDirectory = fixture.directory
      .appendingPathComponent("state").path
    let (engine, report) = try fixture.engine(dataPath)
    options.report = report
    let state = ExplorerState(engine: engine, options: options,
                              size: Size(width: 100, height: 30),
                              colorMode: .palette256)
    try fixture.type("jjj 4", into: state)
    #expect(state.message?.isError != true, "\(state.message?.text ?? "")")
    let fallback = try #require(options.fallbackJournalPath)
    #expect(fallback.hasPrefix(options.stateDirectory! + "/"))
    let text = try String(contentsOfFile: fallback, encoding: .utf8)
    #expect(text.contains("+\trate\tdev\tm01\t-\t4"))

    let (again, _) = try fixture.engine(dataPath)
    let second = ExplorerState(engine: again, options: options,
                               size: Size(width: 100, height: 30),
                               colorMode: .palette256)
    let rows = ExplorerView.render(second).textRows
    #expect(rows.last?.hasPrefix("Restore 1 unsaved edit") == true)
    try fixture.type("y", into: second)
    #expect(again.ratings.rating(UserIndex(3), ItemIndex(0)) == 4)
  }

  /// Fallback journals are named after their data's path, readably and
  /// apart from one another.
  @Test func fallbackJournalNamesFollowThePath() {
    let name = ExplorerOptions.journalName(for: "/usr/share/recscope/teaching")
    #expect(name.hasPrefix("usr-share-recscope-teaching-"))
    #expect(name.hasSuffix(".journal") && name.count == 28 + 8 + 8)
    #expect(name == ExplorerOptions.journalName(
      for: "/usr/share/recscope/teaching"))
    #expect(name != ExplorerOptions.journalName(
      for: "/usr/share/recscope-teaching"))
    #expect(ExplorerOptions.journalName(for: "/data/ça va/r.csv")
              .hasPrefix("data-_a_va-r.csv-"))
  }

  @Test func declinedJournalIsSetAsideNotLost() throws {
    let first = try fixture.state()
    try fixture.type("jjj 4", into: first)
    let path = first.options.dataPath!
    let journal = first.options.resolvedJournalPath!
    let (engine, report) = try fixture.engine(path)
    let second = ExplorerState(
      engine: engine, options: fixture.options(dataPath: path, report: report),
      size: Size(width: 80, height: 24), colorMode: .none)
    try fixture.type("n", into: second)
    #expect(engine.ratings.rating(UserIndex(3), ItemIndex(0)) == nil)
    let aside = try String(contentsOfFile: journal + ".discarded",
                           encoding: .utf8)
    #expect(aside.contains("rate\tdev\tm01\t-\t4"))
  }

  @Test func headlessOptionDecidesWithoutAsking() throws {
    let first = try fixture.state()
    try fixture.type("jjj 4", into: first)
    let path = first.options.dataPath!
    let (engine, report) = try fixture.engine(path)
    let restored = ExplorerState(
      engine: engine,
      options: fixture.options(dataPath: path, report: report,
                               restore: .restore),
      size: Size(width: 80, height: 24), colorMode: .none)
    #expect(restored.overlay == nil)
    #expect(engine.ratings.rating(UserIndex(3), ItemIndex(0)) == 4)
  }

  @Test func savingEmptiesTheJournalAndQuittingRemovesIt() throws {
    let state = try fixture.state()
    try fixture.type("jjj 4 :w<Enter>", into: state)
    let lines = try journalText(state).split(separator: "\n")
    #expect(lines.count == 1)
    #expect(state.handle(.character("q")) == .quit(0))
    #expect(!FileManager.default.fileExists(
      atPath: state.options.resolvedJournalPath!))
  }

  @Test func noJournalIsWrittenUntilTheFirstEdit() throws {
    let state = try fixture.state()
    let path = try #require(state.options.resolvedJournalPath)
    try fixture.type("jjj <Tab> l", into: state)
    #expect(!FileManager.default.fileExists(atPath: path))
    try fixture.type("<S-Tab> 4", into: state)
    #expect(FileManager.default.fileExists(atPath: path))
  }

  @Test func aJournalThatCannotBeWrittenIsReportedOnce() throws {
    let path = fixture.copyOfSample("teaching")
    let (engine, report) = try fixture.engine(path)
    var options = fixture.options(dataPath: path, report: report)
    options.journalPath = "/nonexistent-dir/recscope.journal"
    let state = ExplorerState(engine: engine, options: options,
                              size: Size(width: 80, height: 24),
                              colorMode: .none)
    try fixture.type("jjj 4", into: state)
    #expect(state.message?.text.hasPrefix(
      "cannot write the journal /nonexistent-dir/recscope.journal") == true)
    #expect(state.message?.text.hasSuffix("edits are not journaled") == true)
    #expect(engine.ratings.rating(UserIndex(3), ItemIndex(0)) == 4)
    try fixture.type("l 3", into: state)
    #expect(state.message?.isError == false)
  }

  /// A line written before times were journaled still reads, untimed;
  /// a time that is not a whole number does not.
  @Test func ratingLinesWithAndWithoutTimes() {
    #expect(ExplorerEdit(journalLine: "rate\tu\ti\t2\t4")
              == .rating(user: "u", item: "i", old: 2, new: 4))
    #expect(ExplorerEdit(journalLine: "rate\tu\ti\t2\t4\t-\t9")
              == .rating(user: "u", item: "i", old: 2, new: 4, newTime: 9))
    #expect(ExplorerEdit(journalLine: "rate\tu\ti\t2\t4\t1.5\t9") == nil)
    #expect(ExplorerEdit(journalLine: "rate\tu\ti\t2\t4\t9") == nil)
  }

  @Test func journalLinesRoundTrip() {
    var settings = EngineSettings()
    settings.k = 7
    let edits: [ExplorerEdit] = [
      .rating(user: "a\tb", item: "100%", old: nil, new: 3.5),
      .rating(user: "u", item: "i", old: 2, new: nil),
      .rating(user: "u", item: "i", old: 2, new: 4, oldTime: 100,
              newTime: 1_700_000_000),
      .rating(user: "u", item: "i", old: nil, new: 4, oldTime: nil,
              newTime: 5),
      .addUser("line\nbreak"), .addItem(id: "x", title: "A, B"),
      .addItem(id: "y", title: nil),
      .feature(item: "m1", feature: "sci-fi", old: 0, new: 0.25),
      .settings(old: EngineSettings(), new: settings),
    ]
    for edit in edits {
      #expect(ExplorerEdit(journalLine: edit.journalLine) == edit)
      #expect(!edit.journalLine.contains("\n"))
    }
    #expect(ExplorerEdit(journalLine: "rate\tonly") == nil)
  }
}
