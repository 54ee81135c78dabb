// The parts of the typed tree layer that need protobuf-c's descriptors: a node's body as a
// message, a body's location, and each message's child fields in JSON-name order. The order
// table is built once, for every message reachable from Node, on first use.
#include "analyzers/sql/tree.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace schemagate::sql {
namespace {

struct JsonName {
  const char* message;
  uint32_t id;
  const char* json;
};

const JsonName kJsonNames[] = {
#include "analyzers/sql/pg_query_json_names.inc"
};

class ChildTable {
 public:
  ChildTable() {
    // The names of a message's fields are a run of kJsonNames (the .proto's order; a message
    // written in two places would have two): each message's runs are found by its name, a
    // field's name within them by its number. A map keyed by strings of all 1,466 names cost a
    // million instructions, in every run that reads SQL.
    messages_.reserve(512);
    for (size_t i = 0, n = std::size(kJsonNames); i < n;) {
      size_t end = i + 1;
      while (end < n && std::strcmp(kJsonNames[end].message, kJsonNames[i].message) == 0) ++end;
      messages_[kJsonNames[i].message].emplace_back(i, end);
      i = end;
    }
    add(&pg_query__node__descriptor);
  }
  const std::vector<ChildField>* find(const ProtobufCMessageDescriptor* d) const {
    auto it = fields_.find(d);
    return it == fields_.end() ? nullptr : &it->second;
  }

 private:
  void add(const ProtobufCMessageDescriptor* d) {
    if (fields_.count(d)) return;
    std::vector<ChildField>& out = fields_[d];
    std::vector<const ProtobufCMessageDescriptor*> nested;
    for (unsigned i = 0; i < d->n_fields; ++i) {
      const ProtobufCFieldDescriptor* f = &d->fields[i];
      if (f->type != PROTOBUF_C_TYPE_MESSAGE) continue;
      out.push_back({f, json_name(d->short_name, f->id, f->name)});
      nested.push_back(static_cast<const ProtobufCMessageDescriptor*>(f->descriptor));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const ChildField& a, const ChildField& b) { return std::strcmp(a.json_name, b.json_name) < 0; });
    for (auto* n : nested) add(n);
  }

  /// The JSON name of field `id` of message `message`, or `otherwise` when the .proto has none.
  const char* json_name(const char* message, uint32_t id, const char* otherwise) const {
    auto it = messages_.find(message);
    if (it == messages_.end()) return otherwise;
    for (auto [first, end] : it->second)
      for (size_t k = first; k < end; ++k)
        if (kJsonNames[k].id == id) return kJsonNames[k].json;
    return otherwise;
  }

  /// Each message's runs of kJsonNames: [first, second).
  std::unordered_map<std::string_view, std::vector<std::pair<size_t, size_t>>> messages_;
  std::unordered_map<const ProtobufCMessageDescriptor*, std::vector<ChildField>> fields_;
};

const ChildTable& child_table() {
  static const ChildTable table;
  return table;
}

}  // namespace

const ChildField* child_fields(const ProtobufCMessageDescriptor* d, size_t* count) {
  const std::vector<ChildField>* f = child_table().find(d);
  *count = f ? f->size() : 0;
  return f ? f->data() : nullptr;
}

const ProtobufCMessage* body(const Node* n) {
  if (!present(n)) return nullptr;
  // Every member of Node's oneof is a pointer to its body, all at one offset (a C union).
  return n->alias ? &n->alias->base : nullptr;
}

long location_or(const Node* n, long absent) {
  const ProtobufCMessage* b = body(n);
  if (!b) return absent;
  const ProtobufCFieldDescriptor* f = protobuf_c_message_descriptor_get_field_by_name(b->descriptor, "location");
  if (!f || f->type != PROTOBUF_C_TYPE_INT32) return absent;
  int32_t loc = *reinterpret_cast<const int32_t*>(reinterpret_cast<const char*>(b) + f->offset);
  return loc == 0 ? absent : loc;
}

}  // namespace schemagate::sql
