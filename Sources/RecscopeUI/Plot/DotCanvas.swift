/// A grid of cells, each holding a few dots and the series that drew
/// last in it: where a plot's lines are rasterised before they become
/// characters.
struct DotCanvas {
  let columns: Int
  let rows: Int
  let dotsAcross: Int
  let dotsDown: Int
  private(set) var masks: [UInt8]
  private(set) var owners: [Int]

  init(columns: Int, rows: Int, glyphs: PlotGlyphs) {
    self.columns = max(columns, 0)
    self.rows = max(rows, 0)
    dotsAcross = glyphs.dotsAcross
    dotsDown = glyphs.dotsDown
    masks = Array(repeating: 0, count: self.columns * self.rows)
    owners = Array(repeating: -1, count: self.columns * self.rows)
  }

  /// Dots across the whole canvas.
  var width: Int { columns * dotsAcross }
  /// Dots down the whole canvas.
  var height: Int { rows * dotsDown }

  /// Sets the dot at (`x`, `y`), counted from the top left; outside, nothing.
  mutating func set(x: Int, y: Int, series: Int) {
    guard x >= 0, y >= 0, x < width, y < height else { return }
    let cell = (y / dotsDown) * columns + x / dotsAcross
    masks[cell] |= UInt8(1 << ((y % dotsDown) * dotsAcross + x % dotsAcross))
    owners[cell] = series
  }

  /// Draws the straight run of dots from one point to another
  /// (Bresenham's steps), keeping the dots that `pattern` allows; `step`
  /// counts dots along the whole line, so a dash pattern runs on across
  /// its corners. The start is left out when `includingStart` is false:
  /// the previous piece of the line drew it.
  mutating func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int),
                     series: Int, pattern: [Bool], step: inout Int,
                     includingStart: Bool = true) {
    let dx = abs(b.x - a.x), dy = -abs(b.y - a.y)
    let sx = a.x < b.x ? 1 : -1, sy = a.y < b.y ? 1 : -1
    var error = dx + dy
    var (x, y) = a
    var first = true
    while true {
      if !first || includingStart {
        if pattern[step % pattern.count] { set(x: x, y: y, series: series) }
        step += 1
      }
      first = false
      if x == b.x && y == b.y { break }
      let doubled = 2 * error
      if doubled >= dy {
        error += dy
        x += sx
      }
      if doubled <= dx {
        error += dx
        y += sy
      }
    }
  }
}
