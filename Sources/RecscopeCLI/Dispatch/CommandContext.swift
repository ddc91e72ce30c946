import Foundation

/// What a command may touch besides its arguments: where to write, and
/// how to read standard input. Tests pass captured streams instead of the
/// real ones.
public struct CommandContext: Sendable {
  public let output: any TextSink
  public let errorOutput: any TextSink
  private let readStandardInput: @Sendable () throws -> Data

  /// - Parameter standardInput: reads all of standard input; empty by
  ///   default, as in tests.
  public init(
    output: any TextSink, errorOutput: any TextSink,
    standardInput: @escaping @Sendable () throws -> Data = { Data() }
  ) {
    self.output = output
    self.errorOutput = errorOutput
    self.readStandardInput = standardInput
  }

  /// The process's own standard streams.
  public static var standard: CommandContext {
    CommandContext(
      output: StandardStream.output, errorOutput: StandardStream.error,
      standardInput: { try FileHandle.standardInput.readToEnd() ?? Data() })
  }

  /// The bytes of the file at `path`, or of standard input for `-`.
  /// - Throws: ``CommandFailure`` naming the path and the reason.
  public func contents(of path: String) throws(CommandFailure) -> Data {
    do {
      if path == "-" { return try readStandardInput() }
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path,
                                           isDirectory: &isDirectory)
      else { throw CommandFailure("cannot read '\(path)': no such file") }
      if isDirectory.boolValue {
        throw CommandFailure("cannot read '\(path)': it is a directory")
      }
      return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch let failure as CommandFailure {
      throw failure
    } catch {
      let what = path == "-" ? "standard input" : "'\(path)'"
      throw CommandFailure("cannot read \(what): \(error.localizedDescription)")
    }
  }
}
