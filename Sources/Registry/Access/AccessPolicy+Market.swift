/// Industry–education matching (产教供需): the program signals of schools.
extension AccessPolicy {
    /// The institutions whose program signals and market page `caller` may see (专业预警):
    /// the city every school, a district its schools, a school and its teachers their own.
    /// `.none`: the role has no school view at all (refused, 403); a school outside the filter
    /// answers like a missing one (404).
    public static func marketInstitutionFilter(caller: CallerScope) -> RowFilter {
        switch caller.role {
        case .cityAdmin: .all
        case .districtAdmin: caller.districtCode.map(RowFilter.district) ?? .none
        case .schoolAdmin, .teacher: caller.institutionID.map(RowFilter.institution) ?? .none
        default: .none
        }
    }
}
