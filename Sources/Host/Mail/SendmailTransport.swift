import Foundation

/// Hands messages to a sendmail-compatible program (`EMAIL_SENDMAIL_PATH`), as Directus's default transport does.
struct SendmailTransport: Sendable {
    let path: String
    /// Windows line ends (`EMAIL_SENDMAIL_NEW_LINE=windows`) instead of Unix ones.
    let crlf: Bool

    /// Runs `path -i -f <sender> <recipients…>` with the message on standard input; blocks until it exits.
    func send(sender: String, recipients: [String], data: [UInt8]) throws {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw MailError("Cannot send email: \(path) is not an executable sendmail program. Set EMAIL_SENDMAIL_PATH, or EMAIL_TRANSPORT=smtp.")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        // Addresses were validated (none starts with "-"), so none can pass for an option.
        process.arguments = ["-i", "-f", sender] + recipients
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        var bytes = data
        if !crlf {
            bytes = Array(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").utf8)
        }
        input.fileHandleForWriting.write(Data(bytes))
        try? input.fileHandleForWriting.close()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let detail = String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw MailError("Cannot send email: \(path) exited with status \(process.terminationStatus)" + (detail.isEmpty ? "." : ": \(detail)"))
        }
    }
}
