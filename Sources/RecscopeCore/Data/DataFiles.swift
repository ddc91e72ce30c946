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

  /// The whole file, or standard input for `-`.
  static func read(_ path: String) throws(DataError) -> Data {
    do {
      if path == standardInput {
        return try FileHandle.standardInput.readToEnd() ?? Data()
      }
      guard let handle = FileHandle(forReadingAtPath: path) else {
        throw DataError(file: path,
                        problem: .unreadable(reason: "permission denied"))
      }
      defer { try? handle.close() }
      return try handle.readToEnd() ?? Data()
    } catch let error as DataError {
      throw error
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
    return nsError.localizedDescription
  }
}
