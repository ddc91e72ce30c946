/// Everything the engine works on: the ratings, what is known about the
/// items, and the scale estimates are clipped to.
public struct Dataset: Sendable {
  public var ratings: RatingMatrix
  public var catalog: ItemCatalog
  public var scale: RatingScale

  public init(ratings: RatingMatrix, catalog: ItemCatalog = ItemCatalog(),
              scale: RatingScale) {
    self.ratings = ratings
    self.catalog = catalog
    self.scale = scale
    self.catalog.resize(to: ratings.itemCount)
  }

  /// A title for display: the catalog's title, else the item's id.
  public func displayName(of item: ItemIndex) -> String {
    catalog.title(of: item) ?? ratings.id(of: item)
  }
}
