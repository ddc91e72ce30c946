import Foundation

/// Reading item vectors from the files other tools write.
///
/// Two forms, told apart by the first character of the first line that
/// is not blank:
/// - CSV: `id,v1,v2,…`, one item a line, with an optional header (a
///   first line whose values are not all numbers);
/// - JSON lines, `{"id": 7, "features": [0.1, -0.2]}`, one object a line,
///   the way Spark MLlib's ALS writes its `itemFactors` with
///   `write.json`; a numeric id becomes its decimal text, so it matches
///   the ids of a ratings file.
///
/// Every line must give the same number of values, each finite, and no
/// id twice; the first line that does not stops the load with its number.
extension PretrainedItemVectors {
  /// The vectors in the file at `path`.
  /// - Throws: ``DataError`` naming the file and line.
  public static func load(_ path: String) throws(DataError) -> Self {
    try parse(DataFiles.read(path), named: path)
  }

  /// The vectors in `data`, named `name` in errors.
  /// - Throws: ``DataError`` naming the file and line.
  /// - Complexity: O(size of the file).
  public static func parse(_ data: Data,
                           named name: String) throws(DataError) -> Self {
    guard let text = String(data: data, encoding: .utf8) else {
      throw DataError(file: name, problem: .invalidUTF8(
        found: ByteText.shown(String(decoding: data.prefix(60),
                                     as: UTF8.self))))
    }
    var reader = VectorLines(file: name)
    var number = 0
    // "\r\n" is one Character, so it is a separator of its own.
    let lines = text.split(omittingEmptySubsequences: false) {
      $0 == "\n" || $0 == "\r\n"
    }
    for raw in lines {
      number += 1
      var line = raw
      if number == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty { continue }
      try reader.read(trimmed, line: number)
    }
    guard !reader.vectors.isEmpty else {
      throw DataError(file: name, problem: .noVectors)
    }
    do {
      return try PretrainedItemVectors(reader.vectors)
    } catch {
      throw DataError(file: name, problem: .malformedLine(
        expected: "vectors of one length", found: error.description))
    }
  }
}

/// The state of one pass over a vectors file.
private struct VectorLines {
  enum Form { case csv, jsonLines }

  let file: String
  var form: Form?
  var vectors: [String: [Double]] = [:]
  /// Where each id was first given, for the message about a repeat.
  var lines: [String: Int] = [:]
  /// The length of the first vector and its line.
  var dimension: (count: Int, line: Int)?

  init(file: String) { self.file = file }

  mutating func read(_ text: String, line: Int) throws(DataError) {
    if form == nil {
      form = text.hasPrefix("{") ? .jsonLines : .csv
      if form == .csv && isHeader(text) { return }
    }
    let (id, vector) = form == .jsonLines
      ? try json(text, line: line) : try csv(text, line: line)
    if let count = dimension?.count, vector.count != count {
      throw failure(line, text, expected: "\(count) values after the id, "
                      + "as on line \(dimension!.line)")
    }
    if dimension == nil { dimension = (vector.count, line) }
    if let first = lines[id] {
      throw failure(line, text, expected: "each id once, and "
                      + "'\(ByteText.shown(id))' is on line \(first) too")
    }
    lines[id] = line
    vectors[id] = vector
  }

  /// A first line whose fields after the first are not all numbers.
  func isHeader(_ text: String) -> Bool {
    let fields = text.split(separator: ",", omittingEmptySubsequences: false)
    return fields.count < 2 || fields.dropFirst().contains {
      Double($0.trimmingCharacters(in: .whitespaces)) == nil
    }
  }

  func csv(_ text: String, line: Int) throws(DataError) -> (String, [Double]) {
    let fields = text.split(separator: ",", omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: .whitespaces) }
    let expected = "an id and at least one number, as in \"m1,0.12,-0.5\""
    guard fields.count >= 2, !fields[0].isEmpty else {
      throw failure(line, text, expected: expected)
    }
    var vector: [Double] = []
    for field in fields.dropFirst() {
      guard let x = Double(field), x.isFinite else {
        throw failure(line, text, expected: "finite numbers after the id")
      }
      vector.append(x)
    }
    return (fields[0], vector)
  }

  func json(_ text: String, line: Int) throws(DataError) -> (String, [Double]) {
    let expected = "a JSON object with \"id\" and a \"features\" array of "
      + "numbers, as in {\"id\": 7, \"features\": [0.1, -0.2]}"
    guard let object = try? JSONSerialization.jsonObject(
            with: Data(text.utf8)) as? [String: Any],
          let features = object["features"] as? [Any], !features.isEmpty
    else { throw failure(line, text, expected: expected) }
    let id: String
    switch object["id"] {
    case let s as String where !s.isEmpty: id = s
    case let n as NSNumber:
      id = n.doubleValue == n.doubleValue.rounded()
        && abs(n.doubleValue) < 1e15
        ? String(Int64(n.doubleValue)) : n.stringValue
    default: throw failure(line, text, expected: expected)
    }
    var vector: [Double] = []
    for value in features {
      guard let n = value as? NSNumber, n.doubleValue.isFinite else {
        throw failure(line, text, expected: "finite numbers in \"features\"")
      }
      vector.append(n.doubleValue)
    }
    return (id, vector)
  }

  func failure(_ line: Int, _ text: String, expected: String) -> DataError {
    DataError(file: file, line: line,
              problem: .malformedLine(expected: expected,
                                      found: ByteText.shown(text)))
  }
}
