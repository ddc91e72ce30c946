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
    options: [users, items, ratings, seed, features, scale, step, out])

  static func run(_ arguments: ParsedArguments,
                  context: CommandContext) throws {
    let recipe = SyntheticData(
      users: arguments.value(users), items: arguments.value(items),
      ratings: arguments.value(ratings),
      seed: UInt64(arguments.value(seed)),
      features: arguments.value(features), scale: arguments.value(scale),
      step: arguments[step])
    do {
      try recipe.validate()
    } catch {
      throw usageError(error, recipe: recipe)
    }
    let dataset = try recipe.generate()

    let directory = URL(fileURLWithPath: arguments.value(out))
    try makeDirectory(directory)
    try write(ratingsFile(dataset), to: directory, name: "ratings.csv")
    try write(itemsFile(dataset), to: directory, name: "items.csv")
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

  private static func makeDirectory(_ url: URL) throws(CommandFailure) {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path,
                                      isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw CommandFailure("cannot write into '\(url.path)': it is a file")
      }
      return
    }
    do {
      try FileManager.default.createDirectory(
        at: url, withIntermediateDirectories: true)
    } catch {
      throw CommandFailure("cannot create '\(url.path)': "
                             + error.localizedDescription)
    }
  }

  /// Writes through a temporary file in the same directory and a rename,
  /// so that a reader never sees half a file.
  private static func write(_ bytes: [UInt8], to directory: URL,
                            name: String) throws(CommandFailure) {
    let url = directory.appendingPathComponent(name)
    do {
      try Data(bytes).write(to: url, options: .atomic)
    } catch {
      throw CommandFailure("cannot write '\(url.path)': "
                             + error.localizedDescription)
    }
  }

  // TODO(design): the two encoders below exist only until the engine's
  // general data set writer lands; generate should then call it instead.

  /// `user,item,rating`, users in index order and each user's ratings in
  /// the order they were added.
  ///
  /// Ids and values are encoded once each, then copied as bytes: at 20
  /// million ratings, per-rating strings would dominate the run.
  private static func ratingsFile(_ dataset: Dataset) -> [UInt8] {
    let matrix = dataset.ratings
    var itemBytes: [UInt8] = []
    var itemEnds: [Int] = []
    for id in matrix.itemIDs {
      itemBytes += Array(csvField(id).utf8)
      itemBytes.append(UInt8(ascii: ","))
      itemEnds.append(itemBytes.count)
    }
    // A scale has few levels: a short list beats hashing every value.
    var valueBytes: [(value: Double, bytes: [UInt8])] = []
    var bytes: [UInt8] = []
    bytes.reserveCapacity(matrix.count * 16 + 64)
    bytes += Array("user,item,rating\n".utf8)
    itemBytes.withUnsafeBufferPointer { items in
      for (u, list) in matrix.byUser.enumerated() {
        let user = Array((csvField(matrix.userIDs[u]) + ",").utf8)
        for rating in list {
          bytes += user
          let i = rating.item.int
          let start = i == 0 ? 0 : itemEnds[i - 1]
          bytes += UnsafeBufferPointer(rebasing: items[start ..< itemEnds[i]])
          let value = rating.value
          let known = valueBytes.firstIndex {
            $0.value.bitPattern == value.bitPattern
          }
          let index = known ?? valueBytes.count
          if known == nil {
            valueBytes.append((value, Array(NumberFormat.shortest(value).utf8)))
          }
          valueBytes[index].bytes.withUnsafeBufferPointer { bytes += $0 }
          bytes.append(UInt8(ascii: "\n"))
        }
      }
    }
    return bytes
  }

  /// `item,title,<feature names>`, items in index order.
  private static func itemsFile(_ dataset: Dataset) -> [UInt8] {
    let catalog = dataset.catalog
    var text = (["item", "title"] + catalog.featureNames).map(csvField)
      .joined(separator: ",") + "\n"
    for item in dataset.ratings.items {
      let fields = [dataset.ratings.id(of: item), catalog.title(of: item) ?? ""]
        + catalog.features(of: item).map(NumberFormat.shortest)
      text += fields.map(csvField).joined(separator: ",") + "\n"
    }
    return Array(text.utf8)
  }

  /// A field quoted as RFC 4180 asks when it holds a comma, a quote or a
  /// line break, quotes inside doubled.
  private static func csvField(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: {
      $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r"
    }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
