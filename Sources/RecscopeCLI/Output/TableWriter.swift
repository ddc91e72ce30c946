/// Writes rows as tab-separated text, a header row first by default: the
/// form `cut`, `sort`, `awk` and spreadsheets read.
///
/// Cells are sanitised so that no value can break the table: a tab,
/// newline, carriage return or other control character inside an id comes
/// out as a visible escape (`\t`, `\n`, `\r`, `\u{1B}`), and a backslash as
/// `\\` so that the escapes stay unambiguous.
public struct TableWriter {
  public let columns: [String]
  public let showsHeader: Bool
  private let sink: any TextSink
  private var wroteHeader = false

  /// - Precondition: at least one column.
  public init(columns: [String], to sink: any TextSink,
              showsHeader: Bool = true) {
    precondition(!columns.isEmpty, "TableWriter: no columns")
    self.columns = columns
    self.sink = sink
    self.showsHeader = showsHeader
  }

  /// Writes one row, after the header if this is the first.
  /// - Precondition: one cell per column.
  public mutating func write(_ cells: [String]) {
    precondition(cells.count == columns.count,
                 "TableWriter.write: \(cells.count) cells for "
                   + "\(columns.count) columns")
    writeHeaderOnce()
    sink.write(Self.line(cells))
  }

  /// Writes the header if no row has been written, so that an empty
  /// result still says what its columns would have been.
  public mutating func finish() {
    writeHeaderOnce()
  }

  private mutating func writeHeaderOnce() {
    guard !wroteHeader else { return }
    wroteHeader = true
    if showsHeader { sink.write(Self.line(columns)) }
  }

  /// Cells joined by tabs, sanitised, with a final newline.
  public static func line(_ cells: [String]) -> String {
    cells.map(sanitize).joined(separator: "\t") + "\n"
  }

  /// `text` with control characters and backslashes escaped.
  public static func sanitize(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else {
      return text
    }
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\t": out += "\\t"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case _ where needsEscape(scalar):
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Backslash, C0 and C1 controls, DEL, and the Unicode line and
  /// paragraph separators.
  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x5C, 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
    default: return false
    }
  }
}
