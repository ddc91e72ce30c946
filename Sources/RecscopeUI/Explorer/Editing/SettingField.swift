import RecscopeCore

/// One engine setting as the settings view and `:set` see it: a name to
/// type, its value as text, a way to step it and a way to parse it.
public enum SettingField: String, CaseIterable, Sendable {
  case algorithm, basis, similarity, k, minK, minSupport, shrinkage
  case hybridWeight, hybridMinRatings
  case factors, epochs, learningRate, regularization, biasRegularization
  case seed

  /// The name `:set` accepts, as in the engine's explanations.
  public var name: String {
    switch self {
    case .algorithm: "algorithm"
    case .basis: "basis"
    case .similarity: "similarity"
    case .k: "k"
    case .minK: "min_k"
    case .minSupport: "min_support"
    case .shrinkage: "shrinkage"
    case .hybridWeight: "hybrid_weight"
    case .hybridMinRatings: "hybrid_min_ratings"
    case .factors: "factors"
    case .epochs: "epochs"
    case .learningRate: "lr"
    case .regularization: "reg"
    case .biasRegularization: "reg_bias"
    case .seed: "seed"
    }
  }

  /// Other spellings `:set` takes.
  var aliases: [String] {
    switch self {
    case .algorithm: ["algo", "algorithm"]
    case .basis: ["basis", "based"]
    case .similarity: ["sim", "similarity", "measure"]
    case .k: ["k"]
    case .minK: ["min_k", "mink", "min-k"]
    case .minSupport: ["min_support", "minsupport", "min-support"]
    case .shrinkage: ["shrinkage", "shrink"]
    case .hybridWeight: ["hybrid_weight", "weight", "hybrid-weight", "w"]
    case .hybridMinRatings:
      ["hybrid_min_ratings", "hybrid-min-ratings", "min_ratings"]
    case .factors: ["factors", "k_factors", "n_factors"]
    case .epochs: ["epochs", "n_epochs"]
    case .learningRate: ["lr", "lr_all", "learning_rate"]
    case .regularization: ["reg", "reg_all", "regularization"]
    case .biasRegularization: ["reg_bias", "reg-bias", "reg_b"]
    case .seed: ["seed"]
    }
  }

  static func named(_ text: String) -> SettingField? {
    let key = text.lowercased()
    return allCases.first { $0.aliases.contains(key) }
  }

  /// What the value means, for the settings view.
  var help: String {
    switch self {
    case .algorithm: "how ratings are predicted"
    case .basis: "compare users with users, or items with items"
    case .similarity: "measure between two rows"
    case .k: "most neighbours a prediction uses"
    case .minK: "fewest neighbours needed"
    case .minSupport: "fewest co-rated entries for a similarity"
    case .shrinkage: "pearson-baseline shrinkage"
    case .hybridWeight: "hybrid weight on k-NN (content gets the rest)"
    case .hybridMinRatings: "below this many ratings, content alone"
    case .factors: "svd/als: latent factors k (R retrains)"
    case .epochs: "svd/als: passes over the ratings"
    case .learningRate: "svd: SGD learning rate"
    case .regularization: "svd/als: regularization"
    case .biasRegularization: "svd/als: regularization of the biases alone"
    case .seed: "svd/als: seed of the starting factors"
    }
  }

  public func value(in s: EngineSettings) -> String {
    switch self {
    case .algorithm: s.algorithm.rawValue
    case .basis: s.basis.rawValue
    case .similarity: s.similarity.rawValue
    case .k: String(s.k)
    case .minK: String(s.minK)
    case .minSupport: String(s.minSupport)
    case .shrinkage: display(s.shrinkage)
    case .hybridWeight: display(s.hybridWeight)
    case .hybridMinRatings: String(s.hybridMinRatings)
    case .factors: String(s.factorization.factorCount(for: s.algorithm))
    case .epochs: String(s.factorization.epochCount(for: s.algorithm))
    case .learningRate: display(s.factorization.learningRateValue)
    case .regularization:
      display(s.factorization.regularizationValue(for: s.algorithm))
    case .biasRegularization:
      display(s.factorization.biasRegularizationValue(for: s.algorithm))
    case .seed: String(s.factorization.seed)
    }
  }

  /// The settings with this field set from text.
  /// - Throws: ``ExplorerMessage`` naming the value and what fits.
  func setting(_ text: String, in s: EngineSettings) throws(ExplorerMessage)
    -> EngineSettings
  {
    var out = s
    let t = text.lowercased()
    func integer() throws(ExplorerMessage) -> Int {
      guard let n = Int(t) else {
        throw ExplorerMessage("\(name) takes a whole number, not \"\(text)\"")
      }
      return n
    }
    func real() throws(ExplorerMessage) -> Double {
      guard let x = Double(t), x.isFinite else {
        throw ExplorerMessage("\(name) takes a number, not \"\(text)\"")
      }
      return x
    }
    switch self {
    case .algorithm:
      guard let a = Algorithm(rawValue: t) else {
        throw Self.choice(name, text, Algorithm.allCases.map(\.rawValue))
      }
      out.algorithm = a
    case .basis:
      guard let b = Basis(rawValue: t.replacingOccurrences(of: "-based", with: ""))
      else { throw Self.choice(name, text, Basis.allCases.map(\.rawValue)) }
      out.basis = b
    case .similarity:
      guard let m = SimilarityMeasure(rawValue: t) else {
        throw Self.choice(name, text, SimilarityMeasure.allCases.map(\.rawValue))
      }
      out.similarity = m
    case .k: out.k = try integer()
    case .minK: out.minK = try integer()
    case .minSupport: out.minSupport = try integer()
    case .shrinkage: out.shrinkage = try real()
    case .hybridWeight: out.hybridWeight = try real()
    case .hybridMinRatings: out.hybridMinRatings = try integer()
    case .factors: out.factorization.factors = try integer()
    case .epochs: out.factorization.epochs = try integer()
    case .learningRate: out.factorization.learningRate = try real()
    case .regularization: out.factorization.regularization = try real()
    case .biasRegularization:
      out.factorization.biasRegularization = try real()
    case .seed:
      guard let n = UInt64(t) else {
        throw ExplorerMessage("seed takes a whole number 0 or more, "
                              + "not \"\(text)\"")
      }
      out.factorization.seed = n
    }
    if let problem = out.problem { throw ExplorerMessage(problem) }
    return out
  }

  /// The settings with this field one step up (`by` = 1) or down,
  /// wrapping through choices and stopping at a number's bounds.
  func stepped(_ s: EngineSettings, by step: Int) -> EngineSettings {
    var out = s
    func cycle<T: Equatable>(_ all: [T], _ current: T) -> T {
      let at = all.firstIndex(of: current) ?? 0
      return all[(at + step + all.count) % all.count]
    }
    switch self {
    case .algorithm: out.algorithm = cycle(Algorithm.allCases, s.algorithm)
    case .basis: out.basis = cycle(Basis.allCases, s.basis)
    case .similarity:
      out.similarity = cycle(SimilarityMeasure.allCases, s.similarity)
    case .k: out.k = max(1, s.k + step)
    case .minK: out.minK = max(0, s.minK + step)
    case .minSupport: out.minSupport = max(0, s.minSupport + step)
    case .shrinkage: out.shrinkage = max(0, s.shrinkage + Double(step) * 10)
    case .hybridWeight:
      let w = (s.hybridWeight * 10).rounded() + Double(step)
      out.hybridWeight = min(1, max(0, w / 10))
    case .hybridMinRatings:
      out.hybridMinRatings = max(0, s.hybridMinRatings + step)
    case .factors:
      let k = s.factorization.factorCount(for: s.algorithm)
      out.factorization.factors = max(1, k + step * (k >= 20 ? 10 : 1))
    case .epochs:
      let n = s.factorization.epochCount(for: s.algorithm)
      out.factorization.epochs = max(0, n + step)
    case .learningRate:
      // Rates matter by order of magnitude: halve or double.
      out.factorization.learningRate =
        s.factorization.learningRateValue * (step > 0 ? 2 : 0.5)
    case .regularization:
      let reg = s.factorization.regularizationValue(for: s.algorithm)
      out.factorization.regularization = reg * (step > 0 ? 2 : 0.5)
    case .biasRegularization:
      let reg = s.factorization.biasRegularizationValue(for: s.algorithm)
      out.factorization.biasRegularization = reg * (step > 0 ? 2 : 0.5)
    case .seed:
      out.factorization.seed = step < 0 && s.factorization.seed == 0
        ? 0 : UInt64(Int(s.factorization.seed) + step)
    }
    return out
  }

  private static func choice(_ name: String, _ text: String,
                             _ options: [String]) -> ExplorerMessage {
    ExplorerMessage("\(name) \"\(text)\" is not one of "
                    + options.joined(separator: ", "))
  }
}
