/* oab-decode: decompresses an OAB "LZX" file (full details) with libmspack's OAB decompressor.
 * Usage: oab-decode IN.lzx OUT.oab      Exit status 0 on success, 1 on a decoding error, 2 on usage. */
#include <mspack.h>
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s IN.lzx OUT.oab\n", argv[0]);
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
  int err = oab->decompress(oab, argv[1], argv[2]);
  mspack_destroy_oab_decompressor(oab);
  if (err != MSPACK_ERR_OK) {
    fprintf(stderr, "oab-decode: libmspack error %d decoding %s\n", err, argv[1]);
    return 1;
  }
  return 0;
}
