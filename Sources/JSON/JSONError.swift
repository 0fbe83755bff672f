/// Why a text is not the JSON a reader expected, and where: the byte offset lets a person find
/// the place in a large file.
public struct JSONError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Byte offset into the text where reading stopped.
    public let offset: Int
    /// What was expected there, in English (the Chinese sentence is fixed).
    public let expected: String

    public init(offset: Int, expected: String) {
        self.offset = offset
        self.expected = expected
    }

    public var description: String { "JSON 格式错误（第 \(offset) 字节）/ invalid JSON at byte \(offset): expected \(expected)" }
}
