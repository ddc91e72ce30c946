import Foundation
import RecscopeCore
import Testing
@testable import RecscopeUI

/// Whole sessions replayed headless on the teaching sample, the way a
/// teacher would use the explorer.
@Suite("Explorer scenarios")
struct ExplorerScenarioTests {
  let fixture = ExplorerFixture()

  /// The text of the recommendations list, one title per entry.
  func titles(_ state: ExplorerState) -> [String] {
    state.recommendations()?.items.map { state.itemName($0.item.int) } ?? []
  }

  @Test func coldStartUserRatesThreeItemsThenUndoSaveAndReload() throws {
    let state = try fixture.state()
    try fixture.type(":set<Space>algorithm=hybrid<Enter>", into: state)
    #expect(state.engine.settings.algorithm == .hybrid)

    // A new user: no ratings, so the most popular items.
    var rows = try fixture.type("a<Enter>", into: state)
    #expect(state.selectedUser.map(state.userID) == "new1")
    #expect(rows.contains { $0.contains("new1: no ratings yet: most popular") })
    #expect(rows.contains { $0.contains("popular") })

    // One rating: content-based until CF has enough to go on.
    rows = try fixture.type("5", into: state)
    #expect(rows.contains { $0.contains("new1: 1 rating: content-based") })
    let afterOne = titles(state)

    // Two more: the list changes and shows how ranks moved.
    rows = try fixture.type("lll4 llll2", into: state)
    #expect(rows.contains { $0.contains("3 ratings") } == false)
    #expect(titles(state) != afterOne)
    #expect(!state.rankMoves.isEmpty)
    #expect(state.engine.ratings.byUser[state.selectedUser!].count == 3)
    let moved = rows.contains { $0.contains("↑") || $0.contains("↓")
      || $0.contains("new ") }
    #expect(moved)

    // Undo the last rating: back to two.
    try fixture.type("u", into: state)
    #expect(state.engine.ratings.byUser[state.selectedUser!].count == 2)
    #expect(state.hasUnsavedEdits)

    // Save, then reload the file in a fresh engine: the edits are there.
    try fixture.type(":w<Enter>", into: state)
    #expect(!state.hasUnsavedEdits)
    #expect(state.message?.text.hasPrefix("wrote") == true)
    let (reloaded, _) = try fixture.engine(state.options.dataPath!)
    let u = try #require(reloaded.ratings.user("new1"))
    #expect(reloaded.ratings.byUser[u.int].count == 2)
    #expect(reloaded.ratings.rating(u, reloaded.ratings.item("m01")!) == 5)
  }

  @Test func recommendationsAndSimilaritiesEqualAFreshEngineAfterUndo() throws {
    let state = try fixture.state()
    let before = titles(state)
    let row = state.similarityRowForTest()
    try fixture.type("jjj ll 5 j 1 uu g", into: state)
    #expect(titles(state) == before)
    #expect(state.similarityRowForTest() == row)
    try fixture.type("<C-r><C-r>", into: state)
    let (fresh, _) = try fixture.engine(state.options.dataPath!)
    let dev = fresh.ratings.user("dev")!
    try fresh.setRating(dev, fresh.ratings.item("m07")!, to: 5)
    try fresh.setRating(fresh.ratings.user("eli")!, fresh.ratings.item("m07")!,
                        to: 1)
    let expected = fresh.recommend(for: dev, count: 10).items.map(\.item)
    let got = state.engine.recommend(for: dev, count: 10).items.map(\.item)
    #expect(got == expected)
  }

  @Test func settingsChangeLiveAndUndo() throws {
    let state = try fixture.state()
    try fixture.type(":set<Space>k=2<Space>sim=pearson<Enter>", into: state)
    #expect(state.engine.settings.k == 2)
    #expect(state.engine.settings.similarity == .pearson)
    #expect(state.heatScale == .diverging)
    var rows = try fixture.type("s jj <Right>", into: state)
    #expect(state.engine.settings.similarity == .pearsonBaseline)
    #expect(rows.contains { $0.contains("Settings") })
    rows = try fixture.type("<Esc> u u", into: state)
    #expect(state.engine.settings == EngineSettings())
    #expect(!rows.contains { $0.contains("Settings") && $0.contains("┏") })
    try fixture.type(":set<Space>k=0<Enter>", into: state)
    #expect(state.message?.text == "k must be at least 1, got 0")
    try fixture.type(":set<Space>nope=1<Enter>", into: state)
    #expect(state.message?.text.hasPrefix("there is no setting \"nope\"") == true)
  }

  /// λ_b is a setting of its own: it reaches the biases of the model
  /// trained for it, and the factors keep λ.
  @Test func biasRegularisationIsASettingApartFromTheFactors() throws {
    let state = try fixture.state()
    try fixture.type(":set<Space>algo=als<Space>reg=0.3<Space>reg_bias=4"
                       + "<Enter>", into: state)
    let f = state.engine.settings.factorization
    #expect(f.regularization == 0.3 && f.biasRegularization == 4)
    #expect(SettingField.biasRegularization.value(in: state.engine.settings)
              == "4")
    try fixture.type(":set<Space>reg_bias=0<Enter>", into: state)
    #expect(state.message?.text
              == "the bias regularization of als must be above 0, got 0")
    #expect(state.engine.settings.factorization.biasRegularization == 4)
  }

  @Test func basisToggleSwitchesTheHeatmapToItems() throws {
    let state = try fixture.state()
    let rows = try fixture.type("t", into: state)
    #expect(state.engine.settings.basis == .item)
    #expect(rows[0].contains("Similarity: items"))
    #expect(rows[1].contains("sim(m01, m01) = 1"))
  }

  @Test func explanationsOpenCopyAndClose() throws {
    let state = try fixture.state()
    var rows = try fixture.type("jjj<Enter>", into: state)
    #expect(rows.contains { $0.contains("Prediction for dev × m01") })
    #expect(rows.contains { $0.contains("formula") })
    #expect(rows.contains { $0.contains("value     r̂ = 5 / 2 = 2.5") })
    rows = try fixture.type("y", into: state)
    let copied = try String(contentsOfFile: state.options.copyPath!,
                            encoding: .utf8)
    #expect(copied.contains("r̂(dev, m01) = 2.5"))
    rows = try fixture.type("<Esc>", into: state)
    #expect(!rows.contains { $0.contains("Prediction for") })

    // A heatmap cell: the similarity's arithmetic over co-rated items.
    rows = try fixture.type("<Tab> k<Enter>", into: state)
    #expect(rows.contains { $0.contains("Similarity of cara and ana") })
    #expect(rows.contains { $0.contains("co-rated") })

    // A recommendation, including the impossible one for m15.
    rows = try fixture.type("<Esc> <Tab> <Enter>", into: state)
    #expect(rows.contains { $0.contains("Recommendation 1 for cara") })
  }

  @Test func searchFindsUsersAndItemsByIdOrTitle() throws {
    let state = try fixture.state()
    try fixture.type("/gus<Enter>", into: state)
    #expect(state.selectedUser.map(state.userID) == "gus")
    try fixture.type("/lighthouse<Enter>", into: state)
    #expect(state.selectedItem.map(state.itemID) == "m15")
    try fixture.type("/an<Enter>", into: state)
    #expect(state.selectedUser.map(state.userID) == "ana")
    try fixture.type("n", into: state)
    #expect(state.selectedUser.map(state.userID) == "hana")
    try fixture.type("N N", into: state)
    #expect(state.message?.text.contains("(") == true)
    try fixture.type("/zzz<Enter>", into: state)
    #expect(state.message?.text == "no user or item matches \"zzz\"")
  }

  @Test func featuresToggleAndFeedContentScores() throws {
    let state = try fixture.state()
    try fixture.type(":set<Space>algorithm=content<Enter>", into: state)
    let before = state.engine.predict(UserIndex(0), ItemIndex(14)).estimate
    // m15 is the last column; its first feature is action.
    var rows = try fixture.type("$ f", into: state)
    #expect(rows.contains { $0.contains("Features of m15") })
    #expect(rows.contains { $0.contains("[ ] action") })
    rows = try fixture.type("<Space>", into: state)
    #expect(rows.contains { $0.contains("[x] action") })
    let after = state.engine.predict(UserIndex(0), ItemIndex(14)).estimate
    #expect(after != before)
    try fixture.type("<Esc> u", into: state)
    #expect(state.engine.predict(UserIndex(0), ItemIndex(14)).estimate == before)
  }

  @Test func ratingPromptTakesFractionsAndRefusesOffScale() throws {
    let state = try fixture.state()
    try fixture.type("jjj r3.5<Enter>", into: state)
    #expect(state.engine.ratings.rating(UserIndex(3), ItemIndex(0)) == 3.5)
    // Typed straight through, 2.5 is 2.5: the digit rates, and the dot
    // reopens it as a prompt.
    try fixture.type("l 2.5<Enter>", into: state)
    #expect(state.engine.ratings.rating(UserIndex(3), ItemIndex(1)) == 2.5)
    try fixture.type("h", into: state)
    try fixture.type("7", into: state)
    #expect(state.message?.text == "7 lies outside the rating scale 1:5")
    try fixture.type("x", into: state)
    #expect(state.engine.ratings.rating(UserIndex(3), ItemIndex(0)) == nil)
    try fixture.type("x", into: state)
    #expect(state.message?.text == "dev has not rated m01")
  }

  @Test func quitAsksWhenEditsAreUnsaved() throws {
    let state = try fixture.state()
    #expect(state.handle(.character("q")) == .quit(0))

    let edited = try fixture.state()
    try fixture.type("jjj 4", into: edited)
    #expect(edited.handle(.character("q")) == .redraw)
    let rows = ExplorerView.render(edited).textRows
    #expect(rows.last?.contains("1 unsaved edit: w save and quit") == true)
    #expect(edited.handle(.escape) == .redraw)
    #expect(edited.handle(.character("q")) == .redraw)
    #expect(edited.handle(.character("d")) == .quit(0))
  }

  @Test func addingAnItemAndUndoingItHidesIt() throws {
    let state = try fixture.state()
    try fixture.type("A<C-u>x99<Enter>Night<Space>Train<Enter>", into: state)
    #expect(state.selectedItem.map(state.itemID) == "x99")
    #expect(state.itemName(state.selectedItem!) == "Night Train")
    #expect(state.roster.items.count == 16)
    try fixture.type("u", into: state)
    #expect(state.roster.items.count == 15)
    #expect(state.datasetToSave().ratings.itemCount == 15)
    try fixture.type("<C-r>", into: state)
    #expect(state.roster.items.count == 16)
  }

  @Test func mouseClicksFocusAndSelect() throws {
    let state = try fixture.state()
    _ = ExplorerView.render(state)
    let cells = state.geometry.matrixCells
    try fixture.type("<Click \(cells.x + 7) \(cells.y + 2)>", into: state)
    #expect(state.row == 2 && state.column == 1)
    let list = state.geometry.recList
    try fixture.type("<Click \(list.x + 3) \(list.y + 1)>", into: state)
    #expect(state.focus == .recommendations && state.recCursor == 1)

    var options = state.options
    options.mouse = false
    let (engine, _) = try fixture.engine(options.dataPath!)
    let still = ExplorerState(engine: engine, options: options,
                              size: state.size, colorMode: .none)
    try fixture.type("<Click \(list.x + 3) \(list.y + 1)>", into: still)
    #expect(still.focus == .matrix)
  }

  @Test func knnSaysPlainlyWhenItCannotPredictYet() throws {
    let state = try fixture.state()
    // Nobody else rated m15, so a user who rated only it has no
    // neighbours.
    var rows = try fixture.type("a<Enter> $ 4", into: state)
    #expect(rows.contains { $0.contains("new1: 1 rating: k-NN cannot pre") })
    let list = try #require(state.recommendations())
    #expect(RecommendationsPane.fallbackNote(
      list, state: state, user: state.selectedUser!)
      == "1 rating: k-NN cannot predict yet, global mean instead")
    rows = try fixture.type("^ 5", into: state)
    #expect(!rows.contains { $0.contains("cannot predict yet") })
  }

  @Test func saveAsAnotherFormatAndOpenIt() throws {
    let state = try fixture.state()
    let target = fixture.directory.appendingPathComponent("out/ratings.tsv")
    try FileManager.default.createDirectory(
      at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try fixture.type("jjj 4 :w<Space>\(target.path)<Enter>", into: state)
    #expect(state.message?.text.hasPrefix("wrote 79 ratings to") == true)
    // Written elsewhere: the data file itself still lacks the edit.
    #expect(state.hasUnsavedEdits)
    try fixture.type(":e<Space>\(target.path)<Enter>", into: state)
    #expect(state.message?.text.hasPrefix("1 unsaved edits: :w them first")
            == true)
    try fixture.type(":e!<Space>\(target.path)<Enter>", into: state)
    #expect(state.options.report?.format == .tsv)
    #expect(state.options.report?.itemsFormat == .features)
    #expect(!state.hasUnsavedEdits)
    let dev = try #require(state.engine.ratings.user("dev"))
    #expect(state.engine.ratings.rating(dev, state.engine.ratings.item("m01")!)
            == 4)
    #expect(state.engine.catalog.featureCount == 5)
  }

  /// An explorer on a ratings file with a timestamp column holding
  /// `lines` (user, item, rating, time), and the file's path.
  func timedState(_ lines: String) throws -> (ExplorerState, String) {
    let path = fixture.directory.appendingPathComponent("ratings.csv").path
    _ = FileManager.default.createFile(
      atPath: path,
      contents: Data(("user,item,rating,timestamp\n" + lines).utf8))
    let (engine, report) = try fixture.engine(path)
    let state = ExplorerState(
      engine: engine, options: fixture.options(dataPath: path, report: report),
      size: Size(width: 100, height: 30), colorMode: .palette256)
    return (state, path)
  }

  /// Ratings untouched by edits keep the times they were loaded with;
  /// an edited one takes the time of the edit. Adding a user and undoing
  /// it makes the save rebuild the data without that user.
  @Test func savingKeepsRatingTimes() throws {
    let (state, path) = try timedState("ana,m1,4,100\nana,m2,2,200\n"
                                       + "ben,m1,5,300\n")
    let before = RatingMatrix.now
    try state.perform(.rating(user: "ben", item: "m2", old: nil, new: 3))
    let after = RatingMatrix.now
    try state.perform(.addUser("cy"))
    state.undo()
    _ = try state.save(to: nil)

    let (saved, _) = try fixture.engine(path)
    let m = saved.ratings
    #expect(m.userIDs == ["ana", "ben"])
    let ana = m.user("ana")!, ben = m.user("ben")!
    #expect(m.time(ana, m.item("m1")!) == 100)
    #expect(m.time(ana, m.item("m2")!) == 200)
    #expect(m.time(ben, m.item("m1")!) == 300)
    let edited = try #require(m.time(ben, m.item("m2")!))
    #expect(before <= edited && edited <= after)
  }

  /// Undo gives a rating back its own time; redo, the time of the edit.
  @Test func undoAndRedoRestoreRatingTimes() throws {
    let (state, _) = try timedState("ana,m1,4,100\nben,m1,5,300\n"
                                    + "ben,m2,1,400\n")
    let engine = state.engine
    let ana = engine.ratings.user("ana")!, m1 = engine.ratings.item("m1")!
    #expect(state.selectedUser == ana.int && state.selectedItem == m1.int)
    state.rateSelected(2)
    #expect(engine.ratings.rating(ana, m1) == 2)
    let edited = try #require(engine.ratings.time(ana, m1))
    #expect(edited >= RatingMatrix.now - 60)
    state.undo()
    #expect(engine.ratings.rating(ana, m1) == 4)
    #expect(engine.ratings.time(ana, m1) == 100)
    state.redo()
    #expect(engine.ratings.time(ana, m1) == edited)
    state.unrateSelected()
    state.undo()
    #expect(engine.ratings.time(ana, m1) == edited)
  }

  @Test func copyUsesTheClipboardEscapeWhereTheTerminalHasIt() throws {
    let path = fixture.copyOfSample("teaching")
    let (engine, report) = try fixture.engine(path)
    var options = fixture.options(dataPath: path, report: report)
    options.clipboardEscape = nil
    options.environment = ["TERM": "tmux-256color"]
    let state = ExplorerState(engine: engine, options: options,
                              size: Size(width: 80, height: 24),
                              colorMode: .palette256)
    _ = state.handle(.character("y"))
    let requests = state.takeRequests()
    guard case .clipboard(let text)? = requests.first else {
      Issue.record("no clipboard request")
      return
    }
    #expect(text.hasPrefix("Prediction for ana × m01"))
    #expect(state.takeRequests().isEmpty)
    options.environment = ["TERM": "dumb"]
    #expect(!options.copiesWithEscape)
  }

  @Test func theWheelScrollsThePaneUnderThePointer() throws {
    let state = try fixture.state(size: Size(width: 80, height: 24))
    _ = ExplorerView.render(state)
    let cells = state.geometry.matrixCells
    try fixture.type("<WheelDown \(cells.x) \(cells.y)>", into: state)
    #expect(state.row == 3)
    try fixture.type("<WheelUp \(cells.x) \(cells.y)>", into: state)
    #expect(state.row == 0)
  }
}

extension ExplorerState {
  /// sim(x, ·) for the first user, to compare before and after edits.
  func similarityRowForTest() -> [Double] { engine.similarityRow(0) }
}
