/// The undo and redo stacks, and where the data was last saved.
///
/// Each entry carries a serial number, so "is the data as saved?" is a
/// comparison of the data edits below the top of the undo stack with
/// those there at the last save: undoing back to the saved state makes
/// the data clean again, and a new edit after undoing past a save
/// makes it dirty for good.
struct EditHistory {
  struct Entry: Equatable {
    var serial: Int
    var edit: ExplorerEdit
  }

  private(set) var undoStack: [Entry] = []
  private(set) var redoStack: [Entry] = []
  private var nextSerial = 1
  private var saved: [Int] = []

  var canUndo: Bool { !undoStack.isEmpty }
  var canRedo: Bool { !redoStack.isEmpty }

  /// Records a new edit; the redo stack is dropped, as every editor does.
  mutating func record(_ edit: ExplorerEdit) {
    undoStack.append(Entry(serial: nextSerial, edit: edit))
    nextSerial += 1
    redoStack.removeAll()
  }

  /// The edit to undo, moved to the redo stack.
  mutating func popUndo() -> ExplorerEdit? {
    guard let entry = undoStack.popLast() else { return nil }
    redoStack.append(entry)
    return entry.edit
  }

  /// The edit to redo, moved back to the undo stack.
  mutating func popRedo() -> ExplorerEdit? {
    guard let entry = redoStack.popLast() else { return nil }
    undoStack.append(entry)
    return entry.edit
  }

  /// Names the current state of data and settings: the serials of the
  /// edits in force. Undoing back to a state, or redoing forward to one,
  /// gives the same key, so results cached under it stay exact.
  var stateKey: [Int] { undoStack.map(\.serial) }

  /// Marks the current data as saved.
  mutating func markSaved() { saved = dataSerials }

  /// Whether the data differs from what was last saved (or loaded).
  var hasUnsavedEdits: Bool { dataSerials != saved }

  /// Data edits made since the last save, as a count for messages.
  var unsavedCount: Int {
    let current = dataSerials
    let common = zip(current, saved).prefix { $0 == $1 }.count
    return current.count - common + (saved.count - common)
  }

  private var dataSerials: [Int] {
    undoStack.filter { $0.edit.changesData }.map(\.serial)
  }
}
