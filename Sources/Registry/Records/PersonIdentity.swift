import Foundation

extension FieldReader {
    /// 证件类型 + 证件号码 (+ 性别): the identity document of a teacher or learner. A mainland ID's
    /// sex digit must agree with the stated sex.
    public mutating func identity(kind kindValue: String?, number: String?, sex sexValue: String?, today: CivilDate) -> (IdentityDocument, Sex)? {
        var kind = IdentityDocumentKind.residentID
        if let text = optional("documentKind", kindValue) {
            guard let parsed = IdentityDocumentKind(label: text) else {
                fail(.notInList("documentKind", value: text, list: IdentityDocumentKind.listName))
                return nil
            }
            kind = parsed
        }
        let sex = choice("sex", sexValue, as: Sex.self)
        guard let number = required("idNumber", number, maxLength: 24) else { return nil }
        switch IdentityDocument.validate(kind: kind, number: number, field: "idNumber", on: today) {
        case .failure(let error):
            fail(error)
            return nil
        case .success(let document):
            guard let sex else { return nil }
            if let idSex = document.sex, idSex != sex {
                fail(FieldError(field: "sex", zh: "性别与身份证号不一致（身份证号为\(idSex.labelZh)）", en: "does not match the ID number (\(idSex.labelEn))"))
                return nil
            }
            return (document, sex)
        }
    }
}
