// missing-function: the code calls a function (or CALLs a procedure) that no migration creates
// and PostgreSQL does not have, or none of its overloads takes that many arguments. PostgreSQL
// rejects the statement when it analyses it, on every call: 42883 ("function f(integer) does not
// exist"). Calls are judged by schema, name and argument count against the functions the
// migrations create (defaults and VARIADIC included), pg_catalog's (generated at build time from
// the installed server) and those of the extensions the migrations create; argument types
// (overload resolution) are not judged. A schema or extension whose functions are not known
// leaves the call unchecked.
//
// A call through PostgREST (supabase-js `.rpc('fn', { a, b })`) names its arguments: PostgREST
// looks for a function of the exposed schema whose arguments are named a and b (those without a
// default all given) and answers 404 PGRST202 when there is none, so the message says that.
#include <algorithm>

#include "analyzers/checks/check.h"

namespace schemagate::checks {

namespace {

/// "1 argument", "3 arguments".
std::string arity(int n) { return std::to_string(n) + (n == 1 ? " argument" : " arguments"); }

/// The argument counts the overloads of `name` in `schemas` accept: "1 or 2", "at least 2".
std::string accepted(const std::vector<const schema::Function*>& overloads) {
  std::string out;
  for (size_t i = 0; i < overloads.size(); ++i) {
    const schema::Function& f = *overloads[i];
    std::string one = f.max_args < 0 ? "at least " + std::to_string(f.min_args)
                      : f.min_args == f.max_args ? std::to_string(f.min_args)
                                                 : std::to_string(f.min_args) + " to " + std::to_string(f.max_args);
    out += (i == 0 ? "" : i + 1 == overloads.size() ? " or " : ", ") + one;
  }
  return out;
}

/// "public.fn(a, b)" as PostgREST's PGRST202 names a call: the argument names sorted.
std::string postgrest_call(const std::string& shown, std::vector<std::string> keys) {
  if (keys.empty()) return shown + " without parameters";
  std::sort(keys.begin(), keys.end());
  std::string out = shown + "(";
  for (size_t i = 0; i < keys.size(); ++i) out += (i ? ", " : "") + keys[i];
  return out + ")";
}

/// "public.fn(p_user, p_limit)": an overload with its argument names, those with a default in
/// brackets.
std::string signature(const schema::Function& f) {
  std::string out = f.schema + "." + f.name + "(";
  for (size_t i = 0; i < f.arg_names.size(); ++i) {
    std::string n = f.arg_names[i].empty() ? "$" + std::to_string(i + 1) : f.arg_names[i];
    out += (i ? ", " : "") + (static_cast<int>(i) >= f.min_args ? "[" + n + "]" : n);
  }
  return out + ")";
}

/// A call through PostgREST (supabase-js .rpc): no function of the exposed schema takes the
/// arguments it names. PostgREST answers 404 PGRST202 before PostgreSQL sees anything.
void postgrest_call_missing(const RequirementContext& ctx, const requirements::Requirement& req, const Check& self,
                            std::vector<report::Diagnostic>* out) {
  const schema::Schema& schema = *ctx.eval.eventual;
  auto d = diagnostic_at(ctx, self, req, req.function);
  std::string shown = req.schema + "." + req.function;
  std::vector<const schema::Function*> same_name;
  if (auto it = schema.functions.find(shown); it != schema.functions.end())
    for (auto& f : it->second)
      if (!f.procedure) same_name.push_back(&f);
  d.message = "function " + quote_ident(shown) + " that PostgREST calls does not exist (PGRST202: Could not find the function " +
              (req.arguments_known ? postgrest_call(shown, req.argument_names) : shown + "(...)") +
              " in the schema cache): ";
  if (!same_name.empty()) {
    std::string sigs;
    for (size_t i = 0; i < same_name.size(); ++i)
      sigs += (i == 0 ? "" : i + 1 == same_name.size() ? " or " : ", ") + signature(*same_name[i]);
    d.message += "the migrations create " + sigs + ", and PostgREST matches a function by its argument names";
    d.notes.push_back(report::note_at(same_name.back()->origin, "created here"));
    d.help = "pass the arguments by the names the function declares (" + signature(*same_name.back()) +
             "), or add a migration that creates " + shown + " with these argument names and apply it before deploying "
             "this code";
  } else {
    d.message += "no migration creates it";
    std::vector<std::string> names;
    for (auto& [k, overloads] : schema.functions)
      if (k.rfind(req.schema + ".", 0) == 0 && !overloads.empty()) names.push_back(k.substr(req.schema.size() + 1));
    if (std::string near = closest_name(req.function, names); !near.empty()) d.message += "; did you mean " + quote_ident(near) + "?";
    d.help = !req.fix.empty() ? req.fix
                              : "add a migration that creates function " + quote_ident(shown) +
                                    " (CREATE FUNCTION) and apply it before deploying this code";
  }
  out->push_back(std::move(d));
}

}  // namespace

void run_missing_function(const RequirementContext& ctx, const requirements::Requirement& req, const Check& self,
                          std::vector<report::Diagnostic>* out) {
  if (req.object != requirements::Object::Function) return;
  const schema::Schema& schema = *ctx.eval.eventual;
  if (requirements::presence(req, schema, ctx.eval.not_judged) != requirements::Presence::Absent) return;
  if (req.by_name || !req.arguments_known) return postgrest_call_missing(ctx, req, self, out);
  auto d = diagnostic_at(ctx, self, req, req.function);
  std::string what = req.procedure ? "procedure" : "function";
  std::string shown = req.schema.empty() ? req.function : req.schema + "." + req.function;
  std::vector<std::string> schemas = req.schema.empty() ? req.candidates : std::vector<std::string>{req.schema};
  std::vector<const schema::Function*> same_name;
  const schema::Function* other_kind = nullptr;
  for (auto& s : schemas)
    if (auto it = schema.functions.find(s + "." + req.function); it != schema.functions.end())
      for (auto& f : it->second) (f.procedure == req.procedure ? same_name.push_back(&f) : void(other_kind = &f));
  d.message = what + " " + quote_ident(shown) + " called with " + arity(req.arguments) +
              " does not exist (SQLSTATE " + (other_kind && same_name.empty() ? "42809" : "42883") + "): ";
  if (!same_name.empty()) {
    std::string counts = accepted(same_name);
    d.message += "the migrations create it taking " + counts + (counts == "1" ? " argument" : " arguments");
    d.notes.push_back(report::note_at(same_name.back()->origin, "created here"));
    d.help = "pass the arguments it declares, or add a migration that creates " + quote_ident(shown) + " with " +
             arity(req.arguments) + " and apply it before deploying this code";
  } else if (other_kind) {
    d.message += "the migrations create " + quote_ident(shown) + " as a " + (req.procedure ? "function" : "procedure") +
                 (req.procedure ? ": call it with SELECT" : ": run it with CALL");
    d.notes.push_back(report::note_at(other_kind->origin, "created here"));
    d.help = req.procedure ? "SELECT " + shown + "(...) instead of CALL" : "CALL " + shown + "(...) instead of SELECT";
  } else {
    d.message += "no migration creates it and PostgreSQL has no built-in " + what + " of that name";
    std::vector<std::string> names;
    for (auto& [k, overloads] : schema.functions)
      for (auto& s : schemas)
        if (k.rfind(s + ".", 0) == 0 && !overloads.empty()) names.push_back(k.substr(s.size() + 1));
    if (std::string near = closest_name(req.function, names); !near.empty()) d.message += "; did you mean " + quote_ident(near) + "?";
    d.help = "add a migration that creates " + what + " " + quote_ident(shown) + " (CREATE " +
             (req.procedure ? "PROCEDURE" : "FUNCTION") + ") and apply it before deploying this code";
  }
  out->push_back(std::move(d));
}

}  // namespace schemagate::checks
