// Fizz to PostgreSQL; see fizz.h. A small recursive-descent reader of fizz's call syntax
// (name(args) with an optional { block } of t.Method(args) calls), then one statement per
// operation, as fizz's postgres translator writes it.
#include "analyzers/schema/migrations/code/fizz.h"

#include <cctype>
#include <optional>
#include <vector>

#include "analyzers/report/locator.h"

namespace schemagate::schema::migrations::code {

namespace {

struct Value {
  enum Kind { kString, kNumber, kBool, kNull, kMap, kList, kName } kind = kNull;
  std::string text;  ///< string contents, number or name as written, "true"/"false"
  std::string key;   ///< an item of a map: its key
  std::vector<Value> map;  ///< kMap: the items, each with its key
  std::vector<Value> list;
  uint32_t at = 0;

  const Value* get(std::string_view k) const {
    for (const Value& v : map)
      if (v.key == k) return &v;
    return nullptr;
  }
  bool truthy(std::string_view key) const {
    const Value* v = get(key);
    return v && v->kind == kBool && v->text == "true";
  }
};

struct Call {
  std::string name;
  std::vector<Value> args;
  std::vector<Call> block;
  bool has_block = false;
  uint32_t at = 0;
};

class Reader {
 public:
  explicit Reader(std::string_view text) : s_(text) {}

  bool calls(std::vector<Call>* out, bool in_block) {
    for (;;) {
      skip();
      if (i_ >= s_.size()) return !in_block || fail("a block is not closed");
      if (s_[i_] == '}') return in_block ? true : fail("'}' without a block");
      Call c;
      if (!call(&c)) return false;
      out->push_back(std::move(c));
    }
  }

  std::string error() const {
    return "line " + std::to_string(report::line_in(s_, err_at_)) + ": " + err_;
  }
  size_t pos() const { return i_; }

 private:
  bool fail(std::string why) {
    if (err_.empty()) err_ = std::move(why), err_at_ = i_;
    return false;
  }

  /// Blanks, `;` and fizz's own comments (`//` and `/* */`): fizz is not SQL, so not sql/scan.h.
  void skip() {
    while (i_ < s_.size()) {
      if (std::isspace(static_cast<unsigned char>(s_[i_])) || s_[i_] == ';') {
        ++i_;
      } else if (s_.compare(i_, 2, "//") == 0) {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      } else if (s_.compare(i_, 2, "/*") == 0) {
        size_t end = s_.find("*/", i_ + 2);
        i_ = end == std::string_view::npos ? s_.size() : end + 2;
      } else {
        break;
      }
    }
  }

  bool name(std::string* out) {
    size_t b = i_;
    while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_' || s_[i_] == '.')) ++i_;
    if (b == i_) return fail("an operation was expected");
    *out = std::string(s_.substr(b, i_ - b));
    return true;
  }

  bool call(Call* c) {
    c->at = static_cast<uint32_t>(i_);
    if (!name(&c->name)) return false;
    skip();
    if (i_ >= s_.size() || s_[i_] != '(') return fail("'(' expected after " + c->name);
    ++i_;
    for (;;) {
      skip();
      if (i_ < s_.size() && s_[i_] == ')') {
        ++i_;
        break;
      }
      Value v;
      if (!value(&v, 0)) return false;
      c->args.push_back(std::move(v));
      skip();
      if (i_ < s_.size() && s_[i_] == ',') ++i_;
      else if (i_ >= s_.size() || s_[i_] != ')') return fail("',' or ')' expected in " + c->name + "(...)");
    }
    skip();
    if (i_ < s_.size() && s_[i_] == '{') {
      ++i_;
      c->has_block = true;
      if (!calls(&c->block, true)) return false;
      ++i_;  // '}'
    }
    return true;
  }

  bool string(Value* v) {
    char q = s_[i_++];
    v->kind = Value::kString;
    while (i_ < s_.size() && s_[i_] != q) {
      if (q == '"' && s_[i_] == '\\' && i_ + 1 < s_.size()) {
        char e = s_[++i_];
        v->text.push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e);
        ++i_;
        continue;
      }
      v->text.push_back(s_[i_++]);
    }
    if (i_ >= s_.size()) return fail("a string is not closed");
    ++i_;
    return true;
  }

  bool value(Value* v, int depth) {
    if (depth > 32) return fail("values nested too deep");
    skip();
    if (i_ >= s_.size()) return fail("a value was expected");
    v->at = static_cast<uint32_t>(i_);
    char c = s_[i_];
    if (c == '"' || c == '`') return string(v);
    if (c == '{' || c == '[') {
      bool map = c == '{';
      v->kind = map ? Value::kMap : Value::kList;
      ++i_;
      for (;;) {
        skip();
        if (i_ < s_.size() && s_[i_] == (map ? '}' : ']')) {
          ++i_;
          return true;
        }
        if (map) {
          Value key;
          if (i_ < s_.size() && (s_[i_] == '"' || s_[i_] == '`')) {
            if (!string(&key)) return false;
          } else if (!name(&key.text)) {
            return false;
          }
          skip();
          if (i_ >= s_.size() || s_[i_] != ':') return fail("':' expected in a map");
          ++i_;
          Value item;
          if (!value(&item, depth + 1)) return false;
          item.key = std::move(key.text);
          v->map.push_back(std::move(item));
        } else {
          Value item;
          if (!value(&item, depth + 1)) return false;
          v->list.push_back(std::move(item));
        }
        skip();
        if (i_ < s_.size() && s_[i_] == ',') ++i_;
      }
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '-') {
      size_t b = i_++;
      while (i_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.')) ++i_;
      v->kind = Value::kNumber;
      v->text = std::string(s_.substr(b, i_ - b));
      return true;
    }
    if (!name(&v->text)) return false;
    v->kind = v->text == "true" || v->text == "false" ? Value::kBool : v->text == "nil" ? Value::kNull : Value::kName;
    return true;
  }

  std::string_view s_;
  size_t i_ = 0;
  std::string err_;
  size_t err_at_ = 0;
};

std::string literal(const Value& v) {
  if (v.kind == Value::kNumber || v.kind == Value::kBool) return v.text;
  if (v.kind == Value::kNull) return "NULL";
  std::string out = "'";
  for (char c : v.text) {
    if (c == '\'') out.push_back('\'');
    out.push_back(c);
  }
  return out + "'";
}

/// fizz's postgres column type for a fizz type name.
std::string column_type(std::string_view type, const Value* options) {
  const Value* size = options ? options->get("size") : nullptr;
  std::string lower;
  for (char c : type) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower == "string") return "VARCHAR (" + (size && size->kind == Value::kNumber ? size->text : std::string("255")) + ")";
  if (lower == "uuid") return "UUID";
  if (lower == "time" || lower == "datetime" || lower == "timestamp") return "timestamp";
  if (lower == "integer" || lower == "int") return "integer";
  if (lower == "blob" || lower == "[]byte") return "bytea";
  if (lower == "float" || lower == "decimal") return "DECIMAL";
  if (lower == "bool" || lower == "boolean") return "boolean";
  if (lower == "text") return "text";
  return std::string(type);
}

std::string column_sql(const std::string& name, std::string_view type, const Value* options) {
  std::string sql = quote_ident(name) + " " + column_type(type, options);
  bool primary = options && options->truthy("primary");
  if (primary) sql += " PRIMARY KEY";
  else if (!(options && options->truthy("null"))) sql += " NOT NULL";
  if (const Value* d = options ? options->get("default") : nullptr) sql += " DEFAULT " + literal(*d);
  if (const Value* d = options ? options->get("default_raw") : nullptr) sql += " DEFAULT " + d->text;
  return sql;
}

/// The names of a column argument: one string or a list of them.
std::vector<std::string> names_of(const Value& v) {
  std::vector<std::string> out;
  if (v.kind == Value::kString) out.push_back(v.text);
  for (const Value& item : v.list)
    if (item.kind == Value::kString) out.push_back(item.text);
  return out;
}

class Writer {
 public:
  Writer(GeneratedSql* out) : out_(out) {}

  /// The statements for one top-level operation; false with *why when it cannot be followed.
  bool operation(const Call& c, std::string* why) {
    auto str = [&](size_t i) -> const std::string* {
      return i < c.args.size() && c.args[i].kind == Value::kString ? &c.args[i].text : nullptr;
    };
    auto options = [&](size_t i) -> const Value* {
      return i < c.args.size() && c.args[i].kind == Value::kMap ? &c.args[i] : nullptr;
    };
    auto need = [&](size_t n) {
      for (size_t i = 0; i < n; ++i)
        if (!str(i)) {
          *why = c.name + "(): argument " + std::to_string(i + 1) + " is not a string fizz can read";
          return false;
        }
      return true;
    };
    const std::string& n = c.name;
    if (n == "create_table") return need(1) && create_table(c, *str(0), why);
    if (n == "drop_table") return need(1) && emit("DROP TABLE " + quote_ident(*str(0)), c.at);
    if (n == "rename_table")
      return need(2) && emit("ALTER TABLE " + quote_ident(*str(0)) + " RENAME TO " + quote_ident(*str(1)), c.at);
    if (n == "add_column") {
      if (!need(3)) return false;
      return emit("ALTER TABLE " + quote_ident(*str(0)) + " ADD COLUMN " + column_sql(*str(1), *str(2), options(3)), c.at);
    }
    if (n == "change_column") {
      if (!need(3)) return false;
      std::string t = "ALTER TABLE " + quote_ident(*str(0)) + " ALTER COLUMN " + quote_ident(*str(1));
      const Value* o = options(3);
      return emit(t + " TYPE " + column_type(*str(2), o), c.at) &&
             emit(t + (o && o->truthy("null") ? " DROP NOT NULL" : " SET NOT NULL"), c.at);
    }
    if (n == "rename_column")
      return need(3) && emit("ALTER TABLE " + quote_ident(*str(0)) + " RENAME COLUMN " + quote_ident(*str(1)) + " TO " +
                                 quote_ident(*str(2)),
                             c.at);
    if (n == "drop_column") return need(2) && emit("ALTER TABLE " + quote_ident(*str(0)) + " DROP COLUMN " + quote_ident(*str(1)), c.at);
    if (n == "add_index") {
      if (!need(1) || c.args.size() < 2) return need(2);
      return index(*str(0), names_of(c.args[1]), options(2), c.at);
    }
    if (n == "drop_index") return need(2) && emit("DROP INDEX IF EXISTS " + quote_ident(*str(1)), c.at);
    if (n == "rename_index")
      return need(3) && emit("ALTER INDEX " + quote_ident(*str(1)) + " RENAME TO " + quote_ident(*str(2)), c.at);
    if (n == "add_foreign_key" || n == "drop_foreign_key") return true;  // no name the code uses
    if (n == "sql" || n == "raw") {
      if (!need(1)) return false;
      PyValue v;
      v.text = *str(0);
      v.offsets.assign(v.text.size(), c.args[0].at);
      v.end = c.args[0].at;
      out_->emit_string(v);
      return true;
    }
    *why = n + "() is no fizz operation schemagate reads";
    return false;
  }

 private:
  bool emit(const std::string& stmt, uint32_t at) {
    out_->emit(stmt, at);
    return true;
  }

  bool index(const std::string& table, const std::vector<std::string>& columns, const Value* o, uint32_t at) {
    std::string name;
    if (const Value* v = o ? o->get("name") : nullptr) name = v->text;
    if (name.empty()) {
      name = table;
      for (auto& c : columns) name += "_" + c;
      name += "_idx";
    }
    std::string list;
    for (auto& c : columns) list += (list.empty() ? "" : ", ") + quote_ident(c);
    return emit(std::string("CREATE ") + (o && o->truthy("unique") ? "UNIQUE " : "") + "INDEX " + quote_ident(name) + " ON " +
                    quote_ident(table) + " (" + list + ")",
                at);
  }

  bool create_table(const Call& c, const std::string& table, std::string* why) {
    std::vector<std::string> columns, primary;
    std::vector<const Call*> indexes;
    bool timestamps = true, has_primary = false, explicit_timestamps = false;
    for (const Call& t : c.block) {
      auto str = [&](size_t i) -> const std::string* {
        return i < t.args.size() && t.args[i].kind == Value::kString ? &t.args[i].text : nullptr;
      };
      if (t.name == "t.Column") {
        if (!str(0) || !str(1)) {
          *why = "t.Column(): the name or type is not a string fizz can read";
          return false;
        }
        const Value* o = t.args.size() > 2 && t.args[2].kind == Value::kMap ? &t.args[2] : nullptr;
        has_primary = has_primary || (o && o->truthy("primary"));
        if ((*str(0) == "created_at" || *str(0) == "updated_at")) explicit_timestamps = true;
        columns.push_back(column_sql(*str(0), *str(1), o));
      } else if (t.name == "t.Timestamps") {
        explicit_timestamps = true;
        columns.push_back("\"created_at\" timestamp NOT NULL");
        columns.push_back("\"updated_at\" timestamp NOT NULL");
      } else if (t.name == "t.Timestamp") {
        if (!str(0)) return *why = "t.Timestamp(): the name is not a string", false;
        columns.push_back(quote_ident(*str(0)) + " timestamp NOT NULL");
      } else if (t.name == "t.DisableTimestamps") {
        timestamps = false;
      } else if (t.name == "t.PrimaryKey") {
        for (const Value& a : t.args)
          for (auto& n : names_of(a)) primary.push_back(n);
        has_primary = true;
      } else if (t.name == "t.Index") {
        indexes.push_back(&t);
      } else if (t.name == "t.ForeignKey") {
        continue;
      } else {
        *why = t.name + "() is no create_table operation schemagate reads";
        return false;
      }
    }
    if (!has_primary) columns.insert(columns.begin(), "\"id\" SERIAL PRIMARY KEY");
    if (timestamps && !explicit_timestamps) {
      columns.push_back("\"created_at\" timestamp NOT NULL");
      columns.push_back("\"updated_at\" timestamp NOT NULL");
    }
    std::string sql = "CREATE TABLE " + quote_ident(table) + " (\n";
    for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ",\n" : "") + std::string("  ") + columns[i];
    if (!primary.empty()) {
      std::string list;
      for (auto& p : primary) list += (list.empty() ? "" : ", ") + quote_ident(p);
      sql += ",\n  PRIMARY KEY (" + list + ")";
    }
    emit(sql + "\n)", c.at);
    for (const Call* t : indexes)
      if (!t->args.empty())
        index(table, names_of(t->args[0]), t->args.size() > 1 && t->args[1].kind == Value::kMap ? &t->args[1] : nullptr, t->at);
    return true;
  }

  GeneratedSql* out_;
};

}  // namespace

bool fizz_to_sql(std::string_view text, GeneratedSql* out, std::string* err) {
  if (size_t tag = text.find("<%"); tag != std::string_view::npos) {
    *err = "line " + std::to_string(report::line_in(text, tag)) + ": a plush template tag: the operations depend on values given at run time";
    return false;
  }
  Reader reader(text);
  std::vector<Call> calls;
  if (!reader.calls(&calls, false)) {
    *err = reader.error();
    return false;
  }
  Writer writer(out);
  for (const Call& c : calls) {
    std::string why;
    if (!writer.operation(c, &why)) {
      *err = "line " + std::to_string(report::line_in(text, c.at)) + ": " + why;
      return false;
    }
  }
  return true;
}

}  // namespace schemagate::schema::migrations::code
