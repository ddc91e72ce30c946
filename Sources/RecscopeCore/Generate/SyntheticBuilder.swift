/// The work behind ``SyntheticData/generateWithTruth()``: draws the hidden
/// model, then the ratings user by user, into a ``Dataset``.
///
/// The model's spreads are set for a 1…5 scale to resemble MovieLens
/// (mean near 3.5, standard deviation near 1.1) and stretched with the
/// scale's width for other scales.
struct SyntheticBuilder {
  let recipe: SyntheticData
  let k: Int
  /// Width of the scale relative to 1…5.
  let stretch: Double

  /// Spread of b_u, b_i, each factor component, and ε, on a 1…5 scale.
  private static let userBiasSpread = 0.45
  private static let itemBiasSpread = 0.4
  private static let factorSpread = 0.5
  static let noiseSpread = 0.6
  /// How much of b_i follows popularity, in units of its spread.
  private static let popularityLean = 0.2
  /// Where μ sits between the scale's ends.
  private static let meanPosition = 0.63

  init(recipe: SyntheticData) {
    self.recipe = recipe
    k = recipe.dimension
    stretch = recipe.scale.width / 4
  }

  func build() -> (dataset: Dataset, truth: SyntheticTruth) {
    var seeds = RandomSource(seed: recipe.seed)
    var shapeRandom = RandomSource(seed: seeds.next())
    var factorRandom = RandomSource(seed: seeds.next())
    var featureRandom = RandomSource(seed: seeds.next())
    var choiceRandom = RandomSource(seed: seeds.next())
    var noiseRandom = RandomSource(seed: seeds.next())
    var orderRandom = RandomSource(seed: seeds.next())
    var timeRandom = RandomSource(seed: seeds.next())

    let popularity = SyntheticData.logNormalWeights(
      count: recipe.items, spread: recipe.popularitySpread,
      using: &shapeRandom)
    let activity = SyntheticData.logNormalWeights(
      count: recipe.users, spread: recipe.activitySpread,
      using: &shapeRandom)
    let degrees = SyntheticData.degrees(
      total: recipe.ratings, weights: activity, cap: recipe.items)

    let mean = recipe.scale.lower + Self.meanPosition * recipe.scale.width
    let userBias = (0..<recipe.users).map { _ in
      Self.userBiasSpread * stretch * factorRandom.normal()
    }
    let userFactors = gaussians(recipe.users * k, &factorRandom)
    let itemFactors = gaussians(recipe.items * k, &factorRandom)
    let itemBias = itemBiases(popularity: popularity, using: &factorRandom)

    let directions = featureDirections(using: &featureRandom)
    let flags = featureFlags(itemFactors: itemFactors, directions: directions,
                             using: &featureRandom)

    let model = HiddenModel(
      mean: mean, userBias: userBias, itemBias: itemBias,
      userFactors: userFactors, itemFactors: itemFactors)
    var matrix = RatingMatrix()
    let numberOf = drawRatings(
      model: model, degrees: degrees, popularity: popularity,
      into: &matrix, order: &orderRandom, choices: &choiceRandom,
      noise: &noiseRandom)
    if recipe.timestamps {
      matrix.attachTimes(ratingTimes(matrix, using: &timeRandom))
    }

    var catalog = ItemCatalog(
      featureNames: (0..<recipe.features).map { "f\($0 + 1)" })
    for (dense, number) in numberOf.enumerated() {
      let item = ItemIndex(dense)
      catalog.setTitle("Item \(number + 1)", of: item)
      if recipe.features > 0 {
        let row = number * recipe.features
        catalog.setFeatures(Array(flags[row ..< row + recipe.features]),
                            of: item)
      }
    }

    let truth = SyntheticTruth(
      globalMean: mean, dimension: k, userBias: userBias,
      itemBias: numberOf.map { itemBias[$0] },
      userFactors: userFactors.map { $0 * stretch.squareRoot() },
      itemFactors: numberOf.flatMap {
        itemFactors[$0 * k ..< ($0 + 1) * k].map { $0 * stretch.squareRoot() }
      },
      featureDirections: directions,
      popularity: numberOf.map { popularity[$0] })
    let dataset = Dataset(ratings: matrix, catalog: catalog,
                          scale: recipe.scale)
    return (dataset, truth)
  }

  /// Unix seconds at which the generated data begins, 2000-01-01.
  private static let firstTime = 946_684_800.0
  /// Three years, over which users start rating.
  private static let timeSpan = 3 * 365 * 86_400.0
  /// Mean gap between one user's consecutive ratings, one hour.
  private static let meanGap = 3_600.0

  /// t_ui per user, parallel to the user's ratings: a uniform start in
  /// the span, then exponential gaps.
  private func ratingTimes(_ matrix: RatingMatrix,
                           using random: inout RandomSource) -> [[Int64]] {
    matrix.byUser.map { row in
      var t = Self.firstTime + Self.timeSpan * random.unit()
      return row.map { _ in
        t += Self.meanGap * random.exponential()
        return Int64(t.rounded(.down))
      }
    }
  }

  /// `count` normal deviates with the factor spread.
  private func gaussians(_ count: Int,
                         _ random: inout RandomSource) -> [Double] {
    (0..<count).map { _ in Self.factorSpread * random.normal() }
  }

  /// b_i per item number: Gaussian, leaning towards the popular items.
  private func itemBiases(popularity: [Double],
                          using random: inout RandomSource) -> [Double] {
    let logs = popularity.map(PortableMath.log)
    let centre = logs.reduce(0, +) / Double(logs.count)
    let variance = logs.reduce(0) { $0 + ($1 - centre) * ($1 - centre) }
      / Double(logs.count)
    let spread = variance > 0 ? variance.squareRoot() : 1
    return logs.map { log in
      let lean = Self.popularityLean * (log - centre) / spread
      return Self.itemBiasSpread * stretch * (lean + random.normal())
    }
  }

  /// Unit vectors a_f, one after another.
  private func featureDirections(using random: inout RandomSource)
    -> [Double]
  {
    var directions: [Double] = []
    directions.reserveCapacity(recipe.features * k)
    for _ in 0..<recipe.features {
      var a = (0..<k).map { _ in random.normal() }
      var norm = a.reduce(0) { $0 + $1 * $1 }.squareRoot()
      if norm == 0 {
        a[0] = 1
        norm = 1
      }
      directions += a.map { $0 / norm }
    }
    return directions
  }

  /// Feature values per item number, `features` each: 1 when
  /// 0.8 z + 0.6 e passes the feature's threshold, where z = q_i·a_f / σ
  /// is standard normal and e independent noise. Thresholds from 0.4 to
  /// 1.3 give each feature between 10 % and 34 % of the items.
  private func featureFlags(itemFactors: [Double], directions: [Double],
                            using random: inout RandomSource) -> [Double] {
    let f = recipe.features
    guard f > 0 else { return [] }
    let thresholds = (0..<f).map { _ in 0.4 + 0.9 * random.unit() }
    var flags = [Double](repeating: 0, count: recipe.items * f)
    for i in 0..<recipe.items {
      for j in 0..<f {
        var z = 0.0
        for d in 0..<k {
          z += itemFactors[i * k + d] * directions[j * k + d]
        }
        z /= Self.factorSpread
        if 0.8 * z + 0.6 * random.normal() > thresholds[j] {
          flags[i * f + j] = 1
        }
      }
    }
    return flags
  }

  /// The values a rating can take: lower, lower + step, … up to the upper
  /// bound, each snapped to nine decimals so that a step such as 0.1
  /// gives 0.3 and not 0.30000000000000004.
  func ratingLevels() -> [Double] {
    let scale = recipe.scale, step = recipe.step
    let count = Int((scale.width / step + 1e-9).rounded(.down)) + 1
    return (0..<count).map { n in
      let value = scale.lower + Double(n) * step
      return abs(value) < 1e6 ? (value * 1e9).rounded() / 1e9 : value
    }
  }
}
