// MyBatis XML mappers: `<mapper namespace="...">` files whose <select>, <insert>, <update> and
// <delete> elements are the SQL the mapper interface runs. A .xml file is this language's only
// when its root element is <mapper>; any other XML (a Maven pom, a Liquibase changelog, a
// Spring context) is not scanned.
//
// A statement's text is its character data with the dynamic elements rendered the way MyBatis
// renders them: <where> adds WHERE and drops a leading AND/OR, <set> adds SET and drops a
// trailing comma, <trim> applies its prefix, suffix and overrides, <foreach> is its body once
// between `open` and `close`, <include refid> is the mapper's <sql> fragment with its
// <property> values. `#{param}` is a parameter and `${name}` a run-time fragment: one hole each,
// as in the MyBatis annotations (java.cpp). Which optional parts run is decided at run time, so
// a statement is checked in several variants (SqlSite::variant): every <if> in and the first
// <when> of each <choose>, then every <if> out and each <choose> at its <otherwise> (else its
// first <when>), then each further <when>. The <if>s of a <set> stay in: MyBatis would send
// "UPDATE t WHERE ..." without them, which no caller means. An <include> of a fragment the file
// does not hold (another mapper's) is a hole, so the statement is checked around it or listed
// unchecked.
// A statement whose databaseId names another engine is not PostgreSQL's and is left out.
#include <algorithm>
#include <cctype>
#include <map>

#include "analyzers/languages/language.h"
#include "analyzers/source/xml.h"

namespace schemagate::languages {
namespace {

using source::XmlNode;
using sql::SqlText;

constexpr size_t kMaxVariants = 8;
constexpr int kMaxIncludeDepth = 8;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// Which optional parts a rendering takes: `ifs` whether every <if> runs; `when` the branch of
/// each <choose> (-1: its <otherwise>, else the first <when> when it has none).
struct Choice {
  bool ifs = true;
  int when = 0;
};

class Renderer {
 public:
  Renderer(const XmlNode& mapper, Choice choice) : choice_(choice) {
    namespace_ = mapper.attr("namespace");
    for (const XmlNode& c : mapper.children)
      if (!c.is_text() && c.local_name() == "sql" && !c.attr("id").empty()) fragments_[c.attr("id")] = &c;
  }

  /// Whether the statement has parts a variant may choose: <if> or <choose>.
  static bool has_choices(const XmlNode& n, int* most_whens) {
    bool any = false;
    for (const XmlNode& c : n.children) {
      if (c.is_text()) continue;
      if (c.local_name() == "if") any = true;
      if (c.local_name() == "choose") {
        any = true;
        int whens = 0;
        for (const XmlNode& w : c.children)
          if (!w.is_text() && w.local_name() == "when") ++whens;
        *most_whens = std::max(*most_whens, whens);
      }
      any = has_choices(c, most_whens) || any;
    }
    return any;
  }

  void render(const XmlNode& n, SqlText* out, const std::map<std::string, std::string>& props, int depth) {
    for (const XmlNode& c : n.children) {
      if (c.is_text()) {
        text(c, out, props);
        continue;
      }
      std::string_view kind = c.local_name();
      if (kind == "if") {
        if (choice_.ifs || in_set_ > 0) render(c, out, props, depth);
      } else if (kind == "choose") {
        std::vector<const XmlNode*> whens;
        const XmlNode* otherwise = nullptr;
        for (const XmlNode& w : c.children) {
          if (w.is_text()) continue;
          if (w.local_name() == "when") whens.push_back(&w);
          if (w.local_name() == "otherwise") otherwise = &w;
        }
        const XmlNode* pick = nullptr;
        if (choice_.when < 0) pick = otherwise ? otherwise : whens.empty() ? nullptr : whens.front();
        else if (!whens.empty()) pick = whens[std::min<size_t>(static_cast<size_t>(choice_.when), whens.size() - 1)];
        else pick = otherwise;
        if (pick) render(*pick, out, props, depth);
      } else if (kind == "where" || kind == "set" || kind == "trim") {
        SqlText inner;
        bool sets = kind == "set" || lower(c.attr("prefix")).find("set") != std::string::npos;
        in_set_ += sets;
        render(c, &inner, props, depth);
        in_set_ -= sets;
        std::string prefix = kind == "where" ? "WHERE" : kind == "set" ? "SET" : c.attr("prefix");
        std::string prefix_overrides = kind == "where" ? "AND |OR |AND\n|OR\n|AND\t|OR\t" : c.attr("prefixOverrides");
        std::string suffix_overrides = kind == "set" ? "," : c.attr("suffixOverrides");
        trimmed(&inner, prefix, c.attr("suffix"), prefix_overrides, suffix_overrides, c.offset, out);
      } else if (kind == "foreach") {
        out->append_from(" " + c.attr("open") + " ", c.offset);
        render(c, out, props, depth);
        out->append_from(" " + c.attr("close") + " ", c.offset);
      } else if (kind == "include") {
        std::string ref = c.attr("refid");
        if (ref.rfind(namespace_ + ".", 0) == 0 && !namespace_.empty()) ref = ref.substr(namespace_.size() + 1);
        auto it = fragments_.find(ref);
        if (it == fragments_.end() || depth >= kMaxIncludeDepth) {
          out->append_from(" ", c.offset);
          out->append_hole(c.offset);  // a fragment from elsewhere: unknown text
          out->append_from(" ", c.offset);
          continue;
        }
        std::map<std::string, std::string> inner = props;
        for (const XmlNode& p : c.children)
          if (!p.is_text() && p.local_name() == "property") inner[p.attr("name")] = p.attr("value");
        render(*it->second, out, inner, depth + 1);
      } else if (kind == "bind" || kind == "selectKey") {
        // <bind> names a value; <selectKey> is a statement of its own.
      } else {
        render(c, out, props, depth);
      }
    }
  }

 private:
  /// Character data with `#{...}` as a hole and `${...}` as an <include> property's value or a
  /// hole.
  void text(const XmlNode& t, SqlText* out, const std::map<std::string, std::string>& props) {
    const std::string& s = t.text;
    size_t i = 0;
    while (i < s.size()) {
      if ((s[i] == '#' || s[i] == '$') && i + 1 < s.size() && s[i + 1] == '{') {
        size_t close = s.find('}', i + 2);
        if (close != std::string::npos) {
          auto it = s[i] == '$' ? props.find(s.substr(i + 2, close - i - 2)) : props.end();
          if (it != props.end()) out->append_from(it->second, t.origin[i]);
          else out->append_hole(t.origin[i]);
          i = close + 1;
          continue;
        }
      }
      out->text.push_back(s[i]);
      out->origin.push_back(t.origin[i]);
      ++i;
    }
  }

  /// <trim>'s rule: the body without surrounding blanks, a leading prefixOverride and a
  /// trailing suffixOverride (each a '|'-separated list, matched case-insensitively), between
  /// prefix and suffix; nothing when the body is empty.
  static void trimmed(SqlText* in, const std::string& prefix, const std::string& suffix,
                      const std::string& prefix_overrides, const std::string& suffix_overrides, uint32_t at,
                      SqlText* out) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    size_t b = 0, e = in->text.size();
    while (b < e && blank(in->text[b])) ++b;
    while (e > b && blank(in->text[e - 1])) --e;
    if (b == e) return;
    auto options = [](const std::string& list) {
      std::vector<std::string> out;
      size_t start = 0;
      while (start <= list.size()) {
        size_t bar = list.find('|', start);
        std::string item = list.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
        if (!item.empty()) out.push_back(lower(item));
        if (bar == std::string::npos) break;
        start = bar + 1;
      }
      return out;
    };
    std::string low = lower(in->text.substr(b, e - b));
    for (const std::string& o : options(prefix_overrides))
      if (low.rfind(o, 0) == 0) {
        b += o.size();
        break;
      }
    low = lower(in->text.substr(b, e - b));
    for (std::string o : options(suffix_overrides)) {
      while (!o.empty() && blank(o.back())) o.pop_back();
      if (!o.empty() && low.size() >= o.size() && low.compare(low.size() - o.size(), o.size(), o) == 0) {
        e -= o.size();
        break;
      }
    }
    out->append_from(" " + prefix + " ", at);
    for (size_t i = b; i < e; ++i) {
      out->text.push_back(in->text[i]);
      out->origin.push_back(in->origin[i]);
    }
    out->append_from(" " + suffix + " ", at);
  }

  Choice choice_;
  int in_set_ = 0;  ///< inside a <set> (or a SET <trim>): its <if>s stay in, an empty SET is no statement
  std::string namespace_;
  std::map<std::string, const XmlNode*> fragments_;
};

bool other_engine(const XmlNode& statement) {
  std::string id = lower(statement.attr("databaseId"));
  return !id.empty() && id.find("postgres") == std::string::npos && id != "pg" && id != "pgsql";
}

void emit(const SqlText& text, uint32_t at, std::string_view call, size_t variant, std::vector<SqlSite>* out) {
  SqlSite site;
  site.sql = text;
  site.host_begin = at;
  site.database_call = true;
  site.call_name = std::string(call);
  site.variant = variant;
  // The statement's first byte: where a finding about the whole statement points.
  for (size_t i = 0; i < text.text.size(); ++i)
    if (!std::isspace(static_cast<unsigned char>(text.text[i]))) {
      site.host_begin = text.origin[i];
      break;
    }
  out->push_back(std::move(site));
}

}  // namespace

bool is_mybatis_mapper(std::string_view text) {
  // Cheap before parsing: the root element of a mapper is <mapper>.
  size_t at = text.find("<mapper");
  return at != std::string_view::npos && at + 7 < text.size() &&
         (text[at + 7] == ' ' || text[at + 7] == '>' || text[at + 7] == '\n' || text[at + 7] == '\t' ||
          text[at + 7] == '\r');
}

void extract_mybatis_xml(const ExtractInput& in, std::vector<SqlSite>* out) {
  if (!is_mybatis_mapper(in.source)) return;
  XmlNode root;
  std::string err;
  if (!source::parse_xml(in.source, &root, &err) || root.local_name() != "mapper") return;
  for (const XmlNode& st : root.children) {
    if (st.is_text()) continue;
    std::string_view kind = st.local_name();
    if (kind != "select" && kind != "insert" && kind != "update" && kind != "delete") continue;
    if (other_engine(st)) continue;
    int most_whens = 0;
    std::vector<Choice> choices = {Choice{true, 0}};
    if (Renderer::has_choices(st, &most_whens)) {
      choices.push_back(Choice{false, -1});
      for (int w = 1; w < most_whens && choices.size() < kMaxVariants; ++w) choices.push_back(Choice{true, w});
    }
    size_t variant = 0;
    std::vector<std::string> seen;
    for (const Choice& c : choices) {
      Renderer r(root, c);
      SqlText text;
      r.render(st, &text, {}, 0);
      if (std::find(seen.begin(), seen.end(), text.text) != seen.end()) continue;
      seen.push_back(text.text);
      emit(text, st.offset, kind, variant++, out);
    }
    for (const XmlNode& key : st.children)  // <selectKey>: its own statement
      if (!key.is_text() && key.local_name() == "selectKey") {
        Renderer r(root, Choice{});
        SqlText text;
        r.render(key, &text, {}, 0);
        emit(text, key.offset, "selectKey", 0, out);
      }
  }
}

}  // namespace schemagate::languages
