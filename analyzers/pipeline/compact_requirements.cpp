#include "analyzers/pipeline/compact_requirements.h"

#include <string>
#include <string_view>
#include <unordered_map>

namespace schemagate::pipeline {

void CompactRequirements::hold(requirements::FileRequirements&& reqs) {
  *this = CompactRequirements();
  units_ = std::move(reqs.units);
  units_.shrink_to_fit();
  lists_.assign(1, 0);
  // Room for every name up front: the index views the names where they are.
  size_t most = 0;
  for (auto& r : reqs.requirements) most += 4 + r.candidates.size() + r.insert_columns.size();
  names_.reserve(most);
  // A file names few relations and columns: they are looked for one by one until there are
  // many, then through an index.
  constexpr size_t kFew = 32;
  std::unordered_map<std::string_view, uint32_t> index;
  auto name = [&](std::string& n) {
    if (names_.size() <= kFew) {
      for (size_t i = 0; i < names_.size(); ++i)
        if (names_[i] == n) return static_cast<uint32_t>(i);
    } else {
      if (index.empty())
        for (size_t i = 0; i < names_.size(); ++i) index.emplace(names_[i], static_cast<uint32_t>(i));
      if (auto it = index.find(n); it != index.end()) return it->second;
    }
    uint32_t at = static_cast<uint32_t>(names_.size());
    names_.push_back(std::move(n));
    if (!index.empty()) index.emplace(names_.back(), at);
    return at;
  };
  auto add_list = [&](std::vector<std::string>& names) -> uint32_t {
    if (names.empty()) return 0;
    uint32_t at = static_cast<uint32_t>(lists_.size());
    lists_.push_back(static_cast<uint32_t>(names.size()));
    for (auto& n : names) lists_.push_back(name(n));
    return at;
  };
  static const requirements::Requirement plain;
  held_.reserve(reqs.requirements.size());
  for (auto& r : reqs.requirements) {
    Held h;
    const size_t unit = r.unit;
    h.schema = name(r.schema);
    h.relation = name(r.relation);
    h.column = name(r.column);
    h.function = name(r.function);
    h.arguments = r.arguments;
    h.procedure = r.procedure;
    h.candidates = add_list(r.candidates);
    h.insert_columns = add_list(r.insert_columns);
    h.unit = static_cast<uint32_t>(r.unit);
    h.span = r.span;
    h.object = static_cast<uint8_t>(r.object);
    h.use = static_cast<uint8_t>(r.use);
    h.quoted = r.quoted;
    h.insert_columns_known = r.insert_columns_known;
    // What is held taken out of it, the rest must be a plain requirement's: any other field set
    // (argument names, a data layer's note, one added to Requirement later) keeps it whole.
    r.schema.clear(), r.relation.clear(), r.column.clear(), r.function.clear();
    r.arguments = plain.arguments, r.procedure = plain.procedure;
    r.candidates.clear(), r.insert_columns.clear();
    r.span = plain.span, r.unit = plain.unit, r.object = plain.object, r.use = plain.use;
    r.quoted = plain.quoted, r.insert_columns_known = plain.insert_columns_known;
    if (!(r == plain) || h.unit != unit) {
      fill(h, &r);
      r.unit = unit;
      h.full = static_cast<uint32_t>(full_.size() + 1);
      full_.push_back(std::move(r));
    }
    held_.push_back(h);
  }
  reqs = requirements::FileRequirements();
  names_.shrink_to_fit();
  lists_.shrink_to_fit();
  full_.shrink_to_fit();
}

std::vector<std::string> CompactRequirements::list(uint32_t at) const {
  std::vector<std::string> out;
  if (at == 0) return out;
  out.reserve(lists_[at]);
  for (uint32_t i = 1; i <= lists_[at]; ++i) out.push_back(names_[lists_[at + i]]);
  return out;
}

void CompactRequirements::fill(const Held& h, requirements::Requirement* r) const {
  r->object = static_cast<requirements::Object>(h.object);
  r->schema = names_[h.schema];
  r->relation = names_[h.relation];
  r->column = names_[h.column];
  r->function = names_[h.function];
  r->arguments = h.arguments;
  r->procedure = h.procedure;
  r->candidates = list(h.candidates);
  r->insert_columns = list(h.insert_columns);
  r->unit = h.unit;
  r->span = h.span;
  r->use = static_cast<requirements::Use>(h.use);
  r->quoted = h.quoted;
  r->insert_columns_known = h.insert_columns_known;
}

requirements::FileRequirements CompactRequirements::unpacked() const {
  requirements::FileRequirements out;
  out.units = units_;
  out.requirements.reserve(held_.size());
  for (const Held& h : held_) {
    if (h.full) out.requirements.push_back(full_[h.full - 1]);
    else fill(h, &out.requirements.emplace_back());
  }
  return out;
}

requirements::FileRequirements CompactRequirements::take() {
  requirements::FileRequirements out;
  out.requirements.reserve(held_.size());
  for (const Held& h : held_) {
    if (h.full) out.requirements.push_back(std::move(full_[h.full - 1]));
    else fill(h, &out.requirements.emplace_back());
  }
  out.units = std::move(units_);
  *this = CompactRequirements();
  return out;
}

}  // namespace schemagate::pipeline
