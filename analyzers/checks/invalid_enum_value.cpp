// invalid-enum-value: the code compares a column of an enum type with a string, writes a string
// into it, or casts a string to the type, and the string is not one of the type's labels. The
// string is read by the type's input function when the statement is analysed or run: 22P02
// ("invalid input value for enum mood: "archived""), on every call. A label that only a pending
// migration adds (ALTER TYPE ... ADD VALUE) is pending-migration against a live database.
#include "analyzers/checks/check.h"

namespace schemagate::checks {

void run_invalid_enum_value(const RequirementContext& ctx, const requirements::Requirement& req, const Check& self,
                            std::vector<report::Diagnostic>* out) {
  if (req.object != requirements::Object::EnumLabel) return;
  const schema::Schema& schema = *ctx.eval.eventual;
  if (requirements::presence(req, schema) != requirements::Presence::Absent) return;
  auto d = diagnostic_at(ctx, self, req, req.label);
  std::string type = display_relation(req.schema, req.enum_type.substr(req.enum_type.find('.') + 1), ctx.eval.search_path);
  const schema::EnumType& e = schema.enums.at(req.enum_type);
  d.message = "\"" + req.label + "\" is not a label of enum type " + quote_ident(type) +
              " (SQLSTATE 22P02, invalid input value for enum): no migration adds it";
  std::string labels;
  for (size_t i = 0; i < e.labels.size() && i < 12; ++i) labels += (i ? ", " : "") + ("'" + e.labels[i] + "'");
  if (e.labels.size() > 12) labels += ", ...";
  if (std::string near = closest_name(req.label, e.labels); !near.empty()) d.message += "; did you mean '" + near + "'?";
  d.notes.push_back(report::note_at(e.origin, "the type is created here with " + labels));
  d.help = "use one of its labels, or add a migration with ALTER TYPE " + type + " ADD VALUE '" + req.label +
           "' and apply it before deploying this code";
  out->push_back(std::move(d));
}

}  // namespace schemagate::checks
