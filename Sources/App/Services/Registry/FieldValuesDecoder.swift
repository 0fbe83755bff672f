import Registry

/// Turns a JSON object into text field values, checking each property's JSON type against the
/// resource's `FieldSpec`s. Unknown properties are refused rather than ignored, so nobody can
/// set a field the API does not offer (mass assignment, ASVS 5.0 15.3.3).
enum FieldValuesDecoder {
    static func decode(_ object: [String: JSONValue], fields: [FieldSpec]) -> Result<FieldValues, ValidationFailure> {
        var values: FieldValues = [:]
        var errors: [FieldError] = []
        let specs = Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0) })
        for (name, value) in object.sorted(by: { $0.key < $1.key }) {
            guard let spec = specs[name] else {
                errors.append(FieldError(field: name, zh: "不是可写字段", en: "is not a writable field"))
                continue
            }
            switch (spec.kind, value) {
            case (_, .null): continue
            case (.integer, .int(let i)): values[name] = String(i)
            case (.boolean, .bool(let b)): values[name] = b ? "true" : "false"
            case (.text, .string(let s)), (.choice, .string(let s)), (.code, .string(let s)): values[name] = s
            case (.integer, _): errors.append(FieldError(field: name, zh: "应为整数", en: "must be an integer"))
            case (.boolean, _): errors.append(FieldError(field: name, zh: "应为true或false", en: "must be true or false"))
            default: errors.append(FieldError(field: name, zh: "应为字符串", en: "must be a string"))
            }
        }
        // Choice fields in JSON take the code only (labels are for spreadsheets).
        for spec in fields {
            if case .choice(let codes) = spec.kind, let v = values[spec.name], !codes.contains(v) {
                errors.append(.notInList(spec.name, value: v, list: codes.joined(separator: "/")))
            }
        }
        return errors.isEmpty ? .success(values) : .failure(ValidationFailure(errors))
    }
}
