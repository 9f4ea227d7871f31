#include <zlib.h>

/* inflateInit2 is a macro over inflateInit2_; expose it as a function Swift can call. */
static inline int czlib_inflate_init_gzip(z_streamp stream) {
    /* 15 window bits + 16: expect a gzip header and trailer. */
    return inflateInit2(stream, 15 + 16);
}
