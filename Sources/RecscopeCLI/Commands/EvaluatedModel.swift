import RecscopeCore

/// A model `recscope lab` can compare: one of the engine's neighbourhood
/// or content algorithms, or a factor model trained on its own (biased MF
/// by SGD, which is Surprise's `SVD`, and by ALS), whose epochs the lab
/// follows one by one.
enum EvaluatedModel: Hashable, Sendable {
  case engine(Algorithm)
  case svd
  case als

  /// Every model, by command-line name, in the order help lists them.
  static let all: [EvaluatedModel] =
    Algorithm.allCases.filter { !$0.isFactorization }
      .map(EvaluatedModel.engine) + [.svd, .als]

  init?(name: String) {
    guard let model = Self.all.first(where: { $0.name == name }) else {
      return nil
    }
    self = model
  }

  /// The name `--algo` takes and the output shows.
  var name: String {
    switch self {
    case .engine(let algorithm): return algorithm.rawValue
    case .svd: return "svd"
    case .als: return "als"
    }
  }

  var isFactorModel: Bool {
    switch self {
    case .engine: return false
    case .svd, .als: return true
    }
  }
}

extension ValueKind where Value == EvaluatedModel {
  /// One model name, as `--algo` takes it.
  static var evaluatedModel: Self {
    let names = EvaluatedModel.all.map(\.name)
    return ValueKind(
      placeholder: "name", expectation: "one of " + names.joined(separator: ", "),
      choices: names, convert: EvaluatedModel.init(name:), describe: \.name)
  }
}
