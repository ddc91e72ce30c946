import Foundation
import Testing
@testable import RecscopeCore

/// Items files beside or instead of the ratings: titles, features and
/// items without ratings.
@Suite struct ItemsLoadingTests {
  @Test func uItemIsReadAsLatin1WithNineteenGenres() throws {
    let dir = Scratch()
    let ratings = dir.write("ml/u.data", "1\t2\t4\t0\n1\t1\t5\t0\n")
    let flags1 = "|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0"
    let flags2 = "|0|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0"
    let items =
      Array("1|Toy Story (1995)|01-Jan-1995||http://x\(flags1)\r\n".utf8)
      + Array("2|Caf".utf8) + [0xE9] + Array(" (1995)|||\(flags2)\r\n".utf8)
    dir.write("ml/u.item", bytes: items)

    let (data, report) = try DatasetLoader().load(ratings)
    #expect(report.itemsPath == dir.path("ml/u.item"))
    #expect(report.itemsFormat == .movieLens100K)
    let catalog = data.catalog
    #expect(catalog.featureNames.count == 19)
    #expect(catalog.featureNames.first == "unknown")
    #expect(catalog.featureNames[4] == "Children's")
    #expect(catalog.featureNames.last == "Western")
    let cafe = try #require(data.ratings.item("2"))
    #expect(data.catalog.title(of: cafe) == "Café (1995)")
    #expect(catalog.features(of: cafe)[1...2] == [1, 1])
    let toy = try #require(data.ratings.item("1"))
    #expect(catalog.features(of: toy).enumerated().filter { $1 == 1 }
      .map(\.offset) == [3, 4, 5])
  }

  /// A save after item edits writes `items.csv` beside MovieLens ratings;
  /// loading again must read it, not the release's own items file.
  @Test func ourFeatureTableWinsOverTheReleaseItemsFile() throws {
    let dir = Scratch()
    let ratings = dir.write("ml/ratings.dat", "1::1::5::0\n")
    dir.write("ml/movies.dat", "1::Heat (1995)::Action|Crime\n")
    dir.write("ml/items.csv", "item,title,Action,Crime,Noir\n1,Heat (1995),1,1,0.5\n")

    let (data, report) = try DatasetLoader().load(ratings)
    #expect(report.itemsPath == dir.path("ml/items.csv"))
    #expect(report.itemsFormat == .features)
    #expect(data.catalog.featureNames == ["Action", "Crime", "Noir"])
    let heat = try #require(data.ratings.item("1"))
    #expect(data.catalog.features(of: heat) == [1, 1, 0.5])
    #expect(data.catalog.title(of: heat) == "Heat (1995)")
  }

  @Test func moviesDatGenresInFirstAppearanceOrder() throws {
    let dir = Scratch()
    let ratings = dir.write("ratings.dat", "1::2::5::0\n")
    let text = Array("1::Toy Story (1995)::Animation|Children's|Comedy\n".utf8)
      + Array("2::Jumanji (1995)::Adventure|Children's|Fantasy\n".utf8)
      + Array("3::Na".utf8) + [0xEF] + Array("ve (1999)::Comedy\n".utf8)
    dir.write("movies.dat", bytes: text)
    let (data, report) = try DatasetLoader().load(ratings)
    #expect(report.itemsFormat == .movieLens1M)
    #expect(data.catalog.featureNames
            == ["Animation", "Children's", "Comedy", "Adventure", "Fantasy"])
    #expect(data.ratings.itemIDs == ["2", "1", "3"])
    #expect(data.catalog.features(of: ItemIndex(0)) == [0, 1, 0, 1, 1])
    #expect(data.catalog.features(of: ItemIndex(1)) == [1, 1, 1, 0, 0])
    #expect(data.catalog.title(of: ItemIndex(2)) == "Naïve (1999)")
  }

  @Test func utf8MoviesDatStaysUTF8() throws {
    let dir = Scratch()
    let ratings = dir.write("ratings.dat", "1::1::5::0\n")
    dir.write("movies.dat", "1::Amélie (2001)::Comedy|Romance\n")
    let (data, _) = try DatasetLoader().load(ratings)
    #expect(data.catalog.title(of: ItemIndex(0)) == "Amélie (2001)")
  }

  @Test func moviesCSVWithQuotedTitles() throws {
    let dir = Scratch()
    let ratings = dir.write(
      "ratings.csv", "userId,movieId,rating,timestamp\n1,11,4,0\n")
    dir.write(
      "movies.csv",
      "movieId,title,genres\n"
        + "11,\"American President, The (1995)\",Comedy|Drama|Romance\n"
        + "12,\"Film \"\"Quoted\"\" (2000)\",(no genres listed)\n"
        + "13,Plain (2001),Drama\n")
    let (data, report) = try DatasetLoader().load(ratings)
    #expect(report.itemsFormat == .movieLensLatest)
    #expect(data.catalog.featureNames == ["Comedy", "Drama", "Romance"])
    #expect(data.ratings.itemIDs == ["11", "12", "13"])
    #expect(data.catalog.titles
            == ["American President, The (1995)", "Film \"Quoted\" (2000)",
                "Plain (2001)"])
    #expect(data.catalog.features(of: ItemIndex(1)) == [0, 0, 0])
    #expect(data.catalog.features(of: ItemIndex(2)) == [0, 1, 0])
  }

  @Test func itemsCSVIsPreferredToMoviesCSV() throws {
    let dir = Scratch()
    let ratings = dir.write("ratings.csv", "1,11,4\n")
    dir.write("movies.csv", "movieId,title,genres\n11,M,Drama\n")
    dir.write("items.csv", "item,title,f\n11,I,1\n")
    let (data, report) = try DatasetLoader().load(ratings)
    #expect(report.itemsPath == dir.path("items.csv"))
    #expect(data.catalog.title(of: ItemIndex(0)) == "I")
  }

  @Test func featureTableWithoutTitleOrWithTitleElsewhere() throws {
    let loader = DatasetLoader()
    let ratings = Data("u,a,1\n".utf8)
    let (plain, _) = try loader.load(
      ratings: ratings, named: "r",
      items: Data("id,x,y\na,1,2.5\n".utf8))
    #expect(plain.catalog.featureNames == ["x", "y"])
    #expect(plain.catalog.title(of: ItemIndex(0)) == nil)
    #expect(plain.catalog.features(of: ItemIndex(0)) == [1, 2.5])

    let (moved, _) = try loader.load(
      ratings: ratings, named: "r",
      items: Data("id,x,Title\na,1,Alpha\n".utf8))
    #expect(moved.catalog.featureNames == ["x"])
    #expect(moved.catalog.title(of: ItemIndex(0)) == "Alpha")
  }

  @Test func itemsOnlyInTheItemsFileAreAppendedInFileOrder() throws {
    let dir = Scratch()
    let ratings = dir.write("r.csv", "u,x,1\nv,y,2\n")
    let items = dir.write(
      "other.csv", "item,title,f\nz,Zed,1\ny,Why,0\nw,Dub,1\n")
    let (data, report) = try DatasetLoader(itemsPath: items).load(ratings)
    #expect(report.itemsPath == items)
    #expect(data.ratings.itemIDs == ["x", "y", "z", "w"])
    #expect(report.unratedItemCount == 2 && report.itemCount == 4)
    #expect(data.ratings.byItem[2].isEmpty && data.ratings.byItem[3].isEmpty)
    #expect(data.catalog.titles == [nil, "Why", "Zed", "Dub"])
    #expect(data.catalog.features == [[0], [0], [1], [1]])
  }

  @Test func givenItemsPathOverridesTheOneBeside() throws {
    let dir = Scratch()
    let ratings = dir.write("ratings.csv", "u,x,1\n")
    dir.write("items.csv", "item,title\nx,Beside\n")
    let other = dir.write("elsewhere/list.csv", "item,title\nx,Given\n")
    let (data, report) = try DatasetLoader(itemsPath: other).load(ratings)
    #expect(report.itemsPath == other)
    #expect(data.catalog.title(of: ItemIndex(0)) == "Given")
  }

  @Test func directoryWithMovieLens1MRelease() throws {
    let dir = Scratch()
    dir.write("ml-1m/ratings.dat", "1::10::5::0\n")
    dir.write("ml-1m/movies.dat", "10::GoldenEye (1995)::Action\n")
    dir.write("ml-1m/users.dat", "1::F::1::10::48067\n")
    let (data, report) = try DatasetLoader().load(dir.path("ml-1m"))
    #expect(report.format == .movieLens1M)
    #expect(report.itemsPath == dir.path("ml-1m/movies.dat"))
    #expect(data.displayName(of: ItemIndex(0)) == "GoldenEye (1995)")
  }
}
