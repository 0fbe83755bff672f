/// 实训基地: a training base run by an institution or an enterprise, with its capacity.
public struct TrainingBaseRecord: RegistryRecord, Hashable {
    public var name: String
    public var kind: TrainingBaseKind
    public var ownerKind: TrainingBaseOwner
    /// The owner's institution code or 统一社会信用代码.
    public var ownerCode: String
    public var districtCode: String
    /// One-time training places (一次性可容纳实训人数).
    public var capacity: Int

    public static let fields: [FieldSpec] = [
        FieldSpec("name", "基地名称", .text(maxLength: 100), "Name"),
        .choice("kind", "基地类型", TrainingBaseKind.self, "Kind of training base"),
        .choice("ownerKind", "举办方类型", TrainingBaseOwner.self, "Run by an institution or an enterprise"),
        FieldSpec("ownerCode", "举办方代码", .text(maxLength: 20), "Institution code or the enterprise's 统一社会信用代码"),
        FieldSpec("districtCode", "所在区", .code(maxLength: 6), "District division code"),
        FieldSpec("capacity", "实训工位数", .integer(min: 0, max: 100_000), "Training places at one time"),
    ]

    public static func validate(_ v: FieldValues, catalog: ReferenceCatalog, today: CivilDate) -> Result<Self, ValidationFailure> {
        var r = FieldReader()
        let name = r.required("name", v["name"], maxLength: 100)
        let kind = r.choice("kind", v["kind"], as: TrainingBaseKind.self)
        let owner = r.choice("ownerKind", v["ownerKind"], as: TrainingBaseOwner.self)
        let ownerCode = r.required("ownerCode", v["ownerCode"], maxLength: 20)
        let district = r.district("districtCode", v["districtCode"], catalog: catalog)
        let capacity = r.integer("capacity", v["capacity"], min: 0, max: 100_000)
        guard r.errors.isEmpty, let name, let kind, let owner, let ownerCode, let district, let capacity else { return .failure(.init(r.errors)) }
        return .success(TrainingBaseRecord(name: name, kind: kind, ownerKind: owner, ownerCode: ownerCode, districtCode: district, capacity: capacity))
    }
}
