// swift-tools-version:6.0
import PackageDescription

/// recscope: a terminal explorer for recommender systems.
///
/// Layers, from the bottom: `RecscopeCore` (data, engine; no terminal),
/// `RecscopeUI` (state, panes and an in-memory cell grid; no curses),
/// `RecscopeTerminal` (the one adapter that talks to ncursesw), and
/// `RecscopeCLI` (commands), wrapped by the thin `recscope` executable.
let package = Package(
  name: "recscope",
  products: [
    .executable(name: "recscope", targets: ["recscope"]),
    .library(name: "RecscopeCore", targets: ["RecscopeCore"]),
  ],
  targets: [
    .target(name: "RecscopeCore"),
    .systemLibrary(
      name: "CNcursesw",
      path: "Sources/CNcursesw",
      providers: [.apt(["libncurses-dev"])]),
    .target(name: "RecscopeUI", dependencies: ["RecscopeCore"]),
    .target(
      name: "RecscopeTerminal",
      dependencies: ["RecscopeUI", "CNcursesw"]),
    .target(
      name: "RecscopeCLI",
      dependencies: ["RecscopeCore", "RecscopeUI", "RecscopeTerminal"]),
    .executableTarget(name: "recscope", dependencies: ["RecscopeCLI"]),
    .target(
      name: "TestSupport",
      dependencies: ["RecscopeCore"],
      path: "Tests/TestSupport"),
    .testTarget(
      name: "RecscopeCoreTests",
      dependencies: ["RecscopeCore", "TestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "RecscopeUITests",
      dependencies: ["RecscopeUI", "RecscopeCore", "TestSupport"]),
    .testTarget(
      name: "RecscopeTerminalTests",
      dependencies: [
        "RecscopeTerminal", "RecscopeUI", "RecscopeCore", "CNcursesw",
      ]),
    .testTarget(
      name: "RecscopeCLITests",
      dependencies: ["RecscopeCLI", "TestSupport", "recscope"],
      exclude: ["Fixtures"]),
  ]
)
