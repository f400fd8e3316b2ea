internal import CZstd
#if canImport(Glibc)
import Glibc
#endif

/// zstd streams between file descriptors: backups, their read-back and pre-migration copies.
/// The data goes through in chunks of about 128 KiB, so a school's file never sits in memory whole.
public enum Zstd {
    /// A zstd or I/O error, naming the function that failed.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    /// Compresses everything readable from `input` into `output` (level 3, with zstd's content
    /// checksum). `chunk` sees each compressed chunk before it is written (a hash over the file).
    /// Returns the bytes read and written.
    @discardableResult
    public static func compress(from input: Int32, to output: Int32, level: Int32 = 3,
                                chunk: (UnsafeRawBufferPointer) -> Void = { _ in }) throws -> (read: Int, written: Int) {
        guard let cctx = ZSTD_createCCtx() else { throw Failure("ZSTD_createCCtx: недостаточно памяти") }
        defer { ZSTD_freeCCtx(cctx) }
        try check(ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level), "ZSTD_CCtx_setParameter")
        try check(ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1), "ZSTD_CCtx_setParameter")
        var source = [UInt8](repeating: 0, count: ZSTD_CStreamInSize())
        var target = [UInt8](repeating: 0, count: ZSTD_CStreamOutSize())
        var totals = (read: 0, written: 0)
        while true {
            let n = try readSome(input, into: &source)
            totals.read += n
            let mode = n == 0 ? ZSTD_e_end : ZSTD_e_continue
            try source.withUnsafeBytes { src in
                var inBuffer = ZSTD_inBuffer(src: src.baseAddress, size: n, pos: 0)
                while true {
                    let (remaining, produced) = try target.withUnsafeMutableBytes { dst -> (Int, Int) in
                        var outBuffer = ZSTD_outBuffer(dst: dst.baseAddress, size: dst.count, pos: 0)
                        let r = ZSTD_compressStream2(cctx, &outBuffer, &inBuffer, mode)
                        try check(r, "ZSTD_compressStream2")
                        return (r, outBuffer.pos)
                    }
                    try target.withUnsafeBytes { out in
                        let part = UnsafeRawBufferPointer(rebasing: out[0..<produced])
                        chunk(part)
                        try writeAll(output, part)
                    }
                    totals.written += produced
                    if mode == ZSTD_e_end ? remaining == 0 : inBuffer.pos == inBuffer.size { break }
                }
            }
            if n == 0 { return totals }
        }
    }

    /// Decompresses `input` into `output` (nil: only checks that it decompresses). `chunk` sees
    /// each compressed chunk as it is read. Throws on damaged data and on a truncated stream.
    /// Returns the bytes read and the bytes decompressed.
    @discardableResult
    public static func decompress(from input: Int32, to output: Int32?,
                                  chunk: (UnsafeRawBufferPointer) -> Void = { _ in }) throws -> (read: Int, written: Int) {
        guard let dctx = ZSTD_createDCtx() else { throw Failure("ZSTD_createDCtx: недостаточно памяти") }
        defer { ZSTD_freeDCtx(dctx) }
        var source = [UInt8](repeating: 0, count: ZSTD_DStreamInSize())
        var target = [UInt8](repeating: 0, count: ZSTD_DStreamOutSize())
        var totals = (read: 0, written: 0)
        var frameOpen = false
        while true {
            let n = try readSome(input, into: &source)
            if n == 0 {
                if totals.read == 0 { throw Failure("файл пуст") }
                if frameOpen { throw Failure("сжатые данные обрываются: файл усечён") }
                return totals
            }
            totals.read += n
            try source.withUnsafeBytes { src in
                chunk(UnsafeRawBufferPointer(rebasing: src[0..<n]))
                var inBuffer = ZSTD_inBuffer(src: src.baseAddress, size: n, pos: 0)
                while inBuffer.pos < inBuffer.size || frameOpen {
                    let (r, produced) = try target.withUnsafeMutableBytes { dst -> (Int, Int) in
                        var outBuffer = ZSTD_outBuffer(dst: dst.baseAddress, size: dst.count, pos: 0)
                        let r = ZSTD_decompressStream(dctx, &outBuffer, &inBuffer)
                        try check(r, "ZSTD_decompressStream")
                        return (r, outBuffer.pos)
                    }
                    frameOpen = r != 0
                    if let output, produced > 0 {
                        try target.withUnsafeBytes { try writeAll(output, UnsafeRawBufferPointer(rebasing: $0[0..<produced])) }
                    }
                    totals.written += produced
                    // All input taken and the output buffer not filled: zstd needs more input.
                    if inBuffer.pos == inBuffer.size && produced < target.count { break }
                }
            }
        }
    }

    static func check(_ r: Int, _ function: String) throws {
        if ZSTD_isError(r) != 0 {
            throw Failure("\(function): " + String(cString: ZSTD_getErrorName(r)))
        }
    }

    /// Reads up to the buffer's size; 0 at the end of the file.
    static func readSome(_ fd: Int32, into buffer: inout [UInt8]) throws -> Int {
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw DurableFile.Failure("read", "")
        }
    }

    /// Writes all of `bytes`, retrying short writes.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw DurableFile.Failure("write", "")
            }
            offset += n
        }
    }
}
