import Exact
import Vapor

/// An exact quantity in an API response: the fraction (`7/10`) and its value to two decimals.
struct Quantity: Content, Equatable {
    var exact: String
    var value: Double

    init(_ f: Fraction) {
        exact = f.description
        value = Double(f.decimal(places: 2)) ?? f.doubleValue
    }
}
