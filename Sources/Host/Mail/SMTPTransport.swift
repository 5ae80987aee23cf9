import CCurlShim
import Foundation

/// Sends messages to an SMTP server with libcurl: implicit TLS or opportunistic STARTTLS, AUTH when a user is set.
///
/// Blocks the calling thread for the whole exchange. With `pool`, finished
/// curl handles are kept (at most `maxIdle`) so the next message reuses
/// their open connection, as nodemailer's pooled transport does.
final class SMTPTransport: @unchecked Sendable {
    let settings: SMTPSettings
    private let lock = NSLock()
    private var idle: [UnsafeMutableRawPointer] = []
    private let maxIdle = 5

    init(_ settings: SMTPSettings) {
        self.settings = settings
        Curl.initialize()
    }

    deinit {
        for handle in idle { curl_easy_cleanup(handle) }
    }

    /// Delivers `data` (CRLF lines) from `sender` to every recipient, or throws with the server's or curl's reason.
    func send(sender: String, recipients: [String], data: [UInt8]) throws {
        let handle = try take()
        var keep = false
        defer { settings.pool && keep ? give(handle) : curl_easy_cleanup(handle) }
        var list: UnsafeMutablePointer<curl_slist>?
        for recipient in recipients { list = curl_slist_append(list, "<\(recipient)>") }
        defer { curl_slist_free_all(list) }
        let body = Body(data)
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let status: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { buffer in
            configure(handle, sender: sender, recipients: list, body: body, errorBuffer: buffer.baseAddress!)
            let status = withExtendedLifetime(body) { curl_easy_perform(handle) }
            // The buffer dies with this closure; an idle handle must not keep pointing at it.
            _ = plinth_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, nil)
            return status
        }
        guard status == CURLE_OK else {
            var code = 0
            _ = plinth_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &code)
            let detail = String(cString: errorBuffer)
            let reason = detail.isEmpty ? String(cString: curl_easy_strerror(status)) : detail
            throw MailError("Cannot send email through \(settings.description): \(reason)" + (code > 0 ? " (SMTP status \(code))" : "") + ".")
        }
        keep = true
    }

    private func configure(_ handle: UnsafeMutableRawPointer, sender: String, recipients: UnsafeMutablePointer<curl_slist>?,
                           body: Body, errorBuffer: UnsafeMutablePointer<CChar>) {
        _ = plinth_curl_set_string(handle, CURLOPT_URL, settings.url)
        _ = plinth_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = plinth_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, 30)
        _ = plinth_curl_set_long(handle, CURLOPT_TIMEOUT, 120)
        _ = plinth_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        _ = plinth_curl_set_long(handle, CURLOPT_USE_SSL, Int(settings.secure || !settings.ignoreTLS ? CURLUSESSL_TRY.rawValue : CURLUSESSL_NONE.rawValue))
        if !settings.verifyCertificate {
            _ = plinth_curl_set_long(handle, CURLOPT_SSL_VERIFYPEER, 0)
            _ = plinth_curl_set_long(handle, CURLOPT_SSL_VERIFYHOST, 0)
        }
        if let user = settings.user { _ = plinth_curl_set_string(handle, CURLOPT_USERNAME, user) }
        if let password = settings.password { _ = plinth_curl_set_string(handle, CURLOPT_PASSWORD, password) }
        _ = plinth_curl_set_string(handle, CURLOPT_MAIL_FROM, "<\(sender)>")
        _ = plinth_curl_set_pointer(handle, CURLOPT_MAIL_RCPT, UnsafeMutableRawPointer(recipients))
        _ = plinth_curl_set_long(handle, CURLOPT_UPLOAD, 1)
        _ = plinth_curl_set_read_function(handle, Body.read)
        _ = plinth_curl_set_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(body).toOpaque())
    }

    /// An idle handle (its connection may still be open) or a new one, reset to defaults.
    private func take() throws -> UnsafeMutableRawPointer {
        if let handle = lock.withLock({ idle.popLast() }) {
            curl_easy_reset(handle)
            return handle
        }
        guard let handle = curl_easy_init() else { throw MailError("Cannot send email: libcurl could not create a handle.") }
        return handle
    }

    private func give(_ handle: UnsafeMutableRawPointer) {
        let extra: UnsafeMutableRawPointer? = lock.withLock {
            guard idle.count < maxIdle else { return handle }
            idle.append(handle)
            return nil
        }
        if let extra { curl_easy_cleanup(extra) }
    }

    /// The message bytes curl reads during the upload.
    private final class Body {
        let bytes: [UInt8]
        var offset = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        static let read: plinth_curl_read_callback = { buffer, size, count, userdata in
            guard let buffer, let userdata else { return 0 }
            let body = Unmanaged<Body>.fromOpaque(userdata).takeUnretainedValue()
            let length = min(size * count, body.bytes.count - body.offset)
            guard length > 0 else { return 0 }
            body.bytes.withUnsafeBufferPointer { source in
                UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + body.offset, byteCount: length)
            }
            body.offset += length
            return length
        }
    }
}

/// libcurl's process-wide set-up, done once before the first handle.
enum Curl {
    private static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    static func initialize() {
        _ = initialized
    }
}
