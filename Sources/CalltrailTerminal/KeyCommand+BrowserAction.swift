import CalltrailViewModel

extension KeyCommand {
    /// The view-model action a command stands for.
    public var browserAction: BrowserAction {
        switch self {
        case .moveDown: return .moveDown
        case .moveUp: return .moveUp
        case .pageDown: return .pageDown
        case .pageUp: return .pageUp
        case .first: return .first
        case .last: return .last
        case .focusNext, .focusRight: return .focusNext
        case .focusPrevious, .focusLeft: return .focusPrevious
        case .open: return .open
        case .back: return .back
        case .search: return .searchStart
        case .searchNext: return .searchNext
        case .searchPrevious: return .searchPrevious
        case .nextCall: return .nextCall
        case .previousCall: return .previousCall
        case .toggleOutcome(let slot): return .toggleOutcomeFilter(slot: slot)
        case .clearOutcomes: return .clearFilters
        case .reload: return .reload
        case .playRecording: return .playRecording
        case .openTranscript: return .openTranscript
        case .openLeadInfo: return .openLeadInfo
        case .openRecent: return .openRecent
        case .openCallsLead: return .openCallsLead
        case .completeStats: return .completeStats
        case .toggleDirection: return .toggleDirectionFilter
        case .help: return .toggleHelp
        case .close: return .close
        case .quit: return .quit
        }
    }
}

/// Turns a key into the action it means in the current state: while a search
/// is being typed, keys edit the search; otherwise the key map decides.
public enum KeyTranslator {
    public static func action(for key: Key, editingSearch: Bool, keyMap: KeyMap) -> BrowserAction? {
        if editingSearch {
            switch key {
            case .character(let c): return .searchInsert(String(c))
            case .backspace: return .searchDeleteBackward
            case .control("u"): return .searchClear
            case .control("w"): return .searchDeleteWord
            case .up: return .searchRecall
            case .enter: return .searchSubmit
            case .escape: return .searchCancel
            case .control("c"): return .quit
            default: return nil
            }
        }
        return keyMap.command(for: key)?.browserAction
    }
}
