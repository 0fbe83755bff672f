import Credentials
import Foundation

extension StatementValidator {
    /// `attachments` (Data 2.4.11): each describes one attachment the LRS stores by its hash.
    static func attachments(_ f: Field) throws(StatementViolation) {
        for item in try f.array() {
            let p = try item.object("an Attachment")
            try p.allowOnly(["usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"])
            try p.required("usageType").iri()
            try p.required("display").languageMap()
            try p.optional("description")?.languageMap()
            let contentType = try p.required("contentType")
            guard MediaType.isValid(try contentType.string()) else { throw contentType.violation("must be an Internet Media Type") }
            let length = try p.required("length")
            switch length.value {
            case .int(let n) where n >= 0: break
            case .double(let d) where d >= 0 && d == d.rounded() && d < 9e15: break
            default: throw length.violation("must be a non-negative integer (the attachment's size in octets)")
            }
            let sha2 = try p.required("sha2")
            let hash = try sha2.string()
            // SHA-224, -256, -384 or -512, in hexadecimal as the X-Experience-API-Hash header carries it.
            guard [56, 64, 96, 128].contains(hash.utf8.count), hash.unicodeScalars.allSatisfy(\.properties.isASCIIHexDigit) else {
                throw sha2.violation("must be the hexadecimal SHA-2 hash of the attachment")
            }
            try p.optional("fileUrl")?.irl()
        }
    }
}
