// libpq, loaded when the first call needs it. A check without a database (every pre-commit run,
// most CI jobs) never calls it, yet linking libpq.so.5 made the dynamic loader map it and the
// libraries it needs (OpenSSL's libssl, LDAP, SASL, GnuTLS and its own: 13 more) and resolve
// their symbols before main(): 6.2 M instructions and 200 page faults of a 205 M pre-commit run
// on hatchet. So the binary built with static archives (static_deps.cmake) links this file
// instead of libpq: each function libpqxx and schemagate call is defined here, and its first call
// opens libpq.so.5 with dlopen and forwards to it. The list is the link's: a libpq function not defined here is an
// undefined reference at link time, and one line below adds it. The signatures are libpq-fe.h's
// (decltype of the header's declaration), so a mismatch does not compile.
#include <dlfcn.h>
#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>

namespace {

void* libpq() {
  static void* const handle = [] {
    void* h = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (!h) {
      // As when the dynamic loader could not find a library: nothing can go on without it.
      const char* why = dlerror();
      std::fprintf(stderr, "schemagate: error: cannot load libpq.so.5, PostgreSQL's client library: %s\n",
                   why ? why : "not found");
      std::exit(2);
    }
    return h;
  }();
  return handle;
}

template <typename F>
F function(const char* name) {
  void* f = dlsym(libpq(), name);
  if (!f) {
    std::fprintf(stderr, "schemagate: error: libpq.so.5 has no function %s (too old a libpq?)\n", name);
    std::exit(2);
  }
  return reinterpret_cast<F>(f);
}

}  // namespace

#define SCHEMAGATE_LIBPQ(result, name, params, args)                      \
  extern "C" result name params {                                         \
    static const auto real = function<decltype(&::name)>(#name);          \
    return real args;                                                     \
  }

SCHEMAGATE_LIBPQ(int, PQbackendPID, (const PGconn* conn), (conn))
SCHEMAGATE_LIBPQ(int, PQcancel, (PGcancel* cancel, char* errbuf, int errbufsize), (cancel, errbuf, errbufsize))
SCHEMAGATE_LIBPQ(void, PQclear, (PGresult* res), (res))
SCHEMAGATE_LIBPQ(int, PQclientEncoding, (const PGconn* conn), (conn))
SCHEMAGATE_LIBPQ(char*, PQcmdStatus, (PGresult* res), (res))
SCHEMAGATE_LIBPQ(char*, PQcmdTuples, (PGresult* res), (res))
SCHEMAGATE_LIBPQ(PostgresPollingStatusType, PQconnectPoll, (PGconn* conn), (conn))
SCHEMAGATE_LIBPQ(PGconn*, PQconnectStart, (const char* conninfo), (conninfo))
SCHEMAGATE_LIBPQ(PGconn*, PQconnectdb, (const char* conninfo), (conninfo))
SCHEMAGATE_LIBPQ(void, PQconninfoFree, (PQconninfoOption* connOptions), (connOptions))
SCHEMAGATE_LIBPQ(PQconninfoOption*, PQconninfoParse, (const char* conninfo, char** errmsg), (conninfo, errmsg))
SCHEMAGATE_LIBPQ(int, PQconsumeInput, (PGconn* conn), (conn))
SCHEMAGATE_LIBPQ(char*, PQdb, (const PGconn* conn), (conn))
SCHEMAGATE_LIBPQ(PGresult*, PQdescribePrepared, (PGconn* conn, const char* stmt), (conn, stmt))
SCHEMAGATE_LIBPQ(char*, PQencryptPassword, (const char* passwd, const char* user), (passwd, user))
SCHEMAGATE_LIBPQ(int, PQendcopy, (PGconn* conn), (conn))
SCHEMAGATE_LIBPQ(char*, PQerrorMessage, (const PGconn* conn), (conn))
SCHEMAGATE_LIBPQ(unsigned char*, PQescapeByteaConn, (PGconn* conn, const unsigned char* from, size_t from_length, size_t* to_length), (conn, from, from_length, to_length))
SCHEMAGATE_LIBPQ(char*, PQescapeIdentifier, (PGconn* conn, const char* str, size_t len), (conn, str, len))
SCHEMAGATE_LIBPQ(size_t, PQescapeStringConn, (PGconn* conn, char* to, const char* from, size_t length, int* error), (conn, to, from, length, error))
SCHEMAGATE_LIBPQ(PGresult*, PQexec, (PGconn* conn, const char* query), (conn, query))
SCHEMAGATE_LIBPQ(PGresult*, PQexecParams, (PGconn* conn, const char* command, int nParams, const Oid* paramTypes, const char* const* paramValues, const int* paramLengths, const int* paramFormats, int resultFormat), (conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat))
SCHEMAGATE_LIBPQ(PGresult*, PQexecPrepared, (PGconn* conn, const char* stmtName, int nParams, const char* const* paramValues, const int* paramLengths, const int* paramFormats, int resultFormat), (conn, stmtName, nParams, paramValues, paramLengths, paramFormats, resultFormat))
SCHEMAGATE_LIBPQ(void, PQfinish, (PGconn* conn), (conn))
SCHEMAGATE_LIBPQ(char*, PQfname, (const PGresult* res, int field_num), (res, field_num))
SCHEMAGATE_LIBPQ(int, PQfnumber, (const PGresult* res, const char* field_name), (res, field_name))
SCHEMAGATE_LIBPQ(void, PQfreeCancel, (PGcancel* cancel), (cancel))
SCHEMAGATE_LIBPQ(void, PQfreemem, (void* ptr), (ptr))
SCHEMAGATE_LIBPQ(Oid, PQftable, (const PGresult* res, int field_num), (res, field_num))
SCHEMAGATE_LIBPQ(int, PQftablecol, (const PGresult* res, int field_num), (res, field_num))
SCHEMAGATE_LIBPQ(Oid, PQftype, (const PGresult* res, int field_num), (res, field_num))
SCHEMAGATE_LIBPQ(PGcancel*, PQgetCancel, (PGconn* conn), (conn))
SCHEMAGATE_LIBPQ(int, PQgetCopyData, (PGconn* conn, char** buffer, int async), (conn, buffer, async))
SCHEMAGATE_LIBPQ(PGresult*, PQgetResult, (PGconn* conn), (conn))
SCHEMAGATE_LIBPQ(int, PQgetisnull, (const PGresult* res, int tup_num, int field_num), (res, tup_num, field_num))
SCHEMAGATE_LIBPQ(int, PQgetlength, (const PGresult* res, int tup_num, int field_num), (res, tup_num, field_num))
SCHEMAGATE_LIBPQ(char*, PQgetvalue, (const PGresult* res, int tup_num, int field_num), (res, tup_num, field_num))
SCHEMAGATE_LIBPQ(char*, PQhost, (const PGconn* conn), (conn))
SCHEMAGATE_LIBPQ(int, PQisBusy, (PGconn* conn), (conn))
SCHEMAGATE_LIBPQ(int, PQisthreadsafe, (), ())
SCHEMAGATE_LIBPQ(int, PQlibVersion, (), ())
SCHEMAGATE_LIBPQ(int, PQnfields, (const PGresult* res), (res))
SCHEMAGATE_LIBPQ(PGnotify*, PQnotifies, (PGconn* conn), (conn))
SCHEMAGATE_LIBPQ(int, PQnparams, (const PGresult* res), (res))
SCHEMAGATE_LIBPQ(int, PQntuples, (const PGresult* res), (res))
SCHEMAGATE_LIBPQ(Oid, PQoidValue, (const PGresult* res), (res))
SCHEMAGATE_LIBPQ(PGPing, PQping, (const char* conninfo), (conninfo))
SCHEMAGATE_LIBPQ(char*, PQport, (const PGconn* conn), (conn))
SCHEMAGATE_LIBPQ(PGresult*, PQprepare, (PGconn* conn, const char* stmtName, const char* query, int nParams, const Oid* paramTypes), (conn, stmtName, query, nParams, paramTypes))
SCHEMAGATE_LIBPQ(int, PQprotocolVersion, (const PGconn* conn), (conn))
SCHEMAGATE_LIBPQ(int, PQputCopyData, (PGconn* conn, const char* buffer, int nbytes), (conn, buffer, nbytes))
SCHEMAGATE_LIBPQ(int, PQputCopyEnd, (PGconn* conn, const char* errormsg), (conn, errormsg))
SCHEMAGATE_LIBPQ(void, PQreset, (PGconn* conn), (conn))
SCHEMAGATE_LIBPQ(char*, PQresultErrorField, (const PGresult* res, int fieldcode), (res, fieldcode))
SCHEMAGATE_LIBPQ(char*, PQresultErrorMessage, (const PGresult* res), (res))
SCHEMAGATE_LIBPQ(ExecStatusType, PQresultStatus, (const PGresult* res), (res))
SCHEMAGATE_LIBPQ(int, PQsendQuery, (PGconn* conn, const char* query), (conn, query))
SCHEMAGATE_LIBPQ(int, PQserverVersion, (const PGconn* conn), (conn))
SCHEMAGATE_LIBPQ(int, PQsetClientEncoding, (PGconn* conn, const char* encoding), (conn, encoding))
SCHEMAGATE_LIBPQ(PGVerbosity, PQsetErrorVerbosity, (PGconn* conn, PGVerbosity verbosity), (conn, verbosity))
SCHEMAGATE_LIBPQ(PQnoticeProcessor, PQsetNoticeProcessor, (PGconn* conn, PQnoticeProcessor proc, void* arg), (conn, proc, arg))
SCHEMAGATE_LIBPQ(int, PQsocket, (const PGconn* conn), (conn))
SCHEMAGATE_LIBPQ(ConnStatusType, PQstatus, (const PGconn* conn), (conn))
SCHEMAGATE_LIBPQ(void, PQtrace, (PGconn* conn, FILE* debug_port), (conn, debug_port))
SCHEMAGATE_LIBPQ(PGTransactionStatusType, PQtransactionStatus, (const PGconn* conn), (conn))
SCHEMAGATE_LIBPQ(unsigned char*, PQunescapeBytea, (const unsigned char* strtext, size_t* retbuflen), (strtext, retbuflen))
SCHEMAGATE_LIBPQ(void, PQuntrace, (PGconn* conn), (conn))
SCHEMAGATE_LIBPQ(char*, PQuser, (const PGconn* conn), (conn))
SCHEMAGATE_LIBPQ(const char*, pg_encoding_to_char, (int encoding), (encoding))
