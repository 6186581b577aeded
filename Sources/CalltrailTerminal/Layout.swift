import CalltrailViewModel

/// A rectangle of cells.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < x + width && py >= y && py < y + height
    }
}

/// Where everything goes for a terminal size: header, panes, footer. Wide
/// terminals show three panes; narrower ones two (the focused pane and its
/// neighbour), then one; below the minimum, nothing but a message.
public struct Layout: Equatable, Sendable {
    public static let minimumWidth = 40
    public static let minimumHeight = 8
    /// From this width all three panes fit.
    public static let threePaneWidth = 100
    /// From this width two panes fit.
    public static let twoPaneWidth = 64

    public var header: Rect
    public var footer: Rect
    public var body: Rect
    /// The visible panes, left to right.
    public var panes: [(Pane, Rect)]
    public var isTooSmall: Bool

    public static func == (a: Layout, b: Layout) -> Bool {
        a.header == b.header && a.footer == b.footer && a.body == b.body && a.isTooSmall == b.isTooSmall
            && a.panes.map(\.0) == b.panes.map(\.0) && a.panes.map(\.1) == b.panes.map(\.1)
    }

    public func rect(of pane: Pane) -> Rect? { panes.first { $0.0 == pane }?.1 }

    public init(width: Int, height: Int, focus: Pane) {
        header = Rect(x: 0, y: 0, width: width, height: 1)
        footer = Rect(x: 0, y: max(0, height - 1), width: width, height: 1)
        body = Rect(x: 0, y: 1, width: width, height: max(0, height - 2))
        isTooSmall = width < Layout.minimumWidth || height < Layout.minimumHeight
        panes = []
        if isTooSmall { return }
        let y = body.y
        let h = body.height
        if width >= Layout.threePaneWidth {
            let leadsWidth = max(24, width * 22 / 100)
            let detailWidth = max(32, width * 32 / 100)
            let callsWidth = width - leadsWidth - detailWidth
            panes = [
                (.leads, Rect(x: 0, y: y, width: leadsWidth, height: h)),
                (.calls, Rect(x: leadsWidth, y: y, width: callsWidth, height: h)),
                (.detail, Rect(x: leadsWidth + callsWidth, y: y, width: detailWidth, height: h)),
            ]
        } else if width >= Layout.twoPaneWidth {
            // The lead list with the timeline while choosing a lead, else timeline + detail.
            let pair: (Pane, Pane) = focus == .leads ? (.leads, .calls) : (.calls, .detail)
            let leftWidth = width * (focus == .leads ? 40 : 55) / 100
            panes = [
                (pair.0, Rect(x: 0, y: y, width: leftWidth, height: h)),
                (pair.1, Rect(x: leftWidth, y: y, width: width - leftWidth, height: h)),
            ]
        } else {
            panes = [(focus, Rect(x: 0, y: y, width: width, height: h))]
        }
    }
}
