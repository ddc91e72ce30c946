import Foundation
import RecscopeCLI
import RecscopeCore

/// One run of `recscope` with captured streams, and the scratch files
/// such runs read and write.
struct RecscopeRun {
  var status: Int32
  var output: String
  var errors: String

  init(_ arguments: [String]) {
    let output = CapturedText(), errors = CapturedText()
    status = Recscope.main(
      ["recscope"] + arguments,
      context: CommandContext(output: output, errorOutput: errors))
    self.output = output.text
    self.errors = errors.text
  }

  /// The output parsed as JSON.
  func json() throws -> Any {
    try JSONSerialization.jsonObject(with: Data(output.utf8))
  }

  /// A new empty directory under the temporary directory.
  static func scratchDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("recscope-eval-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: url, withIntermediateDirectories: true)
    return url
  }

  /// (user, item, rating) rows of a CSV file written with a header.
  static func rows(ofCSV url: URL) throws -> [RatingRecord] {
    let text = try String(contentsOf: url, encoding: .utf8)
    return text.split(separator: "\n").dropFirst().map { line in
      let f = line.split(separator: ",").map(String.init)
      return RatingRecord(f[0], f[1], Double(f[2]) ?? .nan)
    }
  }
}
