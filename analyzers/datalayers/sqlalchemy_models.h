// The SQLAlchemy models a Python file names, as the model layer (sqlalchemy.cpp) maps them: the
// table of a class and the column behind each mapped attribute. Code outside the model files
// names them in statements (`sa.select(db.Flow).where(db.Flow.name == n)`), and what such a name
// needs of the database is what the model declares: this is how the statement layer
// (sqlalchemy_statements.cpp) learns it, with the same rules for table names, schemas, mixins
// and what is left unknown.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "analyzers/datalayers/datalayer.h"

namespace schemagate::datalayers::sqlalchemy {

/// A column a mapped attribute stands for.
struct MappedColumn {
  std::string schema, table, column;
};

/// A mapped class: its table, and its attributes that are columns (its own, those of mixins and
/// abstract bases, and those of a mapped parent, on the parent's table).
struct Model {
  std::string name;  ///< the class, as declared
  std::string schema, table;
  std::map<std::string, MappedColumn, std::less<>> attributes;
};

/// The models of the project as seen from one file (its own classes, its imports, the index).
class Models {
 public:
  explicit Models(const FileInput& in);
  ~Models();
  Models(const Models&) = delete;
  Models& operator=(const Models&) = delete;

  /// The one mapped model `written` stands for, or null when it is not one for certain: `Flow`
  /// (a class of this file or one it imports), `orm.Flow` (through an imported module), or
  /// `db.Flow` where `db` is no import (an object whose attributes are the models, prefect's
  /// PrefectDBInterface): then the one class of that name the project's model files declare.
  /// A model whose table or schema is decided at run time, or bound to another database, is none.
  const Model* find(std::string_view written);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace schemagate::datalayers::sqlalchemy
