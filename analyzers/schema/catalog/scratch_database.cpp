// ScratchDatabase: the throwaway cluster's life (initdb, the postmaster as our own child so that
// its pid is known and it dies with us, a private socket directory, removal on every way out)
// and the libpq connection that applies migrations and prepares statements.
//
// Signals: while a cluster runs, SIGINT, SIGTERM and SIGHUP stop the postmaster (SIGQUIT,
// immediate shutdown), wait for it, remove the directory with rm -rf and re-raise the signal;
// the handler uses only async-signal-safe calls, with the argument vectors built beforehand. The
// postmaster also gets SIGQUIT when schemagate dies any other way (PR_SET_PDEATHSIG); only its
// directory then stays behind.
#include "analyzers/schema/catalog/scratch_database.h"

#include <fcntl.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <grp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "analyzers/schema/catalog/catalog_reader.h"

namespace schemagate::schema::catalog {

namespace fs = std::filesystem;

namespace {

bool executable(const std::string& path) { return access(path.c_str(), X_OK) == 0; }

bool has_server(const std::string& dir) { return executable(dir + "/initdb") && executable(dir + "/postgres"); }

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

/// The last lines of a log, folded into one line, for an error message.
std::string tail_of(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) lines.push_back(l);
  std::string out;
  for (size_t i = lines.size() > 2 ? lines.size() - 2 : 0; i < lines.size(); ++i) out += (out.empty() ? "" : " ") + lines[i];
  return out;
}

// --- The cluster that a signal must clean up (one at a time). ---
volatile sig_atomic_t g_postmaster = 0;
char g_rm_dir[4096];
struct sigaction g_previous[3];
constexpr int kSignals[3] = {SIGINT, SIGTERM, SIGHUP};

void on_signal(int sig) {
  pid_t pm = g_postmaster;
  if (pm > 0) {
    kill(pm, SIGQUIT);
    int status = 0;
    waitpid(pm, &status, 0);
  }
  if (g_rm_dir[0]) {
    pid_t rm = fork();
    if (rm == 0) {
      char* argv[] = {const_cast<char*>("rm"), const_cast<char*>("-rf"), g_rm_dir, nullptr};
      execv("/bin/rm", argv);
      _exit(127);
    }
    if (rm > 0) {
      int status = 0;
      waitpid(rm, &status, 0);
    }
  }
  signal(sig, SIG_DFL);
  raise(sig);
}

void guard_cluster(pid_t postmaster, const std::string& dir) {
  std::snprintf(g_rm_dir, sizeof g_rm_dir, "%s", dir.c_str());
  g_postmaster = postmaster;
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  for (int i = 0; i < 3; ++i) sigaction(kSignals[i], &sa, &g_previous[i]);
}

void unguard_cluster() {
  for (int i = 0; i < 3; ++i) sigaction(kSignals[i], &g_previous[i], nullptr);
  g_postmaster = 0;
  g_rm_dir[0] = 0;
}

/// Runs `argv` as `user` (null: ourselves) with stdout and stderr into `log`. With `wait`, returns
/// the exit status in *status; else the child's pid (the postmaster, dying with us).
pid_t spawn(const std::vector<std::string>& argv, const struct passwd* user, const std::string& log, bool wait,
            int* status) {
  std::vector<char*> args;
  for (auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd >= 0) {
      if (user && fchown(fd, user->pw_uid, user->pw_gid) != 0) _exit(126);
      dup2(fd, 1);
      dup2(fd, 2);
      close(fd);
    }
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) dup2(devnull, 0);
    setpgid(0, 0);  // a terminal's Ctrl-C reaches schemagate, which stops the server itself
    if (user) {
      if (setgroups(0, nullptr) != 0 || setgid(user->pw_gid) != 0 || setuid(user->pw_uid) != 0) _exit(126);
    }
    if (!wait) {
      prctl(PR_SET_PDEATHSIG, SIGQUIT);  // after setuid, which clears it
      if (getppid() != parent) _exit(1);
    }
    execv(args[0], args.data());
    _exit(127);
  }
  if (wait) {
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {
    }
    *status = st;
  }
  return pid;
}

int free_port() {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0) return 0;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  int port = 0;
  if (bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
    port = ntohs(addr.sin_port);
  close(s);
  return port;
}

/// The error of a failed result: SQLSTATE, primary message, 1-based character position.
void fill_error(const PGresult* res, const PGconn* conn, ServerError* out) {
  out->ok = false;
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  const char* position = res ? PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION) : nullptr;
  out->sqlstate = state ? state : "";
  out->message = primary ? primary : trim(PQerrorMessage(conn));
  out->position.reset();
  if (position) out->position = static_cast<size_t>(std::strtoul(position, nullptr, 10));
}

struct Result {
  PGresult* res = nullptr;
  explicit Result(PGresult* r) : res(r) {}
  ~Result() { PQclear(res); }
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;
  bool ok() const {
    auto s = PQresultStatus(res);
    return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_EMPTY_QUERY;
  }
};

/// PREPARE (protocol level, so the error position is in the statement as written) inside a
/// read-only transaction that is rolled back, then DEALLOCATE.
class PostgresStatementPreparer final : public sql::StatementPreparer {
 public:
  explicit PostgresStatementPreparer(PGconn* conn) : conn_(conn) {}
  bool prepare(const std::string& sql, bool plan, sql::PrepareResult* out, std::string* err) override {
    *out = sql::PrepareResult{};
    if (!command("BEGIN READ ONLY", err)) return false;
    Result prepared(PQprepare(conn_, "schemagate_deep", sql.c_str(), 0, nullptr));
    bool exists = prepared.ok();
    if (!exists) fill_error(prepared.res, conn_, out);
    if (exists && plan) {
      Result described(PQdescribePrepared(conn_, "schemagate_deep"));
      int n = described.ok() ? PQnparams(described.res) : 0;
      std::string explain = "EXPLAIN (COSTS OFF) EXECUTE schemagate_deep";
      for (int i = 0; i < n; ++i) explain += (i ? ", NULL" : "(NULL");
      if (n) explain += ")";
      Result planned(PQexec(conn_, explain.c_str()));
      if (!planned.ok()) {
        fill_error(planned.res, conn_, out);
        out->position.reset();  // a position in the EXPLAIN text, not the statement's
      }
    }
    if (!command("ROLLBACK", err)) return false;
    if (exists && !command("DEALLOCATE schemagate_deep", err)) return false;
    return true;
  }

 private:
  bool command(const char* sql, std::string* err) {
    Result r(PQexec(conn_, sql));
    if (r.ok()) return true;
    *err = "the scratch database stopped answering (" + trim(PQerrorMessage(conn_)) + ")";
    return false;
  }
  PGconn* conn_;
};

}  // namespace

struct ScratchDatabase::Impl {
  PGconn* conn = nullptr;
  pid_t postmaster = 0;
  std::string dir;  ///< the throwaway cluster's directory; "" for a dev database
  std::unique_ptr<PostgresStatementPreparer> preparer;

  ~Impl() {
    if (conn) PQfinish(conn);
    if (postmaster > 0) {
      kill(postmaster, SIGINT);  // fast shutdown; immediate after five seconds
      int status = 0;
      for (int i = 0; i < 50 && waitpid(postmaster, &status, WNOHANG) == 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (waitpid(postmaster, &status, WNOHANG) == 0) {
        kill(postmaster, SIGKILL);
        waitpid(postmaster, &status, 0);
      }
    }
    if (!dir.empty()) {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
    if (postmaster > 0 || !dir.empty()) unguard_cluster();
  }
};

ScratchDatabase::~ScratchDatabase() = default;

std::string find_postgres_bindir(const std::string& given, std::string* err) {
  if (!given.empty()) {
    if (has_server(given)) return given;
    *err = "--pg-bindir " + given + " has no initdb and postgres";
    return "";
  }
  if (FILE* p = popen("pg_config --bindir 2>/dev/null", "r")) {
    std::array<char, 4096> buf{};
    std::string out;
    while (fgets(buf.data(), buf.size(), p)) out += buf.data();
    pclose(p);
    out = trim(out);
    if (!out.empty() && has_server(out)) return out;
  }
  std::vector<std::pair<int, std::string>> found;
  std::error_code ec;
  for (auto& e : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    std::string bin = e.path().string() + "/bin";
    if (has_server(bin)) found.push_back({std::atoi(e.path().filename().c_str()), bin});
  }
  if (!found.empty()) return std::max_element(found.begin(), found.end())->second;
  *err = "--postgres needs PostgreSQL's server programs (initdb, postgres): none found through pg_config --bindir or "
         "in /usr/lib/postgresql/*/bin; install the server package, pass --pg-bindir DIR, or name an empty database "
         "with --dev-database-url";
  return "";
}

/// A migration's NOTICE (`DROP CONSTRAINT IF EXISTS` of none: "... does not exist, skipping") is
/// PostgreSQL talking to whoever runs the migration, not a finding: libpq would print each one
/// to stderr, between schemagate's own lines.
static void quiet_notices(PGconn* conn) {
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
}

std::unique_ptr<ScratchDatabase> ScratchDatabase::start_cluster(const std::string& bindir, std::string* err) {
  std::unique_ptr<ScratchDatabase> db(new ScratchDatabase);
  db->impl_ = std::make_unique<Impl>();
  Impl& impl = *db->impl_;
  const char* tmp = std::getenv("TMPDIR");
  // The socket's path must stay under 108 bytes: a long TMPDIR falls back to /tmp.
  std::string base = tmp && *tmp && std::strlen(tmp) < 60 ? tmp : "/tmp";
  std::string templ = base + "/schemagate-scratch.XXXXXX";
  std::vector<char> buf(templ.begin(), templ.end());
  buf.push_back('\0');
  if (!mkdtemp(buf.data())) {
    *err = "--postgres: cannot create a temporary directory in " + base + ": " + std::strerror(errno);
    return nullptr;
  }
  impl.dir = buf.data();
  guard_cluster(0, impl.dir);
  const struct passwd* user = nullptr;
  if (geteuid() == 0) {
    user = getpwnam("nobody");
    if (!user) {
      *err = "--postgres: running as root, and there is no user \"nobody\" to run PostgreSQL as (it refuses root); "
             "use --dev-database-url";
      return nullptr;
    }
    if (chown(impl.dir.c_str(), user->pw_uid, user->pw_gid) != 0) {
      *err = "--postgres: cannot give " + impl.dir + " to the user nobody: " + std::strerror(errno);
      return nullptr;
    }
  }
  std::string data = impl.dir + "/data";
  int status = 0;
  pid_t pid = spawn({bindir + "/initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale",
                     "--no-sync", "--no-instructions"},
                    user, impl.dir + "/initdb.log", true, &status);
  if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    *err = "--postgres: initdb failed: " + tail_of(impl.dir + "/initdb.log");
    return nullptr;
  }
  int port = free_port();
  if (!port) port = 5432;  // nothing listens on it: the socket is in our own directory
  impl.postmaster = spawn({bindir + "/postgres", "-D", data, "-p", std::to_string(port), "-c", "listen_addresses=",
                           "-c", "unix_socket_directories=" + impl.dir, "-c", "fsync=off", "-c", "synchronous_commit=off",
                           "-c", "full_page_writes=off", "-c", "max_connections=10"},
                          user, impl.dir + "/postgres.log", false, &status);
  if (impl.postmaster < 0) {
    impl.postmaster = 0;
    *err = std::string("--postgres: cannot start postgres: ") + std::strerror(errno);
    return nullptr;
  }
  guard_cluster(impl.postmaster, impl.dir);
  std::string conninfo = "host=" + impl.dir + " port=" + std::to_string(port) +
                         " user=postgres dbname=postgres application_name=schemagate client_encoding=UTF8";
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (PQping(conninfo.c_str()) != PQPING_OK) {
    int st = 0;
    if (waitpid(impl.postmaster, &st, WNOHANG) == impl.postmaster) {
      impl.postmaster = 0;
      *err = "--postgres: the server did not start: " + tail_of(impl.dir + "/postgres.log");
      return nullptr;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      *err = "--postgres: the server did not accept connections within 60 seconds: " + tail_of(impl.dir + "/postgres.log");
      return nullptr;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  impl.conn = PQconnectdb(conninfo.c_str());
  if (PQstatus(impl.conn) != CONNECTION_OK) {
    *err = "--postgres: cannot connect to the throwaway cluster: " + trim(PQerrorMessage(impl.conn));
    return nullptr;
  }
  quiet_notices(impl.conn);
  db->description_ = "a throwaway cluster in " + impl.dir;
  return db;
}

std::unique_ptr<ScratchDatabase> ScratchDatabase::connect_empty(const std::string& url, std::string* err) {
  std::unique_ptr<ScratchDatabase> db(new ScratchDatabase);
  db->impl_ = std::make_unique<Impl>();
  Impl& impl = *db->impl_;
  impl.conn = PQconnectdb((connection_string(url) + (url.find("://") != std::string::npos
                                                          ? (url.find('?') == std::string::npos ? "?" : "&")
                                                          : " ") +
                           "client_encoding=UTF8")
                              .c_str());
  if (PQstatus(impl.conn) != CONNECTION_OK) {
    *err = "--dev-database-url: cannot connect: " + scrub_message(trim(PQerrorMessage(impl.conn)), url);
    return nullptr;
  }
  quiet_notices(impl.conn);
  // Anything in it would change what PostgreSQL answers, and applying the migrations over it
  // would fail or mix them with what is there.
  static const char* kContents = R"(
    WITH user_ns AS (SELECT oid, nspname FROM pg_namespace
                     WHERE nspname <> 'information_schema' AND nspname NOT LIKE 'pg\_%')
    SELECT (SELECT count(*) FROM user_ns WHERE nspname <> 'public'),
           (SELECT count(*) FROM pg_class WHERE relnamespace IN (SELECT oid FROM user_ns)),
           (SELECT count(*) FROM pg_proc WHERE pronamespace IN (SELECT oid FROM user_ns)),
           (SELECT count(*) FROM pg_type WHERE typnamespace IN (SELECT oid FROM user_ns)),
           (SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql'))";
  Result r(PQexec(impl.conn, kContents));
  if (!r.ok() || PQntuples(r.res) != 1) {
    *err = "--dev-database-url: cannot read what the database holds: " + scrub_message(trim(PQerrorMessage(impl.conn)), url);
    return nullptr;
  }
  static const char* kWhat[] = {"schemas", "relations", "functions", "types", "extensions"};
  std::string held;
  for (int i = 0; i < 5; ++i) {
    std::string n = PQgetvalue(r.res, 0, i);
    if (n != "0") held += (held.empty() ? "" : ", ") + n + " " + kWhat[i];
  }
  if (!held.empty()) {
    *err = "--dev-database-url " + redact_url(url) + " is not empty (" + held +
           "); the deep check applies the migrations there and needs an empty database: create a new one";
    return nullptr;
  }
  db->description_ = redact_url(url);
  return db;
}

bool ScratchDatabase::run(const std::string& statement, ServerError* out, std::string* err) {
  *out = ServerError{};
  Result r(PQexec(impl_->conn, statement.c_str()));
  if (r.ok()) return true;
  if (PQstatus(impl_->conn) != CONNECTION_OK) {
    *err = "the scratch database stopped answering (" + trim(PQerrorMessage(impl_->conn)) + ")";
    return false;
  }
  fill_error(r.res, impl_->conn, out);
  // A migration that failed inside its own BEGIN leaves the session in an aborted transaction.
  if (PQtransactionStatus(impl_->conn) == PQTRANS_INERROR) PQclear(PQexec(impl_->conn, "ROLLBACK"));
  return true;
}

sql::StatementPreparer* ScratchDatabase::preparer(const std::vector<std::string>& search_path, std::string* err) {
  // What the migrations set for their session (a role, a search path, timeouts) is not what the
  // code's connections have.
  std::string setup = "RESET SESSION AUTHORIZATION; RESET ROLE; RESET ALL; SET statement_timeout = '5s'; "
                      "SET lock_timeout = '1s'; SET search_path TO ";
  for (size_t i = 0; i < search_path.size(); ++i) {
    char* quoted = PQescapeIdentifier(impl_->conn, search_path[i].c_str(), search_path[i].size());
    if (!quoted) break;
    setup += (i ? ", " : "") + std::string(quoted);
    PQfreemem(quoted);
  }
  if (search_path.empty()) setup += "public";
  Result r(PQexec(impl_->conn, setup.c_str()));
  if (!r.ok()) {
    *err = "the scratch database refused the session's settings (" + trim(PQerrorMessage(impl_->conn)) + ")";
    return nullptr;
  }
  if (!impl_->preparer) impl_->preparer = std::make_unique<PostgresStatementPreparer>(impl_->conn);
  return impl_->preparer.get();
}

}  // namespace schemagate::schema::catalog
