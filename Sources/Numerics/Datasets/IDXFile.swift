import CZlib
import Foundation

/// An array read from an IDX file (the format of MNIST and Fashion-MNIST; LeCun et al.):
/// two zero bytes, a type code (0x08 = unsigned byte), the number of dimensions, each
/// dimension as a big-endian UInt32, then the data in row-major order. Files may be
/// gzip-compressed (as Debian ships them); the bytes are inflated first.
public struct IDXFile: Sendable, Equatable {
    public var shape: [Int]
    public var bytes: [UInt8]

    /// Parses IDX data (plain or gzipped); `source` names the file in errors.
    public init(data: Data, source: String) throws {
        let raw = data.starts(with: [0x1F, 0x8B]) ? try IDXFile.gunzip(data, source: source) : data
        let bytes = [UInt8](raw)
        guard bytes.count >= 4 else {
            throw DatasetError.corrupt(source: source, reason: "only \(bytes.count) bytes, not even an IDX header")
        }
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw DatasetError.corrupt(source: source, reason: "the magic number does not start with two zero bytes; not an IDX file")
        }
        guard bytes[2] == 0x08 else {
            throw DatasetError.corrupt(
                source: source, reason: "element type code 0x\(String(bytes[2], radix: 16)) is not 0x08 (unsigned byte)")
        }
        let rank = Int(bytes[3])
        let headerSize = 4 + 4 * rank
        guard rank >= 1, bytes.count >= headerSize else {
            throw DatasetError.corrupt(source: source, reason: "the header announces \(rank) dimensions but the file ends first")
        }
        let shape = (0..<rank).map { dimension -> Int in
            (0..<4).reduce(0) { $0 << 8 | Int(bytes[4 + 4 * dimension + $1]) }
        }
        let expected = shape.reduce(1, *)
        guard bytes.count - headerSize == expected else {
            throw DatasetError.corrupt(
                source: source,
                reason: "the header announces \(shape.map(String.init).joined(separator: "×")) = \(expected) bytes of data but the file holds \(bytes.count - headerSize) (truncated or corrupt download)")
        }
        self.shape = shape
        self.bytes = Array(bytes[headerSize...])
    }

    /// Reads and parses the file at `path`.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DatasetError.missing(path: path)
        }
        try self.init(data: data, source: path)
    }

    static func gunzip(_ data: Data, source: String) throws -> Data {
        var stream = z_stream()
        guard czlib_inflate_init_gzip(&stream) == Z_OK else {
            throw DatasetError.corrupt(source: source, reason: "zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        var input = [UInt8](data)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = uInt(inputBuffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = uInt(chunkBuffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    output.append(chunkBuffer.baseAddress!, count: chunkBuffer.count - Int(stream.avail_out))
                }
            } while status == Z_OK
        }
        guard status == Z_STREAM_END else {
            throw DatasetError.corrupt(
                source: source, reason: "the gzip stream is damaged or truncated (zlib status \(status))")
        }
        return output
    }
}

/// Problems with data files: what is wrong and what to do.
public enum DatasetError: Error, CustomStringConvertible {
    case missing(path: String)
    case corrupt(source: String, reason: String)
    case mismatch(reason: String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "data file \(path) does not exist. For Fashion-MNIST install Debian's package (`apt-get install dataset-fashion-mnist`) or point the stage's `directory` parameter at IDX files."
        case .corrupt(let source, let reason):
            return "\(source) is not a valid IDX file: \(reason). Reinstall or re-download it."
        case .mismatch(let reason):
            return "the IDX files do not belong together: \(reason)."
        }
    }
}
