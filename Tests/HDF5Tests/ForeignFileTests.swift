import CHDF5
import HDF5
import XCTest

/// Files written by other programs use forms this layer never writes:
/// fixed-length space-padded strings, big-endian numbers, 16-bit integers.
/// They are written here with the raw C API and read through the typed layer.
final class ForeignFileTests: XCTestCase {
    /// Writes, with libhdf5 directly: a fixed-length ASCII attribute "fixed"
    /// ("abc" padded with spaces to 6 bytes), a big-endian float64 dataset "be"
    /// ([1.5, -2]), and a 16-bit integer dataset "short" ([1, 2]).
    private func writeForeignFile(_ path: String) throws {
        let file = H5Fcreate(path, chdf5_F_ACC_TRUNC(), chdf5_P_DEFAULT(), chdf5_P_DEFAULT())
        XCTAssertGreaterThanOrEqual(file, 0)
        defer { H5Fclose(file) }
        let scalar = H5Screate(H5S_SCALAR), pair = H5Screate_simple(1, [hsize_t(2)], nil)
        defer { H5Sclose(scalar); H5Sclose(pair) }

        let fixed = H5Tcopy(chdf5_T_C_S1())
        defer { H5Tclose(fixed) }
        H5Tset_size(fixed, 6)
        H5Tset_strpad(fixed, H5T_STR_SPACEPAD)
        let attribute = H5Acreate2(file, "fixed", fixed, scalar, chdf5_P_DEFAULT(), chdf5_P_DEFAULT())
        XCTAssertEqual(H5Awrite(attribute, fixed, "abc   "), 0)
        H5Aclose(attribute)

        let bigEndian = H5Tcopy(chdf5_T_NATIVE_DOUBLE())
        defer { H5Tclose(bigEndian) }
        H5Tset_order(bigEndian, H5T_ORDER_BE)
        let be = H5Dcreate2(file, "be", bigEndian, pair, chdf5_P_DEFAULT(), chdf5_P_DEFAULT(), chdf5_P_DEFAULT())
        XCTAssertEqual(H5Dwrite(be, chdf5_T_NATIVE_DOUBLE(), chdf5_S_ALL(), chdf5_S_ALL(), chdf5_P_DEFAULT(), [1.5, -2.0]), 0)
        H5Dclose(be)

        let short = H5Tcopy(chdf5_T_STD_I32LE())
        defer { H5Tclose(short) }
        H5Tset_size(short, 2)
        let shorts = H5Dcreate2(file, "short", short, pair, chdf5_P_DEFAULT(), chdf5_P_DEFAULT(), chdf5_P_DEFAULT())
        XCTAssertEqual(H5Dwrite(shorts, chdf5_T_NATIVE_INT32(), chdf5_S_ALL(), chdf5_S_ALL(), chdf5_P_DEFAULT(), [Int32(1), 2]), 0)
        H5Dclose(shorts)
    }

    func testReadsForeignFormsOrSaysWhyNot() throws {
        let path = try TemporaryDirectory(self).path("foreign.h5")
        try writeForeignFile(path)
        let root = try HDF5File.open(path).root
        XCTAssertEqual(try root.attribute("fixed"), .string("abc"))
        XCTAssertEqual(try root.readDataset("be", as: Double.self), HDF5Array(values: [1.5, -2], shape: [2]))
        let short = try root.dataset("short")
        XCTAssertNil(short.elementType)
        XCTAssertEqual(short.storedTypeDescription, "16-bit signed integer")
        XCTAssertThrowsError(try short.read(as: Int32.self)) { error in
            XCTAssertEqual((error as? HDF5Error)?.kind, .typeMismatch)
            XCTAssertTrue("\(error)".contains("16-bit signed integer") && "\(error)".contains("h5py"), "\(error)")
        }
    }
}
