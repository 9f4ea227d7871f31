import COpenBLAS
import Foundation

/// The OpenBLAS settings that decide the last bits of the dense engine's results.
///
/// DGEMM's rounding depends on the kernel OpenBLAS picked for the CPU (its "core", which
/// the environment can force with `OPENBLAS_CORETYPE`) and, for some kernels, on its
/// thread count (docs/PLATFORM.md, "Speed"). The dense engine therefore runs every DGEMM on
/// one BLAS thread (parallelism goes across networks), and a run records these settings
/// in its manifest so that bit-identical results can be expected exactly when they match.
public struct BLASSettings: Sendable, Hashable, Codable {
    /// The kernel family in use, `openblas_get_corename()` (e.g. `SkylakeX`, `Haswell`).
    public let coreName: String
    /// The library's build configuration, `openblas_get_config()` (version, DYNAMIC_ARCH, …).
    public let configuration: String
    /// BLAS threads per call, `openblas_get_num_threads()` (1 once the engine is in use).
    public let threadCount: Int
    /// `OPENBLAS_CORETYPE` from the environment, if set (it overrides CPU detection).
    public let environmentCoreType: String?
    /// `OPENBLAS_NUM_THREADS` from the environment, if set.
    public let environmentThreadCount: String?

    /// The settings in force now. Call after ``useOneThread()`` (or after creating a
    /// ``DenseEngine``, which calls it) to record what the engine computes with.
    public static func current() -> BLASSettings {
        let environment = ProcessInfo.processInfo.environment
        return BLASSettings(
            coreName: openblas_get_corename().map { String(cString: $0) } ?? "",
            configuration: openblas_get_config().map { String(cString: $0) } ?? "",
            threadCount: Int(openblas_get_num_threads()),
            environmentCoreType: environment["OPENBLAS_CORETYPE"],
            environmentThreadCount: environment["OPENBLAS_NUM_THREADS"])
    }

    /// Makes every OpenBLAS call single-threaded, once per process. Idempotent and safe to
    /// call from several threads: the Swift global initializer runs the body exactly once,
    /// before any engine issues a DGEMM (changing OpenBLAS's thread count while another
    /// thread is inside a BLAS call is not safe).
    public static func useOneThread() {
        _ = oneThread
    }

    private static let oneThread: Bool = {
        openblas_set_num_threads(1)
        return true
    }()

    /// A one-line summary for logs: `core=SkylakeX threads=1 config="OpenBLAS 0.3.21 …"`.
    public var summary: String {
        var text = "core=\(coreName) threads=\(threadCount) config=\"\(configuration)\""
        if let environmentCoreType { text += " OPENBLAS_CORETYPE=\(environmentCoreType)" }
        return text
    }
}

/// Row-major DGEMM, `C = α op(A) op(B) + β C`, on one BLAS thread (the only BLAS call
/// of the engine; the names follow the CBLAS arguments).
@inline(__always)
func dgemm(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    _ a: UnsafePointer<Double>, lda: Int, _ b: UnsafePointer<Double>, ldb: Int,
    beta: Double, _ c: UnsafeMutablePointer<Double>, ldc: Int
) {
    cblas_dgemm(
        CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
        blasint(m), blasint(n), blasint(k), 1.0, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
}
