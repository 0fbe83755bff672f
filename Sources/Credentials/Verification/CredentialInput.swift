import Foundation
import JSON

/// Finds the VC-JWT in what a person pasted or uploaded: the compact JWT itself, a baked PNG or
/// SVG, or JSON — an `EnvelopedVerifiableCredential` (VC-JOSE-COSE) whose `id` is a
/// `data:application/vc+jwt,` URL, or an object with a `jwt` member.
public enum CredentialInput {
    public static func token(from data: Data) throws(VerificationFailure) -> String {
        if PNGBaking.isPNG(data) { return try PNGBaking.extract(from: data) }
        if SVGBaking.isSVG(data) { return try SVGBaking.extract(from: data) }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .malformed(zh: "内容为空", en: "nothing was given") }
        if text.hasPrefix("{") {
            guard let json = try? JSONValue.parse(Data(text.utf8)) else { throw .malformed(zh: "不是有效的 JSON", en: "not valid JSON") }
            if let id = json["id"]?.stringValue, json["type"]?.stringList.contains("EnvelopedVerifiableCredential") == true {
                for prefix in ["data:application/vc+jwt,", "data:application/vc-ld+jwt,", "data:application/jwt,"] where id.hasPrefix(prefix) {
                    return String(id.dropFirst(prefix.count))
                }
                throw .malformed(zh: "EnvelopedVerifiableCredential 的 id 不是 data:application/vc+jwt 地址", en: "the enveloped credential's id is not a data:application/vc+jwt URL")
            }
            if let jwt = json["jwt"]?.stringValue { return jwt }
            throw .malformed(zh: "JSON 凭证不带签名，无法核验；请提交 JWT 或带签名的文件", en: "a JSON credential without its JWT carries no proof; paste the JWT or a baked file")
        }
        return text
    }

    /// The JSON download: the VC-JOSE-COSE envelope of the JWT.
    public static func envelope(_ token: String) -> JSONValue {
        ["@context": [.string(CredentialDocument.vcContext)], "id": .string("data:application/vc+jwt," + token), "type": "EnvelopedVerifiableCredential"]
    }
}
