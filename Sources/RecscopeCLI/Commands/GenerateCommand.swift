import Foundation
import RecscopeCore

/// `recscope generate`: writes a synthetic data set, shaped like real
/// ratings, as the two CSV files the other commands read.
enum GenerateCommand: Command {
  static let users = Option(
    "users", .integer(atLeast: 1), required: true, help: "Number of users.")
  static let items = Option(
    "items", .integer(atLeast: 1), required: true, help: "Number of items.")
  static let ratings = Option(
    "ratings", .integer(atLeast: 1), required: true,
    help: "Number of ratings, at least one per user and at most one per "
      + "user and item.")
  static let seed = Option(
    "seed", .integer(atLeast: 0), default: 1,
    help: "Seed for the random draws; the same seed gives the same files.")
  static let features = Option(
    "features", .integer(in: 0...10_000), default: 10,
    help: "Number of 0/1 item features (f1, f2, ...), which follow the "
      + "hidden item factors the way genres follow taste.")
  static let scale = Option(
    "scale", .scale, default: RatingScale(1, 5),
    help: "Lowest and highest rating.")
  static let step = Option(
    "step", .number(atLeast: 0), valueName: "x",
    help: "Distance between rating levels; 1 when both ends of the scale "
      + "are whole numbers, else 0.5.")
  static let timestamps = Flag(
    "timestamps",
    help: "Add a timestamp column in Unix seconds: each user starts at a "
      + "random moment of 2000-2002 and rates their items in file order, "
      + "about an hour apart. The ratings stay the same.")
  static let out = Option(
    "out", .path, valueName: "dir", required: true,
    help: "Directory to write ratings.csv and items.csv into; created if "
      + "missing, files replaced.")

  static let spec = CommandSpec(
    name: "generate",
    abstract: "Write a synthetic data set shaped like real ratings.",
    discussion: """
      Ratings follow a latent-factor model with user and item biases, \
      rounded to the scale; user activity and item popularity are \
      long-tailed. MovieLens sizes, for instance:
        recscope generate --users 943 --items 1682 --ratings 100000 --out ml100k
        recscope generate --users 6040 --items 3706 --ratings 1000000 --out ml1m
      """,
    options: [users, items, ratings, seed, features, scale, step, timestamps,
              out])

  static func run(_ arguments: ParsedArguments,
                  context: CommandContext) throws {
    var recipe = SyntheticData(
      users: arguments.value(users), items: arguments.value(items),
      ratings: arguments.value(ratings),
      seed: UInt64(arguments.value(seed)),
      features: arguments.value(features), scale: arguments.value(scale),
      step: arguments[step])
    recipe.timestamps = arguments[timestamps]
    do {
      try recipe.validate()
    } catch {
      throw usageError(error, recipe: recipe)
    }
    let dataset = try recipe.generate()

    let directory = arguments.value(out)
    do {
      try DatasetWriter(format: .csv).write(dataset, toDirectory: directory)
    } catch {
      throw CommandFailure(error.description)
    }
    context.output.writeLine(
      "wrote \(recipe.ratings) ratings by \(recipe.users) users of "
        + "\(recipe.items) items with \(recipe.features) features to "
        + "'\(arguments.value(out))'")
  }

  /// The generator's complaint, retold in terms of the options.
  private static func usageError(_ error: SyntheticDataError,
                                 recipe: SyntheticData) -> UsageError {
    switch error {
    case let .tooManyRatings(count, pairs):
      return .message(
        "'--ratings' must be at most \(pairs), one per user and item "
          + "(\(recipe.users) × \(recipe.items)), got '\(count)'")
    case let .tooFewRatings(count, users):
      return .message(
        "'--ratings' must be at least \(users), one per user, got '\(count)'")
    case let .countOutOfRange(name, value, allowed):
      return .message(
        "'--\(name)' must be from \(allowed.lowerBound) to "
          + "\(allowed.upperBound), got '\(value)'")
    case let .invalidStep(step, scale):
      let got = NumberFormat.shortest(step)
      if step > 0 && step <= scale.width {
        let levels = SyntheticData.maximumLevels
        let finest = scale.width / Double(levels - 1)
        return .message(
          "'--step' must be at least \(NumberFormat.shortest(finest)) so "
            + "that the scale has at most \(levels) levels, got '\(got)'")
      }
      return .message(
        "'--step' must be above 0 and at most "
          + "\(NumberFormat.shortest(scale.width)), the width of the scale "
          + "\(scale), got '\(got)'")
    }
  }
}
