import CalltrailModel
import CalltrailProviders

/// `o`: play the selected call's recording. The link is fetched only now (and
/// again once it has expired); its answer and the player's start come back as actions.
extension BrowserReducer {
    static func playRecording(_ state: inout BrowserState) -> [BrowserEffect] {
        guard !state.search.isEditing, !state.help.isShown else { return [] }
        guard state.overlay == .fullDetail || state.focus != .leads, let call = state.detailCall else {
            state.notice = "select a call first: o plays its recording"
            return []
        }
        guard state.descriptor.offersRecordings else {
            state.notice = "recordings are not offered by \(DisplayText.sanitize(state.descriptor.name))"
            return []
        }
        let id = call.id
        state.recordings.notice = nil
        if let link = state.recordings.playableLink(for: id, now: state.now) {
            state.recordings.problem = nil
            return [.play(id, url: link.url)]
        }
        let status = state.recordingStatus(of: call)
        if status == RecordingStatus.none {
            state.recordings.notice = (id, "call \(DisplayText.sanitize(id.rawValue)) has no recording")
            return []
        }
        if status == .loading { return [] }
        var effects: [BrowserEffect] = []
        if let pending = state.recordings.pending { effects.append(.cancel(pending.ticket)) }
        let ticket = state.issueTicket()
        state.recordings.pending = (ticket, id)
        state.recordings.problem = nil
        effects.append(.loadRecording(ticket, id))
        return effects
    }

    static func receiveRecording(_ state: inout BrowserState, _ ticket: LoadTicket, _ id: CallID, _ link: RecordingLink?) -> [BrowserEffect] {
        guard state.recordings.pending?.ticket == ticket else { return [] }
        state.recordings.pending = nil
        guard let link else {
            state.recordings.remember(id, .none)
            state.recordings.notice = (id, "call \(DisplayText.sanitize(id.rawValue)) has no recording")
            return []
        }
        state.recordings.remember(id, .link(link, expires: RecordingsState.expiry(of: link, fetchedAt: state.now)))
        return [.play(id, url: link.url)]
    }

    static func failRecording(_ state: inout BrowserState, _ ticket: LoadTicket, _ id: CallID, _ error: ProviderError) {
        guard state.recordings.pending?.ticket == ticket else { return }
        state.recordings.pending = nil
        state.recordings.problem = .provider(id, error)
    }
}
