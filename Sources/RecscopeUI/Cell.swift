/// One character cell of the screen grid panes draw into.
public struct Cell: Equatable, Sendable {
  public var character: Character = " "
  public init(_ character: Character = " ") { self.character = character }
}
