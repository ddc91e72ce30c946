import Foundation

/// The little file-system knowledge the explorer needs of its own:
/// whether a path is a directory, and joining names.
enum FileKind: Equatable {
  case missing, file, directory

  static func of(_ path: String) -> FileKind {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path,
                                         isDirectory: &isDirectory)
    else { return .missing }
    return isDirectory.boolValue ? .directory : .file
  }

  static func join(_ directory: String, _ name: String) -> String {
    if directory.isEmpty { return name }
    return directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }

  /// The directory part of `path`; `.` for a bare name.
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }
}
