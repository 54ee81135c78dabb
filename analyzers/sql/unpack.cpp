#include "analyzers/sql/unpack.h"

#include "analyzers/sql/protobuf_pack.h"

#include <algorithm>
#include <cstring>
#include <mutex>
#include <unordered_map>

namespace schemagate::sql {

void* Arena::alloc(size_t size) {
  size = (size + 7) & ~size_t{7};  // every field protobuf-c writes is at most 8-byte aligned
  bytes_ += size;
  if (size > left_) {
    // Chunks double from 1 KB to 64 KB: most trees are small, and a process keeps hundreds.
    size_t chunk = std::min<size_t>(size_t{1024} << std::min<size_t>(chunks_.size(), 6), 64u << 10);
    if (size > chunk / 4) {  // a big block alone, the current chunk kept for what follows
      chunks_.emplace_back(new unsigned char[size]);
      return chunks_.back().get();
    }
    chunks_.emplace_back(new unsigned char[chunk]);
    at_ = chunks_.back().get();
    left_ = chunk;
  }
  void* out = at_;
  at_ += size;
  left_ -= size;
  return out;
}

namespace {

struct Table;

struct Field {
  const ProtobufCFieldDescriptor* desc = nullptr;
  const Table* sub = nullptr;  // a message field's table
};

/// A message descriptor's fields by number, and whether any is repeated.
struct Table {
  const ProtobufCMessageDescriptor* desc = nullptr;
  std::vector<Field> by_id;
  bool repeated = false;
};

/// The tables of every message a ParseResult can hold, built once.
class Tables {
 public:
  Tables() { root_ = build(&pg_query__parse_result__descriptor); }
  const Table* root() const { return root_; }

 private:
  const Table* build(const ProtobufCMessageDescriptor* d) {
    auto [it, fresh] = tables_.try_emplace(d);
    Table* t = &it->second;
    if (!fresh) return t;
    t->desc = d;
    uint32_t max_id = 0;
    for (unsigned i = 0; i < d->n_fields; ++i) max_id = std::max(max_id, d->fields[i].id);
    t->by_id.resize(max_id + 1);
    for (unsigned i = 0; i < d->n_fields; ++i) {
      const ProtobufCFieldDescriptor* f = &d->fields[i];
      t->by_id[f->id].desc = f;
      if (f->label == PROTOBUF_C_LABEL_REPEATED) t->repeated = true;
    }
    for (unsigned i = 0; i < d->n_fields; ++i) {  // after: `t` is complete when a message nests itself
      const ProtobufCFieldDescriptor* f = &d->fields[i];
      if (f->type == PROTOBUF_C_TYPE_MESSAGE)
        t->by_id[f->id].sub = build(static_cast<const ProtobufCMessageDescriptor*>(f->descriptor));
    }
    return t;
  }
  std::unordered_map<const ProtobufCMessageDescriptor*, Table> tables_;  // node-based: tables stay put
  const Table* root_ = nullptr;
};

bool varint(const uint8_t*& p, const uint8_t* end, uint64_t* v) {
  uint64_t out = 0;
  for (int shift = 0; shift < 64 && p < end; shift += 7) {
    uint8_t b = *p++;
    out |= static_cast<uint64_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) return *v = out, true;
  }
  return false;
}

/// Skips the value of wire type `wire` at p.
bool skip(const uint8_t*& p, const uint8_t* end, unsigned wire) {
  uint64_t v;
  switch (wire) {
    case 0: return varint(p, end, &v);
    case 1: return end - p >= 8 ? (p += 8, true) : false;
    case 2:
      if (!varint(p, end, &v) || v > static_cast<uint64_t>(end - p)) return false;
      return p += v, true;
    case 5: return end - p >= 4 ? (p += 4, true) : false;
    default: return false;
  }
}

bool scalar(ProtobufCType type) {
  return type != PROTOBUF_C_TYPE_MESSAGE && type != PROTOBUF_C_TYPE_STRING && type != PROTOBUF_C_TYPE_BYTES;
}

class Reader {
 public:
  explicit Reader(Arena* arena) : arena_(arena) {}

  void* message(const Table& t, const uint8_t* p, const uint8_t* end) {
    const ProtobufCMessageDescriptor* d = t.desc;
    auto* m = static_cast<unsigned char*>(arena_->alloc(d->sizeof_message));
    d->message_init(reinterpret_cast<ProtobufCMessage*>(m));
    if (t.repeated && !size_repeated(t, m, p, end)) return nullptr;
    uint64_t seen[8] = {};  // the non-repeated fields read, by number (declined past 511)
    while (p < end) {
      uint64_t tag;
      if (!varint(p, end, &tag)) return nullptr;
      uint64_t id = tag >> 3;
      unsigned wire = tag & 7;
      if (id >= t.by_id.size() || !t.by_id[id].desc) return nullptr;
      const Field& f = t.by_id[id];
      const ProtobufCFieldDescriptor* fd = f.desc;
      if (fd->label == PROTOBUF_C_LABEL_REPEATED) {
        auto* n = reinterpret_cast<size_t*>(m + fd->quantifier_offset);
        unsigned char* array = *reinterpret_cast<unsigned char**>(m + fd->offset);
        size_t size = repeated_element_size(fd->type);
        if (wire == 2 && scalar(fd->type)) {  // packed
          uint64_t len;
          if (!varint(p, end, &len) || len > static_cast<uint64_t>(end - p)) return nullptr;
          const uint8_t* stop = p + len;
          while (p < stop)
            if (!value(f, 0, p, stop, array + size * (*n)++)) return nullptr;
        } else if (!value(f, wire, p, end, array + size * (*n)++)) {
          return nullptr;
        }
        continue;
      }
      if (id >= 512 || (seen[id / 64] >> (id % 64) & 1)) return nullptr;  // protobuf-c would merge
      seen[id / 64] |= uint64_t{1} << (id % 64);
      if (fd->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
        auto* which = reinterpret_cast<uint32_t*>(m + fd->quantifier_offset);
        if (*which != 0) return nullptr;  // another member of the oneof already
        *which = fd->id;
      } else if (fd->label == PROTOBUF_C_LABEL_OPTIONAL && fd->quantifier_offset) {
        *reinterpret_cast<protobuf_c_boolean*>(m + fd->quantifier_offset) = 1;
      } else if (fd->label != PROTOBUF_C_LABEL_NONE && fd->label != PROTOBUF_C_LABEL_OPTIONAL) {
        return nullptr;  // required: proto3 has none
      }
      if (!value(f, wire, p, end, m + fd->offset)) return nullptr;
    }
    return m;
  }

 private:
  /// Counts each repeated field's elements and gives it its array; the counts are set back to 0
  /// for message() to fill.
  bool size_repeated(const Table& t, unsigned char* m, const uint8_t* p, const uint8_t* end) {
    while (p < end) {
      uint64_t tag;
      if (!varint(p, end, &tag)) return false;
      uint64_t id = tag >> 3;
      unsigned wire = tag & 7;
      if (id >= t.by_id.size() || !t.by_id[id].desc) return false;
      const ProtobufCFieldDescriptor* fd = t.by_id[id].desc;
      if (fd->label == PROTOBUF_C_LABEL_REPEATED) {
        auto* n = reinterpret_cast<size_t*>(m + fd->quantifier_offset);
        if (wire == 2 && scalar(fd->type)) {
          uint64_t len;
          const uint8_t* q = p;
          if (!varint(q, end, &len) || len > static_cast<uint64_t>(end - q)) return false;
          if (fd->type == PROTOBUF_C_TYPE_DOUBLE) {
            *n += len / 8;
          } else {
            for (const uint8_t* c = q; c < q + len; ++c) *n += !(*c & 0x80);
          }
        } else {
          ++*n;
        }
      }
      if (!skip(p, end, wire)) return false;
    }
    for (unsigned i = 0; i < t.desc->n_fields; ++i) {
      const ProtobufCFieldDescriptor* fd = &t.desc->fields[i];
      if (fd->label != PROTOBUF_C_LABEL_REPEATED) continue;
      auto* n = reinterpret_cast<size_t*>(m + fd->quantifier_offset);
      if (*n == 0) continue;
      size_t size = repeated_element_size(fd->type);
      if (size == 0) return false;
      *reinterpret_cast<void**>(m + fd->offset) = arena_->alloc(size * *n);
      *n = 0;
    }
    return true;
  }

  /// One value of field `f`, written at `to`.
  bool value(const Field& f, unsigned wire, const uint8_t*& p, const uint8_t* end, unsigned char* to) {
    uint64_t v;
    switch (f.desc->type) {
      case PROTOBUF_C_TYPE_INT32:
      case PROTOBUF_C_TYPE_UINT32:
      case PROTOBUF_C_TYPE_ENUM: {
        if (wire != 0 || !varint(p, end, &v)) return false;
        uint32_t low = static_cast<uint32_t>(v);  // protobuf-c keeps the low 32 bits
        std::memcpy(to, &low, 4);
        return true;
      }
      case PROTOBUF_C_TYPE_BOOL: {
        if (wire != 0 || !varint(p, end, &v)) return false;
        protobuf_c_boolean b = v != 0;
        std::memcpy(to, &b, sizeof b);
        return true;
      }
      case PROTOBUF_C_TYPE_INT64:
      case PROTOBUF_C_TYPE_UINT64:
        if (wire != 0 || !varint(p, end, &v)) return false;
        std::memcpy(to, &v, 8);
        return true;
      case PROTOBUF_C_TYPE_DOUBLE:
        if (wire != 1 || end - p < 8) return false;
        std::memcpy(to, p, 8);  // little-endian on the wire and here
        p += 8;
        return true;
      case PROTOBUF_C_TYPE_STRING: {
        if (wire != 2 || !varint(p, end, &v) || v > static_cast<uint64_t>(end - p)) return false;
        auto* s = static_cast<char*>(arena_->alloc(v + 1));
        std::memcpy(s, p, v);
        s[v] = '\0';
        p += v;
        std::memcpy(to, &s, sizeof s);
        return true;
      }
      case PROTOBUF_C_TYPE_MESSAGE: {
        if (wire != 2 || !varint(p, end, &v) || v > static_cast<uint64_t>(end - p)) return false;
        void* sub = message(*f.sub, p, p + v);
        if (!sub) return false;
        p += v;
        std::memcpy(to, &sub, sizeof sub);
        return true;
      }
      default: return false;
    }
  }

  Arena* arena_;
};

}  // namespace

const PgQuery__ParseResult* unpack_parse_result(const uint8_t* data, size_t len, Arena* arena) {
  static const Tables tables;
  Reader reader(arena);
  return static_cast<const PgQuery__ParseResult*>(reader.message(*tables.root(), data, data + len));
}

}  // namespace schemagate::sql
