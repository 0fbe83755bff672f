/// An industry cluster (产业集群) that program clusters are built to serve, from clause (四).
public struct IndustryCluster: Sendable, Hashable, Codable {
    public let code: String
    public let nameZh: String
    public let nameEn: String
    /// The policy clause naming it.
    public let clause: String
}

/// An institution the policy names, seeded into every deployment's registry.
public struct PolicyInstitution: Sendable, Hashable {
    public let code: String
    public let name: String
    public let nameEn: String
    public let kind: InstitutionKind
    public let ownership: InstitutionOwnership
    public let districtCode: String
    public let clause: String
}
