import CalltrailModel
import Foundation

/// Where the demo keeps the recordings it makes: one WAV per call in a per-user
/// cache directory (`$XDG_CACHE_HOME/calltrail/demo-recordings`, else
/// `~/.cache/calltrail/demo-recordings`), created private (0700) and written
/// atomically, so a player or a download never sees half a file.
public struct DemoRecordingCache: Sendable, Hashable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The directory the environment names; nil when neither XDG_CACHE_HOME nor HOME is set.
    public init?(environment: [String: String] = ProcessInfo.processInfo.environment) {
        // The XDG spec ignores a relative XDG_CACHE_HOME.
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            self.init(directory: cache + "/calltrail/demo-recordings")
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            self.init(directory: home + "/.cache/calltrail/demo-recordings")
        } else {
            return nil
        }
    }

    /// The call's recording as a file, written when missing or not what it should
    /// be; its path. Throws `.configuration` naming the directory when it cannot.
    public func file(for id: CallID) throws(ProviderError) -> String {
        // Ids are the demo's positive whole numbers, checked before: safe as a name.
        let path = directory + "/\(id.rawValue).wav"
        let audio = Data(DemoRecordingAudio.wav(for: id))
        if FileManager.default.contents(atPath: path) == audio { return path }
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try audio.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .configuration("cannot write the demo's recordings to \(directory): \(Self.reason(error))"
                + "; set XDG_CACHE_HOME to a writable directory")
        }
        return path
    }

    /// The system's words for why, without Foundation's wrapping.
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))).lowercased() }
        return nsError.localizedDescription
    }
}
