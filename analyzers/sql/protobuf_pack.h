// protobuf-c's message sizing and packing, by the oneof's case instead of every member's
// descriptor (protobuf_pack.cpp): libpg_query's pg_query_parse_protobuf packs through these in
// the static link (--wrap, cmake/static_deps.cmake).
#pragma once
#include <cstddef>
#include <cstdint>

struct ProtobufCMessage;

namespace schemagate::sql {

/// protobuf_c_message_get_packed_size(message), the same number.
size_t packed_size(const ProtobufCMessage* message);
/// protobuf_c_message_pack(message, out), the same bytes; `out` holds packed_size(message).
size_t pack(const ProtobufCMessage* message, uint8_t* out);

}  // namespace schemagate::sql
