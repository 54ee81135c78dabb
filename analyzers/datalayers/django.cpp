// Django models as requirements. The ORM selects every field of a model on every query, so a
// field declared in models.py whose column no migration creates fails every query of the model
// (`column ... does not exist`): the incident, without a line of SQL. Each concrete model in an
// app's models.py (or models/ package) needs its table, and each field its column, at the
// field's declaration.
//
// Names as Django derives them: table `<app_label>_<model>` (app_label: Meta.app_label, else the
// label the app's apps.py gives its AppConfig, else the app's directory) or Meta.db_table; column
// db_column, else the field name, `<name>_id` for ForeignKey / OneToOneField; an automatic
// many-to-many table `<table>_<field>`. Only Django's own field classes are columns for certain (a
// composite field of a package is not one). Abstract bases' fields are followed, in the same file
// or in another module of the project (python_modules.h: each file's classes are indexed first);
// proxy models need nothing of their own. Unmanaged models (managed = False) still need their
// table and columns: the code reads them.
//
// Only what static reading makes certain is required. A class is a model when it derives from
// models.Model, from a model the project declares, or declares `models.*Field` attributes (a base
// from an installed package: its own fields are still its table's). What a base that cannot be
// followed contributes is not known and not required. Test apps (tests/ directories) are not the
// running code's models.
#include <cstring>
#include <map>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/python_modules.h"
#include "analyzers/schema/migrations/code/django_names.h"
#include "analyzers/schema/migrations/code/python_value.h"
#include "analyzers/source/discovery.h"

namespace schemagate::datalayers {

namespace {

using schema::migrations::code::PyReader;
using schema::migrations::code::PyValue;
using K = PyValue::Kind;

constexpr std::string_view kPrefix = "django:";

bool is(TSNode n, const char* type) { return !ts_node_is_null(n) && !std::strcmp(ts_node_type(n), type); }
TSNode field(TSNode n, const char* name) { return ts_node_child_by_field_name(n, name, static_cast<uint32_t>(std::strlen(name))); }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Field {
  std::string name, column;
  bool m2m = false, m2m_through = false;
  std::string m2m_table;
  uint32_t begin = 0, end = 0;  ///< the attribute name
  std::string via;  ///< declared by an abstract base of another file: "TimeStampedModel (core/models.py)"
};

struct ModelClass {
  std::string name;  ///< as written; "path:Name" for a class of another file
  std::vector<std::string> bases;  ///< ids: a name of the file's classes, or the text of an unknown base
  std::vector<std::string> written_bases;
  std::string via;  ///< another file's class: "TimeStampedModel (core/models.py)"
  bool model = false, abstract = false, proxy = false;
  std::string db_table, app_label;
  std::vector<Field> fields;
  uint32_t begin = 0, end = 0;  ///< the class name
};

/// Django's own field classes, each one column. A class of another package or of the project
/// may be a column, several, or none (a composite money field over two real ones): not certain.
bool column_class(std::string_view cls) {
  static const std::set<std::string_view> known = {
      "AutoField", "BigAutoField", "SmallAutoField", "BooleanField", "NullBooleanField", "CharField", "TextField",
      "SlugField", "EmailField", "URLField", "IntegerField", "BigIntegerField", "SmallIntegerField",
      "PositiveIntegerField", "PositiveBigIntegerField", "PositiveSmallIntegerField", "DateField", "DateTimeField",
      "TimeField", "DurationField", "DecimalField", "FloatField", "UUIDField", "JSONField", "BinaryField",
      "FileField", "ImageField", "FilePathField", "GenericIPAddressField", "IPAddressField",
      "CommaSeparatedIntegerField", "ArrayField", "HStoreField", "CICharField", "CIEmailField", "CITextField",
      "DateRangeField", "DateTimeRangeField", "IntegerRangeField", "BigIntegerRangeField", "DecimalRangeField",
      "SearchVectorField", "GeneratedField"};
  return known.count(cls) != 0;
}

/// A field declaration's column: `x = models.CharField(...)`, `x = ForeignKey(...)`.
bool field_of(const std::string& name, const PyValue& call, Field* out) {
  if (!call.is(K::Call)) return false;
  std::string_view cls = call.last_name();
  // with django-mptt's and modelcluster's relation classes, which derive from Django's
  bool relation = cls == "ForeignKey" || cls == "OneToOneField" || cls == "ParentalKey" || cls == "TreeForeignKey" ||
                  cls == "TreeOneToOneField";
  bool m2m = cls == "ManyToManyField" || cls == "ParentalManyToManyField" || cls == "TreeManyToManyField";
  bool column = relation || column_class(cls);
  if (!column && !m2m) return false;
  out->name = name;
  if (m2m) {
    out->m2m = true;
    out->m2m_through = call.kwarg("through") != nullptr;
    if (const PyValue* t = call.kwarg("db_table")) {
      if (!t->is_str()) return false;
      out->m2m_table = t->text;
    }
    return true;
  }
  if (const PyValue* c = call.kwarg("db_column")) {
    if (!c->is_str()) return false;  // computed: not certain
    out->column = c->text;
  } else {
    out->column = relation ? name + "_id" : name;
  }
  return true;
}

/// The app's directory: app/models.py -> app; app/models/orders.py -> app; app/models/models.py
/// -> app (the outermost: the app's models package holding a models module).
std::string app_dir_of(std::string_view path) {
  size_t start = 0;
  for (size_t i = 0; i <= path.size(); ++i)
    if (i == path.size() || path[i] == '/') {
      std::string_view part = path.substr(start, i - start);
      if (start > 0 && (part == "models.py" || part == "models")) return std::string(path.substr(0, start - 1));
      start = i + 1;
    }
  return "";
}

/// The app's label: its AppConfig's `label` (indexed from the app's apps.py, when exactly one is
/// set there), else the directory's name. The app is the models' directory, or, when that
/// directory is no app, the nearest enclosing directory that is one: Django
/// gives a model the app whose module is the longest prefix of the model's module, so models of
/// `app/fields/models.py` belong to `app` when only `app/apps.py` declares an app.
std::string app_of(std::string_view path, const ProjectFacts* facts) {
  std::string dir = app_dir_of(path);
  // An app: a folder whose apps.py declares an AppConfig, or that holds its own migrations/ (an
  // installed app needs no apps.py).
  auto declares = [&](const std::string& d) {
    return facts && (facts->count(std::string(kPrefix) + "app:" + d) || facts->count("migrations:" + d + "/migrations"));
  };
  if (!declares(dir))
    for (std::string up = dir; !up.empty();) {
      size_t slash = up.rfind('/');
      up = slash == std::string::npos ? "" : up.substr(0, slash);
      if (!up.empty() && declares(up)) {
        dir = up;
        break;
      }
    }
  if (facts)
    if (auto it = facts->find(std::string(kPrefix) + "label:" + dir); it != facts->end() && it->second.size() == 1)
      return it->second.front();
  size_t slash = dir.rfind('/');
  return slash == std::string::npos ? dir : dir.substr(slash + 1);
}

bool claims_models(std::string_view path) {
  if (!path.ends_with(".py")) return false;
  if (source::is_test_file(path) || path.starts_with("tests/") || path.find("/tests/") != std::string_view::npos ||
      path.find("/migrations/") != std::string_view::npos)
    return false;
  return path.ends_with("/models.py") || path == "models.py" || path.find("/models/") != std::string_view::npos ||
         path.starts_with("models/");
}

bool relevant(std::string_view text) {
  if (text.find("django.db") != std::string_view::npos && text.find("models.") != std::string_view::npos) return true;
  // A models module that declares classes only on bases of the project (`class Kind(BaseKind)`,
  // an abstract base whose only field is a project field class): Django's when those bases are
  // (the reader resolves them through the index). A module naming another ORM's Model is not.
  if (text.find("class ") == std::string_view::npos || text.find("models.Model") != std::string_view::npos) return false;
  for (std::string_view other : {"pydantic", "sqlalchemy", "tortoise", "peewee", "mongoengine", "pony", "sqlmodel", "odoo"})
    if (text.find(other) != std::string_view::npos) return false;
  return true;
}

/// Whether a file shows the project uses Django at all: without one, no file is read for it.
bool index_wanted(std::string_view text) { return text.find("django") != std::string_view::npos; }

/// `relevant` in a project that uses Django ("django:wanted", from the index): in one that does
/// not, no models module names django.db and no project base is one of its models (the index
/// read none), so a models module of another kind (an API client's enums) is not parsed for it.
bool relevant_in(std::string_view text, const ProjectFacts* facts) {
  return (!facts || facts->count("django:wanted")) && relevant(text);
}

/// Only modules where Django looks for models (claims_models) are read.
bool reads_path(std::string_view path) { return claims_models(path) || path.ends_with("apps.py"); }

/// The model classes of one file, with the bases of other files they name (resolved through the
/// project's index as "path:Name").
struct Models {
  explicit Models(const FileInput& input) : in(input), reader(input.text, input.root) {}
  const FileInput& in;
  PyReader reader;
  std::map<std::string, ModelClass> classes;
  std::vector<std::string> order;
  std::map<std::string, python::Import> imports;

  std::string base_id(const std::string& written, std::string_view from, const std::string& ref, int depth = 0) {
    return python::base_id(classes, in, kPrefix, written, from, ref, depth,
                           [&](const std::string& id, const python::FoundClass& found, int d) { return decode(id, found, d); });
  }

  /// Another file's class from its record: header "model abstract proxy" flags, db_table,
  /// app_label; rows name, column, m2m, through, m2m table.
  ModelClass decode(const std::string& id, const python::FoundClass& found, int depth) {
    ModelClass m;
    m.name = id;
    m.via = found.name + " (" + found.path + ")";
    std::optional<python::Record> r = python::decode(found.record, 3);
    if (!r || r->header[0].size() < 3) {
      m.db_table = "?";
      return m;
    }
    m.model = r->header[0][0] == '1', m.abstract = r->header[0][1] == '1', m.proxy = r->header[0][2] == '1';
    m.db_table = r->header[1], m.app_label = r->header[2];
    for (auto& [written, ref] : r->bases) {
      m.bases.push_back(base_id(written, found.path, ref, depth));
      if (written == "models.Model" || (classes.count(m.bases.back()) && classes[m.bases.back()].model)) m.model = true;
    }
    for (const auto& p : r->rows) {
      if (p.size() != 5) continue;
      Field f;
      f.name = p[0], f.column = p[1], f.m2m = p[2] == "1", f.m2m_through = p[3] == "1", f.m2m_table = p[4];
      m.fields.push_back(f);
    }
    return m;
  }

  /// `written` with a local name of django.db.models (`from django.db import models as m`,
  /// `import django.db.models as dm`) spelled `models`: `m.Model` -> `models.Model`.
  std::string as_models(const std::string& written) const {
    size_t dot = written.find('.');
    if (dot == std::string::npos || written.compare(0, dot, "models") == 0) return written;
    auto it = imports.find(written.substr(0, dot));
    if (it == imports.end()) return written;
    const python::Import& i = it->second;
    bool models = (i.name == "models" && i.module == "django/db") || (i.name.empty() && i.module == "django/db/models");
    return models ? "models" + written.substr(dot) : written;
  }

  void read() {
    imports = python::imports_of(in.path, in.text, in.root);  // records keep bases as imported
    for (TSNode cls : schema::migrations::code::class_definitions(in.root)) {
      ModelClass m;
      python::ClassHeader h = python::class_header(in.text, cls);
      m.name = h.name, m.begin = h.begin, m.end = h.end;
      for (const std::string& spelled : h.bases) {  // keyword arguments (metaclass=) are not bases
        std::string written = as_models(spelled);
        m.written_bases.push_back(written);
        m.bases.push_back(base_id(written, in.path, python::base_ref(imports, written)));
      }
      TSNode body = field(cls, "body");
      bool declares = false;
      uint32_t k = ts_node_named_child_count(body);
      for (uint32_t i = 0; i < k; ++i) {
        TSNode stmt = ts_node_named_child(body, i);
        TSNode meta = stmt;
        if (is(meta, "class_definition") && reader.text(field(meta, "name")) == "Meta") {
          for (auto& [key, value] : reader.assignments(field(meta, "body"))) {
            PyValue v = reader.eval(value);
            if (key == "abstract") m.abstract = v.truthy();
            if (key == "proxy") m.proxy = v.truthy();
            if (key == "db_table") m.db_table = v.is_str() ? v.text : "?";
            if (key == "app_label") m.app_label = v.is_str() ? v.text : "?";
          }
          continue;
        }
        if (!is(stmt, "expression_statement")) continue;
        TSNode a = ts_node_named_child(stmt, 0);
        if (!is(a, "assignment")) continue;
        TSNode left = field(a, "left"), right = field(a, "right");
        if (!is(left, "identifier") || ts_node_is_null(right)) continue;
        Field f;
        PyValue v = reader.eval(right);
        // django_cryptography's encrypt(Field(...)) is that field, its column encrypted.
        if (v.is(K::Call) && v.last_name() == "encrypt" && v.items.size() == 1 && v.items[0].is(K::Call) &&
            in.text.find("django_cryptography") != std::string_view::npos) {
          PyValue inner = v.items[0];
          v = std::move(inner);
        }
        if (!field_of(std::string(reader.text(left)), v, &f)) continue;
        if (as_models(v.text).starts_with("models.")) declares = true;
        f.begin = ts_node_start_byte(left), f.end = ts_node_end_byte(left);
        m.fields.push_back(std::move(f));
      }
      for (const std::string& b : m.bases)
        if (b == "models.Model" || b == "Model" || (classes.count(b) && classes[b].model)) m.model = true;
      if (declares) m.model = true;
      order.push_back(m.name);
      classes[m.name] = std::move(m);
    }
  }

  /// What other files need of this file's classes: one record each (see decode()).
  std::vector<std::pair<std::string, std::string>> records() {
    read();
    std::vector<std::pair<std::string, std::string>> out;
    for (const std::string& name : order) {
      const ModelClass& m = classes[name];
      python::Record r;
      r.header = {std::string(m.model ? "1" : "0") + (m.abstract ? "1" : "0") + (m.proxy ? "1" : "0"), m.db_table, m.app_label};
      for (const std::string& b : m.written_bases) r.bases.push_back({b, python::base_ref(imports, b)});
      for (const Field& f : m.fields)
        r.rows.push_back({f.name, f.column, f.m2m ? "1" : "0", f.m2m_through ? "1" : "0", f.m2m_table});
      out.push_back({name, python::encode(r)});
    }
    return out;
  }
};

void index(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) {
  if (ts_node_is_null(in.root)) return;
  if (in.path.ends_with("apps.py") && (in.path.size() == 7 || in.path[in.path.size() - 8] == '/')) {
    // AppConfig.label: the app's tables are <label>_<model>.
    PyReader reader(in.text, in.root);
    std::string dir(in.path.substr(0, in.path.size() < 8 ? 0 : in.path.size() - 8));
    for (TSNode cls : schema::migrations::code::class_definitions(in.root)) {
      TSNode bases = field(cls, "superclasses");
      if (ts_node_is_null(bases) || reader.text(bases).find("AppConfig") == std::string_view::npos) continue;
      out->push_back({std::string(kPrefix) + "app:" + dir, ""});
      for (auto& [name, value] : reader.assignments(field(cls, "body")))
        if (name == "label") {
          PyValue v = reader.eval(value);
          out->push_back({std::string(kPrefix) + "label:" + dir, v.is_str() && !v.text.empty() ? v.text : "?"});
        }
    }
    return;
  }
  if (!claims_models(in.path)) return;
  std::vector<std::pair<std::string, std::string>> records;
  if (relevant(in.text)) records = Models(in).records();
  python::index_classes(kPrefix, in.path, in.text, in.root, records, out);
}

bool index_reads(std::string_view path, std::string_view text) {
  if (path.ends_with("apps.py")) return text.find("AppConfig") != std::string_view::npos;
  return claims_models(path) && (relevant(text) || python::reexports(path, text));  // the path first: cheaper
}

void extract(const FileInput& in, FileOutput* out) {
  if (!claims_models(in.path) || ts_node_is_null(in.root)) return;
  std::string app = app_of(in.path, in.facts);
  Models models(in);
  models.read();
  std::map<std::string, ModelClass>& classes = models.classes;
  const std::vector<std::string>& order = models.order;

  for (const std::string& name : order) {
    const ModelClass& m = classes[name];
    if (!m.model || m.abstract || m.proxy) continue;
    std::string label = m.app_label.empty() ? app : m.app_label;
    // A table name a function of the project computes (`db_table = table_name("orders")`), or an
    // app label computed at run time: the model's table is not known, never guessed.
    if (m.db_table == "?" || m.app_label == "?" || (label == "?" && m.db_table.empty())) {
      out->unchecked.push_back({m.begin, "django model",
                                m.db_table == "?" ? "the model's table name (Meta.db_table) is computed at run time"
                                                  : "the model's app label is computed at run time"});
      continue;
    }
    if (label.empty() && m.db_table.empty()) continue;
    std::string table = m.db_table.empty() ? schema::migrations::code::django_truncate_name(label + "_" + lower(m.name)) : m.db_table;
    // Own fields, then those of abstract bases, of this file or another (nearest first; a field
    // redeclared lower down wins). A field another file declares is required at this class's name.
    std::vector<Field> own;
    std::set<std::string> seen;
    std::vector<const ModelClass*> chain{&m};
    for (size_t i = 0; i < chain.size() && i < 32; ++i)
      for (const std::string& b : chain[i]->bases)
        if (auto it = classes.find(b); it != classes.end() && it->second.abstract) chain.push_back(&it->second);
    for (const ModelClass* c : chain)
      for (const Field& f : c->fields)
        if (seen.insert(f.name).second) {
          own.push_back(f);
          if (!c->via.empty()) own.back().begin = m.begin, own.back().end = m.end, own.back().via = c->via;
        }
    std::vector<const Field*> fields;
    for (const Field& f : own) fields.push_back(&f);

    size_t unit = out->requirements.units.size();
    out->requirements.units.push_back({std::string(in.path), "django model " + label + "." + m.name, "", 0, ""});
    requirements::Requirement rel;
    rel.object = requirements::Object::Relation;
    rel.schema = in.default_schema;
    rel.relation = table;
    rel.span = {m.begin, m.end};
    rel.unit = unit;
    // In Django's words: makemigrations writes the missing operation, migrate applies it.
    const std::string migrate = "run `python manage.py makemigrations " + label +
                                "` and apply the migration it writes with `python manage.py migrate` before deploying this code";
    rel.describe = "Django model " + label + "." + m.name + " is stored in table " + table +
                   "; every query of the model reads it";
    rel.fix = migrate;
    out->requirements.requirements.push_back(rel);
    for (const Field* f : fields) {
      requirements::Span span{f->begin, f->end};  // an abstract base's field: at the base's declaration
      if (f->m2m) {
        if (f->m2m_through) continue;
        std::string t = f->m2m_table.empty() ? schema::migrations::code::django_truncate_name(table + "_" + lower(f->name))
                                             : f->m2m_table;
        if (t.size() > 63) continue;  // a db_table written out longer: PostgreSQL truncates it
        requirements::Requirement r = rel;
        r.relation = t;
        r.span = span;
        r.describe = "field " + f->name + " of model " + label + "." + m.name + " is the many-to-many table " + t;
        out->requirements.requirements.push_back(r);
        continue;
      }
      requirements::Requirement r;
      r.object = requirements::Object::Column;
      r.schema = in.default_schema;
      r.relation = table;
      r.column = f->column;
      r.span = span;
      r.unit = unit;
      r.describe = "field " + f->name + " of model " + label + "." + m.name +
                   (f->via.empty() ? "" : " (inherited from " + f->via + ")") + " is column " + table + "." + f->column +
                   "; every query of the model selects it";
      r.fix = migrate;
      out->requirements.requirements.push_back(r);
    }
  }
}

}  // namespace

extern const DataLayer kDjangoModels{.name = "django",
                                     .languages = {"python"},
                                     .relevant = relevant,
                                     .extract = extract,
                                     .index = index,
                                     .index_reads = index_reads,
                                     .relevant_in = relevant_in,
                                     .index_wanted = index_wanted,
                                     .reads_path = reads_path,
                                     .relevant_words = {"django.db", "class "},
                                     .relevant_in_words = {"django.db", "class "},
                                     .index_words = {"AppConfig", "django.db", "import", "class "},
                                     .wanted_words = {"django"}};

}  // namespace schemagate::datalayers
