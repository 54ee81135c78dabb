// Stars by statement level: each SELECT (and INSERT / UPDATE / DELETE with RETURNING) collects the
// base relations of its own FROM (through joins), then matches its target list's stars against
// them by alias or name. Nested queries are visited as statements of their own.
#include "analyzers/sql/star_columns.h"

#include <set>

namespace schemagate::sql {
namespace {

struct Entry {
  std::string name;  ///< alias, or the relation's name
  const schema::Relation* rel = nullptr;
};

class StarWalker {
 public:
  StarWalker(const schema::Schema& schema, const std::vector<std::string>& path) : schema_(schema), path_(path) {}

  /// Every statement node under `node` (not the arms of a set operation, which are structs).
  void visit(const Node* node) {
    switch (kind(node)) {
      case SG_NODE(SELECT_STMT): select_level(node->select_stmt); break;
      case SG_NODE(INSERT_STMT):
        dml_level(node->insert_stmt->with_clause, node->insert_stmt->relation, {}, SG_LIST(node->insert_stmt, returning_list));
        break;
      case SG_NODE(UPDATE_STMT):
        dml_level(node->update_stmt->with_clause, node->update_stmt->relation, SG_LIST(node->update_stmt, from_clause),
                  SG_LIST(node->update_stmt, returning_list));
        break;
      case SG_NODE(DELETE_STMT):
        dml_level(node->delete_stmt->with_clause, node->delete_stmt->relation, SG_LIST(node->delete_stmt, using_clause),
                  SG_LIST(node->delete_stmt, returning_list));
        break;
      default: break;
    }
    visit_message(body(node));
  }

  std::vector<StarColumn> out;

 private:
  void visit_message(const ProtobufCMessage* m) {
    for_each_child(m, nullptr, [&](const ProtobufCMessage* child) {
      if (child->descriptor == &pg_query__node__descriptor) visit(reinterpret_cast<const Node*>(child));
      else visit_message(child);
    });
  }

  void collect_ctes(const PgQuery__WithClause* with) {
    for (const Node* c : SG_LIST(with, ctes))
      ctes_.insert(is(c, SG_NODE(COMMON_TABLE_EXPR)) ? text(c->common_table_expr->ctename) : "");
  }

  void from_item(const Node* item, std::vector<Entry>* entries) {
    switch (kind(item)) {
      case PG_QUERY__NODE__NODE__NOT_SET: return;
      case SG_NODE(RANGE_VAR): entries->push_back(range_var(item->range_var)); return;
      case SG_NODE(JOIN_EXPR):
        from_item(item->join_expr->larg, entries);
        from_item(item->join_expr->rarg, entries);
        return;
      default: entries->push_back({});  // a subquery or function: its columns are not a relation's
    }
  }

  Entry range_var(const PgQuery__RangeVar* b) {
    Entry e;
    if (!b) return e;
    std::string s = text(b->schemaname), n = text(b->relname);
    e.name = b->alias ? text(b->alias->aliasname) : n;
    if (s.empty() && ctes_.count(n)) return e;
    const schema::Relation* r = s.empty() ? schema_.find_in_path(n, path_) : schema_.find(s, n);
    if (r && r->columns_complete) e.rel = r;
    return e;
  }

  void select_level(const PgQuery__SelectStmt* b) {
    collect_ctes(b->with_clause);
    std::vector<Entry> entries;
    for (const Node* f : SG_LIST(b, from_clause)) from_item(f, &entries);
    stars(SG_LIST(b, target_list), entries);
  }

  /// INSERT / UPDATE / DELETE: the target, then FROM (UPDATE) or USING (DELETE), then RETURNING.
  void dml_level(const PgQuery__WithClause* with, const PgQuery__RangeVar* target, Span<Node> from,
                 Span<Node> returning) {
    collect_ctes(with);
    std::vector<Entry> entries;
    entries.push_back(range_var(target));
    for (const Node* f : from) from_item(f, &entries);
    stars(returning, entries);
  }

  void stars(Span<Node> list, const std::vector<Entry>& entries) {
    for (const Node* t : list) {
      const Node* val = is(t, SG_NODE(RES_TARGET)) ? t->res_target->val : nullptr;
      if (!is(val, SG_NODE(COLUMN_REF))) continue;
      const PgQuery__ColumnRef* cr = val->column_ref;
      auto fields = SG_LIST(cr, fields);
      if (fields.empty() || !is(fields.back(), SG_NODE(A_STAR))) continue;
      size_t at = static_cast<size_t>(std::max(0, cr->location));
      std::string qualifier = fields.size() >= 2 ? str(fields[fields.size() - 2]) : "";
      for (auto& e : entries) {
        if (!qualifier.empty() && e.name != qualifier) continue;
        if (!e.rel) {
          if (!qualifier.empty()) break;
          continue;
        }
        for (auto& c : e.rel->columns) out.push_back({at, e.rel->schema, e.rel->name, c.name});
        if (!qualifier.empty()) break;
      }
    }
  }

  const schema::Schema& schema_;
  const std::vector<std::string>& path_;
  std::set<std::string> ctes_;
};

}  // namespace

std::vector<StarColumn> star_columns(const Node* stmt, const schema::Schema& schema,
                                     const std::vector<std::string>& search_path) {
  StarWalker w(schema, search_path);
  w.visit(stmt);
  return std::move(w.out);
}

}  // namespace schemagate::sql
