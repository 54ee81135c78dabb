// Migrations written as Go text/templates. Some Go projects run every migration through
// text/template before applying it (gobuffalo/pop does; supabase/auth writes
// `CREATE TABLE {{ index .Options "Namespace" }}.users`), so the schema a table lands in is
// configuration, not SQL. A template is replaced by the text it stands for when that is known:
// given in schemagate.yaml `template_values`, or found in the project's own Go code as a
// configuration field's default. A template whose text is not known leaves the migration
// unparseable, and the run stops (exit 2) saying which setting gives it: guessing a schema would
// check the code against tables that are not where the code looks.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/source/file_system.h"

namespace schemagate::schema::migrations {

/// The text between `{{` and `}}`, blanks trimmed and runs of blanks made one space:
/// `{{index  .Options "Namespace" }}` -> `index .Options "Namespace"`.
std::string template_key(std::string_view inside);

/// Keys of the `{{ ... }}` templates in `sql` (each on one line), in order of first occurrence.
std::vector<std::string> template_keys(std::string_view sql);

/// Replaces every template whose key `values` holds (keys as template_key gives them). Lines
/// keep their numbers: a template never spans lines.
void expand_templates(std::string* sql, const std::map<std::string, std::string>& values);

/// A template's text found in the project's code, and where.
struct FoundTemplateValue {
  std::string value;
  std::string evidence;  ///< "internal/conf/configuration.go:121: default of DB.Namespace, ..."
};

/// For keys of the form `index .Options "KEY"`: the Go code that fills the options map
/// (`"KEY": cfg.DB.Field`) and the configuration struct field's `default:"VALUE"` tag give the
/// value, when exactly one such pair and one value exist. `go_files` are root-relative.
std::map<std::string, FoundTemplateValue> find_template_values(const source::FileSystem& fs, const std::string& root,
                                                               const std::vector<std::string>& go_files,
                                                               const std::vector<std::string>& keys);

}  // namespace schemagate::schema::migrations
