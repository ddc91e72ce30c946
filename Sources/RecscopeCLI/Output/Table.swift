/// Rows of typed values a command reports, printed as a tab-separated
/// table or, with `--json`, as an array of objects keyed by column.
///
/// Building the rows once and choosing the form at the end keeps the two
/// outputs of a command from drifting apart.
public struct Table: Sendable {
  public let columns: [String]
  public private(set) var rows: [[JSONValue]] = []

  public init(columns: [String]) {
    precondition(!columns.isEmpty, "Table: no columns")
    self.columns = columns
  }

  /// - Precondition: one value per column.
  public mutating func append(_ row: [JSONValue]) {
    precondition(row.count == columns.count,
                 "Table.append: \(row.count) values for \(columns.count) "
                   + "columns")
    rows.append(row)
  }

  public func write(to sink: any TextSink, as format: OutputFormat) {
    switch format {
    case .table:
      var writer = TableWriter(columns: columns, to: sink)
      for row in rows { writer.write(row.map(Self.cell)) }
      writer.finish()
    case .json:
      let records = rows.map { row in
        JSONValue.object(zip(columns, row).map { (key: $0, value: $1) })
      }
      sink.writeLine(JSONValue.array(records).rendered())
    }
  }

  /// A value as table text: numbers in shortest form, null as empty.
  static func cell(_ value: JSONValue) -> String {
    switch value {
    case .null: return ""
    case .bool(let flag): return flag ? "true" : "false"
    case .integer(let number): return String(number)
    case .number(let number): return NumberFormat.shortest(number)
    case .string(let text): return text
    case .array, .object: return value.rendered()
    }
  }
}

/// How a command prints its results.
public enum OutputFormat: Sendable, Equatable {
  /// Tab-separated, with a header row.
  case table
  /// JSON, see ``JSONValue/rendered()``.
  case json

  /// `.json` when the `--json` flag was given.
  public init(json: Bool) {
    self = json ? .json : .table
  }
}
