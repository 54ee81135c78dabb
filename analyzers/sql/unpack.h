// libpg_query's packed parse tree read into protobuf-c's structs, with one arena for the whole
// tree. protobuf-c's own unpack (pg_query__parse_result__unpack) walks every field of a message's
// descriptor after reading it: a Node is a oneof of some 250 kinds, so each node of the tree cost
// a loop over 250 fields, and one malloc each; on a warm check of hatchet that unpack was 233 M
// of the 237 M instructions left in sql::parse. This reader is driven by the same descriptors
// (the generated pg_query.pb-c.c's), finds a field by its number in a table built once, and
// allocates from the tree's arena, freed at once. It reads the wire types libpg_query writes
// (varint, 64-bit, length-delimited; packed and unpacked repeated scalars) and declines anything
// else (an unknown field, a wire type a field cannot have, a field given twice): the caller then
// unpacks with protobuf-c, which gives the same tree.
#pragma once
#include <pg_query/pg_query.pb-c.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace schemagate::sql {

/// Memory handed out in chunks and freed all at once, with the arena.
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  void* alloc(size_t size);
  size_t bytes() const { return bytes_; }  ///< what was asked for

 private:
  std::vector<std::unique_ptr<unsigned char[]>> chunks_;
  unsigned char* at_ = nullptr;
  size_t left_ = 0;
  size_t bytes_ = 0;
};

/// The ParseResult packed in [data, data + len), in `arena`; null when the input is not what
/// libpg_query writes (see above), and then what the arena holds is garbage.
const PgQuery__ParseResult* unpack_parse_result(const uint8_t* data, size_t len, Arena* arena);

}  // namespace schemagate::sql
