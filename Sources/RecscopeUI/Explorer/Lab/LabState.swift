import RecscopeCore

/// The parts of the lab view; on a small screen one shows at a time, as
/// a tab.
enum LabSection: Int, CaseIterable, Sendable {
  case models, curve, sweep

  var title: String {
    switch self {
    case .models: "Models"
    case .curve: "Learning curve"
    case .sweep: "Sweep"
    }
  }

  var shortTitle: String {
    switch self {
    case .models: "Models"
    case .curve: "Curve"
    case .sweep: "Sweep"
    }
  }

  var next: LabSection { LabSection(rawValue: (rawValue + 1) % 3) ?? .models }
  var previous: LabSection {
    LabSection(rawValue: (rawValue + 2) % 3) ?? .models
  }
}

/// What a lab part measures: the table with its curves, or one sweep.
enum LabPart: Equatable, Sendable {
  case models
  case sweep(LabSweepSetting, model: Algorithm)
}

/// The lab view's state between frames: what is open and chosen, the
/// last finished figures, and the run in progress.
///
/// Figures are kept with the ``LabKey`` they were measured on. While the
/// view is open, figures that do not match the explorer's current key
/// are measured again in the background; until that run ends the old
/// ones stay on screen, marked stale. A run the person cancels, or one
/// that fails, is not restarted for the same key: `r` does it.
struct LabState {
  var isOpen = false
  var section: LabSection = .models
  /// The selected row of the table.
  var cursor = 0
  /// The factor model whose learning curve shows, and whose settings the
  /// factor sweeps vary; follows the cursor onto svd or als.
  var factorModel: Algorithm = .svd
  var sweepSetting: LabSweepSetting = .k
  var split: LabSplit = .standard

  var evaluation: LabEvaluation?
  var sweeps: [LabSweepSetting: LabSweep] = [:]

  /// The run in progress, while it is the explorer's background task.
  var running: Run?
  /// A key whose runs stopped (cancelled, failed): no automatic rerun
  /// for it.
  var held: LabKey?
  /// How the last run ended, when not with figures.
  var note: Note?

  struct Run {
    let task: BackgroundTask
    let part: LabPart
    let key: LabKey
  }

  enum Note: Equatable {
    case cancelled
    case failed(String)
  }

  /// The sweep shown for the chosen setting, current or not.
  var shownSweep: LabSweep? { sweeps[sweepSetting] }
}
