import Testing

@testable import CalltrailTerminal

@Suite struct FrameBytesTests {
    @Test func appendsInOrderAndGrowsPastItsCapacity() {
        let bytes = FrameBytes(capacity: 16)
        var expected: [UInt8] = []
        for n in 0..<100 {
            bytes.append(UInt8(n))
            expected.append(UInt8(n))
        }
        bytes.append([7, 8, 9])
        bytes.append(0x20, times: 40)
        bytes.append(0x21, times: 0)
        expected += [7, 8, 9] + Array(repeating: 0x20, count: 40)
        #expect(bytes.count == expected.count)
        #expect(bytes.array == expected)
    }

    @Test func emptiedForTheNextFrameKeepingNothingOfTheLast() {
        let bytes = FrameBytes(capacity: 16)
        bytes.append(Array(repeating: 1, count: 50))
        bytes.removeAll()
        #expect(bytes.count == 0)
        #expect(bytes.array.isEmpty)
        bytes.append([4, 5])
        #expect(bytes.array == [4, 5])
        bytes.withBytes { #expect(Array($0) == [4, 5]) }
    }
}
