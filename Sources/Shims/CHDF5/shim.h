/*
 * C shim for libhdf5 1.10 (Debian's serial build).
 *
 * HDF5's type, property-list and flag constants are C macros that expand to
 * `H5open()` plus a global (`H5T_NATIVE_DOUBLE` is `(H5OPEN H5T_NATIVE_DOUBLE_g)`),
 * which Swift cannot import; the `_g` globals import but Swift 6 rejects them as
 * not concurrency-safe. `H5P_DEFAULT` and friends import as `Int32` although
 * `hid_t` is `int64_t`. Each function below returns one such constant with the
 * type Swift needs (see docs/PLATFORM.md, "libhdf5 from Swift"; the same
 * pattern as swift-numerics' `_NumericsShims.h`).
 */
#ifndef CHDF5_SHIM_H
#define CHDF5_SHIM_H

#include <hdf5.h>

/* Default / "all" identifiers, typed as hid_t. */
static inline hid_t chdf5_P_DEFAULT(void) { return H5P_DEFAULT; }
static inline hid_t chdf5_E_DEFAULT(void) { return H5E_DEFAULT; }
static inline hid_t chdf5_S_ALL(void) { return H5S_ALL; }

/* Property-list classes. */
static inline hid_t chdf5_P_FILE_CREATE(void) { return H5P_FILE_CREATE; }
static inline hid_t chdf5_P_FILE_ACCESS(void) { return H5P_FILE_ACCESS; }
static inline hid_t chdf5_P_GROUP_CREATE(void) { return H5P_GROUP_CREATE; }
static inline hid_t chdf5_P_DATASET_CREATE(void) { return H5P_DATASET_CREATE; }
static inline hid_t chdf5_P_LINK_CREATE(void) { return H5P_LINK_CREATE; }
static inline hid_t chdf5_P_ATTRIBUTE_CREATE(void) { return H5P_ATTRIBUTE_CREATE; }

/* File access flags. */
static inline unsigned chdf5_F_ACC_TRUNC(void) { return H5F_ACC_TRUNC; }
static inline unsigned chdf5_F_ACC_RDONLY(void) { return H5F_ACC_RDONLY; }
static inline unsigned chdf5_F_ACC_RDWR(void) { return H5F_ACC_RDWR; }

/* In-memory (native) element types. */
static inline hid_t chdf5_T_NATIVE_DOUBLE(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t chdf5_T_NATIVE_FLOAT(void) { return H5T_NATIVE_FLOAT; }
static inline hid_t chdf5_T_NATIVE_INT64(void) { return H5T_NATIVE_INT64; }
static inline hid_t chdf5_T_NATIVE_INT32(void) { return H5T_NATIVE_INT32; }
static inline hid_t chdf5_T_NATIVE_UINT8(void) { return H5T_NATIVE_UINT8; }

/* On-disk element types: fixed little-endian, whatever the host. */
static inline hid_t chdf5_T_IEEE_F64LE(void) { return H5T_IEEE_F64LE; }
static inline hid_t chdf5_T_IEEE_F32LE(void) { return H5T_IEEE_F32LE; }
static inline hid_t chdf5_T_STD_I64LE(void) { return H5T_STD_I64LE; }
static inline hid_t chdf5_T_STD_I32LE(void) { return H5T_STD_I32LE; }
static inline hid_t chdf5_T_STD_U8LE(void) { return H5T_STD_U8LE; }

/* Strings: the C string base type and the "variable length" size marker. */
static inline hid_t chdf5_T_C_S1(void) { return H5T_C_S1; }
static inline size_t chdf5_T_VARIABLE(void) { return H5T_VARIABLE; }

#endif
