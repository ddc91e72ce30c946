/// Why a data file could not be loaded or saved, with where it happened.
///
/// ``description`` is one sentence meant for a person: it names the file,
/// the 1-based line when there is one, what was expected there and what
/// was found, quoting the offending text (shortened, control characters
/// escaped).
public struct DataError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What went wrong, with the details a message needs.
  public enum Problem: Equatable, Sendable {
    /// The path names nothing.
    case missingFile(expected: String)
    /// The file exists but reading it failed.
    case unreadable(reason: String)
    /// A directory holds none of the ratings file names looked for.
    case noRatingsFile(lookedFor: [String])
    /// The file holds no ratings (it is empty, blank, only a header, or
    /// every line was skipped as bad).
    case noRatings(skippedLines: Int)
    /// The first line fits none of the known separators.
    case unknownLayout(found: String)
    /// A line has the wrong number of fields, an empty field or broken
    /// quoting.
    case malformedLine(expected: String, found: String)
    /// A rating that is not a number, not finite, or too large.
    case badRating(found: String)
    /// A timestamp that is not a whole number that fits 64 bits.
    case badTimestamp(found: String)
    /// A rating outside the scale the caller gave.
    case ratingOutsideScale(found: String, scale: RatingScale)
    /// Bytes that are not UTF-8 in a file that must be UTF-8.
    case invalidUTF8(found: String)
    /// A line of an items file with the wrong shape.
    case malformedItemLine(expected: String, found: String)
    /// A feature value that is not a finite number.
    case badFeature(name: String, found: String)
    /// An id, title or feature name the chosen format cannot hold.
    case unwritable(expected: String, found: String)
    /// Writing the file failed; nothing was replaced.
    case writeFailed(reason: String)
    /// A vectors file with no vector in it.
    case noVectors
  }

  /// The path as the caller gave or resolved it; `-` is standard input.
  public var file: String
  /// The 1-based line, or nil when the problem concerns the whole file.
  public var line: Int?
  public var problem: Problem

  public init(file: String, line: Int? = nil, problem: Problem) {
    self.file = file
    self.line = line
    self.problem = problem
  }

  public var description: String {
    let place = line.map { "Line \($0) of \(fileName)" } ?? fileName
    switch problem {
    case .missingFile(let expected):
      return "\(fileName) does not exist; expected \(expected)."
    case .unreadable(let reason):
      return "\(fileName) cannot be read: \(reason)."
    case .noRatingsFile(let names):
      return "Directory \(fileName) holds no ratings file; expected one of "
        + names.joined(separator: ", ") + "."
    case .noRatings(let skipped):
      let tail =
        skipped == 0 ? ""
        : skipped == 1 ? " (1 bad line was skipped)"
        : " (\(skipped) bad lines were skipped)"
      return "\(fileName) holds no ratings; expected at least one line of "
        + "user, item and rating\(tail)."
    case .unknownLayout(let found):
      return "\(place): expected fields separated by a tab, a comma or "
        + "\"::\", found \"\(found)\"."
    case .malformedLine(let expected, let found),
      .malformedItemLine(let expected, let found),
      .unwritable(let expected, let found):
      return "\(place): expected \(expected), found \"\(found)\"."
    case .badRating(let found):
      return "\(place): expected a finite numeric rating below 1e12 in "
        + "magnitude, found \"\(found)\"."
    case .badTimestamp(let found):
      return "\(place): expected a whole-number timestamp (such as Unix "
        + "seconds) in field 4, found \"\(found)\"."
    case .ratingOutsideScale(let found, let scale):
      return "\(place): expected a rating within the scale \(scale), "
        + "found \"\(found)\"."
    case .invalidUTF8(let found):
      return "\(place): expected UTF-8 text, found \"\(found)\", where "
        + "\u{FFFD} marks bytes that are not UTF-8."
    case .badFeature(let name, let found):
      return "\(place): expected a number for feature \"\(name)\", found "
        + "\"\(found)\"."
    case .writeFailed(let reason):
      return "\(fileName) could not be written: \(reason)."
    case .noVectors:
      return "\(fileName) holds no vectors; expected lines of an id and "
        + "numbers (id,v1,v2,…) or JSON objects such as "
        + "{\"id\": 7, \"features\": [0.1, -0.2]}."
    }
  }

  /// The file as a message names it.
  private var fileName: String {
    file == "-" ? "standard input" : "\"\(file)\""
  }
}
