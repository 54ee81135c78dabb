// protobuf-c's message packing, for libpg_query's parse trees (the static link routes
// pg_query.pb-c.c's calls here with --wrap, cmake/static_deps.cmake). protobuf-c sizes and packs a
// message by asking each field of its descriptor in turn whether it is set. libpg_query's Node
// is a oneof of some 250 fields, one of them set, and every node of a parse tree is wrapped in
// one: sizing and packing walked 500 field descriptors a node. On a check with no stored parses
// (a first run, a CI job without its cache), packing was 26% of the instructions on hatchet,
// twelve times PostgreSQL's own parse of the same statements. Here a oneof is read once, by its
// case, and only the field it names is packed.
//
// The bytes are protobuf-c 1.4's, field for field: the same order (the descriptor's), the same
// fields left out (a proto3 field at its zero value, an unset optional, a oneof member that is
// not its case or is null), the same encodings (a negative int32 as ten bytes, an absent string
// as an empty one, a packed repeated field as one length-prefixed run). Unit test: pack_matches.
#include "analyzers/sql/protobuf_pack.h"

#include <protobuf-c/protobuf-c.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <vector>

namespace schemagate::sql {
namespace {

/// What packing a message of one descriptor walks: its fields in the descriptor's order, a
/// oneof's members kept apart (by their case), to be slotted in where the set one stands.
struct Plan {
  std::vector<unsigned> plain;  ///< the indexes of the fields that are no oneof's members
  struct Oneof {
    unsigned quantifier_offset;
    std::unordered_map<uint32_t, unsigned> index_of;  ///< a member's number -> its index
  };
  std::vector<Oneof> oneofs;
};

const Plan& plan_of(const ProtobufCMessageDescriptor* d) {
  thread_local std::unordered_map<const ProtobufCMessageDescriptor*, Plan> plans;
  auto [it, fresh] = plans.try_emplace(d);
  if (!fresh) return it->second;
  Plan& p = it->second;
  for (unsigned i = 0; i < d->n_fields; ++i) {
    const ProtobufCFieldDescriptor& f = d->fields[i];
    bool oneof = (f.label == PROTOBUF_C_LABEL_OPTIONAL || f.label == PROTOBUF_C_LABEL_NONE) &&
                 (f.flags & PROTOBUF_C_FIELD_FLAG_ONEOF);
    if (!oneof) {
      p.plain.push_back(i);
      continue;
    }
    Plan::Oneof* group = nullptr;
    for (Plan::Oneof& o : p.oneofs)
      if (o.quantifier_offset == f.quantifier_offset) group = &o;
    if (!group) group = &p.oneofs.emplace_back(Plan::Oneof{f.quantifier_offset, {}});
    group->index_of.emplace(f.id, i);
  }
  return p;
}

/// Calls fn(index) for the fields to walk in `m`, in the descriptor's order: the plain ones and
/// each oneof's member named by its case.
template <typename Fn>
void for_each_field(const ProtobufCMessage* m, const Plan& p, Fn&& fn) {
  if (p.oneofs.empty()) {
    for (unsigned i : p.plain) fn(i);
    return;
  }
  std::vector<unsigned> set;  // the oneofs' members that are their case, few
  for (const Plan::Oneof& o : p.oneofs) {
    uint32_t which = *reinterpret_cast<const uint32_t*>(reinterpret_cast<const char*>(m) + o.quantifier_offset);
    if (auto it = o.index_of.find(which); it != o.index_of.end()) set.push_back(it->second);
  }
  std::sort(set.begin(), set.end());
  size_t k = 0;
  for (unsigned i : p.plain) {
    for (; k < set.size() && set[k] < i; ++k) fn(set[k]);
    fn(i);
  }
  for (; k < set.size(); ++k) fn(set[k]);
}

size_t varint_size(uint64_t v) {
  size_t n = 1;
  while (v >= 0x80) v >>= 7, ++n;
  return n;
}
size_t tag_size(uint32_t id) { return varint_size(uint64_t{id} << 3); }

size_t pack_varint(uint64_t v, uint8_t* out) {
  size_t n = 0;
  while (v >= 0x80) out[n++] = static_cast<uint8_t>(v | 0x80), v >>= 7;
  out[n++] = static_cast<uint8_t>(v);
  return n;
}
uint32_t zigzag32(int32_t v) { return (static_cast<uint32_t>(v) << 1) ^ static_cast<uint32_t>(v >> 31); }
uint64_t zigzag64(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }

size_t message_size(const ProtobufCMessage* m);

/// The size of one value of `type` at `member` (no tag).

size_t value_size(ProtobufCType type, const void* member) {
  switch (type) {
    case PROTOBUF_C_TYPE_SINT32: return varint_size(zigzag32(*static_cast<const int32_t*>(member)));
    case PROTOBUF_C_TYPE_ENUM:
    case PROTOBUF_C_TYPE_INT32:  // a negative one is sign-extended: ten bytes
      return varint_size(static_cast<uint64_t>(static_cast<int64_t>(*static_cast<const int32_t*>(member))));
    case PROTOBUF_C_TYPE_UINT32: return varint_size(*static_cast<const uint32_t*>(member));
    case PROTOBUF_C_TYPE_SINT64: return varint_size(zigzag64(*static_cast<const int64_t*>(member)));
    case PROTOBUF_C_TYPE_INT64:
    case PROTOBUF_C_TYPE_UINT64: return varint_size(*static_cast<const uint64_t*>(member));
    case PROTOBUF_C_TYPE_SFIXED32:
    case PROTOBUF_C_TYPE_FIXED32:
    case PROTOBUF_C_TYPE_FLOAT: return 4;
    case PROTOBUF_C_TYPE_SFIXED64:
    case PROTOBUF_C_TYPE_FIXED64:
    case PROTOBUF_C_TYPE_DOUBLE: return 8;
    case PROTOBUF_C_TYPE_BOOL: return 1;
    case PROTOBUF_C_TYPE_STRING: {
      const char* s = *static_cast<char* const*>(member);
      size_t len = s ? std::strlen(s) : 0;
      return varint_size(len) + len;
    }
    case PROTOBUF_C_TYPE_BYTES: {
      size_t len = static_cast<const ProtobufCBinaryData*>(member)->len;
      return varint_size(len) + len;
    }
    case PROTOBUF_C_TYPE_MESSAGE: {
      const ProtobufCMessage* sub = *static_cast<ProtobufCMessage* const*>(member);
      size_t len = sub ? message_size(sub) : 0;
      return varint_size(len) + len;
    }
  }
  return 0;
}

size_t pack_message(const ProtobufCMessage* m, uint8_t* out);

uint8_t wire_type(ProtobufCType type) {
  switch (type) {
    case PROTOBUF_C_TYPE_SFIXED32:
    case PROTOBUF_C_TYPE_FIXED32:
    case PROTOBUF_C_TYPE_FLOAT: return PROTOBUF_C_WIRE_TYPE_32BIT;
    case PROTOBUF_C_TYPE_SFIXED64:
    case PROTOBUF_C_TYPE_FIXED64:
    case PROTOBUF_C_TYPE_DOUBLE: return PROTOBUF_C_WIRE_TYPE_64BIT;
    case PROTOBUF_C_TYPE_STRING:
    case PROTOBUF_C_TYPE_BYTES:
    case PROTOBUF_C_TYPE_MESSAGE: return PROTOBUF_C_WIRE_TYPE_LENGTH_PREFIXED;
    default: return PROTOBUF_C_WIRE_TYPE_VARINT;
  }
}

/// One value of `type` at `member` (no tag).
size_t pack_value(ProtobufCType type, const void* member, uint8_t* out) {
  switch (type) {
    case PROTOBUF_C_TYPE_SINT32: return pack_varint(zigzag32(*static_cast<const int32_t*>(member)), out);
    case PROTOBUF_C_TYPE_ENUM:
    case PROTOBUF_C_TYPE_INT32:
      return pack_varint(static_cast<uint64_t>(static_cast<int64_t>(*static_cast<const int32_t*>(member))), out);
    case PROTOBUF_C_TYPE_UINT32: return pack_varint(*static_cast<const uint32_t*>(member), out);
    case PROTOBUF_C_TYPE_SINT64: return pack_varint(zigzag64(*static_cast<const int64_t*>(member)), out);
    case PROTOBUF_C_TYPE_INT64:
    case PROTOBUF_C_TYPE_UINT64: return pack_varint(*static_cast<const uint64_t*>(member), out);
    case PROTOBUF_C_TYPE_SFIXED32:
    case PROTOBUF_C_TYPE_FIXED32:
    case PROTOBUF_C_TYPE_FLOAT: {  // little-endian, as protobuf-c writes it on this machine
      std::memcpy(out, member, 4);
      return 4;
    }
    case PROTOBUF_C_TYPE_SFIXED64:
    case PROTOBUF_C_TYPE_FIXED64:
    case PROTOBUF_C_TYPE_DOUBLE: {
      std::memcpy(out, member, 8);
      return 8;
    }
    case PROTOBUF_C_TYPE_BOOL: return out[0] = *static_cast<const protobuf_c_boolean*>(member) ? 1 : 0, 1;
    case PROTOBUF_C_TYPE_STRING: {
      const char* s = *static_cast<char* const*>(member);
      size_t len = s ? std::strlen(s) : 0;
      size_t n = pack_varint(len, out);
      if (len) std::memcpy(out + n, s, len);
      return n + len;
    }
    case PROTOBUF_C_TYPE_BYTES: {
      const auto* b = static_cast<const ProtobufCBinaryData*>(member);
      size_t n = pack_varint(b->len, out);
      if (b->len) std::memcpy(out + n, b->data, b->len);
      return n + b->len;
    }
    case PROTOBUF_C_TYPE_MESSAGE: {
      const ProtobufCMessage* sub = *static_cast<ProtobufCMessage* const*>(member);
      if (!sub) return out[0] = 0, 1;
      // Packed after one byte of length, moved on when its length takes more (protobuf-c's way).
      size_t len = pack_message(sub, out + 1);
      size_t len_size = varint_size(len);
      if (len_size != 1) std::memmove(out + len_size, out + 1, len);
      pack_varint(len, out);
      return len_size + len;
    }
  }
  return 0;
}

/// Whether protobuf-c leaves the field out of `m`: an unset optional, a oneof member that is not
/// the case (or null), a proto3 field at its zero value, an empty repeated field.
bool left_out(const ProtobufCFieldDescriptor& f, const ProtobufCMessage* m) {
  const char* base = reinterpret_cast<const char*>(m);
  const void* member = base + f.offset;
  const void* q = base + f.quantifier_offset;
  bool pointer = f.type == PROTOBUF_C_TYPE_MESSAGE || f.type == PROTOBUF_C_TYPE_STRING;
  auto null_or_default = [&] {
    const void* p = *static_cast<const void* const*>(member);
    return p == nullptr || p == f.default_value;
  };
  switch (f.label) {
    case PROTOBUF_C_LABEL_REQUIRED: return false;
    case PROTOBUF_C_LABEL_REPEATED: return *static_cast<const size_t*>(q) == 0;
    case PROTOBUF_C_LABEL_OPTIONAL:
    case PROTOBUF_C_LABEL_NONE:
      if (f.flags & PROTOBUF_C_FIELD_FLAG_ONEOF)
        return *static_cast<const uint32_t*>(q) != f.id || (pointer && null_or_default());
      if (f.label == PROTOBUF_C_LABEL_OPTIONAL)
        return pointer ? null_or_default() : !*static_cast<const protobuf_c_boolean*>(q);
      switch (f.type) {  // proto3: the zero value is not written
        case PROTOBUF_C_TYPE_BOOL: return *static_cast<const protobuf_c_boolean*>(member) == 0;
        case PROTOBUF_C_TYPE_ENUM:
        case PROTOBUF_C_TYPE_SINT32:
        case PROTOBUF_C_TYPE_INT32:
        case PROTOBUF_C_TYPE_UINT32:
        case PROTOBUF_C_TYPE_SFIXED32:
        case PROTOBUF_C_TYPE_FIXED32: return *static_cast<const uint32_t*>(member) == 0;
        case PROTOBUF_C_TYPE_SINT64:
        case PROTOBUF_C_TYPE_INT64:
        case PROTOBUF_C_TYPE_UINT64:
        case PROTOBUF_C_TYPE_SFIXED64:
        case PROTOBUF_C_TYPE_FIXED64: return *static_cast<const uint64_t*>(member) == 0;
        case PROTOBUF_C_TYPE_FLOAT: return *static_cast<const float*>(member) == 0;
        case PROTOBUF_C_TYPE_DOUBLE: return *static_cast<const double*>(member) == 0;
        case PROTOBUF_C_TYPE_STRING: {
          const char* s = *static_cast<char* const*>(member);
          return s == nullptr || *s == '\0';
        }
        case PROTOBUF_C_TYPE_BYTES:  // protobuf-c reads the first word (the length) as a pointer
        case PROTOBUF_C_TYPE_MESSAGE: return *static_cast<const void* const*>(member) == nullptr;
      }
      return true;
  }
  return true;
}

size_t field_size(const ProtobufCFieldDescriptor& f, const ProtobufCMessage* m) {
  if (left_out(f, m)) return 0;
  const char* base = reinterpret_cast<const char*>(m);
  const void* member = base + f.offset;
  if (f.label != PROTOBUF_C_LABEL_REPEATED) return tag_size(f.id) + value_size(f.type, member);
  size_t count = *reinterpret_cast<const size_t*>(base + f.quantifier_offset);
  const char* array = *static_cast<const char* const*>(member);
  size_t step = repeated_element_size(f.type), payload = 0;
  for (size_t i = 0; i < count; ++i) payload += value_size(f.type, array + i * step);
  if (f.flags & PROTOBUF_C_FIELD_FLAG_PACKED) return tag_size(f.id) + varint_size(payload) + payload;
  return tag_size(f.id) * count + payload;
}

size_t pack_field(const ProtobufCFieldDescriptor& f, const ProtobufCMessage* m, uint8_t* out) {
  if (left_out(f, m)) return 0;
  const char* base = reinterpret_cast<const char*>(m);
  const void* member = base + f.offset;
  const uint64_t tag = uint64_t{f.id} << 3;
  if (f.label != PROTOBUF_C_LABEL_REPEATED) {
    size_t n = pack_varint(tag, out);
    out[0] |= wire_type(f.type);
    return n + pack_value(f.type, member, out + n);
  }
  size_t count = *reinterpret_cast<const size_t*>(base + f.quantifier_offset);
  const char* array = *static_cast<const char* const*>(member);
  size_t step = repeated_element_size(f.type), n = 0;
  if (f.flags & PROTOBUF_C_FIELD_FLAG_PACKED) {
    size_t payload = 0;
    for (size_t i = 0; i < count; ++i) payload += value_size(f.type, array + i * step);
    n = pack_varint(tag, out);
    out[0] |= PROTOBUF_C_WIRE_TYPE_LENGTH_PREFIXED;
    n += pack_varint(payload, out + n);
    for (size_t i = 0; i < count; ++i) n += pack_value(f.type, array + i * step, out + n);
    return n;
  }
  for (size_t i = 0; i < count; ++i) {
    size_t t = pack_varint(tag, out + n);
    out[n] |= wire_type(f.type);
    n += t;
    n += pack_value(f.type, array + i * step, out + n);
  }
  return n;
}

size_t message_size(const ProtobufCMessage* m) {
  const ProtobufCMessageDescriptor* d = m->descriptor;
  size_t rv = 0;
  for_each_field(m, plan_of(d), [&](unsigned i) { rv += field_size(d->fields[i], m); });
  for (unsigned i = 0; i < m->n_unknown_fields; ++i)
    rv += tag_size(m->unknown_fields[i].tag) + m->unknown_fields[i].len;
  return rv;
}

size_t pack_message(const ProtobufCMessage* m, uint8_t* out) {
  const ProtobufCMessageDescriptor* d = m->descriptor;
  size_t rv = 0;
  for_each_field(m, plan_of(d), [&](unsigned i) { rv += pack_field(d->fields[i], m, out + rv); });
  for (unsigned i = 0; i < m->n_unknown_fields; ++i) {
    const ProtobufCMessageUnknownField& u = m->unknown_fields[i];
    size_t t = pack_varint(uint64_t{u.tag} << 3, out + rv);
    out[rv] |= static_cast<uint8_t>(u.wire_type);
    rv += t;
    if (u.len) std::memcpy(out + rv, u.data, u.len);
    rv += u.len;
  }
  return rv;
}

}  // namespace

size_t repeated_element_size(ProtobufCType type) {
  switch (type) {
    case PROTOBUF_C_TYPE_INT32:
    case PROTOBUF_C_TYPE_SINT32:
    case PROTOBUF_C_TYPE_SFIXED32:
    case PROTOBUF_C_TYPE_UINT32:
    case PROTOBUF_C_TYPE_FIXED32:
    case PROTOBUF_C_TYPE_FLOAT:
    case PROTOBUF_C_TYPE_ENUM: return 4;
    case PROTOBUF_C_TYPE_INT64:
    case PROTOBUF_C_TYPE_SINT64:
    case PROTOBUF_C_TYPE_SFIXED64:
    case PROTOBUF_C_TYPE_UINT64:
    case PROTOBUF_C_TYPE_FIXED64:
    case PROTOBUF_C_TYPE_DOUBLE: return 8;
    case PROTOBUF_C_TYPE_BOOL: return sizeof(protobuf_c_boolean);
    case PROTOBUF_C_TYPE_STRING:
    case PROTOBUF_C_TYPE_MESSAGE: return sizeof(void*);
    case PROTOBUF_C_TYPE_BYTES: return sizeof(ProtobufCBinaryData);
  }
  return 0;
}

size_t packed_size(const ProtobufCMessage* message) { return message_size(message); }
size_t pack(const ProtobufCMessage* message, uint8_t* out) { return pack_message(message, out); }

}  // namespace schemagate::sql

extern "C" size_t __wrap_protobuf_c_message_get_packed_size(const ProtobufCMessage* message) {
  return schemagate::sql::packed_size(message);
}

extern "C" size_t __wrap_protobuf_c_message_pack(const ProtobufCMessage* message, uint8_t* out) {
  return schemagate::sql::pack(message, out);
}
