import Foundation
import RecscopeCore

/// Edits: making them, undoing and redoing them, and showing what they
/// changed (rank moves, similarity marks).
extension ExplorerState {
  /// What was on screen before an edit, to say afterwards what moved.
  struct Snapshot {
    var user: Int?
    var recommended: [Int]
    var basis: Basis
    var heat: [Pair: Double]
  }

  /// Makes `edit`, records it for undo and writes it to the journal.
  /// - Throws: ``ExplorerMessage`` when the engine refuses it.
  func perform(_ edit: ExplorerEdit) throws(ExplorerMessage) {
    let before = snapshot()
    try apply(edit, inverse: false)
    history.record(edit)
    log.write("edit \(edit.summary)")
    // Journaled before anything else runs, so a crash cannot lose it.
    let problem = journalStep(EditJournal.Step(undo: false, edit: edit))
    changed(by: edit, before: before, verb: nil)
    if let problem { message = problem }
  }

  /// Undoes the last edit, if any.
  func undo() {
    guard let edit = history.popUndo() else {
      fail("nothing to undo")
      return
    }
    let before = snapshot()
    do {
      try apply(edit, inverse: true)
    } catch {
      _ = history.popRedo()
      fail("cannot undo \(edit.summary): \(error.text)")
      return
    }
    log.write("undo \(edit.summary)")
    // Journaled before anything else runs, so a crash cannot lose it.
    let problem = journalStep(EditJournal.Step(undo: true, edit: edit))
    changed(by: edit, before: before, verb: "undid")
    if let problem { message = problem }
  }

  /// Redoes the last undone edit, if any.
  func redo() {
    guard let edit = history.popRedo() else {
      fail("nothing to redo")
      return
    }
    let before = snapshot()
    do {
      try apply(edit, inverse: false)
    } catch {
      _ = history.popUndo()
      fail("cannot redo \(edit.summary): \(error.text)")
      return
    }
    log.write("redo \(edit.summary)")
    // Journaled before anything else runs, so a crash cannot lose it.
    let problem = journalStep(EditJournal.Step(undo: false, edit: edit))
    changed(by: edit, before: before, verb: "redid")
    if let problem { message = problem }
  }

  /// Carries out `edit` (or its inverse) on the engine and the roster,
  /// without recording it.
  func apply(_ edit: ExplorerEdit, inverse: Bool) throws(ExplorerMessage) {
    let ratings = engine.ratings
    switch edit {
    case .rating(let user, let item, let old, let new, let oldTime,
                 let newTime):
      guard let u = ratings.user(user) else { throw unknown("user", user) }
      guard let i = ratings.item(item) else { throw unknown("item", item) }
      if let value = inverse ? old : new {
        do {
          try engine.setRating(u, i, to: value,
                               at: inverse ? oldTime : newTime)
        } catch {
          throw ExplorerMessage("\(error)")
        }
      } else {
        engine.removeRating(u, i)
      }
    case .addUser(let id):
      if inverse {
        guard let u = ratings.user(id) else { throw unknown("user", id) }
        guard ratings.byUser[u.int].isEmpty else {
          throw ExplorerMessage("user \(id) has ratings; undo them first")
        }
        roster.setUser(u.int, hidden: true, userCount: ratings.userCount,
                       itemCount: ratings.itemCount)
      } else if let u = ratings.user(id) {
        guard roster.hiddenUsers.contains(u.int) else {
          throw ExplorerMessage("there is already a user \"\(id)\"")
        }
        roster.setUser(u.int, hidden: false, userCount: ratings.userCount,
                       itemCount: ratings.itemCount)
      } else {
        engine.addUser(id)
        syncRoster()
      }
    case .addItem(let id, let title):
      if inverse {
        guard let i = ratings.item(id) else { throw unknown("item", id) }
        guard ratings.byItem[i.int].isEmpty else {
          throw ExplorerMessage("item \(id) has ratings; undo them first")
        }
        roster.setItem(i.int, hidden: true, userCount: ratings.userCount,
                       itemCount: ratings.itemCount)
      } else if let i = ratings.item(id) {
        guard roster.hiddenItems.contains(i.int) else {
          throw ExplorerMessage("there is already an item \"\(id)\"")
        }
        roster.setItem(i.int, hidden: false, userCount: ratings.userCount,
                       itemCount: ratings.itemCount)
      } else {
        engine.addItem(id, title: title)
        syncRoster()
      }
    case .feature(let item, let name, let old, let new):
      guard let i = ratings.item(item) else { throw unknown("item", item) }
      guard let f = engine.catalog.feature(named: name) else {
        throw ExplorerMessage("there is no feature named \"\(name)\"")
      }
      engine.setFeature(f, of: i, to: inverse ? old : new)
    case .settings(let old, let new):
      do {
        try engine.apply(inverse ? old : new)
      } catch {
        throw ExplorerMessage("\(error)")
      }
    }
  }

  func syncRoster() {
    roster.rebuild(userCount: engine.ratings.userCount,
                   itemCount: engine.ratings.itemCount)
  }

  private func unknown(_ what: String, _ id: String) -> ExplorerMessage {
    ExplorerMessage("there is no \(what) \"\(id)\"")
  }

  // MARK: What changed

  func snapshot() -> Snapshot {
    Snapshot(user: selectedUser,
             recommended: recommendations()?.items.map(\.item.int) ?? [],
             basis: basis, heat: visibleSimilarities())
  }

  /// sim for every pair in the heatmap window of the last frame.
  func visibleSimilarities() -> [Pair: Double] {
    let side = basisRoster
    var out: [Pair: Double] = [:]
    guard geometry.heatRows > 0, geometry.heatColumns > 0 else { return out }
    let rows = heatTop..<min(side.count, heatTop + geometry.heatRows)
    let columns = heatLeft..<min(side.count, heatLeft + geometry.heatColumns)
    out.reserveCapacity(rows.count * columns.count)
    for r in rows {
      let row = engine.similarityRow(side[r])
      for c in columns { out[Pair(a: side[r], b: side[c])] = row[side[c]] }
    }
    return out
  }

  /// After an edit: new revision, rank moves, marks and a message.
  private func changed(by edit: ExplorerEdit, before: Snapshot,
                       verb: String?) {
    bumpRevision()
    // New settings may need a model; a training stopped for the old ones
    // no longer holds it back.
    if case .settings = edit { training.held = false }
    clampCursors()
    var notes: [String] = []
    if let u = selectedUser, u == before.user {
      let after = recommendations()?.items.map(\.item.int) ?? []
      rankMoves = RankMove.moves(before: before.recommended, after: after)
      rankMovesUser = u
      let moved = rankMoves.values.filter { $0 != .same }.count
      if moved > 0 { notes.append("\(moved) recommendation\(moved == 1 ? "" : "s") moved") }
    } else {
      rankMoves = [:]
      rankMovesUser = nil
    }
    changedPairs = []
    if basis == before.basis {
      var rows: [Int: [Double]] = [:]
      for (pair, old) in before.heat {
        if rows[pair.a] == nil { rows[pair.a] = engine.similarityRow(pair.a) }
        let new = rows[pair.a]![pair.b]
        if !(abs(new - old) <= 1e-12) { changedPairs.insert(pair) }
      }
      let n = changedPairs.count
      if n > 0 { notes.append("\(n) similarit\(n == 1 ? "y" : "ies") changed") }
    }
    changedCells = []
    if case .rating(let user, let item, _, _, _, _) = edit,
      let u = engine.ratings.user(user), let i = engine.ratings.item(item)
    {
      changedCells.insert(Pair(a: u.int, b: i.int))
    }
    let head = verb.map { "\($0) " } ?? ""
    say(([head + edit.summary] + notes).joined(separator: " · "))
  }

  // MARK: Edits people ask for

  /// Rates the selected cell.
  func rateSelected(_ value: Double) {
    guard let u = selectedUser, let i = selectedItem else {
      fail("there is no cell to rate")
      return
    }
    let scale = engine.dataset.scale
    guard value.isFinite, scale.contains(value) else {
      fail("\(display(value)) lies outside the rating scale \(scale)")
      return
    }
    let old = engine.ratings.rating(UserIndex(u), ItemIndex(i))
    guard old != value else {
      say("\(userID(u)) already rated \(itemID(i)) \(display(value))")
      return
    }
    let times = engine.ratings.timesByUser != nil
    attempt(.rating(user: userID(u), item: itemID(i), old: old, new: value,
                    oldTime: engine.ratings.time(UserIndex(u), ItemIndex(i)),
                    newTime: times ? RatingMatrix.now : nil))
  }

  /// Removes the selected cell's rating.
  func unrateSelected() {
    guard let u = selectedUser, let i = selectedItem else { return }
    guard let old = engine.ratings.rating(UserIndex(u), ItemIndex(i)) else {
      fail("\(userID(u)) has not rated \(itemID(i))")
      return
    }
    attempt(.rating(user: userID(u), item: itemID(i), old: old, new: nil,
                    oldTime: engine.ratings.time(UserIndex(u), ItemIndex(i))))
  }

  func addUser(_ id: String) {
    let trimmed = id.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else {
      fail("a user needs an id")
      return
    }
    attempt(.addUser(trimmed))
    if let u = engine.ratings.user(trimmed), let r = roster.row(ofUser: u.int),
      message?.isError == false
    {
      row = r
      focus = .matrix
      say("added user \(trimmed) with no ratings: rate a few items "
          + "and watch the recommendations change")
    }
  }

  func addItem(_ id: String, title: String?) {
    let trimmed = id.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else {
      fail("an item needs an id")
      return
    }
    attempt(.addItem(id: trimmed, title: title))
    if let i = engine.ratings.item(trimmed),
      let c = roster.column(ofItem: i.int), message?.isError == false
    {
      column = c
      focus = .matrix
    }
  }

  func setFeature(_ f: Int, of i: Int, to value: Double) {
    guard value.isFinite else {
      fail("a feature value must be a number")
      return
    }
    let old = engine.catalog.features(of: ItemIndex(i))[f]
    guard old != value else { return }
    attempt(.feature(item: itemID(i), feature: engine.catalog.featureNames[f],
                     old: old, new: value))
  }

  func changeSettings(_ new: EngineSettings) {
    let old = engine.settings
    guard old != new else { return }
    attempt(.settings(old: old, new: new))
  }

  /// Performs an edit, turning a refusal into the status message.
  func attempt(_ edit: ExplorerEdit) {
    do {
      try perform(edit)
    } catch {
      message = error
    }
  }

  /// An id not yet used on that side: `new1`, `new2`, …
  func freshID(prefix: String, users: Bool) -> String {
    var n = 1
    while true {
      let id = "\(prefix)\(n)"
      let taken = users ? engine.ratings.user(id) != nil
        : engine.ratings.item(id) != nil
      if !taken { return id }
      n += 1
    }
  }
}
