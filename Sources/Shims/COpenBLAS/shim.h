/* OpenBLAS's CBLAS interface (cblas_dgemm) and its openblas_* controls (thread count,
   core name, build configuration), found through pkg-config "openblas". */
#include <cblas.h>
