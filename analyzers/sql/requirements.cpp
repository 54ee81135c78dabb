#include "analyzers/sql/requirements.h"

#include <algorithm>

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

requirements::Requirement requirement_of(const Reference& ref) {
  requirements::Requirement r;
  bool column = ref.kind == Reference::Kind::Column;
  r.object = column ? requirements::Object::Column : requirements::Object::Relation;
  r.schema = ref.schema;
  r.relation = ref.relation;
  r.column = ref.column;
  if (column && !(ref.searched.size() == 1 && ref.searched.front() == ref.schema + "." + ref.relation))
    r.candidates = ref.searched;
  return r;
}

void add_requirements(const Resolution& resolution, const SqlText& text, size_t unit,
                      std::vector<requirements::Requirement>* out) {
  using requirements::Object;
  using requirements::Requirement;
  using requirements::Use;
  for (auto& ref : resolution.refs) {
    if (ref.status == RefStatus::Unchecked) continue;
    if (ref.schema.empty()) continue;  // a CTE or a subquery of the statement itself
    Requirement r = requirement_of(ref);
    bool column = ref.kind == Reference::Kind::Column;
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
  for (auto& call : resolution.calls) {
    Requirement r;
    r.object = Object::Function;
    r.schema = call.schema;
    r.function = call.name;
    r.arguments = call.arguments;
    r.procedure = call.procedure;
    r.candidates = call.search_path;
    r.span.begin = text.host_offset(call.offset);
    r.span.end = r.span.begin + static_cast<uint32_t>(call.name.size());
    r.quoted = written_quoted(text.text, call.offset, call.name);
    r.unit = unit;
    out->push_back(std::move(r));
  }
  for (auto& a : resolution.arity_errors) {
    Requirement r;
    r.object = Object::InsertValues;
    r.schema = a.schema;
    r.relation = a.relation;
    r.arguments = static_cast<int>(a.values);
    r.columns_listed = a.listed;
    r.key_columns = a.listed_columns;
    r.use = Use::Insert;
    r.span.begin = text.host_offset(a.offset);
    r.span.end = r.span.begin + 1;
    r.unit = unit;
    out->push_back(std::move(r));
  }
  for (auto& lit : resolution.enum_literals) {
    // '${m.status}': an interpolation inside the quotes is written as inert "$0" (both bytes
    // from the hole's one host offset, where text typed as "$0" has two): its value is not known.
    bool run_time = false;
    for (size_t at = lit.label.find("$0"); at != std::string::npos && !run_time; at = lit.label.find("$0", at + 1)) {
      size_t k = lit.offset + at;
      run_time = k + 1 < text.origin.size() && text.origin[k] == text.origin[k + 1];
    }
    if (run_time) continue;
    Requirement r;
    r.object = Object::EnumLabel;
    auto dot = lit.type.find('.');
    r.schema = lit.type.substr(0, dot);
    r.enum_type = lit.type;
    r.label = lit.label;
    r.span.begin = text.host_offset(lit.offset);
    r.span.end = r.span.begin + static_cast<uint32_t>(std::max<size_t>(1, lit.label.size()));
    r.unit = unit;
    out->push_back(std::move(r));
  }
}

}  // namespace schemagate::sql
