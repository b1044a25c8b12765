/* oab-decode: decompresses an OAB "LZX" file with libmspack's OAB decompressor.
 * Usage: oab-decode IN.lzx OUT.oab              a Full Details file (decompress)
 *        oab-decode PATCH.lzx BASE.oab OUT.oab  a differential patch applied to BASE (decompress_incremental)
 * Exit status 0 on success, 1 on a decoding error (libmspack's error number on stderr), 2 on usage. */
#include <mspack.h>
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc != 3 && argc != 4) {
    fprintf(stderr, "usage: %s IN.lzx OUT.oab | %s PATCH.lzx BASE.oab OUT.oab\n", argv[0], argv[0]);
    return 2;
  }
  int selftest = 0;
  MSPACK_SYS_SELFTEST(selftest);
  if (selftest != MSPACK_ERR_OK) {
    fprintf(stderr, "oab-decode: libmspack self-test failed (%d)\n", selftest);
    return 1;
  }
  struct msoab_decompressor *oab = mspack_create_oab_decompressor(NULL);
  if (!oab) {
    fprintf(stderr, "oab-decode: cannot create the OAB decompressor\n");
    return 1;
  }
  int err = argc == 3 ? oab->decompress(oab, argv[1], argv[2])
                      : oab->decompress_incremental(oab, argv[1], argv[2], argv[3]);
  mspack_destroy_oab_decompressor(oab);
  if (err != MSPACK_ERR_OK) {
    fprintf(stderr, "oab-decode: libmspack error %d (%s) decoding %s\n", err,
            err == MSPACK_ERR_CHECKSUM ? "checksum mismatch"
            : err == MSPACK_ERR_DECRUNCH ? "bad compressed data"
            : err == MSPACK_ERR_DATAFORMAT ? "bad block format"
            : err == MSPACK_ERR_SIGNATURE ? "bad header version"
            : err == MSPACK_ERR_READ ? "read error or file too short"
            : "other", argv[1]);
    return 1;
  }
  return 0;
}
