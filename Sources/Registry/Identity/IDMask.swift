/// Masks identity numbers for pages, API responses and exports (GB/T 35273 §7.2):
/// the first three and last two characters stay, the rest become `*`.
public enum IDMask {
    public static func mask(_ value: String) -> String {
        let chars = Array(value)
        guard chars.count > 6 else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(3)) + String(repeating: "*", count: chars.count - 5) + String(chars.suffix(2))
    }
}
