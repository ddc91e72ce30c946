import RecscopeCore

/// A setting the lab sweeps: the number of neighbours of a k-NN model, or
/// the factors, regularization or epochs of a factor model. Each value
/// is trained and scored on the same splits, so the sweep shows where a
/// model moves from underfitting (both errors high) to overfitting (train
/// error falling while test error rises).
public enum LabSweepSetting: String, CaseIterable, Sendable {
  case k, factors, reg, epochs

  /// The values swept besides the explorer's own, spread over the
  /// orders of magnitude that matter on MovieLens-sized data. Factors
  /// stop at 50: ALS solves a k × k system per user and item, and 100
  /// would cost eight times as much (svd's default of 100 is added as
  /// its own value).
  var standardValues: [Double] {
    switch self {
    case .k: [1, 2, 5, 10, 20, 40]
    case .factors: [2, 5, 10, 20, 50]
    case .reg: [0.005, 0.02, 0.05, 0.1, 0.2, 0.5]
    case .epochs: [1, 2, 5, 10, 20, 40]
    }
  }

  /// Whether the values are whole numbers.
  var isIntegral: Bool { self != .reg }

  /// The model the sweep varies: for k the explorer's algorithm when it
  /// has neighbours, else `knn-basic`; for the others the factor model
  /// whose learning curve the lab shows.
  func model(for settings: EngineSettings,
             factorModel: Algorithm) -> Algorithm {
    switch self {
    case .k:
      settings.algorithm.isNeighbourhood ? settings.algorithm : .knnBasic
    case .factors, .reg, .epochs:
      factorModel
    }
  }

  /// The setting's value in `settings` when `model` predicts.
  func current(in settings: EngineSettings, model: Algorithm) -> Double {
    let f = settings.factorization
    switch self {
    case .k: return Double(settings.k)
    case .factors: return Double(f.factorCount(for: model))
    case .reg: return f.regularizationValue(for: model)
    case .epochs: return Double(f.epochCount(for: model))
    }
  }

  /// The standard values and the current one, ascending.
  func values(in settings: EngineSettings, model: Algorithm) -> [Double] {
    Array(Set(standardValues + [current(in: settings, model: model)]))
      .sorted()
  }

  /// `settings` predicting with `model`, this setting at `value`.
  func settings(_ settings: EngineSettings, model: Algorithm,
                value: Double) -> EngineSettings {
    var out = settings
    out.algorithm = model
    switch self {
    case .k: out.k = Int(value)
    case .factors: out.factorization.factors = Int(value)
    case .reg: out.factorization.regularization = value
    case .epochs: out.factorization.epochs = Int(value)
    }
    return out
  }

  /// A value as the sweep's axis and table show it: `20`, `0.05`.
  func label(_ value: Double) -> String {
    isIntegral ? String(Int(value)) : NumberText.short(value, digits: 4)
  }
}
