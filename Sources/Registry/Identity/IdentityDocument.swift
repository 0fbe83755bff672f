import Foundation

/// The kinds of identity document a learner or teacher may be registered with.
public enum IdentityDocumentKind: String, LabelledChoice {
    /// 居民身份证
    case residentID = "resident_id"
    /// 香港身份证
    case hongKongID = "hong_kong_id"
    /// 澳门身份证
    case macauID = "macau_id"
    /// 护照及其他
    case passport
    /// 港澳居民来往内地通行证 (H or M, then 8 digits; 10 digits on cards issued from 2013)
    case homeReturnPermit = "home_return_permit"

    public var labelZh: String {
        switch self {
        case .residentID: "居民身份证"
        case .hongKongID: "香港身份证"
        case .macauID: "澳门身份证"
        case .passport: "护照"
        case .homeReturnPermit: "港澳居民来往内地通行证"
        }
    }

    public var labelEn: String {
        switch self {
        case .residentID: "Resident ID card"
        case .hongKongID: "Hong Kong identity card"
        case .macauID: "Macau identity card"
        case .passport: "Passport"
        case .homeReturnPermit: "Mainland Travel Permit for Hong Kong and Macao Residents"
        }
    }

    public static let listName = "证件类型 document kind"
}

/// A validated identity document number, normalised for storage and lookup.
public struct IdentityDocument: Hashable, Sendable {
    public let kind: IdentityDocumentKind
    public let number: String
    /// From a mainland ID only.
    public let birthDate: CivilDate?
    public let sex: Sex?

    /// Validates `number` for `kind`; errors name `field`.
    public static func validate(kind: IdentityDocumentKind, number: String, field: String, today: Date = Date()) -> Result<IdentityDocument, FieldError> {
        validate(kind: kind, number: number, field: field, on: CivilDate(date: today))
    }

    public static func validate(kind: IdentityDocumentKind, number: String, field: String, on today: CivilDate) -> Result<IdentityDocument, FieldError> {
        switch kind {
        case .residentID:
            do {
                let id = try ResidentIDNumber(number, on: today)
                return .success(IdentityDocument(kind: kind, number: id.value, birthDate: id.birthDate, sex: id.sex))
            } catch { return .failure(error.fieldError(field)) }
        case .hongKongID:
            do {
                let id = try HongKongIdentityCard(number)
                return .success(IdentityDocument(kind: kind, number: id.value, birthDate: nil, sex: nil))
            } catch { return .failure(error.fieldError(field)) }
        case .macauID:
            // Macau resident cards: 1, 5 or 7, six digits, a check digit (often written in brackets).
            let cleaned = number.trimmedField.filter { $0 != "(" && $0 != ")" && $0 != "/" }
            guard cleaned.count == 8, cleaned.allSatisfy(\.isASCIIDigit), "157".contains(cleaned.first ?? "0") else {
                return .failure(FieldError(field: field, zh: "澳门身份证号应为以1、5或7开头的8位数字", en: "must be 8 digits starting with 1, 5 or 7"))
            }
            return .success(IdentityDocument(kind: kind, number: cleaned, birthDate: nil, sex: nil))
        case .passport:
            let cleaned = number.trimmedField.uppercased()
            guard (5...20).contains(cleaned.count), cleaned.allSatisfy({ $0.isASCIIDigit || $0.isASCIIUpperLetter }) else {
                return .failure(FieldError(field: field, zh: "证件号应为5–20位字母或数字", en: "must be 5–20 letters or digits"))
            }
            return .success(IdentityDocument(kind: kind, number: cleaned, birthDate: nil, sex: nil))
        case .homeReturnPermit:
            let cleaned = number.trimmedField.uppercased()
            let digits = cleaned.dropFirst()
            guard "HM".contains(cleaned.first ?? " "), digits.count == 8 || digits.count == 10, digits.allSatisfy(\.isASCIIDigit) else {
                return .failure(FieldError(field: field, zh: "港澳居民来往内地通行证号应为H或M开头，后跟8或10位数字", en: "must be H or M followed by 8 or 10 digits"))
            }
            return .success(IdentityDocument(kind: kind, number: cleaned, birthDate: nil, sex: nil))
        }
    }

    /// The canonical text that is encrypted and indexed: the kind prefixes the number so that
    /// equal numbers of different kinds never collide.
    public var canonical: String { "\(kind.rawValue):\(number)" }
}
