/// One entry of a caller's menu (导航菜单项): the home page, a registry list, or an area of the site.
public enum NavigationEntry: Sendable, Hashable {
    /// 首页: every signed-in caller's own home.
    case home
    /// 数据中心: one registry list.
    case registry(RegistryEntity)
    /// A top-level area (实习配额, 督导监测 …).
    case area(MenuArea)
}

/// The menu a caller sees (导航), derived from the same policy decisions the routes make, so a
/// menu never offers a link that would answer 403 or 404.
///
/// A new area joins by adding a `MenuArea` case and its rule in `AccessPolicy.menu(for:)`;
/// this list then carries it to every page's frame, the home page and the tests.
public enum Navigation {
    /// The caller's entries in menu order: home, the areas, then the registry lists.
    public static func entries(for caller: CallerScope) -> [NavigationEntry] {
        [.home] + AccessPolicy.menu(for: caller).map(NavigationEntry.area) + AccessPolicy.registryMenu(for: caller).map(NavigationEntry.registry)
    }

    /// The areas in the caller's menu.
    public static func areas(for caller: CallerScope) -> [MenuArea] {
        entries(for: caller).compactMap { entry -> MenuArea? in
            if case .area(let area) = entry { return area }
            return nil
        }
    }

    /// The registry lists in the caller's menu.
    public static func registryLists(for caller: CallerScope) -> [RegistryEntity] {
        entries(for: caller).compactMap { entry -> RegistryEntity? in
            if case .registry(let entity) = entry { return entity }
            return nil
        }
    }
}
