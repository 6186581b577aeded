extension BrowserState {
    /// Where the detail's view is: its first row on screen, how many rows show,
    /// and how many the call has at this width (for the "12–30/84" mark).
    public func detailPosition(width: Int, height: Int) -> (first: Int, shown: Int, total: Int) {
        let view = detailView(width: width, height: height)
        return (view.first, view.shown, view.total)
    }
}
