import Foundation

/// The file system as the loader and writer need it: reading whole files
/// or standard input, and naming files beside one another.
public enum DataFiles {
  /// The path that stands for standard input.
  static let standardInput = "-"

  public enum Kind: Sendable { case missing, file, directory }

  public static func kind(of path: String) -> Kind {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path,
                                         isDirectory: &isDirectory)
    else { return .missing }
    return isDirectory.boolValue ? .directory : .file
  }

  /// Files at least this large are mapped into memory instead of read.
  static let mappingThreshold = 64 << 20

  /// The whole file, or standard input for `-`.
  static func read(_ path: String) throws(DataError) -> Data {
    do {
      if path == standardInput {
        return try FileHandle.standardInput.readToEnd() ?? Data()
      }
      let attributes = try? FileManager.default.attributesOfItem(atPath: path)
      let size = attributes?[.size] as? Int ?? 0
      guard attributes?[.type] as? FileAttributeType == .typeRegular else {
        // Pipes and devices have no size to read up to.
        guard let handle = FileHandle(forReadingAtPath: path) else {
          throw POSIXError(.EACCES)
        }
        defer { try? handle.close() }
        return try handle.readToEnd() ?? Data()
      }
      let url = URL(fileURLWithPath: path)
      // Mapping spares copying and faulting in a private buffer, about a
      // second per 500 MB here; the price is that a file truncated by
      // another program while it loads ends the process, so small files,
      // where the gain is small, are read.
      if size >= mappingThreshold {
        return try Data(contentsOf: url, options: .alwaysMapped)
      }
      return try Data(contentsOf: url)
    } catch {
      throw DataError(file: path, problem: .unreadable(reason: reason(error)))
    }
  }

  /// Writes `data` through a temporary file in the same directory that is
  /// then renamed over `path`, so a reader never sees half a file.
  static func write(_ data: Data, to path: String) throws(DataError) {
    do {
      try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw DataError(file: path, problem: .writeFailed(reason: reason(error)))
    }
  }

  /// `name` inside `directory`, keeping a relative directory relative.
  public static func join(_ directory: String, _ name: String) -> String {
    if directory.isEmpty { return name }
    return directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }

  /// The directory part of `path`; empty for a bare file name.
  public static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// The first of `names` that is a file in `directory`.
  static func firstFile(in directory: String, named names: [String])
    -> String?
  {
    names.lazy.map { join(directory, $0) }.first { kind(of: $0) == .file }
  }

  /// A short reason from a Foundation error, without its boilerplate.
  private static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain,
      let message = strerror(Int32(underlying.code))
    {
      return String(cString: message).lowercased()
    }
    if nsError.domain == NSPOSIXErrorDomain,
      let message = strerror(Int32(nsError.code))
    {
      return String(cString: message).lowercased()
    }
    var text = nsError.localizedDescription
    while text.hasSuffix(".") { text.removeLast() }
    return text
  }
}
