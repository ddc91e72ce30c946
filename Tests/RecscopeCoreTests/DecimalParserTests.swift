import Foundation
import Testing
@testable import RecscopeCore

@Suite struct DecimalParserTests {
  func parse(_ text: String) -> Double? {
    Array(text.utf8).withUnsafeBufferPointer { DecimalParser.double($0) }
  }

  /// Both parses agree, NaN and the sign of zero included.
  func agree(_ text: String) -> Bool {
    parse(text)?.bitPattern == Double(text)?.bitPattern
  }

  @Test func commonFormsParse() {
    #expect(parse("4") == 4)
    #expect(parse("3.5") == 3.5)
    #expect(parse("-1.25") == -1.25)
    #expect(parse("+2") == 2)
    #expect(parse("2e-3") == 0.002)
    #expect(parse("1E+2") == 100)
    #expect(parse("-0")?.sign == .minus)
  }

  @Test func unusualFormsMatchTheStandardParser() {
    let forms = [
      "4.", ".5", "-.5", "0x1p3", "inf", "-infinity", "nan", "1e400",
      "1e-400", "12345678901234567890", "0.1000000000000000055511151231257827",
      "9007199254740993", "1e23", "5e-324", "2.2250738585072011e-308",
      "00000000000000000000001", "1e0005", "1e", "e5", "-", "+", "", " 4",
      "4 ", "1_0", "1.2.3", "--1", "0x", "٣",
    ]
    for form in forms {
      #expect(agree(form), "\(form.debugDescription)")
    }
  }

  @Test func embeddedNulIsNotANumber() {
    #expect(parse("4\u{0}x") == nil)
  }

  @Test func randomValuesMatchBitForBit() {
    let seed: UInt64 = 0x5EED_0001
    var g = SeededGenerator(seed: seed)
    var mismatches: [String] = []
    for _ in 0..<20_000 {
      for text in Self.randomForms(&g) where !agree(text) {
        mismatches.append(text)
      }
    }
    #expect(mismatches.isEmpty,
            "seed \(seed): \(mismatches.prefix(5)) parse differently")
  }

  /// Several spellings of numbers: shortest forms of arbitrary doubles,
  /// fixed and exponent notation, and raw digit strings with a point
  /// and exponent in random places.
  static func randomForms(_ g: inout SeededGenerator) -> [String] {
    var forms: [String] = []
    var bits = g.next()
    while Double(bitPattern: bits).isNaN { bits = g.next() }
    let any = Double(bitPattern: bits)
    forms.append(any.description)

    let moderate = (g.nextUnit() - 0.5) * pow(10, Double(g.next() % 14))
    forms.append(moderate.description)
    let places = Int(g.next() % 8)
    forms.append(String(format: "%.\(places)f", moderate))
    forms.append(String(format: "%.\(places)e", moderate))
    forms.append(String(Double(Int(g.next() % 11)) / 2))

    let digitCount = 1 + Int(g.next() % 24)
    var digits = (0..<digitCount).map { _ in String(g.next() % 10) }
    if g.next() % 2 == 0 {
      digits.insert(".", at: Int(g.next() % UInt64(digitCount + 1)))
    }
    var raw = digits.joined()
    if g.next() % 3 == 0 {
      raw += (g.next() % 2 == 0 ? "e" : "E")
        + ["", "-", "+"][Int(g.next() % 3)] + String(g.next() % 40)
    }
    if g.next() % 4 == 0 { raw = "-" + raw }
    forms.append(raw)
    return forms
  }
}
