import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The file every edit is appended to as it happens, so that a crash or
/// a kill loses nothing: the next start finds it and offers to replay it.
///
/// Line one names the data it belongs to; then one line per step, `+`
/// and an edit for an edit or redo, `-` and an edit for an undo. Each
/// line is written with one `write(2)` as soon as the step is made, so
/// it is in the kernel's hands before the next key is read. A save
/// empties the journal; a clean quit removes it.
final class EditJournal {
  static let header = "# recscope journal 1"

  /// One replayable step.
  struct Step: Equatable {
    var undo: Bool
    var edit: ExplorerEdit
  }

  /// Where the steps go: the given path, or the fallback once the given
  /// one could not be created.
  private(set) var path: String
  /// Where to write when `path` cannot be created (data in a place that
  /// cannot be written); its directory is made as needed.
  let fallbackPath: String?
  /// The data the journal belongs to, named in its first line.
  let dataPath: String?
  private var descriptor: Int32 = -1
  /// Why the file could not be opened, once it was tried and failed.
  private(set) var failure: ExplorerMessage?

  /// A journal at `path`; the file is made by the first step appended,
  /// so looking at data never writes beside it.
  init(path: String, fallbackPath: String? = nil, dataPath: String?) {
    self.path = path
    self.fallbackPath = fallbackPath
    self.dataPath = dataPath
  }

  deinit { close() }

  /// The steps in a journal file, and the line number of the first line
  /// that could not be read (a half-written last line after a crash).
  static func read(_ path: String) -> (steps: [Step], badLine: Int?)? {
    guard let data = FileManager.default.contents(atPath: path) else {
      return nil
    }
    let text = String(decoding: data, as: UTF8.self)
    var steps: [Step] = []
    for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: true)
      .enumerated()
    {
      let line = String(raw)
      if line.hasPrefix("#") { continue }
      guard line.count > 2, line.hasPrefix("+\t") || line.hasPrefix("-\t"),
        let edit = ExplorerEdit(journalLine: String(line.dropFirst(2)))
      else { return (steps, n + 1) }
      steps.append(Step(undo: line.hasPrefix("-"), edit: edit))
    }
    return (steps, nil)
  }

  /// Opens the journal for appending, creating it with its header.
  /// - Throws: ``ExplorerMessage`` when the file cannot be written.
  func open() throws(ExplorerMessage) {
    guard descriptor < 0 else { return }
    var fd = Self.create(path)
    if fd < 0, let fallbackPath {
      let reason = errno
      try? FileManager.default.createDirectory(
        atPath: (fallbackPath as NSString).deletingLastPathComponent,
        withIntermediateDirectories: true)
      fd = Self.create(fallbackPath)
      if fd >= 0 { path = fallbackPath } else { errno = reason }
    }
    guard fd >= 0 else {
      throw ExplorerMessage("cannot write the journal \(path): "
                            + String(cString: strerror(errno)))
    }
    descriptor = fd
    var info = stat()
    if fstat(fd, &info) == 0, info.st_size == 0 {
      write(Self.header + "\t" + ExplorerEdit.escape(dataPath ?? "") + "\n")
    }
  }

  private static func create(_ path: String) -> Int32 {
    Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
  }

  /// Appends one step, opening the file first if need be.
  /// - Throws: ``ExplorerMessage`` the first time the file cannot be
  ///   opened; later steps are dropped without a word.
  func append(_ step: Step) throws(ExplorerMessage) {
    if descriptor < 0 {
      guard failure == nil else { return }
      do {
        try open()
      } catch {
        failure = error
        throw error
      }
    }
    write((step.undo ? "-\t" : "+\t") + step.edit.journalLine + "\n")
  }

  /// Empties the journal after a save: nothing in it is unsaved.
  func truncate() {
    guard descriptor >= 0 else { return }
    _ = ftruncate(descriptor, 0)
    write(Self.header + "\t" + ExplorerEdit.escape(dataPath ?? "") + "\n")
  }

  /// Closes and deletes the journal: nothing in it is unsaved.
  func remove() {
    close()
    unlink(path)
  }

  func close() {
    if descriptor >= 0 { Glibc.close(descriptor) }
    descriptor = -1
  }

  private func write(_ text: String) {
    guard descriptor >= 0 else { return }
    let bytes = Array(text.utf8)
    var done = 0
    while done < bytes.count {
      let n = bytes[done...].withUnsafeBytes {
        Glibc.write(descriptor, $0.baseAddress, $0.count)
      }
      if n <= 0 { break }
      done += n
    }
  }
}
