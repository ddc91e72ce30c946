import RecscopeCore

/// The lab view: opening and closing it, its keys, and the background
/// runs that keep its figures in step with the data and settings.
///
/// Runs start only while the view is open, so editing with the view
/// closed costs nothing; opening it, or changing the data, the settings
/// or the split while it is open, measures again in the background.
extension ExplorerState {
  /// What the lab's figures must have been measured on to be current.
  var currentLabKey: LabKey {
    LabKey(inputRevision: inputRevision, split: lab.split)
  }

  /// How the lab plots: braille dots where the screen shows UTF-8 and
  /// 256 colours or more tell the lines apart; quadrant blocks, bolder,
  /// in the eight theme colours; ASCII marks, which name each line by
  /// its character, without colour or outside UTF-8 (where the terminal
  /// would show braille as `?`).
  var labGlyphs: PlotGlyphs {
    guard options.unicode else { return .ascii }
    switch colorMode {
    case .none: return .ascii
    case .basic8: return .block
    case .palette256, .trueColor: return .braille
    }
  }

  /// Whether the lab's run is the background task now.
  var labIsRunning: Bool {
    guard let run = lab.running, let running = background else { return false }
    return run.task === running.task
  }

  /// `L`: opens the lab with the explorer's algorithm selected.
  func openLab() {
    lab.isOpen = true
    lab.cursor = 0
    let algorithm = engine.settings.algorithm
    if algorithm.isFactorization { lab.factorModel = algorithm }
  }

  /// Closes the view; a run goes on, its progress on the status line.
  func closeLab() {
    lab.isOpen = false
  }

  /// The table's models, from the last run or, before one, those a run
  /// would measure.
  var labModels: [Algorithm] {
    lab.evaluation?.rows.map(\.algorithm) ?? labInputs().models
  }

  /// The data and settings as they are now, for a run.
  func labInputs() -> LabInputs {
    LabInputs(dataset: engine.dataset, settings: engine.settings,
              split: lab.split, key: currentLabKey)
  }

  /// The model the chosen sweep varies.
  var labSweepModel: Algorithm {
    lab.sweepSetting.model(for: engine.settings, factorModel: lab.factorModel)
  }

  /// The part that is missing or stale, table first.
  func labPartNeeded() -> LabPart? {
    let key = currentLabKey
    guard lab.evaluation?.key == key else { return .models }
    let model = labSweepModel
    if let sweep = lab.sweeps[lab.sweepSetting], sweep.key == key,
      sweep.model == model
    {
      return nil
    }
    return .sweep(lab.sweepSetting, model: model)
  }

  /// Starts what the open view lacks, unless something runs already or
  /// the person stopped the runs for this key. A run for an older key is
  /// cancelled first: its figures would be stale on arrival.
  func followLab() {
    guard lab.isOpen, overlay == nil, prompt == nil else { return }
    let key = currentLabKey
    if labIsRunning, let run = lab.running {
      guard run.key != key else { return }
      lab.running = nil
      cancelBackground(quietly: true)
    }
    guard background == nil, lab.held != key,
      let part = labPartNeeded()
    else { return }
    startLab(part)
  }

  /// `r`: measures again now, whatever is current, and lifts a hold.
  func rerunLab() {
    lab.held = nil
    lab.note = nil
    if labIsRunning {
      lab.running = nil
      cancelBackground(quietly: true)
    }
    guard background == nil else {
      followLab()
      return
    }
    startLab(labPartNeeded() ?? .models)
  }

  private func startLab(_ part: LabPart) {
    let inputs = labInputs()
    let key = inputs.key
    let total: Int
    let title: String
    switch part {
    case .models:
      total = inputs.modelSteps
      title = "lab: models"
    case .sweep(let setting, let model):
      total = LabRunner.sweepSteps(inputs, setting, model: model)
      title = "lab: \(setting.rawValue) sweep"
    }
    let started = startBackground(
      title: title, total: total, unit: "step",
      work: { reporter in
        let steps = LabSteps(
          total: total,
          report: { step, detail in
            reporter.report(.init(step: step, total: total, unit: "step",
                                  detail: detail))
          },
          cancelled: { reporter.isCancelled })
        return try LabRunner.run(part, inputs, steps: steps)
      },
      finish: { [unowned self] value in
        finishLab(value as? LabOutcome, key: key)
      },
      cancelled: { [unowned self] in
        labRunCancelled(key)
      })
    guard started, let task = background?.task else { return }
    lab.running = LabState.Run(task: task, part: part, key: key)
    lab.note = nil
  }

  private func finishLab(_ outcome: LabOutcome?, key: LabKey) {
    lab.running = nil
    switch outcome {
    case .models(let evaluation)?:
      lab.evaluation = evaluation
      if let sweep = evaluation.sweep { lab.sweeps[sweep.setting] = sweep }
      let count = evaluation.rows.count
      lab.cursor = min(lab.cursor, max(0, count - 1))
    case .sweep(let sweep)?:
      lab.sweeps[sweep.setting] = sweep
    case .failed(let reason)?:
      lab.note = .failed(reason)
      lab.held = key
    case nil:
      break
    }
    followLab()
  }

  /// A cancel from Esc (here or in the panes) or from closing the
  /// explorer; a rerun clears ``LabState/running`` before cancelling, so
  /// it does not count.
  private func labRunCancelled(_ key: LabKey) {
    guard lab.running != nil else { return }
    lab.running = nil
    lab.note = .cancelled
    lab.held = key
  }

  // MARK: Keys

  /// Keys while the view is open and no overlay or prompt is.
  func labViewKey(_ key: Key) -> ExplorerEffect {
    switch key {
    case .character("L"), .character("q"):
      closeLab()
    case .escape:
      if background != nil { cancelBackground() } else { closeLab() }
    case .up, .character("k"): moveLabCursor(to: lab.cursor - 1)
    case .down, .character("j"): moveLabCursor(to: lab.cursor + 1)
    case .home, .character("g"): moveLabCursor(to: 0)
    case .end, .character("G"): moveLabCursor(to: labModels.count - 1)
    case .enter:
      if let text = labExplanation() {
        overlay = .explanation(text)
      } else {
        fail("the selected model has no figures yet; r measures them")
      }
    case .left, .character("h"): stepSweep(by: -1)
    case .right, .character("l"): stepSweep(by: 1)
    case .tab: lab.section = lab.section.next
    case .backTab: lab.section = lab.section.previous
    case .character(let c) where "123".contains(c):
      lab.section = LabSection(rawValue: Int(String(c))! - 1) ?? lab.section
    case .character("r"):
      rerunLab()
    case .character("f"):
      lab.split = lab.split.toggled
      say("the lab now uses \(lab.split.description)")
    case .character("?"), .function(1):
      overlay = .labHelp(top: 0)
    case .character("s"):
      overlay = .settings(cursor: 0)
    case .character(":"):
      prompt = Prompt(purpose: .command, label: ":")
    case .character("u"):
      undo()
    case .control("r"):
      redo()
    default:
      return .none
    }
    return .redraw
  }

  /// Selects a row; on svd or als the curve and the factor sweeps follow.
  private func moveLabCursor(to row: Int) {
    let models = labModels
    lab.cursor = Self.clamp(row, models.count)
    guard lab.cursor < models.count else { return }
    let model = models[lab.cursor]
    if model.isFactorization { lab.factorModel = model }
  }

  private func stepSweep(by step: Int) {
    let all = LabSweepSetting.allCases
    let at = all.firstIndex(of: lab.sweepSetting) ?? 0
    lab.sweepSetting = all[(at + step + all.count) % all.count]
  }
}
