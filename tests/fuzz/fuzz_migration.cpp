// Fuzz target per migration format, chosen by the program's name (fuzz_migration_golang_migrate,
// ..._plain; '_' stands for '-'): the input is a migration file in that format's
// layout (for drizzle, the journal and the SQL file, split at the first NUL byte), loaded with
// the format named, replayed by the DDL simulator, and a fixed code file checked against it.
#include <cstdint>

#include "tests/fuzz/fuzz_common.h"

namespace {
std::string format;  // from argv[0]
}

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  format = schemagate::fuzz::variant_of(*argc > 0 ? (*argv)[0] : "", "fuzz_migration_");
  for (char& c : format)
    if (c == '_') c = '-';
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace schemagate;
  std::string input(reinterpret_cast<const char*>(data), size);
  source::MemoryFileSystem fs;
  std::string dir = "p/migrations";
  if (format == "golang-migrate") fs.add(dir + "/1_init.up.sql", input);
  else if (format == "flyway") fs.add(dir + "/V1__init.sql", input);
  else if (format == "sqlx" || format == "supabase") fs.add(dir + "/20240101000000_init.sql", input);
  else if (format == "prisma") fs.add(dir + "/20240101000000_init/migration.sql", input);
  else if (format == "drizzle") {
    size_t nul = input.find('\0');
    fs.add(dir + "/meta/_journal.json", input.substr(0, nul));
    fs.add(dir + "/0000_init.sql", nul == std::string::npos ? "" : input.substr(nul + 1));
  } else fs.add(dir + "/0001_init.sql", input);  // dbmate, goose, sql-migrate, plain
  fs.add("p/app/x.py", "db.execute('SELECT id, email FROM users JOIN orders o ON o.user_id = users.id')\n");
  pipeline::Options options;
  options.root = "p";
  options.threads = 1;
  options.migration_dirs = {"migrations"};
  options.migration_formats["migrations"] = format;
  pipeline::SchemaBuild build;
  std::string err;
  if (!pipeline::build_schema(fs, options, &build, &err)) return 0;
  pipeline::CodeScan scan;
  if (pipeline::scan_code(fs, options, build, &scan, &err))
    fuzz::check_renderers(scan.diagnostics, scan.summary, scan.files);
  return 0;
}
