import CalltrailModel

/// Where the selection is in the focused list, like less and lazygit:
/// "123/2,400", or "123/≥400" while the end is not known yet.
extension BrowserState {
    public func positionMark(for pane: Pane) -> String? {
        switch pane {
        case .leads: return leadsPosition
        case .calls: return timeline?.position(filter: filter)
        case .detail: return nil
        }
    }

    private var leadsPosition: String? {
        guard let selected = leads.selected, !leads.leads.isEmpty else { return nil }
        let known = max(leads.total ?? 0, leads.leads.count)
        let atLeast = leads.total == nil && !leads.ended
        return DisplayFormat.count(selected + 1) + "/" + (atLeast ? "≥" : "") + DisplayFormat.count(known)
    }
}

extension TimelineState {
    /// The selected call's place among the calls the filter shows, and how many
    /// there are; nil while a page before it has not been counted under the filter.
    func position(filter: CallFilter) -> String? {
        guard let ref = selectedRef, pages.indices.contains(ref.page) else { return nil }
        var before = 0
        var total = 0
        var totalKnown = historyEnded
        for page in pages {
            let shown = filter.isActive ? page.matchCount : page.count
            if page.number < ref.page {
                guard let shown else { return nil }
                before += shown
            }
            if let shown { total += shown } else { totalKnown = false }
        }
        // Within the selected page: the shown calls above the selection.
        var index = 0
        if filter.isActive {
            index = lines.reduce(0) { $0 + ($1.isCall && $1.ref.page == ref.page && $1.ref.index < ref.index ? 1 : 0) }
        } else {
            index = ref.index
        }
        let place = before + index + 1
        return DisplayFormat.count(place) + "/" + (totalKnown ? "" : "≥") + DisplayFormat.count(max(total, place))
    }
}
