/// A recipe for a synthetic rating data set with the shape of real ones,
/// for demonstrations, tests and benchmarks at any size.
///
/// The shape:
/// - **Who rates what.** Users differ in activity and items in popularity,
///   both log-normal, so both degree distributions are long-tailed. Every
///   user rates at least one item, no pair twice, and the total is
///   exactly `ratings`. Each user's items are drawn by popularity, without
///   replacement.
/// - **The values.** r_ui = μ + b_u + b_i + p_u·q_i + ε, the biased
///   matrix-factorisation model (Koren, Bell and Volinsky 2009), with
///   Gaussian biases, k-dimensional Gaussian factors and noise ε, rounded
///   to the nearest level of the scale and clipped to it. Popular items
///   lean slightly higher, as they do in MovieLens.
/// - **Item features.** Feature f flags item i (value 1, else 0) when a
///   noisy projection of q_i on a random direction a_f passes a threshold,
///   so features carry part of the taste signal, as genres do.
/// - **Ids and order.** Users are `u1…uN` and items `i1…iM`, titled
///   `Item 17`. Users come in order, and each user's items in one
///   catalogue order shared by all, a random permutation of the items (as
///   MovieLens lists each user's films by id), so dense item indices
///   (order of first appearance) follow no id order. Items that nobody
///   rated come last.
/// - **Times**, when ``timestamps`` asks for them. Each user starts at a
///   uniform moment of the three years from 2000-01-01 and rates their
///   items in file order, with exponential gaps of mean one hour, in
///   whole Unix seconds: so the latest ratings mix new users with the
///   tails of active ones, as in MovieLens.
///
/// The same recipe gives the same data, bit for bit, on every platform:
/// all randomness comes from ``SeededGenerator`` through draws written
/// out here, with portable arithmetic. Separate streams feed the shape,
/// the factors, the features, the choices and the noise, so asking for a
/// different number of features, or times, leaves the ratings unchanged.
///
/// MovieLens 20M's size (138,000 users, 27,000 items, 20 million ratings)
/// takes seconds and about 1.5 GB, most of it the ``RatingMatrix``.
public struct SyntheticData: Sendable, Equatable {
  /// N, the number of users.
  public var users: Int
  /// M, the number of items.
  public var items: Int
  /// |R|, the exact number of ratings.
  public var ratings: Int
  public var seed: UInt64
  /// F, the number of 0/1 item features, named `f1…fF`.
  public var features: Int
  public var scale: RatingScale
  /// Distance between rating levels, counted from the scale's lower end.
  public var step: Double
  /// Whether each rating gets a time t_ui (see the type's notes).
  public var timestamps = false
  /// k, the length of the latent vectors.
  public var dimension = 8
  /// σ of the log-normal item popularity; larger is more skewed. 1.25
  /// gives MovieLens's ratio of median to mean item degree, about 0.46.
  public var popularitySpread = 1.25
  /// σ of the log-normal user activity; larger is more skewed. 1.0 gives
  /// MovieLens's ratio of median to mean user degree, about 0.6.
  public var activitySpread = 1.0
  /// Ratings drawn before they are added to the matrix in one go; changes
  /// speed only, never the data.
  var ratingsPerBlock = 1 << 18

  /// - Parameters:
  ///   - step: distance between rating levels; by default 1 on a scale
  ///     with whole-number bounds (MovieLens 100K), else 0.5.
  public init(users: Int, items: Int, ratings: Int, seed: UInt64 = 1,
              features: Int = 0, scale: RatingScale = RatingScale(1, 5),
              step: Double? = nil) {
    self.users = users
    self.items = items
    self.ratings = ratings
    self.seed = seed
    self.features = features
    self.scale = scale
    self.step = step ?? Self.defaultStep(for: scale)
  }

  /// The most rating levels a scale may have.
  public static let maximumLevels = 1 << 16

  /// 1 when both bounds are whole numbers, else 0.5.
  public static func defaultStep(for scale: RatingScale) -> Double {
    scale.lower.rounded() == scale.lower && scale.upper.rounded() == scale.upper
      ? 1 : 0.5
  }

  /// Checks that the recipe can be met.
  public func validate() throws(SyntheticDataError) {
    let indexable = 1...Int(Int32.max)
    if !indexable.contains(users) {
      throw .countOutOfRange(name: "users", value: users, allowed: indexable)
    }
    if !indexable.contains(items) {
      throw .countOutOfRange(name: "items", value: items, allowed: indexable)
    }
    if !(0...100_000).contains(features) {
      throw .countOutOfRange(name: "features", value: features,
                             allowed: 0...100_000)
    }
    if !(1...1_000).contains(dimension) {
      throw .countOutOfRange(name: "dimension", value: dimension,
                             allowed: 1...1_000)
    }
    if ratings < users {
      throw .tooFewRatings(ratings: ratings, users: users)
    }
    let (pairs, overflow) = users.multipliedReportingOverflow(by: items)
    if !overflow && ratings > pairs {
      throw .tooManyRatings(ratings: ratings, pairs: pairs)
    }
    if !(step > 0 && step.isFinite && step <= scale.width
         && scale.width / step <= Double(Self.maximumLevels - 1)) {
      throw .invalidStep(step: step, scale: scale)
    }
  }

  /// The data set.
  /// - Complexity: O(|R| + (N + M) log(N + M)) expected, for popularity
  ///   that is not concentrated on a handful of items.
  public func generate() throws(SyntheticDataError) -> Dataset {
    try generateWithTruth().dataset
  }

  /// The data set, with the hidden quantities it was drawn from.
  public func generateWithTruth() throws(SyntheticDataError)
    -> (dataset: Dataset, truth: SyntheticTruth)
  {
    try validate()
    return SyntheticBuilder(recipe: self).build()
  }
}
