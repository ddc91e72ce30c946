/// One rating named by external ids: an entry of a test list, or of the
/// list a split is made from.
public struct RatingRecord: Sendable, Equatable, Hashable {
  public var userID: String
  public var itemID: String
  public var rating: Double

  public init(userID: String, itemID: String, rating: Double) {
    self.userID = userID
    self.itemID = itemID
    self.rating = rating
  }

  public init(_ userID: String, _ itemID: String, _ rating: Double) {
    self.init(userID: userID, itemID: itemID, rating: rating)
  }
}
