// libgit2's start-up, and what schemagate leaves out of it.
//
// schemagate reads local repositories only: it never clones, fetches or pushes, so libgit2 never
// opens a TLS connection for it. Yet git_libgit2_init, built against mbedTLS (Debian's libgit2),
// parses the system's whole CA bundle (/etc/ssl/certs/ca-certificates.crt, some 140
// certificates) on every start: 54 million instructions, nearly a tenth of a pre-commit run
// (`check --changed-since HEAD` with one changed file on a 600k-line tree).
//
// The definition of mbedtls_x509_crt_parse_file below, in the executable, is the one libgit2's
// call binds to (an executable's symbol comes before a shared library's): it leaves the chain
// libgit2 just initialised empty and reports success. libgit2 then holds no trusted certificate
// at all, so a TLS connection it were asked to make would fail verification, never pass
// unverified. Nothing else in the process parses X.509 files with mbedTLS (libpq uses OpenSSL).
#include "analyzers/source/git_runtime.h"

#include <git2.h>

// Weak: the portable release binary links mbedTLS's static archive, whose (strong) definition
// then wins instead of a duplicate-symbol error, and that binary parses the bundle as before.
extern "C" __attribute__((weak)) int mbedtls_x509_crt_parse_file(void* chain, const char* path) {
  (void)chain;
  (void)path;
  return 0;
}

// `schemagate` linked with libgit2's and mbedTLS's static archives (cmake/static_deps.cmake) is
// linked with --wrap=mbedtls_x509_crt_parse_file: libgit2's call binds to this one instead, since
// the archive's definition would win over the weak one above.
extern "C" int __wrap_mbedtls_x509_crt_parse_file(void* chain, const char* path) {
  (void)chain;
  (void)path;
  return 0;
}

namespace schemagate::source {

void start_libgit2() {
  static const int started = git_libgit2_init();
  (void)started;
}

}  // namespace schemagate::source
