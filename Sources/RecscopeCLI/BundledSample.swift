import Foundation
import RecscopeCore

/// The teaching sample, built into the binary so that `recscope` with no
/// arguments opens it from any directory. A test keeps it identical to
/// `Samples/teaching`.
enum BundledSample {
  static let name = "the bundled teaching sample"

  static let ratings = """
user,item,rating
ana,m01,5
ana,m04,4
ana,m07,5
ana,m12,5
ana,m09,4
ana,m02,2
ana,m06,1
ana,m11,4
ben,m01,5
ben,m04,4
ben,m07,4
ben,m12,5
ben,m09,4
ben,m02,2
ben,m06,1
ben,m05,4
cara,m02,5
cara,m06,5
cara,m10,4
cara,m08,4
cara,m14,5
cara,m01,2
cara,m07,1
cara,m13,4
dev,m03,4
eli,m03,5
eli,m05,5
eli,m09,4
eli,m11,4
eli,m13,4
eli,m08,2
eli,m14,2
fay,m04,5
fay,m08,4
fay,m12,4
fay,m14,4
fay,m02,3
fay,m03,2
gus,m01,1
gus,m03,1
gus,m12,1
gus,m11,1
gus,m06,5
gus,m07,2
gus,m09,2
gus,m10,5
hana,m13,5
hana,m10,4
hana,m02,4
hana,m03,4
hana,m06,3
hana,m11,3
ivo,m07,5
ivo,m11,5
ivo,m01,4
ivo,m05,4
ivo,m12,3
ivo,m08,1
jun,m01,4
jun,m02,3
jun,m03,3
jun,m04,4
jun,m05,3
jun,m08,3
jun,m10,3
jun,m14,4
kit,m12,5
kit,m04,5
kit,m09,5
kit,m01,4
kit,m13,2
kit,m06,1
lou,m08,5
lou,m14,5
lou,m10,4
lou,m04,4
lou,m03,1
lou,m05,2

"""

  static let items = """
item,title,action,comedy,drama,scifi,romance
m01,Rust and Thunder,1,0,0,1,0
m02,The Quiet Orchard,0,0,1,0,1
m03,Laugh Track,0,1,0,0,0
m04,Orbit of Ash,0,0,1,1,0
m05,Pancake Heist,1,1,0,0,0
m06,Letters to Nowhere,0,0,1,0,1
m07,Iron Meridian,1,0,0,0,0
m08,Small Hours,0,0,1,0,0
m09,Moonbase Diner,0,1,0,1,0
m10,The Long Thaw,0,0,1,0,1
m11,Gridlock,1,1,0,0,0
m12,Signal Lost,0,0,0,1,0
m13,Second Spring,0,1,0,0,1
m14,Harbor Lights,0,0,1,0,0
m15,The Lighthouse Keeper,0,0,1,0,0

"""

  /// The sample as a data set.
  static func load() throws -> (Dataset, LoadReport) {
    try DatasetLoader().load(
      ratings: Data(ratings.utf8), named: "Samples/teaching/ratings.csv",
      items: Data(items.utf8), itemsNamed: "Samples/teaching/items.csv")
  }
}
