// What the Go data layers (GORM, bun, pop) share: a model is a struct whose tags or methods name
// its table and columns, and a query is a chain of method calls on a handle
// (`db.NewSelect().Model(&m).Where("c = ?", v)`) whose model argument says which table the
// chain's column names belong to. Each layer keeps only its own tag grammar and naming rules;
// reading the tree (fields, tags, TableName methods, chains, the type a value argument stands
// for) is here once.
//
// A model of another file is known through the project's facts: a layer's index records each
// struct it maps under "<layer>:model:<dir>/<Type>" (dir: the file's folder, the Go package),
// and a chain or an embedding in another file finds it by its package: the same folder for a
// bare type name, or the folder whose path ends the import path for a qualified one
// (`coremodels.Model` with `coremodels "example.com/app/pkg/core/models"` -> pkg/core/models).
#pragma once
#include <tree_sitter/api.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzers/datalayers/datalayer.h"

namespace schemagate::datalayers::go {

/// One field declaration of a struct type.
struct Field {
  std::vector<TSNode> names;   ///< none for an embedded field
  TSNode type{};
  std::string_view type_text;  ///< without leading '*'
  TSNode tag{};                ///< the raw string literal, or a null node
};
std::vector<Field> fields(TSNode struct_type, std::string_view src);

/// The value of `key:"..."` in a struct tag literal, and the byte offset of its first character.
struct TagValue {
  std::string_view value;
  uint32_t at = 0;
};
std::optional<TagValue> tag_value(TSNode tag, std::string_view key, std::string_view src);

/// The statements of a function's body block, a tree-sitter `statement_list` flattened (comments
/// kept); none for a null node.
std::vector<TSNode> body_statements(TSNode body);

/// The type name of a method's receiver: "Model" for `(m *Model)`, "" when it has none.
std::string receiver_type_name(TSNode method, std::string_view src);

/// `func (m *Model) TableName() string` returning a literal, directly or through one local
/// variable: the receiver's type name, the table and the literal's span.
struct TableNameMethod {
  std::string type, table;
  requirements::Span span;
};
std::optional<TableNameMethod> table_name_method(TSNode method, std::string_view src);

/// Whether a field of this type is one column for certain: a Go scalar, a qualified type
/// (time.Time, sql.NullString, uuid.UUID), or a named non-struct type of this file (`scalars`).
bool column_type(std::string_view type_text, const std::set<std::string>& scalars);

/// A lower-case SQL name that needs no quoting.
bool plain_name(std::string_view t);

/// "a, b desc": each item a plain name (followed by ASC/DESC when `order`); anything else (an
/// expression, "t.col", "*") leaves the whole list out. Names with the offset of each.
void list_columns(std::string_view text, uint32_t at, bool order, std::vector<std::pair<std::string, uint32_t>>* out);

/// "a = ? AND b IN ?": each conjunct "name <op> ..." with a plain name; others are left out.
void where_columns(std::string_view text, uint32_t at, std::vector<std::pair<std::string, uint32_t>>* out);

/// A string literal without escapes: its text and the offset of its first character.
bool literal(TSNode n, std::string_view src, std::string_view* text, uint32_t* at);

/// A field of a model and the column it maps to; `span` is where the model names it.
struct ModelColumn {
  std::string name, field;
  requirements::Span span;
  bool quoted = false;  ///< the name has upper case letters: the ORM quotes it
};

/// The call's arguments, comments left out.
std::vector<TSNode> arguments(TSNode call);

/// One method call of a chain, in the order written.
struct Link {
  std::string_view name;
  std::vector<TSNode> args;
  TSNode call{};
};
/// The links of the chain ending in `top`, and the expression they are called on.
std::vector<Link> chain(TSNode top, std::string_view src, TSNode* receiver = nullptr);

/// The columns a chain link names in its first argument, a literal: "c = ? AND d IS NULL" for a
/// link of `where`, "a, b desc" for one of `lists` (ASC/DESC allowed after Order and OrderBy).
/// False for other links and other arguments; *text is the literal.
bool link_columns(const Link& l, std::string_view src, const std::set<std::string_view>& where,
                  const std::set<std::string_view>& lists, std::string_view* text,
                  std::vector<std::pair<std::string, uint32_t>>* cols);

/// Every call expression of the tree that is the last call of its chain (`.Error` after it is
/// a field, not a call).
std::vector<TSNode> chain_tops(TSNode root);

/// The struct type a value stands for: &T{}, T{}, []T{}, []*T{}, (*T)(nil), new(T), or an
/// identifier the enclosing function declares as one of these (`var x []T`, `x := &T{}`, `x, err
/// := f()` of a function this file declares) or takes as a parameter of such a type. "" when
/// unknown; "pkg.T" for a qualified type.
std::string value_type(TSNode value, std::string_view src);

/// Top-level struct types (name -> type node and name offset) and named non-struct types.
struct Declarations {
  std::vector<std::pair<std::string, TSNode>> structs;  ///< in file order
  std::vector<uint32_t> struct_at;
  std::set<std::string> scalars;
  std::vector<TableNameMethod> table_names;
  /// import name (alias or last element) -> import path
  std::vector<std::pair<std::string, std::string>> imports;
};
Declarations declarations(TSNode root, std::string_view src);

/// The requirements of one model declaration or one chain, as one unit of the file: the unit is
/// opened by the first requirement (a chain that names nothing adds none) or by open().
/// Tables are "t" (in the file's default schema) or "schema.t".
class UnitWriter {
 public:
  UnitWriter(const FileInput& in, FileOutput* out, std::string fingerprint)
      : in_(in), out_(out), fingerprint_(std::move(fingerprint)) {}
  size_t open();
  void relation(const std::string& table, requirements::Span span, std::string describe);
  void column(const std::string& table, const std::string& column, requirements::Span span, requirements::Use use,
              std::string describe, bool quoted = false);
  /// "schema.t" -> schema, t; "t" -> the default schema, t.
  std::pair<std::string, std::string> split(const std::string& table) const;
  /// The unit written so far (SIZE_MAX before the first requirement).
  size_t unit() const { return unit_; }

 private:
  const FileInput& in_;
  FileOutput* out_;
  std::string fingerprint_;
  size_t unit_ = SIZE_MAX;
};

/// The folder of a root-relative path ("" at the root).
std::string folder(std::string_view path);

/// The function, method or function literal around `n`; a null node at the top level.
TSNode enclosing_function(TSNode n);

/// The facts key of model `type` ("T" or "pkg.T") seen from a file of `dir` with `imports`;
/// the value stored under `<layer>:model:<key>`, or null.
const std::vector<std::string>* model_fact(const ProjectFacts* facts, std::string_view layer, const std::string& dir,
                                           const std::vector<std::pair<std::string, std::string>>& imports,
                                           const std::string& type);

}  // namespace schemagate::datalayers::go
