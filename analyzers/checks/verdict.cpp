#include "analyzers/checks/verdict.h"

#include <vector>

#include "analyzers/checks/history.h"

namespace schemagate::checks {
namespace {

/// The relations an unqualified column was searched in ("schema.name"), or its own relation.
std::vector<std::string> searched(const requirements::Requirement& req) {
  return req.candidates.empty() ? std::vector<std::string>{requirements::qualified(req)} : req.candidates;
}

}  // namespace

std::string excuse(const Evaluation& eval, const requirements::Requirement& req) {
  if (eval.not_judged) {
    if (req.object == requirements::Object::Relation) {
      std::string why = eval.not_judged(req.schema, req.relation);
      if (!why.empty()) return why;
    } else {
      for (auto& q : searched(req)) {
        auto dot = q.find('.');
        std::string why = eval.not_judged(q.substr(0, dot), "column:" + q.substr(dot + 1) + "." + req.column);
        if (!why.empty()) return why;
      }
    }
  }
  // What of the schema model leaves it open: a name in a migration step it cannot follow.
  if (!eval.eventual) return "";
  const schema::Schema& schema = *eval.eventual;
  for (auto& q : searched(req)) {
    auto dot = q.find('.');
    std::string rel = q.substr(dot + 1);
    for (const std::string& name : {rel, req.object == requirements::Object::Column ? req.column : rel})
      if (schema.uncertain_names.count(name))
        return "\"" + name + "\" appears in a migration step the schema model cannot follow (SQL built at run time; "
               "check --verbose lists the step)";
  }
  return "";
}

Verdict judge(const Evaluation& eval, const std::string& file, const requirements::Requirement& req) {
  Verdict v;
  const schema::Schema& schema = *eval.eventual;
  switch (requirements::presence(req, schema, eval.not_judged)) {
    case requirements::Presence::Present: return v;
    case requirements::Presence::Unknown:
      v.status = Verdict::Status::Unchecked;
      v.note = excuse(eval, req);
      if (v.note.empty()) v.note = req.unknown_when_absent;
      return v;
    case requirements::Presence::Absent: break;
  }
  if (req.object == requirements::Object::Column) {
    for (auto& q : searched(req)) {
      auto dot = q.find('.');
      if ((v.removal = last_removal(schema, q.substr(0, dot), q.substr(dot + 1), req.column))) break;
    }
  } else {
    v.removal = last_removal(schema, req.schema, req.relation, "");
  }
  if (v.removal && ran_before(eval.migration_formats, file, *v.removal)) {
    v.status = Verdict::Status::Ok;
    v.note = "there when this dated script runs; migration " + v.removal->origin.file + " removes it later";
    v.removal = nullptr;
    return v;
  }
  v.status = Verdict::Status::Missing;
  return v;
}

}  // namespace schemagate::checks
