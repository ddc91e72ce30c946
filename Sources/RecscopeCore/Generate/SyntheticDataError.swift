/// Why a ``SyntheticData`` request cannot be met.
public enum SyntheticDataError: Error, Equatable, Sendable,
  CustomStringConvertible
{
  /// A count that must be positive (users, items, latent dimension) or
  /// non-negative (features) is not, or exceeds what an index can hold.
  case countOutOfRange(name: String, value: Int, allowed: ClosedRange<Int>)
  /// Fewer ratings than users: every user must have at least one.
  case tooFewRatings(ratings: Int, users: Int)
  /// More ratings than there are distinct (user, item) pairs.
  case tooManyRatings(ratings: Int, pairs: Int)
  /// The step between rating levels is wider than the scale itself, or so
  /// fine that the scale would have more than
  /// ``SyntheticData/maximumLevels`` levels.
  case invalidStep(step: Double, scale: RatingScale)

  public var description: String {
    switch self {
    case let .countOutOfRange(name, value, allowed):
      return "\(name) must be from \(allowed.lowerBound) to "
        + "\(allowed.upperBound), got \(value)"
    case let .tooFewRatings(ratings, users):
      return "\(ratings) ratings cannot give each of \(users) users one; "
        + "ask for at least \(users)"
    case let .tooManyRatings(ratings, pairs):
      return "\(ratings) ratings exceed the \(pairs) distinct (user, item) "
        + "pairs; ask for at most \(pairs)"
    case let .invalidStep(step, scale):
      let finest = scale.width / Double(SyntheticData.maximumLevels - 1)
      return "a step of \(step) does not fit the scale \(scale); use a "
        + "step from \(finest) to \(scale.width)"
    }
  }
}
