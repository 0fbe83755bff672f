import Credentials
import Foundation

extension StatementValidator {
    /// The Result (Data 2.4.5): score, success, completion, response, duration, extensions.
    static func result(_ f: Field) throws(StatementViolation) {
        let p = try f.object("a Result")
        try p.allowOnly(["score", "success", "completion", "response", "duration", "extensions"])
        if let score = try p.optional("score") { try self.score(score) }
        try p.optional("success")?.bool()
        try p.optional("completion")?.bool()
        try p.optional("response")?.string()
        if let duration = try p.optional("duration") {
            guard ISODuration.isValid(try duration.string()) else {
                throw duration.violation("must be an ISO 8601 duration (ISO 8601:2004 4.4.3.2, e.g. PT1H30M)")
            }
        }
        try p.optional("extensions")?.extensions()
    }

    /// The Score (Data 2.4.5.1): `scaled` in -1…1; `raw` within `min`…`max` when they are given;
    /// `min` not above `max`.
    static func score(_ f: Field) throws(StatementViolation) {
        let p = try f.object("a Score")
        try p.allowOnly(["scaled", "raw", "min", "max"])
        if let scaled = try p.optional("scaled") {
            let v = try scaled.number()
            guard (-1...1).contains(v) else { throw scaled.violation("must be between -1 and 1") }
        }
        let raw = try p.optional("raw")
        let rawValue = try raw?.number()
        let minField = try p.optional("min")
        let minValue = try minField?.number()
        let maxField = try p.optional("max")
        let maxValue = try maxField?.number()
        if let minValue, let maxValue, let minField, minValue > maxValue {
            throw minField.violation("must not be greater than max")
        }
        if let raw, let rawValue {
            if let minValue, rawValue < minValue { throw raw.violation("must not be less than min") }
            if let maxValue, rawValue > maxValue { throw raw.violation("must not be greater than max") }
        }
    }
}
