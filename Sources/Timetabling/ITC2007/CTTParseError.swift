/// 实例文件格式错误: a `.ctt` file that does not follow the format, with the line it failed on.
public struct CTTParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message) / 第\(line)行格式错误" }
}
