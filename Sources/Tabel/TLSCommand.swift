import ArgumentParser
import HTTP
#if canImport(Glibc)
import Glibc
#endif

/// `tabel setup tls`: the HTTPS certificate and key in the state directory.
struct TLSSetup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tls",
        abstract: "Сертификат HTTPS: создать самоподписанный или взять сертификат школы.",
        discussion: """
        Пишет tls.key (0600) и tls.crt рядом с базой (под systemd — /var/lib/tabel), владелец — владелец \
        каталога. Затем: systemctl enable --now tabel-https.socket && systemctl restart tabel \
        (или tabel serve --tls-listen :8443).
        """)

    @OptionGroup var database: DatabaseOption

    @Option(help: "Сертификат школы, PEM (с цепочкой); вместе с --key.")
    var cert: String?

    @Option(help: "Ключ к сертификату школы, PEM, без пароля.")
    var key: String?

    @Option(name: .customLong("name"), help: "Имя или IP-адрес сервера для самоподписанного сертификата (можно несколько; по умолчанию tabel.local, имя машины, localhost и её адреса).")
    var names: [String] = []

    @Option(help: "Срок самоподписанного сертификата, дней.")
    var days = 3650

    func validate() throws {
        if (cert == nil) != (key == nil) { throw ValidationError("--cert и --key указываются вместе.") }
        if cert != nil, !names.isEmpty { throw ValidationError("--name только для самоподписанного сертификата.") }
        guard (1...9125).contains(days) else { throw ValidationError("--days: от 1 до 9125.") }
    }

    func run() throws {
        let db = database.resolved
        let directory = db.lastIndex(of: "/").map { String(db[..<$0]) } ?? "."
        if access(directory, F_OK) != 0, mkdir(directory, 0o700) != 0 {
            print("Каталог \(directory) не создан: \(String(cString: strerror(errno)))")
            throw ExitCode.failure
        }
        let credentials: TLSCredentials
        do {
            if let cert, let key {
                credentials = try TLSCredentials.load(certificate: cert, key: key)
            } else {
                credentials = try TLSCredentials.selfSigned(names: names.isEmpty ? Self.defaultNames() : names, days: days)
            }
            try credentials.save(in: directory)
        } catch {
            print("Сертификат не записан: \(error)")
            throw ExitCode.failure
        }
        print("Записаны \(directory)/\(TLSCredentials.certificateFile) и \(directory)/\(TLSCredentials.keyFile)")
        print("Действителен до \(CivilDateTimeText.utc(credentials.expires)); отпечаток SHA-256:")
        print(credentials.fingerprint)
        if cert == nil {
            print("Сертификат самоподписанный: браузер предупредит при первом входе; сверьте отпечаток с этим.")
        }
        print("Включить HTTPS: systemctl enable --now tabel-https.socket && systemctl restart tabel")
    }

    /// tabel.local, the host name (and NAME.local), localhost and the box's addresses now.
    static func defaultNames() -> [String] {
        var names = ["tabel.local"]
        var buffer = [CChar](repeating: 0, count: 256)
        if gethostname(&buffer, buffer.count) == 0 {
            let host = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !host.isEmpty, host != "localhost" {
                names.append(host)
                if !host.contains(".") { names.append(host + ".local") }
            }
        }
        names += ["localhost", "127.0.0.1", "::1"]
        var list: UnsafeMutablePointer<ifaddrs>?
        if getifaddrs(&list) == 0 {
            var item = list
            while let entry = item?.pointee {
                if let sa = entry.ifa_addr, Int32(sa.pointee.sa_family) == AF_INET || Int32(sa.pointee.sa_family) == AF_INET6 {
                    var text = [CChar](repeating: 0, count: 64)
                    let length = socklen_t(Int32(sa.pointee.sa_family) == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
                    if getnameinfo(sa, length, &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST) == 0 {
                        let address = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                        // Link-local IPv6 addresses carry a zone (%eth0) no certificate can name.
                        if !address.contains("%"), !names.contains(address) { names.append(address) }
                    }
                }
                item = entry.ifa_next
            }
            freeifaddrs(list)
        }
        return names
    }
}
