import Foundation
import RecscopeCore
import TestSupport
@testable import RecscopeUI

/// Explorers on the bundled samples, with journals and copies kept in a
/// fresh temporary directory per test.
struct ExplorerFixture {
  let directory: URL

  init() {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("recscope-ui-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(
      at: directory, withIntermediateDirectories: true)
  }

  /// A copy of a sample in the temporary directory, so saving is safe.
  func copyOfSample(_ name: String) -> String {
    let target = directory.appendingPathComponent(name)
    try? FileManager.default.copyItem(at: Fixtures.sample(name), to: target)
    return target.path
  }

  func engine(_ path: String) throws -> (Engine, LoadReport) {
    let (data, report) = try DatasetLoader().load(path)
    return (try Engine(dataset: data), report)
  }

  func options(dataPath: String?, report: LoadReport?,
               restore: ExplorerOptions.RestorePolicy = .ask)
    -> ExplorerOptions
  {
    ExplorerOptions(
      dataPath: dataPath, report: report, restore: restore,
      environment: [:], clipboardEscape: false,
      copyPath: directory.appendingPathComponent("copy.txt").path)
  }

  /// An explorer on a copy of `sample`, ready for keys.
  func state(_ sample: String = "teaching",
             size: Size = Size(width: 100, height: 30),
             colorMode: ColorMode = .palette256,
             restore: ExplorerOptions.RestorePolicy = .ask) throws
    -> ExplorerState
  {
    let path = copyOfSample(sample)
    let (engine, report) = try self.engine(path)
    return ExplorerState(
      engine: engine,
      options: options(dataPath: path, report: report, restore: restore),
      size: size, colorMode: colorMode)
  }

  /// Replays a script and returns the screen's text rows.
  @discardableResult
  func type(_ script: String, into state: ExplorerState) throws -> [String] {
    ExplorerHeadless.replay(try KeyScript.parse(script), on: state).textRows
  }
}
