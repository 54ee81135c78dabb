// Fuzz target per host language, chosen by the program's name (fuzz_code_python, _javascript,
// _typescript, _tsx, _go, _sql: one object file linked into each):
// the input is one source file of that language in a project with a fixed migration, through
// tree-sitter, the extractor and constant evaluator (or the .sql query-file splitter),
// placeholder normalisation, PostgreSQL's parser, resolution, the checks, suppression comments
// and every renderer.
#include <cstdint>

#include "tests/fuzz/fuzz_common.h"

namespace {
std::string variant;  // from argv[0]

std::string file_name() {
  const std::string& lang = variant;
  if (lang == "python") return "p/app/x.py";
  if (lang == "javascript") return "p/app/x.js";
  if (lang == "typescript") return "p/app/x.ts";
  if (lang == "tsx") return "p/app/x.tsx";
  if (lang == "go") return "p/app/x.go";
  return "p/queries/x.sql";
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  variant = schemagate::fuzz::variant_of(*argc > 0 ? (*argv)[0] : "", "fuzz_code_");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  schemagate::source::MemoryFileSystem fs;
  fs.add("p/migrations/0001_init.sql",
         "CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL, profile jsonb);\n"
         "CREATE TABLE orders (id int, user_id bigint, total numeric);\n");
  fs.add(file_name(), std::string(reinterpret_cast<const char*>(data), size));
  schemagate::fuzz::run_pipeline(fs);
  return 0;
}
