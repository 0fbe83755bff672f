import Foundation

/// Where a supervision dashboard is judged (督导监测的层级): the city, one district, one school.
public enum SupervisionPlacement: Sendable, Hashable {
    case city
    case district(code: String)
    case school(id: UUID, districtCode: String)
}

/// Supervision and evaluation monitoring (督导与评估监测): dashboards, drill-downs, snapshots.
extension AccessPolicy {
    /// Whether `caller`'s role reads any supervision dashboard: the administrative roles and the
    /// responsible units. Teachers, enterprises, learners and reviewers have no dashboard.
    public static func mayReadSupervision(caller: CallerScope) -> Bool {
        [.cityAdmin, .districtAdmin, .schoolAdmin, .responsibleUnit].contains(caller.role)
    }

    /// Whether `caller` may see the dashboard at `placement`: the city's aggregates are open to
    /// every role that reads dashboards; a district's to the city and that district; a school's
    /// to the city, its district and the school itself.
    public static func canReadSupervision(at placement: SupervisionPlacement, caller: CallerScope) -> Bool {
        switch (caller.role, placement) {
        case (.cityAdmin, _): true
        case (.districtAdmin, .city), (.schoolAdmin, .city), (.responsibleUnit, .city): true
        case (.districtAdmin, .district(let code)): caller.districtCode == code
        case (.districtAdmin, .school(_, let district)): caller.districtCode != nil && caller.districtCode == district
        case (.schoolAdmin, .school(let id, _)): caller.institutionID != nil && caller.institutionID == id
        default: false
        }
    }

    /// Whether `caller` may list the rows behind an indicator at `placement` (明细). The rows
    /// name people and enterprises, so they follow the dashboard's rule below the city and are
    /// the city's alone at city level.
    public static func canDrillDownSupervision(at placement: SupervisionPlacement, caller: CallerScope) -> Bool {
        if case .city = placement { return caller.role == .cityAdmin }
        return caller.role != .responsibleUnit && canReadSupervision(at: placement, caller: caller)
    }

    /// Whether `caller` may record a quarter's measurements (督导快照): the city's act.
    public static func canTakeSupervisionSnapshot(caller: CallerScope) -> Bool {
        caller.role == .cityAdmin
    }

    /// Whether `caller` may compare the districts side by side from the city dashboard.
    public static func canCompareDistricts(caller: CallerScope) -> Bool {
        caller.role == .cityAdmin
    }

    /// The dashboard a caller lands on: a district administrator on its district's, a school
    /// administrator on its school's, everyone else on the city's.
    public static func supervisionHome(caller: CallerScope) -> SupervisionHome {
        switch caller.role {
        case .districtAdmin: caller.districtCode.map(SupervisionHome.district) ?? .city
        case .schoolAdmin: caller.institutionID.map(SupervisionHome.school) ?? .city
        default: .city
        }
    }
}

/// Which dashboard a caller opens first.
public enum SupervisionHome: Sendable, Hashable {
    case city
    case district(String)
    case school(UUID)
}
