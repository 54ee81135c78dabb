// Fuzz targets for what the parse store reads back from disk, chosen by the program's name:
//   parse_tree   the parse-tree reader (sql/unpack.h) on the input's bytes, and on libpg_query's
//                packed tree of the input read as SQL, cut short and with one byte changed. It
//                reads within bounds or declines; a tree it reads from libpg_query's own bytes
//                packs back to those bytes.
//   parse_store  the input as a store file (sql/parse_store.h): opened, asked for texts, added
//                to and written again, then opened once more.
// Nothing may crash, leak or read out of bounds.
#include <pg_query.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "analyzers/sql/parse_store.h"
#include "analyzers/sql/unpack.h"
#include "tests/fuzz/fuzz_common.h"

using namespace schemagate;

namespace {

std::string target;  // from argv[0]

const uint8_t* bytes(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

void read_tree(const std::string& packed) {
  sql::Arena arena;
  (void)sql::unpack_parse_result(bytes(packed), packed.size(), &arena);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  target = fuzz::variant_of(*argc > 0 ? (*argv)[0] : "", "fuzz_");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  if (target == "parse_tree") {
    read_tree(input);
    PgQueryProtobufParseResult r = pg_query_parse_protobuf(input.c_str());
    if (r.error == nullptr) {
      std::string packed(r.parse_tree.data, r.parse_tree.len);
      sql::Arena arena;
      if (const PgQuery__ParseResult* tree = sql::unpack_parse_result(bytes(packed), packed.size(), &arena)) {
        std::string again(pg_query__parse_result__get_packed_size(tree), '\0');
        pg_query__parse_result__pack(tree, reinterpret_cast<uint8_t*>(again.data()));
        if (again != packed) std::abort();  // read wrong
      }
      if (!packed.empty()) {
        read_tree(packed.substr(0, packed.size() / 2));
        read_tree(packed.substr(0, packed.size() - 1));
        std::string changed = packed;
        size_t at = size % packed.size();
        changed[at] = static_cast<char>(changed[at] ^ (size > 0 ? data[0] | 1 : 0x55));
        read_tree(changed);
      }
    }
    pg_query_free_protobuf_parse_result(r);
  } else if (target == "parse_store") {
    static const std::string file = "/tmp/fuzz_parse_store." + std::to_string(getpid());
    {
      std::ofstream out(file, std::ios::binary | std::ios::trunc);
      out.write(input.data(), static_cast<std::streamsize>(input.size()));
    }
    for (int round = 0; round < 2; ++round) {
      sql::ParseStore store(file, sql::parse_store_version());
      sql::StoredParse found;
      for (std::string_view text : {std::string_view("SELECT 1"), std::string_view(input).substr(0, 16)})
        if (store.find(text, &found) && found.ok) read_tree(std::string(found.packed));
      if (round == 0) {
        store.add_error("SELEC 1", sql::ParseError{});
        (void)store.save();
      }
    }
    std::remove(file.c_str());
  }
  return 0;
}
