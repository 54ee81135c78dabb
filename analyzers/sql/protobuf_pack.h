// protobuf-c's message sizing and packing, by the oneof's case instead of every member's
// descriptor (protobuf_pack.cpp): libpg_query's pg_query_parse_protobuf packs through these in
// the static link (--wrap, cmake/static_deps.cmake).
#pragma once
#include <protobuf-c/protobuf-c.h>

#include <cstddef>
#include <cstdint>

namespace schemagate::sql {

/// The bytes one element of a repeated field of `type` takes in a message struct (protobuf-c's
/// layout: 4 for a 32-bit number or an enum, a pointer for a string or a message...).
size_t repeated_element_size(ProtobufCType type);
/// protobuf_c_message_get_packed_size(message), the same number.
size_t packed_size(const ProtobufCMessage* message);
/// protobuf_c_message_pack(message, out), the same bytes; `out` holds packed_size(message).
size_t pack(const ProtobufCMessage* message, uint8_t* out);

}  // namespace schemagate::sql
