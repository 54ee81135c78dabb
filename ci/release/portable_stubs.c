/* The portable release build links libpq and libgit2 statically, and Debian built them with
 * GSSAPI (Kerberos) and, for libpq, LDAP support, whose libraries ship no static archives. These stubs stand
 * in for them so that the binary needs nothing but glibc: every call fails the way libpq expects
 * when no credentials or no directory server are available.
 *
 * What this disables in the portable build: GSSAPI encryption and Kerberos authentication
 * (gssencmode=prefer falls back to TLS or plain TCP, as on a machine without a credential cache;
 * a server that demands GSSAPI gets
 * "GSSAPI is not supported by this schemagate build"), ldap:// lookups in pg_service.conf, and
 * libgit2's Kerberos ("Negotiate") HTTP authentication, which schemagate never uses (it reads
 * local repositories only). Builds from source (cmake/static_deps.cmake) link these stubs too, for
 * libgit2 alone: their libpq is a shared library opened with its own GSSAPI and LDAP, which the
 * executable's stubs (not exported) do not hide.
 *
 * Every argument is a pointer or an integer, so the declarations below match the real ones in
 * <gssapi/gssapi.h> and <ldap.h> at the ABI level without needing those headers. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef uint32_t OM_uint32;
typedef struct { size_t length; void* value; } sg_gss_buffer;

#define SG_GSS_S_FAILURE (13u << 16)
static const char kNoGss[] = "GSSAPI is not supported by this schemagate build";

void* GSS_C_NT_HOSTBASED_SERVICE = NULL;

static OM_uint32 sg_gss_fail(OM_uint32* minor) {
  if (minor) *minor = 0;
  return SG_GSS_S_FAILURE;
}
OM_uint32 gss_acquire_cred(OM_uint32* minor, void* a, OM_uint32 b, void* c, int d, void** cred, void* e, void* f) {
  (void)a; (void)b; (void)c; (void)d; (void)e; (void)f;
  if (cred) *cred = NULL;
  return sg_gss_fail(minor);
}
OM_uint32 gss_import_name(OM_uint32* minor, void* a, void* b, void** name) {
  (void)a; (void)b;
  if (name) *name = NULL;
  return sg_gss_fail(minor);
}
OM_uint32 gss_init_sec_context(OM_uint32* minor, void* a, void** ctx, void* b, void* c, OM_uint32 d, OM_uint32 e,
                               void* f, void* g, void* h, sg_gss_buffer* out, void* i, void* j) {
  (void)a; (void)ctx; (void)b; (void)c; (void)d; (void)e; (void)f; (void)g; (void)h; (void)i; (void)j;
  if (out) { out->length = 0; out->value = NULL; }
  return sg_gss_fail(minor);
}
OM_uint32 gss_display_status(OM_uint32* minor, OM_uint32 status, int type, void* mech, OM_uint32* more,
                             sg_gss_buffer* text) {
  (void)status; (void)type; (void)mech;
  if (minor) *minor = 0;
  if (more) *more = 0;
  if (text) { text->length = sizeof kNoGss - 1; text->value = (void*)kNoGss; }
  return 0;
}
/* The buffers handed out above are static: nothing to free. */
OM_uint32 gss_release_buffer(OM_uint32* minor, sg_gss_buffer* b) {
  if (minor) *minor = 0;
  if (b) { b->length = 0; b->value = NULL; }
  return 0;
}
OM_uint32 gss_release_cred(OM_uint32* minor, void** cred) { if (cred) *cred = NULL; if (minor) *minor = 0; return 0; }
OM_uint32 gss_release_name(OM_uint32* minor, void** name) { if (name) *name = NULL; if (minor) *minor = 0; return 0; }
OM_uint32 gss_delete_sec_context(OM_uint32* minor, void** ctx, void* out) {
  (void)out;
  if (ctx) *ctx = NULL;
  if (minor) *minor = 0;
  return 0;
}
OM_uint32 gss_wrap(OM_uint32* minor, void* a, int b, OM_uint32 c, void* d, int* e, void* f) {
  (void)a; (void)b; (void)c; (void)d; (void)e; (void)f;
  return sg_gss_fail(minor);
}
OM_uint32 gss_unwrap(OM_uint32* minor, void* a, void* b, void* c, int* d, OM_uint32* e) {
  (void)a; (void)b; (void)c; (void)d; (void)e;
  return sg_gss_fail(minor);
}
OM_uint32 gss_wrap_size_limit(OM_uint32* minor, void* a, int b, OM_uint32 c, OM_uint32 d, OM_uint32* max) {
  (void)a; (void)b; (void)c; (void)d;
  if (max) *max = 0;
  return sg_gss_fail(minor);
}

/* libgit2's HTTP "Negotiate" authentication asks which mechanisms exist: none. */
OM_uint32 gss_indicate_mechs(OM_uint32* minor, void** mechs) {
  if (mechs) *mechs = NULL;
  return sg_gss_fail(minor);
}
OM_uint32 gss_release_oid_set(OM_uint32* minor, void** set) { if (set) *set = NULL; if (minor) *minor = 0; return 0; }

/* LDAP: libpq gives up with "could not create LDAP structure" when ldap_init returns NULL, so
 * nothing past it is ever reached; the rest fail too, for safety. */
#define SG_LDAP_NOT_SUPPORTED (-12)
void* ldap_init(const char* host, int port) { (void)host; (void)port; return NULL; }
char* ldap_err2string(int err) { (void)err; return (char*)"LDAP is not supported by this schemagate build"; }
int ldap_set_option(void* ld, int opt, const void* v) { (void)ld; (void)opt; (void)v; return SG_LDAP_NOT_SUPPORTED; }
int ldap_simple_bind(void* ld, const char* who, const char* pw) { (void)ld; (void)who; (void)pw; return -1; }
int ldap_search_st(void* ld, const char* base, int scope, const char* filter, char** attrs, int only, void* tv,
                   void** res) {
  (void)ld; (void)base; (void)scope; (void)filter; (void)attrs; (void)only; (void)tv;
  if (res) *res = NULL;
  return SG_LDAP_NOT_SUPPORTED;
}
int ldap_result(void* ld, int id, int all, void* tv, void** res) {
  (void)ld; (void)id; (void)all; (void)tv;
  if (res) *res = NULL;
  return -1;
}
int ldap_count_entries(void* ld, void* res) { (void)ld; (void)res; return -1; }
void* ldap_first_entry(void* ld, void* res) { (void)ld; (void)res; return NULL; }
void** ldap_get_values_len(void* ld, void* e, const char* attr) { (void)ld; (void)e; (void)attr; return NULL; }
void ldap_value_free_len(void** vals) { (void)vals; }
int ldap_msgfree(void* res) { (void)res; return 0; }
int ldap_unbind(void* ld) { (void)ld; return 0; }

/* Not GSSAPI: the floor of glibc versions. libstdc++.a (std::random_device) calls arc4random
 * when built against glibc 2.36, which would make 2.36 the oldest glibc the binary runs on; this
 * definition, from the kernel's getrandom (glibc 2.25), keeps the floor at 2.35 (the unwinder's
 * _dl_find_object), so Ubuntu 22.04 runs it. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/random.h>
#include <unistd.h>

uint32_t arc4random(void) {
  uint32_t v;
  for (;;) {
    ssize_t n = getrandom(&v, sizeof v, 0);
    if (n == (ssize_t)sizeof v) return v;
    if (n < 0 && errno == EINTR) continue;
    break;
  }
  int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd >= 0 && read(fd, &v, sizeof v) == (ssize_t)sizeof v) {
    close(fd);
    return v;
  }
  abort();  /* no randomness at all: std::random_device cannot work */
}
