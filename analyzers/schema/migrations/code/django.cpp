// Django migrations: every app's migrations/NNNN_name.py, read with tree-sitter-python and never
// run. Each operation becomes the statements Django's PostgreSQL schema editor runs for it (what
// `manage.py sqlmigrate` prints), and those feed the one DDL simulator with the operation's
// file offset as their origin. What shapes the schema is modelled exactly: table names
// (<app_label>_<model>, db_table), column names (db_column, ForeignKey <name>_id), NULL / NOT
// NULL (Django drops the defaults it uses to fill new columns), primary keys and unique
// columns, many-to-many through tables. Foreign key constraints, ordinary indexes and CHECKs
// are left out: they change no relation or column the code can name.
//
// A directory is one app; its label is the directory above migrations/ unless the app's
// apps.py sets `label`. Versions are "<app_label>.<migration name>", as django_migrations
// records them (app, name); `dependencies` and `run_before` order migrations across apps as
// Django's migration plan does (plan()). A squashed migration (`replaces`) is used instead of the files it
// replaces, as Django does when none or all of them are applied.
//
// State is per app: an operation only names models of its own app. The primary key type of a
// model in another app is not known here, so a foreign key to one is typed bigint (Django's
// DEFAULT_AUTO_FIELD since 3.2); only the type is a guess, never a name. Contrib apps the
// migrations depend on (auth, contenttypes, admin, sessions, sites) are installed packages:
// their tables, as Django's own migrations leave them, are created IF NOT EXISTS at the
// dependency. RunPython is a note, not SQL, unless its function only renames tables or runs
// literal SQL through schema_editor (alter_db_table, execute; a branch testing
// `connection.vendor` for another database is not read); so are operations this file does
// not know.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "analyzers/languages/language.h"
#include "analyzers/languages/tree_parser.h"
#include "analyzers/schema/migrations/code/django_names.h"
#include "analyzers/schema/migrations/code/generated_sql.h"
#include "analyzers/schema/migrations/code/python_value.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/naming.h"
#include "analyzers/source/discovery.h"

namespace schemagate::schema::migrations {

namespace code {

namespace {

using K = PyValue::Kind;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string q(std::string_view name) { return quote_ident(name); }

bool flag(const PyValue& call, std::string_view name) {
  const PyValue* v = call.kwarg(name);
  return v && v->truthy();
}

std::string str_kwarg(const PyValue& call, std::string_view name) {
  const PyValue* v = call.kwarg(name);
  return v && v->is_str() ? v->text : "";
}

std::string int_kwarg(const PyValue& call, std::string_view name, std::string fallback) {
  const PyValue* v = call.kwarg(name);
  return v && v->is(K::Number) ? v->text : fallback;
}

/// The column types of Django's PostgreSQL backend (django/db/backends/postgresql/base.py
/// data_types), by field class. "" for classes without a column.
std::string column_type(const PyValue& field, bool* known) {
  std::string_view cls = field.last_name();
  *known = true;
  auto chars = [&](const char* fallback) {
    std::string n = int_kwarg(field, "max_length", fallback);
    return n.empty() ? std::string("varchar") : "varchar(" + n + ")";
  };
  static const std::map<std::string_view, const char*> fixed = {
      {"AutoField", "integer"}, {"BigAutoField", "bigint"}, {"SmallAutoField", "smallint"},
      {"BooleanField", "boolean"}, {"NullBooleanField", "boolean"}, {"DateField", "date"},
      {"DateTimeField", "timestamp with time zone"}, {"TimeField", "time"}, {"DurationField", "interval"},
      {"FloatField", "double precision"}, {"IntegerField", "integer"}, {"BigIntegerField", "bigint"},
      {"SmallIntegerField", "smallint"}, {"PositiveIntegerField", "integer"}, {"PositiveBigIntegerField", "bigint"},
      {"PositiveSmallIntegerField", "smallint"}, {"TextField", "text"}, {"UUIDField", "uuid"},
      {"JSONField", "jsonb"}, {"BinaryField", "bytea"}, {"GenericIPAddressField", "inet"},
      {"IPAddressField", "inet"}, {"HStoreField", "hstore"}, {"CICharField", "citext"},
      {"CIEmailField", "citext"}, {"CITextField", "citext"}, {"DateRangeField", "daterange"},
      {"DateTimeRangeField", "tstzrange"}, {"IntegerRangeField", "int4range"},
      {"BigIntegerRangeField", "int8range"}, {"DecimalRangeField", "numrange"},
      {"SearchVectorField", "tsvector"},
  };
  if (auto it = fixed.find(cls); it != fixed.end()) return it->second;
  if (cls == "CharField" || cls == "CommaSeparatedIntegerField") return chars("");
  if (cls == "EmailField") return chars("254");
  if (cls == "URLField") return chars("200");
  if (cls == "SlugField") return chars("50");
  if (cls == "FileField" || cls == "ImageField" || cls == "FilePathField") return chars("100");
  if (cls == "DecimalField")
    return "numeric(" + int_kwarg(field, "max_digits", "") + ", " + int_kwarg(field, "decimal_places", "") + ")";
  if (cls == "ArrayField") {
    const PyValue* base = field.arg(0, "base_field");
    if (base && base->is(K::Call)) {
      std::string t = column_type(*base, known);
      std::string size = int_kwarg(field, "size", "");
      return t + "[" + size + "]";
    }
  }
  if (cls == "GeneratedField") {
    const PyValue* out = field.kwarg("output_field");
    if (out && out->is(K::Call)) return column_type(*out, known);
  }
  *known = false;
  return "text";
}

bool is_auto(std::string_view cls) { return cls == "AutoField" || cls == "BigAutoField" || cls == "SmallAutoField"; }
/// Django's relation classes and those of well-known packages deriving from them: django-mptt's
/// TreeForeignKey / TreeOneToOneField (column <name>_id), modelcluster's ParentalKey.
bool is_relation(std::string_view cls) {
  return cls == "ForeignKey" || cls == "OneToOneField" || cls == "ParentalKey" || cls == "TreeForeignKey" ||
         cls == "TreeOneToOneField";
}
/// Fields without a column of their own: many-to-many (a join table unless `through` names a
/// model), django-mptt's TreeManyToManyField, modelcluster's ParentalManyToManyField and
/// django-taggit's TaggableManager (always through a model: taggit.TaggedItem by default).
bool is_m2m(std::string_view cls) {
  return cls == "ManyToManyField" || cls == "ParentalManyToManyField" || cls == "TreeManyToManyField" ||
         cls == "TaggableManager";
}

struct Field {
  std::string name;
  std::string cls;
  std::string column;  ///< "" for many-to-many
  std::string type;
  bool null = false, primary_key = false, unique = false, auto_pk = false;
  std::string target;        ///< relations: "app.model" (lower case); "" when not static
  std::string m2m_table;     ///< explicit db_table of a many-to-many field
  bool m2m_through = false;  ///< an explicit through model: no table of its own
  bool explicit_column = false;  ///< db_column given: a RenameField keeps the column
  bool unknown_class = false;    ///< a field class schemagate does not know (a project's own)
  bool m2m() const { return is_m2m(cls); }
};

struct Model {
  std::string app, name;  ///< name in lower case
  std::string table;
  bool explicit_table = false;
  bool managed = true;
  /// Every field of the model is known (a CreateModel whose fields all read as literals): a field
  /// name it lacks is one Django itself refuses (FieldDoesNotExist), not a gap in what was read.
  bool fields_known = false;
  std::vector<Field> fields;
  std::set<std::vector<std::string>> unique_together;  ///< column lists
  Field* find(std::string_view field) {
    for (Field& f : fields)
      if (lower(f.name) == lower(field)) return &f;
    return nullptr;
  }
  const Field* pk() const {
    for (const Field& f : fields)
      if (f.primary_key) return &f;
    return nullptr;
  }
};

using Output = GeneratedSql;

// The tables of contrib apps as their own migrations leave them (Django 3.2 - 5.x). Contrib models
// use AutoField; the ids of their many-to-many tables follow the project's DEFAULT_AUTO_FIELD,
// BigAutoField in every project `startproject` made since Django 3.2.
const std::map<std::string_view, std::vector<const char*>>& contrib_tables() {
  static const std::map<std::string_view, std::vector<const char*>> t = {
      {"contenttypes",
       {R"(CREATE TABLE IF NOT EXISTS "django_content_type" ("id" integer NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "app_label" varchar(100) NOT NULL, "model" varchar(100) NOT NULL))"}},
      {"auth",
       {R"(CREATE TABLE IF NOT EXISTS "auth_permission" ("id" integer NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "name" varchar(255) NOT NULL, "content_type_id" integer NOT NULL, "codename" varchar(100) NOT NULL))",
        R"(CREATE TABLE IF NOT EXISTS "auth_group" ("id" integer NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "name" varchar(150) NOT NULL UNIQUE))",
        R"(CREATE TABLE IF NOT EXISTS "auth_group_permissions" ("id" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "group_id" integer NOT NULL, "permission_id" integer NOT NULL))",
        R"(CREATE TABLE IF NOT EXISTS "auth_user" ("id" integer NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "password" varchar(128) NOT NULL, "last_login" timestamp with time zone NULL, "is_superuser" boolean NOT NULL, "username" varchar(150) NOT NULL UNIQUE, "first_name" varchar(150) NOT NULL, "last_name" varchar(150) NOT NULL, "email" varchar(254) NOT NULL, "is_staff" boolean NOT NULL, "is_active" boolean NOT NULL, "date_joined" timestamp with time zone NOT NULL))",
        R"(CREATE TABLE IF NOT EXISTS "auth_user_groups" ("id" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "user_id" integer NOT NULL, "group_id" integer NOT NULL))",
        R"(CREATE TABLE IF NOT EXISTS "auth_user_user_permissions" ("id" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "user_id" integer NOT NULL, "permission_id" integer NOT NULL))"}},
      {"admin",
       {R"(CREATE TABLE IF NOT EXISTS "django_admin_log" ("id" integer NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "action_time" timestamp with time zone NOT NULL, "object_id" text NULL, "object_repr" varchar(200) NOT NULL, "action_flag" smallint NOT NULL, "change_message" text NOT NULL, "content_type_id" integer NULL, "user_id" integer NOT NULL))"}},
      {"sessions",
       {R"(CREATE TABLE IF NOT EXISTS "django_session" ("session_key" varchar(40) NOT NULL PRIMARY KEY, "session_data" text NOT NULL, "expire_date" timestamp with time zone NOT NULL))"}},
      {"sites",
       {R"(CREATE TABLE IF NOT EXISTS "django_site" ("id" integer NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "domain" varchar(100) NOT NULL UNIQUE, "name" varchar(50) NOT NULL))"}},
  };
  return t;
}

}  // namespace

std::vector<std::string> django_contrib_tables(std::string_view label) {
  std::vector<std::string> out;
  auto it = contrib_tables().find(label);
  if (it == contrib_tables().end()) return out;
  for (const char* sql : it->second) {
    std::string_view s = sql;
    size_t open = s.find('"'), close = open == std::string_view::npos ? open : s.find('"', open + 1);
    if (close != std::string_view::npos) out.emplace_back(s.substr(open + 1, close - open - 1));
  }
  return out;
}

/// Turns operations into SQL for one app, keeping the app's model state across its migrations.
class DjangoApp {
 public:
  /// `auth_user_model`: the project's AUTH_USER_MODEL, lower-cased ("person.user").
  DjangoApp(std::string app, std::string auth_user_model)
      : app_(std::move(app)), auth_user_model_(std::move(auth_user_model)) {}

  void operations(const PyValue& list, Output* out, bool emit = true) {
    for (const PyValue& op : list.items) operation(op, out, emit);
  }

  void operation(const PyValue& op, Output* out, bool emit) {
    out_ = out;
    emit_ = emit;
    at_ = op.begin;
    if (!op.is(K::Call)) {
      note("an operation that is not a literal call: not modelled");
      return;
    }
    std::string_view kind = op.last_name();
    std::string model_name = lower(str_of(op.arg(0, kind == "CreateModel" || kind == "DeleteModel" ||
                                                       kind == "AlterModelTable" || kind == "AlterUniqueTogether" ||
                                                       kind == "AlterOrderWithRespectTo" || kind == "AlterModelOptions" ||
                                                       kind == "AlterModelManagers" || kind == "AlterModelTableComment"
                                                   ? "name"
                                                   : "model_name")));
    if (kind == "CreateModel") create_model(op);
    else if (kind == "DeleteModel") delete_model(model_name);
    else if (kind == "AddField") add_field(model_name, op);
    else if (kind == "RemoveField") remove_field(model_name, str_of(op.arg(1, "name")));
    else if (kind == "AlterField") alter_field(model_name, op);
    else if (kind == "RenameField") rename_field(model_name, str_of(op.arg(1, "old_name")), str_of(op.arg(2, "new_name")));
    else if (kind == "RenameModel") rename_model(lower(str_of(op.arg(0, "old_name"))), lower(str_of(op.arg(1, "new_name"))));
    else if (kind == "AlterModelTable") alter_model_table(model_name, op.arg(1, "table"));
    else if (kind == "AddIndex" || kind == "AddIndexConcurrently") add_index(model_name, op.arg(1, "index"));
    else if (kind == "RemoveIndex" || kind == "RemoveIndexConcurrently") run("DROP INDEX IF EXISTS " + q(str_of(op.arg(1, "name"))));
    else if (kind == "RenameIndex") rename_index(op);
    else if (kind == "AddConstraint") add_constraint(model_name, op.arg(1, "constraint"));
    else if (kind == "RemoveConstraint") remove_constraint(model_name, str_of(op.arg(1, "name")));
    else if (kind == "AlterUniqueTogether") alter_unique_together(model_name, op.arg(1, "unique_together"));
    else if (kind == "AlterOrderWithRespectTo") alter_order(model_name, op.arg(1, "order_with_respect_to"));
    else if (kind == "AlterModelOptions") alter_model_options(model_name, op.arg(1, "options"));
    else if (kind == "AlterModelManagers" || kind == "AlterIndexTogether" ||
             kind == "AlterModelTableComment" || kind == "AlterConstraint")
      ;  // no change to relations or columns
    else if (kind == "RunSQL") run_sql(op);
    else if (kind == "RunPython") run_python(op);
    else if (kind == "SeparateDatabaseAndState") separate(op);
    else if (kind == "CreateExtension" || kind.ends_with("Extension")) extension(op);
    else note("operation " + std::string(kind) + " is not known to schemagate: not modelled");
  }

  /// The contrib app `dep` (a dependency of this app): its tables, if it is one.
  void contrib(const std::string& app, uint32_t at, Output* out) {
    if (app == "auth") contrib("contenttypes", at, out);  // auth's own migrations depend on it
    auto it = contrib_tables().find(app);
    if (it == contrib_tables().end()) return;
    for (const char* s : it->second) out->emit(s, at);
  }

  const std::string& app() const { return app_; }

  /// What RunPython's function does to the schema through `schema_editor` calls with literal
  /// arguments (alter_db_table, execute), as SQL; false when it does anything else with it.
  std::function<bool(const std::string& function, Output* out)> schema_editor_calls;
  /// The dotted name of the field class a project's own field class (`awx.main.fields.
  /// ImplicitRoleField`) derives from (`models.ForeignKey`), read from the project's module;
  /// "" when it cannot be read.
  std::function<std::string(const std::string& dotted)> field_base;

 private:
  static std::string str_of(const PyValue* v) { return v && v->is_str() ? v->text : ""; }

  void run(const std::string& stmt) {
    if (emit_) out_->emit(stmt, at_);
  }
  void note(const std::string& msg) {
    if (emit_) out_->notes.push_back({at_, msg});
  }

  Model* model(const std::string& name) {
    auto it = models_.find(name);
    return it == models_.end() ? nullptr : &it->second;
  }
  /// The table Django names a model without db_table: `<app_label>_<model>`, shortened with a
  /// hash past 63 characters (Options.contribute_to_class).
  std::string default_table(const std::string& model) const { return django_truncate_name(app_ + "_" + model); }
  /// A model that earlier migrations of this app did not create (a gap in the history, or a
  /// migration that was deleted): its table as Django names it, with no known fields.
  Model& model_or_default(const std::string& name) {
    if (Model* m = model(name)) return *m;
    Model& m = models_[name];
    m.app = app_, m.name = name, m.table = default_table(name);
    return m;
  }

  std::string target_of(const PyValue& field) const {
    const PyValue* to = field.arg(0, "to");
    if (to && to->is(K::Name) && (to->text == "settings.AUTH_USER_MODEL" || to->text == "AUTH_USER_MODEL"))
      return auth_user_model_;
    if (!to || !to->is_str()) return "";
    std::string t = lower(to->text);
    if (t.find('.') == std::string::npos) t = app_ + "." + t;
    return t;
  }

  /// The column type of a key pointing at `target`'s primary key.
  std::string key_type(const std::string& target) {
    size_t dot = target.find('.');
    if (dot != std::string::npos && target.substr(0, dot) == app_)
      if (Model* m = model(target.substr(dot + 1)))
        if (const Field* pk = m->pk()) return pk->type;
    return "bigint";
  }

  Field field(const std::string& name, const PyValue& f) {
    // A project's own class deriving from Django's: the column Django's base makes.
    if (f.text.find('.') != std::string::npos && !f.text.starts_with("models.") && field_base) {
      bool known = true;
      column_type(f, &known);
      std::string cls(f.last_name());
      if (!known && !is_m2m(cls) && !is_relation(cls)) {
        std::string base = field_base(f.text);
        PyValue as_base = f;
        as_base.text = base;
        bool base_known = true;
        column_type(as_base, &base_known);
        if (!base.empty() && base != f.text &&
            (base_known || is_m2m(as_base.last_name()) || is_relation(as_base.last_name())))
          return field(name, as_base);
      }
    }
    // A package's class schemagate does not know, deconstructed with `to=` by makemigrations: a
    // relation. With `on_delete=` it derives from ForeignKey (column <name>_id, as Django's
    // deconstruct writes on_delete for ForeignKey and OneToOneField only); without, it has no
    // column (a many-to-many or a manager such as TaggableManager).
    bool known_class = true;
    column_type(f, &known_class);
    if (!known_class && f.kwarg("to") && !is_m2m(f.last_name()) && !is_relation(f.last_name())) {
      PyValue as_base = f;
      as_base.text = f.kwarg("on_delete") ? "models.ForeignKey" : "models.ManyToManyField";
      note("field class " + std::string(f.last_name()) + " of " + name + " is not known to schemagate: read as " +
           std::string(as_base.last_name()) + " (it names a model with to=" +
           (f.kwarg("on_delete") ? ", and on_delete=" : ", without on_delete=") + ")");
      return field(name, as_base);
    }
    Field out;
    out.name = name;
    out.cls = std::string(f.last_name());
    out.null = flag(f, "null");
    out.primary_key = flag(f, "primary_key");
    out.unique = flag(f, "unique") || out.cls == "OneToOneField" || out.cls == "TreeOneToOneField";
    out.auto_pk = is_auto(out.cls);
    std::string db_column = str_kwarg(f, "db_column");
    out.explicit_column = !db_column.empty();
    if (is_m2m(out.cls)) {
      out.target = target_of(f);
      out.m2m_table = str_kwarg(f, "db_table");
      out.m2m_through = f.kwarg("through") != nullptr || out.cls == "TaggableManager";
      return out;
    }
    if (is_relation(out.cls)) {
      out.target = target_of(f);
      out.column = db_column.empty() ? name + "_id" : db_column;
      out.type = key_type(out.target);
      return out;
    }
    out.column = db_column.empty() ? name : db_column;
    bool known = true;
    out.type = column_type(f, &known);
    out.unknown_class = !known;
    if (!known) note("field class " + out.cls + " of " + name + " is not known to schemagate: column typed text");
    return out;
  }

  static std::string definition(const Field& f) {
    std::string d = q(f.column) + " " + f.type;
    d += f.null && !f.primary_key ? " NULL" : " NOT NULL";
    if (f.primary_key) d += " PRIMARY KEY";
    else if (f.unique) d += " UNIQUE";
    if (f.auto_pk) d += " GENERATED BY DEFAULT AS IDENTITY";
    return d;
  }

  std::string m2m_table(const Model& m, const Field& f) const {
    return f.m2m_table.empty() ? django_truncate_name(m.table + "_" + lower(f.name)) : f.m2m_table;
  }
  void create_m2m(const Model& m, const Field& f) {
    if (f.m2m_through) return;
    std::string to_model = f.target.substr(f.target.find('.') + 1);
    std::string from = m.name + "_id", to = to_model + "_id";
    if (f.target == m.app + "." + m.name) from = "from_" + from, to = "to_" + to;
    const Field* pk = m.pk();
    std::string from_type = pk ? pk->type : "bigint";
    std::string id_type = pk && pk->cls == "AutoField" ? "integer" : "bigint";
    run("CREATE TABLE " + q(m2m_table(m, f)) + " (\"id\" " + id_type +
        " NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, " + q(from) + " " + from_type + " NOT NULL, " + q(to) +
        " " + key_type(f.target) + " NOT NULL)");
  }

  void create_model(const PyValue& op) {
    std::string name = lower(str_of(op.arg(0, "name")));
    Model m;
    m.app = app_, m.name = name;
    const PyValue* options = op.arg(2, "options");
    std::string db_table = options ? str_kwarg(*options, "db_table") : "";
    m.explicit_table = !db_table.empty();
    m.table = m.explicit_table ? db_table : default_table(name);
    if (options) {
      if (const PyValue* managed = options->kwarg("managed"); managed && managed->is(K::Bool) && !managed->truthy())
        m.managed = false;
      if (options->kwarg("proxy") && options->kwarg("proxy")->truthy()) m.managed = false;
    }
    const PyValue* fields = op.arg(1, "fields");
    m.fields_known = fields && fields->is(K::List);
    if (fields)
      for (const PyValue& pair : fields->items) {
        if (pair.is(K::List) && pair.items.size() == 2 && pair.items[0].is_str() && pair.items[1].is(K::Call))
          m.fields.push_back(field(pair.items[0].text, pair.items[1])), unknown_class_sequence(m, m.fields.back());
        else
          m.fields_known = false;
      }
    if (!m.fields_known) {
      note("model " + name + ": fields not all literal, its table's columns are not modelled in full");
      if (emit_) out_->uncertain_names.push_back(m.table);
    }
    if (options)
      if (const PyValue* ut = options->kwarg("unique_together")) unique_together(m, *ut);
    models_[name] = m;
    if (!m.managed) return;
    std::string cols;
    for (const Field& f : m.fields)
      if (!f.m2m()) cols += (cols.empty() ? "" : ", ") + definition(f);
    run("CREATE TABLE " + q(m.table) + " (" + cols + ")");
    for (const auto& cols_list : m.unique_together) run(unique_sql(m, cols_list));
    for (const Field& f : m.fields)
      if (f.m2m()) create_m2m(m, f);
    // options={"indexes": [...], "constraints": [UniqueConstraint(...)]}: as AddIndex and
    // AddConstraint right after the table.
    if (options) {
      if (const PyValue* indexes = options->kwarg("indexes"); indexes && indexes->is(K::List))
        for (const PyValue& index : indexes->items) add_index(name, &index);
      if (const PyValue* constraints = options->kwarg("constraints"); constraints && constraints->is(K::List))
        for (const PyValue& c : constraints->items) add_constraint(name, &c);
    }
  }

  void delete_model(const std::string& name) {
    Model* m = model(name);
    if (!m) {
      run("DROP TABLE " + q(default_table(name)) + " CASCADE");
      return;
    }
    if (m->managed) {
      for (const Field& f : m->fields)
        if (f.m2m() && !f.m2m_through) run("DROP TABLE " + q(m2m_table(*m, f)) + " CASCADE");
      run("DROP TABLE " + q(m->table) + " CASCADE");
    }
    models_.erase(name);
  }

  /// A field of a class schemagate does not know may be a serial one (its db_type a project's
  /// choice): the sequence PostgreSQL would name for it, `<table>_<column>_seq`, is uncertain.
  void unknown_class_sequence(const Model& m, const Field& f) {
    if (f.unknown_class && emit_ && !f.column.empty()) out_->uncertain_names.push_back(m.table + "_" + f.column + "_seq");
  }

  void add_field(const std::string& model_name, const PyValue& op) {
    Model& m = model_or_default(model_name);
    const PyValue* f = op.arg(2, "field");
    std::string name = str_of(op.arg(1, "name"));
    if (!f || !f->is(K::Call) || name.empty()) return note("AddField without a literal field: not modelled");
    Field nf = field(name, *f);
    m.fields.push_back(nf);
    unknown_class_sequence(m, nf);
    if (!m.managed) return;
    if (nf.m2m()) return create_m2m(m, nf);
    run("ALTER TABLE " + q(m.table) + " ADD COLUMN " + definition(nf));
  }

  void remove_field(const std::string& model_name, const std::string& name) {
    Model& m = model_or_default(model_name);
    Field* f = m.find(name);
    Field removed = f ? *f : Field{name, "", name, "", false, false, false, false, "", "", false};
    if (f) m.fields.erase(m.fields.begin() + (f - m.fields.data()));
    if (!m.managed) return;
    if (removed.m2m()) {
      if (!removed.m2m_through) run("DROP TABLE " + q(m2m_table(m, removed)) + " CASCADE");
      return;
    }
    run("ALTER TABLE " + q(m.table) + " DROP COLUMN " + q(removed.column) + " CASCADE");
  }

  void alter_field(const std::string& model_name, const PyValue& op) {
    Model& m = model_or_default(model_name);
    const PyValue* fv = op.arg(2, "field");
    std::string name = str_of(op.arg(1, "name"));
    if (!fv || !fv->is(K::Call) || name.empty()) return note("AlterField without a literal field: not modelled");
    Field nf = field(name, *fv);
    unknown_class_sequence(m, nf);
    Field* old = m.find(name);
    if (!old) {
      m.fields.push_back(nf);
      return note("AlterField of field " + name + " that no earlier migration of " + app_ + " adds: not modelled");
    }
    Field before = *old;
    *old = nf;
    if (!m.managed) return;
    if (before.m2m() || nf.m2m()) {
      if (before.m2m() && nf.m2m() && m2m_table(m, before) != m2m_table(m, nf) && !nf.m2m_through)
        run("ALTER TABLE " + q(m2m_table(m, before)) + " RENAME TO " + q(m2m_table(m, nf)));
      return;
    }
    std::string t = "ALTER TABLE " + q(m.table);
    if (before.column != nf.column) run(t + " RENAME COLUMN " + q(before.column) + " TO " + q(nf.column));
    if (before.type != nf.type)
      run(t + " ALTER COLUMN " + q(nf.column) + " TYPE " + nf.type + " USING " + q(nf.column) + "::" + nf.type);
    if (before.null != nf.null && !nf.primary_key)
      run(t + " ALTER COLUMN " + q(nf.column) + (nf.null ? " DROP NOT NULL" : " SET NOT NULL"));
    if (!before.unique && nf.unique && !nf.primary_key)
      run(t + " ADD CONSTRAINT " + q(m.table + "_" + nf.column + "_uniq") + " UNIQUE (" + q(nf.column) + ")");
  }

  void rename_field(const std::string& model_name, const std::string& old_name, const std::string& new_name) {
    Model& m = model_or_default(model_name);
    Field* f = m.find(old_name);
    if (!f) {
      run("ALTER TABLE " + q(m.table) + " RENAME COLUMN " + q(old_name) + " TO " + q(new_name));
      return;
    }
    Field before = *f;
    f->name = new_name;
    if (before.m2m()) {
      if (m.managed && !f->m2m_through && f->m2m_table.empty())
        run("ALTER TABLE " + q(m2m_table(m, before)) + " RENAME TO " + q(m2m_table(m, *f)));
      return;
    }
    if (!before.explicit_column && before.column == (is_relation(before.cls) ? before.name + "_id" : before.name))
      f->column = is_relation(before.cls) ? new_name + "_id" : new_name;
    if (m.managed && f->column != before.column)
      run("ALTER TABLE " + q(m.table) + " RENAME COLUMN " + q(before.column) + " TO " + q(f->column));
  }

  /// Renames the table and the automatic many-to-many tables named after it.
  void retable(Model& m, const std::string& table) {
    if (m.table == table) return;
    Model before = m;
    m.table = table;
    if (!m.managed) return;
    run("ALTER TABLE " + q(before.table) + " RENAME TO " + q(table));
    for (const Field& f : m.fields)
      if (f.m2m() && !f.m2m_through && f.m2m_table.empty())
        run("ALTER TABLE " + q(m2m_table(before, f)) + " RENAME TO " + q(m2m_table(m, f)));
  }

  void rename_model(const std::string& old_name, const std::string& new_name) {
    Model m = model_or_default(old_name);
    models_.erase(old_name);
    m.name = new_name;
    std::string table = m.explicit_table ? m.table : default_table(new_name);
    Model& placed = models_[new_name] = m;
    retable(placed, table);
    // Keys and many-to-many columns named after the old model.
    for (auto& [name, other] : models_)
      for (Field& f : other.fields) {
        if (f.target != app_ + "." + old_name) continue;
        f.target = app_ + "." + new_name;
        if (f.m2m() && !f.m2m_through && other.managed) {
          bool self = name == new_name;
          std::string from = self ? "to_" + old_name + "_id" : old_name + "_id";
          std::string to = self ? "to_" + new_name + "_id" : new_name + "_id";
          run("ALTER TABLE " + q(m2m_table(other, f)) + " RENAME COLUMN " + q(from) + " TO " + q(to));
        }
      }
    for (Field& f : placed.fields)
      if (f.m2m() && !f.m2m_through && placed.managed && f.target != app_ + "." + new_name)
        run("ALTER TABLE " + q(m2m_table(placed, f)) + " RENAME COLUMN " + q(old_name + "_id") + " TO " +
            q(new_name + "_id"));
  }

  /// AlterModelOptions changes no relation, but `managed` is one of the options it replaces
  /// whole: options without it make the model managed again (a model first declared over an
  /// existing table with managed=False, then taken over), so later operations run their SQL.
  void alter_model_options(const std::string& name, const PyValue* options) {
    if (!options || !options->is(K::Dict)) return;
    Model& m = model_or_default(name);
    const PyValue* managed = options->kwarg("managed");
    if (managed && !managed->is(K::Bool)) return note("AlterModelOptions: managed is not a literal: not modelled");
    m.managed = !managed || managed->truthy();
  }

  void alter_model_table(const std::string& name, const PyValue* table) {
    Model& m = model_or_default(name);
    bool set = table && table->is_str();
    m.explicit_table = set;
    retable(m, set ? table->text : default_table(name));
  }

  std::vector<std::string> columns_of(Model& m, const PyValue* fields) {
    std::vector<std::string> cols;
    if (!fields) return cols;
    for (const PyValue& v : fields->items) {
      if (!v.is_str()) return {};
      std::string name = v.text;
      std::string order;
      if (!name.empty() && name[0] == '-') name = name.substr(1), order = " DESC";
      const Field* f = m.find(name);
      if (!f && !m.fields_known) return {};  // a field of a model whose fields were not all read
      cols.push_back(q(f && !f->column.empty() ? f->column : name) + order);
    }
    return cols;
  }
  static std::string joined(const std::vector<std::string>& cols) {
    std::string s;
    for (const std::string& c : cols) s += (s.empty() ? "" : ", ") + c;
    return s;
  }

  void add_index(const std::string& model_name, const PyValue* index) {
    Model& m = model_or_default(model_name);
    if (!index || !index->is(K::Call)) return note("AddIndex without a literal index: not modelled");
    std::vector<std::string> cols = columns_of(m, index->kwarg("fields"));
    std::string name = str_kwarg(*index, "name");
    if (cols.empty() || name.empty() || index->kwarg("condition") || !index->items.empty())
      return note("index " + name + " on expressions or with a condition: not modelled");
    std::string_view cls = index->last_name();
    std::string method = cls == "GinIndex" ? " USING gin" : cls == "GistIndex" ? " USING gist" : cls == "BrinIndex" ? " USING brin"
                         : cls == "HashIndex" ? " USING hash" : cls == "BTreeIndex" ? " USING btree" : "";
    run("CREATE INDEX " + q(name) + " ON " + q(m.table) + method + " (" + joined(cols) + ")");
  }

  void rename_index(const PyValue& op) {
    std::string from = str_of(op.arg(2, "old_name")), to = str_of(op.arg(1, "new_name"));
    if (!from.empty() && !to.empty()) run("ALTER INDEX " + q(from) + " RENAME TO " + q(to));
    else note("RenameIndex of unnamed index: not modelled");
  }

  void add_constraint(const std::string& model_name, const PyValue* c) {
    Model& m = model_or_default(model_name);
    if (!c || !c->is(K::Call)) return note("AddConstraint without a literal constraint: not modelled");
    if (c->last_name() != "UniqueConstraint") return;  // CHECK and exclusion constraints change no column
    std::vector<std::string> cols = columns_of(m, c->kwarg("fields"));
    std::string name = str_kwarg(*c, "name");
    if (cols.empty() || name.empty() || c->kwarg("condition") || !c->items.empty())
      return note("unique constraint " + name + " on expressions or with a condition: not modelled");
    run("ALTER TABLE " + q(m.table) + " ADD CONSTRAINT " + q(name) + " UNIQUE (" + joined(cols) + ")");
  }

  void remove_constraint(const std::string& model_name, const std::string& name) {
    Model& m = model_or_default(model_name);
    if (!name.empty()) run("ALTER TABLE " + q(m.table) + " DROP CONSTRAINT IF EXISTS " + q(name));
  }

  void unique_together(Model& m, const PyValue& v) {
    m.unique_together.clear();
    std::vector<const PyValue*> sets;
    if (!v.items.empty() && v.items[0].is_str()) sets.push_back(&v);  // ("a", "b") alone
    else
      for (const PyValue& s : v.items) sets.push_back(&s);
    for (const PyValue* s : sets) {
      std::vector<std::string> cols = columns_of(m, s);
      if (!cols.empty()) m.unique_together.insert(cols);
    }
  }
  static std::string unique_name(const Model& m, const std::vector<std::string>& cols) {
    std::string n = m.table;
    for (const std::string& c : cols) n += "_" + c.substr(1, c.size() - 2);
    return n + "_uniq";
  }
  std::string unique_sql(const Model& m, const std::vector<std::string>& cols) const {
    return "ALTER TABLE " + q(m.table) + " ADD CONSTRAINT " + q(unique_name(m, cols)) + " UNIQUE (" + joined(cols) + ")";
  }
  void alter_unique_together(const std::string& model_name, const PyValue* v) {
    Model& m = model_or_default(model_name);
    auto before = m.unique_together;
    if (v) unique_together(m, *v);
    else m.unique_together.clear();
    if (!m.managed) return;
    for (const auto& cols : before)
      if (!m.unique_together.count(cols))
        run("ALTER TABLE " + q(m.table) + " DROP CONSTRAINT IF EXISTS " + q(unique_name(m, cols)));
    for (const auto& cols : m.unique_together)
      if (!before.count(cols)) run(unique_sql(m, cols));
  }

  void alter_order(const std::string& model_name, const PyValue* to) {
    Model& m = model_or_default(model_name);
    bool on = to && to->is_str();
    bool had = m.find("_order") != nullptr;
    if (on && !had) {
      Field f;
      f.name = f.column = "_order", f.cls = "IntegerField", f.type = "integer";
      m.fields.push_back(f);
      if (m.managed) run("ALTER TABLE " + q(m.table) + " ADD COLUMN \"_order\" integer NOT NULL");
    } else if (!on && had) {
      remove_field(model_name, "_order");
    }
  }

  void run_python(const PyValue& op) {
    const PyValue* code = op.arg(0, "code");
    if (emit_ && code && code->is(K::Name) && schema_editor_calls && schema_editor_calls(code->text, out_)) return;
    note("RunPython: Python code, not modelled (an unknown step)");
  }

  void run_sql(const PyValue& op) {
    const PyValue* sql = op.arg(0, "sql");
    if (emit_ && sql) {
      std::vector<const PyValue*> parts;
      if (sql->is_str()) parts.push_back(sql);
      else if (sql->is(K::List))
        for (const PyValue& item : sql->items) {
          if (item.is_str()) parts.push_back(&item);
          else if (item.is(K::List) && !item.items.empty() && item.items[0].is_str()) parts.push_back(&item.items[0]);
          else parts.push_back(nullptr);
        }
      else if (!(sql->is(K::Name) && sql->last_name() == "noop")) parts.push_back(nullptr);
      for (const PyValue* p : parts) {
        if (p) out_->emit_string(*p);
        else note("RunSQL with SQL computed at run time: not modelled");
      }
    }
    if (const PyValue* state = op.kwarg("state_operations"); state && state->is(K::List)) operations(*state, out_, false);
  }

  void separate(const PyValue& op) {
    bool emit = emit_;
    Output* out = out_;
    if (const PyValue* db = op.arg(0, "database_operations"); db && db->is(K::List) && emit) {
      // The database operations run against a copy of the state, as Django does.
      auto saved = models_;
      operations(*db, out, true);
      models_ = std::move(saved);
    }
    if (const PyValue* state = op.arg(1, "state_operations"); state && state->is(K::List)) operations(*state, out, false);
    emit_ = emit, out_ = out;
  }

  void extension(const PyValue& op) {
    static const std::map<std::string_view, const char*> named = {
        {"BloomExtension", "bloom"},     {"BtreeGinExtension", "btree_gin"}, {"BtreeGistExtension", "btree_gist"},
        {"CITextExtension", "citext"},   {"CryptoExtension", "pgcrypto"},    {"HStoreExtension", "hstore"},
        {"TrigramExtension", "pg_trgm"}, {"UnaccentExtension", "unaccent"},
    };
    std::string name = str_of(op.arg(0, "name"));
    if (auto it = named.find(op.last_name()); it != named.end()) name = it->second;
    if (name.empty()) return note("operation " + std::string(op.last_name()) + " is not known to schemagate: not modelled");
    run("CREATE EXTENSION IF NOT EXISTS " + q(name));
  }

  std::string app_;
  std::string auth_user_model_;
  std::map<std::string, Model> models_;
  Output* out_ = nullptr;
  bool emit_ = true;
  uint32_t at_ = 0;
};

namespace {

/// "NNNN_name.py": a Django migration module name.
bool is_migration_name(std::string_view file) {
  if (!file.ends_with(".py")) return false;
  size_t digits = leading_digits(file).size();
  return digits > 0 && digits < file.size() && file[digits] == '_';
}

/// Whether the module defines the `Migration` class Django's loader takes: a subclass of
/// migrations.Migration, directly or through a project's own base named like it (AWX's
/// `class Migration(ActivityStreamDisabledMigration)`, defined in the migrations package).
bool declares_migration(std::string_view text) {
  constexpr std::string_view kClass = "class Migration(";
  for (size_t at = text.find(kClass); at != std::string_view::npos; at = text.find(kClass, at + 1)) {
    if (at > 0 && text[at - 1] != '\n') continue;
    size_t base = at + kClass.size();
    size_t close = text.find(')', base);
    if (close == std::string_view::npos) return false;
    std::string_view name = text.substr(base, close - base);
    bool dotted_name = !name.empty() && name.find_first_not_of(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.") == std::string_view::npos;
    if (dotted_name && name.ends_with("Migration")) return true;
  }
  return false;
}

/// Every module Django's loader imports from a migrations package: any .py file not starting
/// with "_" or "~" (names need no number: saleor has "fix_empty_data_in_lines.py").
std::vector<std::string> migration_names(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs.list(on_disk(root, dir)))
    if (!e.is_dir && e.name.ends_with(".py") && !e.name.starts_with("_") && !e.name.starts_with("~"))
      names.push_back(e.name);
  std::sort(names.begin(), names.end());
  return names;
}

/// A folder Django may take an app's migrations from: `migrations`, or one named like it that a
/// MIGRATION_MODULES setting maps an app to (`{"dojo": "dojo.db_migrations"}`).
bool migrations_folder_name(std::string_view name) { return name.ends_with("migrations"); }

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  if (!migrations_folder_name(last_component(on_disk(root, dir)))) return false;
  for (const std::string& name : migration_names(fs, root, dir)) {
    if (!is_migration_name(name)) continue;
    std::string text, err;
    if (fs.read(source::join_path(on_disk(root, dir), name), &text, &err) && declares_migration(text)) return true;
  }
  return false;
}

/// The app label: `label = "..."` in the app's apps.py when it sets one, else the directory.
std::string app_label(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  size_t slash = dir.rfind('/');
  std::string app_dir = slash == std::string::npos ? "" : dir.substr(0, slash);
  std::string label(last_component(app_dir.empty() ? on_disk(root, "") : app_dir));
  std::string text, err;
  if (fs.read(source::join_path(on_disk(root, app_dir), "apps.py"), &text, &err)) {
    languages::Parser parser(*languages::language_for_path("apps.py"));
    languages::Tree tree = parser.parse(text);
    if (tree) {
      TSNode rootn = ts_tree_root_node(tree.get());
      PyReader reader(text, rootn);
      for (TSNode cls : class_definitions(rootn)) {
        TSNode body = ts_node_child_by_field_name(cls, "body", 4);
        for (auto& [name, value] : reader.assignments(body))
          if (name == "label") {
            PyValue v = reader.eval(value);
            if (v.is_str() && !v.text.empty()) label = v.text;
          }
      }
    }
  }
  return label;
}

/// The project's AUTH_USER_MODEL ("person.user"), which `to=settings.AUTH_USER_MODEL` names:
/// the value of a module-level `AUTH_USER_MODEL = "app.Model"` in a settings module (a .py file
/// whose path names settings), preferring one outside tests when they disagree; Django's default
/// "auth.user" when no settings module sets it.
std::string auth_user_model(const source::FileSystem& fs, const std::string& root) {
  std::string found, in_test;
  for (const std::string& path : source::discover_files(fs, root, {})) {
    if (!path.ends_with(".py") || path.find("settings") == std::string::npos) continue;
    std::string text, err;
    if (!fs.read(source::join_path(root, path), &text, &err)) continue;
    for (size_t at = text.find("AUTH_USER_MODEL"); at != std::string::npos; at = text.find("AUTH_USER_MODEL", at + 1)) {
      if (at != 0 && text[at - 1] != '\n') continue;
      size_t k = at + 15;
      while (k < text.size() && text[k] == ' ') ++k;
      if (k >= text.size() || text[k] != '=') continue;
      ++k;
      while (k < text.size() && text[k] == ' ') ++k;
      if (k >= text.size() || (text[k] != '"' && text[k] != '\'')) continue;
      size_t close = text.find(text[k], k + 1);
      if (close == std::string::npos || text.find('\n', k) < close) continue;
      std::string value = lower(std::string_view(text).substr(k + 1, close - k - 1));
      if (value.find('.') == std::string::npos) continue;
      (path.find("test") == std::string::npos ? found : in_test) = value;
    }
  }
  return !found.empty() ? found : !in_test.empty() ? in_test : "auth.user";
}

/// Whether a settings module (a .py file whose path names settings) maps an app to the folder
/// `dir` in MIGRATION_MODULES: the dotted module, or a dotted tail of it of two parts or more
/// (src/dojo/db_migrations is "dojo.db_migrations"), quoted in a file that sets the name.
bool mapped_by_migration_modules(const source::FileSystem& fs, const std::string& root, const std::string& dir,
                                 const std::vector<std::string>& settings) {
  std::string dotted = dir;
  std::replace(dotted.begin(), dotted.end(), '/', '.');
  std::vector<std::string> names;  // the dotted module and its tails of two parts or more
  for (std::string d = dotted; d.find('.') != std::string::npos; d = d.substr(d.find('.') + 1))
    for (char q : {'"', '\''}) names.push_back(q + d + q);
  for (const std::string& path : settings) {
    std::string text, err;
    if (!fs.read(source::join_path(root, path), &text, &err) || text.find("MIGRATION_MODULES") == std::string::npos)
      continue;
    for (const std::string& n : names)
      if (text.find(n) != std::string::npos) return true;
  }
  return false;
}

std::vector<std::string> discover(const source::FileSystem& fs, const std::string& root) {
  std::set<std::string> dirs, others;
  std::vector<std::string> settings;
  for (const std::string& path : source::discover_files(fs, root, {})) {
    size_t slash = path.rfind('/');
    if (path.ends_with(".py") && path.find("settings") != std::string::npos) settings.push_back(path);
    if (slash == std::string::npos) continue;
    std::string dir = path.substr(0, slash);
    std::string_view name = last_component(dir);
    if (!migrations_folder_name(name) || dirs.count(dir) || others.count(dir) || !is_migration_name(path.substr(slash + 1)))
      continue;
    std::string text, err;
    if (fs.read(source::join_path(root, path), &text, &err) && declares_migration(text))
      (name == "migrations" ? dirs : others).insert(dir);
  }
  // Another folder name only where the settings map an app to it (MIGRATION_MODULES).
  for (const std::string& dir : others)
    if (mapped_by_migration_modules(fs, root, dir, settings)) dirs.insert(dir);
  return {dirs.begin(), dirs.end()};
}

/// The calls under `node`, in source order (a call before its arguments), leaving out what runs
/// only on another database: the branch of an `if` testing for another vendor, and what follows
/// a PostgreSQL branch (`elif`, `else`).
void calls_run_on_postgresql(const PyReader& reader, TSNode node, std::vector<TSNode>* calls) {
  if (ts_node_is_null(node)) return;
  if (!std::strcmp(ts_node_type(node), "if_statement")) {
    std::vector<TSNode> clauses{node};
    for (uint32_t i = 0, n = ts_node_named_child_count(node); i < n; ++i) {
      TSNode c = ts_node_named_child(node, i);
      if (!std::strcmp(ts_node_type(c), "elif_clause") || !std::strcmp(ts_node_type(c), "else_clause")) clauses.push_back(c);
    }
    for (TSNode c : clauses) {
      if (!std::strcmp(ts_node_type(c), "else_clause")) {
        calls_run_on_postgresql(reader, ts_node_child_by_field_name(c, "body", 4), calls);
        break;
      }
      TSNode cond = ts_node_child_by_field_name(c, "condition", 9);
      calls_run_on_postgresql(reader, cond, calls);
      std::string vendor = engine_tested(reader.text(cond));
      if (vendor != "other") calls_run_on_postgresql(reader, ts_node_child_by_field_name(c, "consequence", 11), calls);
      if (vendor == "postgresql") break;
    }
    return;
  }
  if (!std::strcmp(ts_node_type(node), "call")) calls->push_back(node);
  for (uint32_t c = 0, n = ts_node_named_child_count(node); c < n; ++c)
    calls_run_on_postgresql(reader, ts_node_named_child(node, c), calls);
}

/// For each module-level function, the SQL of its `schema_editor.alter_db_table(model, "old",
/// "new")` and `schema_editor.execute("SQL")` calls, in order, or nullopt when it uses the schema
/// editor otherwise (create_model, add_field, SQL built at run time): not certain.
std::map<std::string, std::optional<GeneratedSql>> schema_editor_sql(const PyReader& reader, TSNode root) {
  std::map<std::string, std::optional<GeneratedSql>> out;
  uint32_t n = ts_node_named_child_count(root);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode fn = ts_node_named_child(root, i);
    if (std::strcmp(ts_node_type(fn), "function_definition")) continue;
    std::string name(reader.text(ts_node_child_by_field_name(fn, "name", 4)));
    GeneratedSql sql;
    bool certain = true;
    std::vector<TSNode> calls;
    calls_run_on_postgresql(reader, ts_node_child_by_field_name(fn, "body", 4), &calls);
    bool uses_editor = false;
    for (TSNode call : calls) {
      PyValue v = reader.eval(call);
      if (!v.is(K::Call) || !v.text.starts_with("schema_editor.")) continue;
      uses_editor = true;
      std::string_view what = v.last_name();
      if (what == "alter_db_table" && v.items.size() == 3 && v.items[1].is_str() && v.items[2].is_str())
        sql.emit("ALTER TABLE " + quote_ident(v.items[1].text) + " RENAME TO " + quote_ident(v.items[2].text), v.begin);
      else if (what == "execute" && !v.items.empty() && v.items[0].is_str() && v.items.size() == 1)
        sql.emit_string(v.items[0]);
      else
        certain = false;
    }
    if (!uses_editor) continue;
    out[name] = certain ? std::optional<GeneratedSql>(std::move(sql)) : std::nullopt;
  }
  return out;
}

/// The class `cls` of the Python source `text` derives from (its first base), following bases
/// defined in the same text; "" when `cls` is not defined there.
std::string first_base_in(std::string_view text, std::string_view cls, int depth = 0) {
  std::string head = "class " + std::string(cls) + "(";
  for (size_t at = text.find(head); at != std::string_view::npos; at = text.find(head, at + 1)) {
    if (at > 0 && text[at - 1] != '\n') continue;
    size_t begin = at + head.size();
    size_t end = text.find_first_of(",)", begin);
    if (end == std::string_view::npos) return "";
    // A class that chooses its own column type (db_type, db_parameters) is not its base's.
    size_t body_end = begin;
    for (size_t nl = text.find('\n', begin); nl != std::string_view::npos; nl = text.find('\n', nl + 1)) {
      body_end = nl;
      if (nl + 1 < text.size() && text[nl + 1] != ' ' && text[nl + 1] != '\t' && text[nl + 1] != '\n' &&
          text[nl + 1] != '\r' && text[nl + 1] != '#' && text[nl + 1] != ')')
        break;
      body_end = text.size();
    }
    std::string_view body = text.substr(begin, body_end - begin);
    if (body.find("def db_type(") != std::string_view::npos || body.find("def db_parameters(") != std::string_view::npos)
      return "";
    std::string_view base = text.substr(begin, end - begin);
    while (!base.empty() && std::isspace(static_cast<unsigned char>(base.front()))) base.remove_prefix(1);
    while (!base.empty() && std::isspace(static_cast<unsigned char>(base.back()))) base.remove_suffix(1);
    if (base.empty() || base.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.") !=
                            std::string_view::npos)
      return "";
    if (base.find('.') == std::string_view::npos && depth < 8) {
      std::string further = first_base_in(text, base, depth + 1);
      if (!further.empty()) return further;
    }
    return base.find('.') == std::string_view::npos ? "models." + std::string(base) : std::string(base);
  }
  return "";
}

/// Resolves a field class named by its module path (`awx.main.fields.ImplicitRoleField`) to the
/// class it derives from in that module, looking for the module from the tree's root and from each
/// folder above the migrations (a `src/` layout).
std::string project_field_base(const source::FileSystem& fs, const std::string& root, const std::string& dir,
                               const std::string& dotted) {
  size_t dot = dotted.rfind('.');
  std::string module = dotted.substr(0, dot), cls = dotted.substr(dot + 1);
  std::string module_path = module;
  std::replace(module_path.begin(), module_path.end(), '.', '/');
  std::vector<std::string> prefixes{""};
  for (size_t slash = dir.find('/'); slash != std::string::npos; slash = dir.find('/', slash + 1))
    prefixes.push_back(dir.substr(0, slash + 1));
  for (const std::string& prefix : prefixes)
    for (const std::string& file : {module_path + ".py", module_path + "/__init__.py"}) {
      std::string text, err;
      if (!fs.read(on_disk(root, prefix + file), &text, &err)) continue;
      return first_base_in(text, cls);
    }
  return "";
}

/// The names operations computed at run time may touch, where the helper computing them is
/// handed a module-level value of a sibling module (AWX's `_squashed.operations(SQUASHED_30)`,
/// `from ._squashed_30 import SQUASHED_30`: a dict of operation lists, of which the helper picks
/// those the database lacks): every model's table and every field's column those operations
/// name. A reference to one is unchecked, never missing, since which of them run is decided then.
std::vector<std::string> names_in_computed_operations(const source::FileSystem& fs, const std::string& root,
                                                      const std::string& dir, languages::Parser& parser,
                                                      std::string_view text, const PyValue& computed,
                                                      const std::string& app) {
  std::vector<std::string> out;
  if (!computed.is(PyValue::Kind::Call)) return out;
  for (const PyValue& arg : computed.items) {
    if (!arg.is(PyValue::Kind::Name) || arg.text.find('.') != std::string::npos) continue;
    // from .module import NAME
    std::string module;
    for (size_t at = text.find("from ."); at != std::string_view::npos && module.empty(); at = text.find("from .", at + 1)) {
      size_t line_end = text.find('\n', at);
      std::string_view line = text.substr(at, line_end == std::string_view::npos ? std::string_view::npos : line_end - at);
      size_t imp = line.find(" import ");
      if (imp == std::string_view::npos) continue;
      std::string_view names = line.substr(imp + 8);
      bool named = false;
      for (size_t n = names.find(arg.text); n != std::string_view::npos; n = names.find(arg.text, n + 1)) {
        size_t e = n + arg.text.size();
        bool starts = n == 0 || names[n - 1] == ' ' || names[n - 1] == ',' || names[n - 1] == '(';
        bool ends = e == names.size() || names[e] == ',' || names[e] == ' ' || names[e] == '\r' || names[e] == ')';
        named = named || (starts && ends);
      }
      if (named) module = std::string(line.substr(6, imp - 6));
    }
    if (module.empty() || module.find_first_of("./ ") != std::string::npos) continue;
    std::string source, err;
    if (!fs.read(source::join_path(on_disk(root, dir), module + ".py"), &source, &err)) continue;
    languages::Tree tree = parser.parse(source);
    if (!tree) continue;
    TSNode rootn = ts_tree_root_node(tree.get());
    PyReader reader(source, rootn);
    for (auto& [name, node] : reader.assignments(rootn)) {
      if (name != arg.text) continue;
      std::vector<const PyValue*> todo{};
      PyValue value = reader.eval(node);
      todo.push_back(&value);
      while (!todo.empty()) {
        const PyValue* v = todo.back();
        todo.pop_back();
        for (const PyValue& item : v->items) todo.push_back(&item);
        for (const PyKeyword& kw : v->kwargs) todo.push_back(&kw.second);
        if (!v->is(PyValue::Kind::Call) || !v->text.starts_with("migrations.")) continue;
        std::string_view kind = v->last_name();
        for (const char* key : {"name", "old_name", "new_name"})
          if (const PyValue* n = v->kwarg(key); n && n->is_str()) {
            std::string low = lower(n->text);
            if (kind.ends_with("Model")) {
              out.push_back(app + "_" + low);  // a model's table
            } else {
              out.push_back(low);  // a field's column, plain or a relation's
              out.push_back(low + "_id");
            }
          }
      }
    }
  }
  return out;
}

/// A Migration's `operations`: a literal list, or a sum of them (`operations = [...] +
/// helper(...)`, AWX's squashed migrations), whose literal lists are read in order and whose
/// other operands are left out with their offsets in *computed.
PyValue operations_value(const PyReader& reader, TSNode node, std::vector<PyValue>* computed) {
  if (std::strcmp(ts_node_type(node), "binary_operator") ||
      reader.text(ts_node_child_by_field_name(node, "operator", 8)) != "+")
    return reader.eval(node);
  PyValue sum;
  sum.kind = PyValue::Kind::List;
  sum.begin = ts_node_start_byte(node);
  sum.end = ts_node_end_byte(node);
  for (const char* side : {"left", "right"}) {
    TSNode operand = ts_node_child_by_field_name(node, side, static_cast<uint32_t>(std::strlen(side)));
    PyValue v = operations_value(reader, operand, computed);
    if (v.is(PyValue::Kind::List)) sum.items.insert(sum.items.end(), v.items.begin(), v.items.end());
    else computed->push_back(v);
  }
  return sum;
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  std::string app = app_label(fs, root, dir);
  languages::Parser parser(*languages::language_for_path("x.py"));
  if (!parser.ok()) {
    *err = parser.error();
    return false;
  }
  struct Parsed {
    MigrationFile file;
    PyValue operations;
    std::map<std::string, std::optional<GeneratedSql>> schema_editor;  // RunPython functions
    std::vector<std::pair<std::string, uint32_t>> contrib;  // contrib apps depended on, at the dependency
    std::vector<PyValue> computed_operations;  // operands of `operations = a + [...]` computed at run time
  };
  std::vector<Parsed> parsed;
  for (const std::string& name : migration_names(fs, root, dir)) {
    Parsed p;
    p.file.path = source::join_path(dir, name);
    p.file.name = name.substr(0, name.size() - 3);  // Django's migration name: the module name
    p.file.version = app + "." + p.file.name;
    p.file.format = "django";
    if (!read_migration_text(fs, root, p.file.path, &p.file.text, err)) return false;
    if (!declares_migration(p.file.text)) continue;  // a helper module named like a migration
    languages::Tree tree = parser.parse(p.file.text);
    if (!tree) {
      *err = p.file.path + ": does not parse as Python";
      return false;
    }
    TSNode rootn = ts_tree_root_node(tree.get());
    PyReader reader(p.file.text, rootn);  // not const: the Migration class adds its names
    p.schema_editor = schema_editor_sql(reader, rootn);
    for (TSNode cls : class_definitions(rootn)) {
      if (reader.text(ts_node_child_by_field_name(cls, "name", 4)) != "Migration") continue;
      reader.add_names(ts_node_child_by_field_name(cls, "body", 4));
      for (auto& [attr, node] : reader.assignments(ts_node_child_by_field_name(cls, "body", 4))) {
        PyValue v = reader.eval(node);
        if (attr == "operations") p.operations = operations_value(reader, node, &p.computed_operations);
        auto pairs = [&](auto&& each) {
          for (const PyValue& d : v.items)
            if (d.is(K::List) && d.items.size() == 2 && d.items[0].is_str() && d.items[1].is_str())
              each(d.items[0].text, d.items[1].text, d.begin);
        };
        if (attr == "dependencies")
          pairs([&](const std::string& a, const std::string& n, uint32_t at) {
            p.file.depends_on.push_back(a + "." + n);
            if (a != app) p.contrib.push_back({a, at});
          });
        if (attr == "dependencies")  // swappable_dependency(settings.AUTH_USER_MODEL): auth is installed
          for (const PyValue& d : v.items)
            if (d.is(K::Call) && d.last_name() == "swappable_dependency") p.contrib.push_back({"auth", d.begin});
        if (attr == "run_before")  // the named migrations depend on this one
          pairs([&](const std::string& a, const std::string& n, uint32_t) { p.file.run_before.push_back(a + "." + n); });
        if (attr == "replaces")
          pairs([&](const std::string& a, const std::string& n, uint32_t) { p.file.replaces.push_back(a + "." + n); });
      }
    }
    parsed.push_back(std::move(p));
  }
  // A squashed migration stands in for the files it replaces.
  std::set<std::string> replaced;
  for (const Parsed& p : parsed)
    for (const std::string& r : p.file.replaces) replaced.insert(r);
  std::erase_if(parsed, [&](const Parsed& p) { return replaced.count(p.file.version) != 0; });
  // Within the app, dependency order (files are already in name order).
  std::vector<MigrationFile> order;
  for (const Parsed& p : parsed) order.push_back(p.file);
  order_by_dependencies(&order);
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < parsed.size(); ++i) index[parsed[i].file.version] = i;

  DjangoApp state(app, auth_user_model(fs, root));
  std::map<std::string, std::string> field_bases;
  state.field_base = [&](const std::string& dotted) {
    auto [it, fresh] = field_bases.try_emplace(dotted);
    if (fresh) it->second = project_field_base(fs, root, dir, dotted);
    return it->second;
  };
  std::set<std::string> contrib_done;
  for (const MigrationFile& m : order) {
    Parsed& p = parsed[index[m.version]];
    Output o;
    for (auto& [dep, at] : p.contrib)
      if (contrib_done.insert(dep).second) state.contrib(dep, at, &o);
    state.schema_editor_calls = [&](const std::string& fn, Output* out) {
      auto it = p.schema_editor.find(fn);
      if (it == p.schema_editor.end() || !it->second) return false;
      for (size_t i = 0; i < it->second->sql.size(); ++i) out->sql.push_back(it->second->sql[i]);
      out->origin.insert(out->origin.end(), it->second->origin.begin(), it->second->origin.end());
      return true;
    };
    // An operation class the migration file defines on Django's (AWX's `class FakeAddField(
    // migrations.AddField)`, whose raw SQL a RunPython before it runs) changes the model state
    // as its base does: read as the base.
    for (PyValue& op : p.operations.items)
      if (op.is(K::Call) && op.text.find('.') == std::string::npos)
        if (std::string base = first_base_in(p.file.text, op.text); base.starts_with("migrations.")) op.text = base;
    if (p.operations.is(K::List)) state.operations(p.operations, &o);
    else p.computed_operations.insert(p.computed_operations.begin(), p.operations);
    for (const PyValue& v : p.computed_operations) {
      o.notes.push_back({v.begin, "operations computed at run time: not modelled"});
      for (std::string& name : names_in_computed_operations(fs, root, dir, parser, p.file.text, v, app))
        o.uncertain_names.push_back(std::move(name));
    }
    p.file.sql = std::move(o.sql);
    p.file.origin = std::move(o.origin);
    p.file.notes = std::move(o.notes);
    p.file.uncertain_names = std::move(o.uncertain_names);
    if (p.file.origin.empty()) p.file.origin.push_back(p.operations.begin);  // no SQL: still generated
    out->push_back(std::move(p.file));
  }
  return true;
}

/// Django's migration plan, as `manage.py migrate` makes it: the graph's leaf nodes (no child in
/// their own app) in (app, name) order, each followed by its forwards_plan, the depth-first walk
/// of MigrationGraph.iterative_dfs (parents pushed in sorted order, so the greatest is visited
/// first); a migration already planned is not planned again. Apps that depend on each other
/// leave several topological orders open, and which one runs decides the schema: NetBox's
/// core.0017 adds a column to the table extras.0117 renames, and runs after it only because
/// core.0020's dependency on users is walked first.
void plan(std::vector<MigrationFile>* files) {
  std::vector<MigrationFile>& f = *files;
  using Key = std::pair<std::string, std::string>;
  auto key_of = [](const std::string& version) {
    size_t dot = version.find('.');
    return dot == std::string::npos ? Key{"", version} : Key{version.substr(0, dot), version.substr(dot + 1)};
  };
  std::map<Key, size_t> by_key;
  std::map<std::string, std::vector<size_t>> by_app;
  for (size_t i = 0; i < f.size(); ++i) {
    Key k = key_of(f[i].version);
    by_key.emplace(k, i);
    by_app[k.first].push_back(i);
  }
  for (size_t i = 0; i < f.size(); ++i)  // a squashed migration stands for the ones it replaces
    for (const std::string& r : f[i].replaces) by_key.emplace(key_of(r), i);
  std::vector<std::set<Key>> parents(f.size());
  std::vector<bool> has_app_child(f.size(), false);
  auto add = [&](size_t child, size_t parent) {
    if (child == parent) return;
    parents[child].insert(key_of(f[parent].version));
    if (key_of(f[parent].version).first == key_of(f[child].version).first) has_app_child[parent] = true;
  };
  for (size_t i = 0; i < f.size(); ++i)
    for (const std::string& d : f[i].depends_on) {
      Key k = key_of(d);
      if (auto it = by_key.find(k); it != by_key.end()) {
        add(i, it->second);
        continue;
      }
      auto app = by_app.find(k.first);
      if (app == by_app.end() || (k.second != "__first__" && k.second != "__latest__")) continue;
      // The app's first root node / first leaf node, in name order.
      std::vector<Key> candidates;
      for (size_t j : app->second) {
        bool root = std::none_of(f[j].depends_on.begin(), f[j].depends_on.end(),
                                 [&](const std::string& x) { return key_of(x).first == k.first; });
        bool leaf = std::none_of(app->second.begin(), app->second.end(), [&](size_t c) {
          return std::any_of(f[c].depends_on.begin(), f[c].depends_on.end(),
                             [&](const std::string& x) { return by_key.count(key_of(x)) && by_key[key_of(x)] == j; });
        });
        if (k.second == "__first__" ? root : leaf) candidates.push_back(key_of(f[j].version));
      }
      if (!candidates.empty()) add(i, by_key[*std::min_element(candidates.begin(), candidates.end())]);
    }
  for (size_t i = 0; i < f.size(); ++i)  // run_before: the named migration waits for this one
    for (const std::string& r : f[i].run_before)
      if (auto it = by_key.find(key_of(r)); it != by_key.end()) add(it->second, i);
  std::vector<Key> leaves;
  for (size_t i = 0; i < f.size(); ++i)
    if (!has_app_child[i]) leaves.push_back(key_of(f[i].version));
  std::sort(leaves.begin(), leaves.end());
  std::vector<size_t> order;
  std::vector<bool> planned(f.size(), false), expanded(f.size(), false);
  for (const Key& leaf : leaves) {
    std::vector<std::pair<size_t, bool>> stack{{by_key[leaf], false}};
    while (!stack.empty()) {
      auto [node, processed] = stack.back();
      stack.pop_back();
      if (planned[node]) continue;
      if (processed) {
        planned[node] = true;
        order.push_back(node);
        continue;
      }
      if (expanded[node]) continue;  // a cycle: Django refuses it; the order is then not Django's
      expanded[node] = true;
      stack.push_back({node, true});
      for (const Key& p : parents[node]) stack.push_back({by_key[p], false});
    }
  }
  for (size_t i = 0; i < f.size(); ++i)
    if (!planned[i]) order.push_back(i);
  std::vector<MigrationFile> out;
  for (size_t i : order) out.push_back(std::move(f[i]));
  f = std::move(out);
}

// Django: django_migrations(id, app, name, applied), one row per applied migration, written by
// MigrationRecorder; "app.name" is a file's version. A squashed migration counts as applied when
// all it replaces are recorded (applied), and rows of apps without migrations in the repository
// (contrib, installed packages) are not unknown (foreign_row).
std::string tracking_query(const std::string& from, const Relation&) {
  return "SELECT app || '.' || name FROM " + from + " ORDER BY id";
}
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (const TextRow& row : rows) push_applied(out, text_or_null(row[0]), "", false, "app.name=" + text_or_null(row[0]));
}
// A squashed migration is applied when its own row exists or every migration it replaces has one
// (Django records the replaced names when it applies a squash); those rows are its own.
bool tracking_applied(const MigrationFile& f, const TrackingContext& ctx, std::vector<bool>* matched) {
  auto row_of = [&](const std::string& version) -> long {
    for (size_t i = 0; i < ctx.rows.size(); ++i)
      if (ctx.rows[i].version == version) return static_cast<long>(i);
    return -1;
  };
  bool applied = false;
  if (long i = row_of(f.version); i >= 0) (*matched)[i] = true, applied = true;
  bool all = !f.replaces.empty();
  for (const std::string& r : f.replaces) {
    long i = row_of(r);
    if (i >= 0) (*matched)[i] = true;
    else all = false;
  }
  return applied || all;
}

// Django records the migrations of installed packages too (auth, contenttypes, ...): rows of an
// app that has no migrations in the repository are not unknown to it.
bool tracking_foreign_row(const AppliedMigration& row, const std::vector<MigrationFile>& files) {
  std::string app = row.version.substr(0, row.version.find('.'));
  return std::none_of(files.begin(), files.end(), [&](const MigrationFile& f) {
    return f.format == "django" && f.version.compare(0, f.version.find('.'), app) == 0;
  });
}

const TrackingLayout kTracking{.table = "django_migrations", .schema = "", .columns = {"app", "name", "applied"},
                               .described = "Django's (id, app, name, applied)", .query = tracking_query, .width = 1,
                               .read = tracking_read, .text_versions = true, .names_not_ordered = true,
                               .applied = tracking_applied, .foreign_row = tracking_foreign_row};

// Whether every dependency on a migration of an app that has migration files here names one of
// them (or one a squashed migration replaces). Django refuses to migrate otherwise
// (NodeNotFoundError). Dependencies on apps that are not in the tree (django.contrib, installed
// packages) are not judged.
bool dependencies_defined(const std::vector<const MigrationFile*>& files, std::string* err) {
  std::set<std::string> versions, apps;
  for (const MigrationFile* f : files) {
    versions.insert(f->version);
    for (const std::string& r : f->replaces) versions.insert(r);
    if (f->format == "django") apps.insert(f->version.substr(0, f->version.find('.')));
  }
  for (const MigrationFile* f : files) {
    if (f->format != "django") continue;
    for (const std::string& d : f->depends_on) {
      if (versions.count(d)) continue;
      size_t dot = d.find('.');
      if (dot == std::string::npos || !apps.count(d.substr(0, dot))) continue;  // an app not in the tree
      std::string_view which = std::string_view(d).substr(dot + 1);
      if (which == "__first__" || which == "__latest__") continue;
      *err = f->path + ": depends on migration " + d.substr(dot + 1) + " of app " + d.substr(0, dot) +
             ", which no migration file defines; Django refuses to migrate (NodeNotFoundError): restore it or fix "
             "the dependency";
      return false;
    }
  }
  return true;
}

// A file recorded without its format: a .py file in a migrations/ folder, unless in a versions/
// folder (Alembic's, which often sits inside a migrations/ folder).
bool path_looks_like(std::string_view file) {
  auto in = [&](std::string_view dir) { return file.starts_with(dir) || file.find("/" + std::string(dir)) != std::string_view::npos; };
  return file.ends_with(".py") && in("migrations/") && !in("versions/");
}

}  // namespace

}  // namespace code

extern const Format kDjango{.name = "django", .detect = code::detect, .load = code::load, .tracking = &code::kTracking,
                            .discover = code::discover, .order = code::plan, .apply_command = "python manage.py migrate",
                            .path_looks_like = code::path_looks_like, .dependencies_defined = code::dependencies_defined};

}  // namespace schemagate::schema::migrations
