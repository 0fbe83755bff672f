import Foundation

/// Charts drawn on the server as inline SVG: no script, nothing fetched, and the page's
/// Content-Security-Policy (no inline style) holds because colours are presentation
/// attributes, not style.
enum SVGChart {
    static let demandColour = "#c0392b"
    static let supplyColour = "#2e86c1"

    /// Labels and titles come from data: the pages' one escaping rule.
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }

    static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    /// A count as a person reads it: whole numbers without a decimal, shares to one place.
    static func count(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// Horizontal paired bars, demand above supply, one pair per item, with values printed.
    static func pairedBars(id: String, title: String, items: [(label: String, demand: Double, supply: Double)], demandLabel: String, supplyLabel: String) -> String {
        let labelWidth = 150.0, barWidth = 420.0, rowHeight = 34.0, top = 30.0
        let maximum = max(items.map { max($0.demand, $0.supply) }.max() ?? 1, 1)
        let height = top + rowHeight * Double(items.count) + 10
        var svg = "<svg id=\"\(escape(id))\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(labelWidth + barWidth + 80)) \(number(height))\" role=\"img\" aria-label=\"\(escape(title))\">"
        svg += "<title>\(escape(title))</title>"
        svg += "<rect x=\"\(number(labelWidth))\" y=\"6\" width=\"12\" height=\"10\" fill=\"\(demandColour)\"/><text x=\"\(number(labelWidth + 16))\" y=\"15\" font-size=\"11\">\(escape(demandLabel))</text>"
        svg += "<rect x=\"\(number(labelWidth + 110))\" y=\"6\" width=\"12\" height=\"10\" fill=\"\(supplyColour)\"/><text x=\"\(number(labelWidth + 126))\" y=\"15\" font-size=\"11\">\(escape(supplyLabel))</text>"
        for (i, item) in items.enumerated() {
            let y = top + rowHeight * Double(i)
            let d = barWidth * item.demand / maximum, s = barWidth * item.supply / maximum
            svg += "<g class=\"bar\" data-label=\"\(escape(item.label))\" data-demand=\"\(number(item.demand))\" data-supply=\"\(number(item.supply))\">"
            svg += "<text x=\"\(number(labelWidth - 6))\" y=\"\(number(y + 17))\" font-size=\"12\" text-anchor=\"end\">\(escape(item.label))</text>"
            svg += "<rect x=\"\(number(labelWidth))\" y=\"\(number(y + 2))\" width=\"\(number(d))\" height=\"13\" fill=\"\(demandColour)\"/>"
            svg += "<text x=\"\(number(labelWidth + d + 4))\" y=\"\(number(y + 13))\" font-size=\"10\">\(count(item.demand))</text>"
            svg += "<rect x=\"\(number(labelWidth))\" y=\"\(number(y + 16))\" width=\"\(number(s))\" height=\"13\" fill=\"\(supplyColour)\"/>"
            svg += "<text x=\"\(number(labelWidth + s + 4))\" y=\"\(number(y + 27))\" font-size=\"10\">\(count(item.supply))</text>"
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    /// A small line of a series (the gap by year), zero marked.
    static func sparkline(_ values: [Double], width: Double = 90, height: Double = 24) -> String {
        guard values.count > 1 else { return "" }
        let low = min(values.min() ?? 0, 0), high = max(values.max() ?? 0, 0)
        let span = max(high - low, 1)
        func y(_ v: Double) -> Double { height - 2 - (v - low) / span * (height - 4) }
        let step = width / Double(values.count - 1)
        let points = values.enumerated().map { "\(number(Double($0.offset) * step)),\(number(y($0.element)))" }.joined(separator: " ")
        return "<svg class=\"spark\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(number(width))\" height=\"\(number(height))\" viewBox=\"0 0 \(number(width)) \(number(height))\" role=\"img\" aria-label=\"trend\">"
            + "<line x1=\"0\" x2=\"\(number(width))\" y1=\"\(number(y(0)))\" y2=\"\(number(y(0)))\" stroke=\"#bbb\" stroke-width=\"1\"/>"
            + "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(demandColour)\" stroke-width=\"1.5\"/></svg>"
    }
}
