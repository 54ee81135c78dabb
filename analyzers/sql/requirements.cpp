#include "analyzers/sql/requirements.h"

namespace schemagate::sql {
namespace {

/// Whether the statement spelled `name` in double quotes at `offset`: a name with upper case
/// must have been (unquoted names fold to lower case); a lower-case one was when the text there
/// is the quoted name.
bool written_quoted(const std::string& text, size_t offset, const std::string& name) {
  for (char c : name)
    if (c >= 'A' && c <= 'Z') return true;
  return offset < text.size() && text.compare(offset, name.size() + 2, "\"" + name + "\"") == 0;
}

}  // namespace

void add_requirements(const Resolution& resolution, const SqlText& text, size_t unit,
                      std::vector<requirements::Requirement>* out) {
  using requirements::Object;
  using requirements::Requirement;
  using requirements::Use;
  for (auto& ref : resolution.refs) {
    if (ref.status == RefStatus::Unchecked) continue;
    if (ref.schema.empty()) continue;  // a CTE or a subquery of the statement itself
    Requirement r;
    bool column = ref.kind == Reference::Kind::Column;
    r.object = column ? Object::Column : Object::Relation;
    r.schema = ref.schema;
    r.relation = ref.relation;
    r.column = ref.column;
    if (column && !(ref.searched.size() == 1 && ref.searched.front() == ref.schema + "." + ref.relation))
      r.candidates = ref.searched;
    r.use = ref.insert_target ? Use::Write : Use::Read;
    const std::string& name = column ? ref.column : ref.relation;
    r.span.begin = text.host_offset(ref.offset);
    r.span.end = r.span.begin + static_cast<uint32_t>(name.size());
    r.quoted = written_quoted(text.text, ref.offset, name);
    r.unit = unit;
    if (!column)
      for (auto& ins : resolution.inserts)
        if (ins.offset == ref.offset && ins.schema == ref.schema && ins.relation == ref.relation) {
          r.use = Use::Insert;
          r.insert_columns = ins.columns;
          r.insert_columns_known = ins.column_list || ins.values > 0;
        }
    out->push_back(std::move(r));
  }
  for (auto& ins : resolution.inserts) {
    if (ins.conflict_columns.empty()) continue;
    Requirement r;
    r.object = Object::UniqueKey;
    r.schema = ins.schema;
    r.relation = ins.relation;
    r.key_columns = ins.conflict_columns;
    r.use = Use::Insert;
    r.span.begin = text.host_offset(ins.conflict_offset);
    r.span.end = r.span.begin + static_cast<uint32_t>(ins.conflict_columns.front().size());
    r.unit = unit;
    out->push_back(std::move(r));
  }
}

}  // namespace schemagate::sql
