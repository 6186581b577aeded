import Synchronization

/// Numbers for the characters made of several scalars (an accented letter with a
/// combining mark, an emoji with a modifier, an Indic cluster), so a `Cell` holds
/// a number, never a string. The same cluster always gets the same number, so
/// cells compare by number. Clusters are few in practice; past `capacity`
/// distinct ones (hostile text), new ones show as U+FFFD rather than grow without bound.
final class GraphemeTable: Sendable {
    static let shared = GraphemeTable()
    /// Numbers above every Unicode scalar value.
    static let firstNumber: UInt32 = 0x11_0000
    static let capacity = 65_536

    private struct Storage {
        var numbers: [Character: UInt32] = [:]
        var characters: [Character] = []
    }

    private let storage = Mutex(Storage())

    func number(of character: Character) -> UInt32 {
        storage.withLock { storage in
            if let known = storage.numbers[character] { return known }
            guard storage.characters.count < Self.capacity else { return 0xFFFD }
            let number = Self.firstNumber + UInt32(storage.characters.count)
            storage.numbers[character] = number
            storage.characters.append(character)
            return number
        }
    }

    func character(_ number: UInt32) -> Character {
        storage.withLock { storage in
            let index = Int(number - Self.firstNumber)
            return storage.characters.indices.contains(index) ? storage.characters[index] : "\u{FFFD}"
        }
    }
}
