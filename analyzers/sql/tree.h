// Typed access over libpg_query's parse tree, shared by the resolver, the DDL simulator and
// every other reader of SQL, so that none reads node names as strings. The tree is libpg_query's
// protobuf output unpacked by protobuf-c (pg_query.pb-c.h): a `Node` is a tagged union whose
// kind is the generated enum (PG_QUERY__NODE__NODE_SELECT_STMT, ...) and whose body is a typed
// struct (`n->select_stmt->target_list`); fields typed as a specific struct (SelectStmt.larg,
// InsertStmt.relation) point at that struct directly. Absent fields read as protobuf's
// defaults: a null pointer, an empty list, "" for a string, 0 for a number or a location.
// Locations are libpg_query's: byte offsets into the parsed text, -1 when unknown.
#pragma once
#include <pg_query/pg_query.pb-c.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace schemagate::sql {

using Node = PgQuery__Node;
using NodeKind = PgQuery__Node__NodeCase;

/// A repeated field of node pointers seen as a range; an absent list is empty.
template <class T>
class Span {
 public:
  Span() = default;
  Span(T* const* data, size_t size) : data_(data), size_(data ? size : 0) {}
  T* const* begin() const { return data_; }
  T* const* end() const { return data_ + size_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T* operator[](size_t i) const { return data_[i]; }
  const T* front() const { return data_[0]; }
  const T* back() const { return data_[size_ - 1]; }

 private:
  T* const* data_ = nullptr;
  size_t size_ = 0;
};

/// `nodes(b->n_target_list, b->target_list)`, or use SG_LIST(b, target_list), which also reads
/// a null body as an empty list.
template <class T>
inline Span<T> nodes(size_t n, T** items) { return Span<T>(items, n); }
#define SG_LIST(body, field) \
  ((body) ? ::schemagate::sql::nodes((body)->n_##field, (body)->field) : decltype(::schemagate::sql::nodes((body)->n_##field, (body)->field))())

/// A kind by its short name: kind(n) == SG_NODE(SELECT_STMT).
#define SG_NODE(name) PG_QUERY__NODE__NODE_##name

/// The node's kind; NOT_SET for a null pointer or an empty node (a NULL inside a list).
inline NodeKind kind(const Node* n) { return n ? n->node_case : PG_QUERY__NODE__NODE__NOT_SET; }
inline bool is(const Node* n, NodeKind k) { return kind(n) == k; }
/// Whether `n` holds a node of any kind.
inline bool present(const Node* n) { return kind(n) != PG_QUERY__NODE__NODE__NOT_SET; }

/// A string field as text: protobuf-c gives "" for an absent one, never null, but be safe.
inline std::string text(const char* s) { return s ? s : ""; }

/// The text of a String node; "" for anything else.
inline std::string str(const Node* n) { return is(n, PG_QUERY__NODE__NODE_STRING) && n->string ? text(n->string->sval) : ""; }

/// The items of a List node; empty for anything else.
inline Span<Node> list_items(const Node* n) {
  return is(n, PG_QUERY__NODE__NODE_LIST) && n->list ? nodes(n->list->n_items, n->list->items) : Span<Node>();
}

/// The body of a node as a protobuf message (for walking its children generically), or null.
const ProtobufCMessage* body(const Node* n);

/// The `location` field of a node's body (libpg_query's byte offset), or `absent` when its kind
/// has no location or libpg_query left it 0. libpg_query's JSON omitted a 0, and callers that
/// read it with a default keep that meaning (no statement the resolver sees starts with an
/// expression, so a real 0 does not occur there).
long location_or(const Node* n, long absent);

/// Calls `visit(child)` for each node or struct held by `m`'s fields, lists item by item, in the
/// order of the fields' JSON names (the order the resolver has always walked the tree in);
/// `skip` names one JSON field not to enter (e.g. "typeName"). A child that is a Node is passed
/// as its Node message (descriptor == &pg_query__node__descriptor), a struct as itself.
template <class F>
void for_each_child(const ProtobufCMessage* m, const char* skip, F&& visit);

/// The field descriptors of `d` that hold messages, in JSON-name order, without `skip`.
struct ChildField {
  const ProtobufCFieldDescriptor* field;
  const char* json_name;
};
const ChildField* child_fields(const ProtobufCMessageDescriptor* d, size_t* count);

template <class F>
void for_each_child(const ProtobufCMessage* m, const char* skip, F&& visit) {
  if (!m) return;
  size_t count = 0;
  const ChildField* fields = child_fields(m->descriptor, &count);
  const char* base = reinterpret_cast<const char*>(m);
  for (size_t i = 0; i < count; ++i) {
    const ProtobufCFieldDescriptor* f = fields[i].field;
    if (skip && std::string_view(fields[i].json_name) == skip) continue;
    if (f->label == PROTOBUF_C_LABEL_REPEATED) {
      size_t n = *reinterpret_cast<const size_t*>(base + f->quantifier_offset);
      auto items = *reinterpret_cast<ProtobufCMessage* const* const*>(base + f->offset);
      for (size_t k = 0; k < n; ++k) visit(items[k]);
      continue;
    }
    if (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
      if (*reinterpret_cast<const uint32_t*>(base + f->quantifier_offset) != f->id) continue;
    }
    if (auto child = *reinterpret_cast<ProtobufCMessage* const*>(base + f->offset)) visit(child);
  }
}

}  // namespace schemagate::sql
