// See xml.h. One pass over the bytes with an explicit stack of open elements, so a hostile
// file cannot exhaust the call stack; nesting deeper than kMaxDepth is an error (no changelog
// or mapper nests more than a handful of levels).
#include "analyzers/source/xml.h"

#include <cstdlib>

#include "analyzers/languages/string_eval.h"

namespace schemagate::source {
namespace {

constexpr size_t kMaxDepth = 256;

bool name_char(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '_' || c == ':' ||
         c == '-' || c == '.' || u >= 0x80;
}
bool blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

using languages::append_utf8;  // the decoders share one UTF-8 encoder

class Reader {
 public:
  explicit Reader(std::string_view doc) : doc_(doc) {}

  bool run(XmlNode* root, std::string* err) {
    std::vector<XmlNode> open;
    bool have_root = false;
    while (at_ < doc_.size()) {
      if (doc_[at_] != '<') {
        size_t next = doc_.find('<', at_);
        if (next == std::string_view::npos) next = doc_.size();
        if (open.empty()) {
          for (size_t i = at_; i < next; ++i)
            if (!blank(doc_[i]) && !(i < 3 && static_cast<unsigned char>(doc_[i]) >= 0xBB))  // a BOM
              return fail(i, "text outside the root element", err);
        } else {
          XmlNode& parent = open.back();
          XmlNode* text = text_node(&parent, at_);
          decode(at_, next, &text->text, &text->origin);
        }
        at_ = next;
        continue;
      }
      if (starts("<!--")) {
        size_t end = doc_.find("-->", at_ + 4);
        if (end == std::string_view::npos) return fail(at_, "unterminated comment", err);
        at_ = end + 3;
      } else if (starts("<![CDATA[")) {
        if (open.empty()) return fail(at_, "CDATA outside the root element", err);
        size_t end = doc_.find("]]>", at_ + 9);
        if (end == std::string_view::npos) return fail(at_, "unterminated CDATA section", err);
        XmlNode* text = text_node(&open.back(), at_ + 9);
        for (size_t i = at_ + 9; i < end; ++i) {
          text->text.push_back(doc_[i]);
          text->origin.push_back(static_cast<uint32_t>(i));
        }
        at_ = end + 3;
      } else if (starts("<?")) {
        size_t end = doc_.find("?>", at_ + 2);
        if (end == std::string_view::npos) return fail(at_, "unterminated processing instruction", err);
        at_ = end + 2;
      } else if (starts("<!")) {  // DOCTYPE, with an optional [internal subset]
        if (!open.empty() || have_root) return fail(at_, "declaration inside the document", err);
        size_t i = at_ + 2;
        char quote = 0;
        int bracket = 0;
        for (; i < doc_.size(); ++i) {
          char c = doc_[i];
          if (quote) {
            if (c == quote) quote = 0;
          } else if (c == '"' || c == '\'') {
            quote = c;
          } else if (c == '[') {
            ++bracket;
          } else if (c == ']') {
            --bracket;
          } else if (c == '>' && bracket <= 0) {
            break;
          }
        }
        if (i >= doc_.size()) return fail(at_, "unterminated declaration", err);
        at_ = i + 1;
      } else if (starts("</")) {
        size_t begin = at_ + 2, i = begin;
        while (i < doc_.size() && name_char(doc_[i])) ++i;
        std::string_view name = doc_.substr(begin, i - begin);
        while (i < doc_.size() && blank(doc_[i])) ++i;
        if (i >= doc_.size() || doc_[i] != '>') return fail(at_, "malformed end tag", err);
        if (open.empty() || open.back().name != name)
          return fail(at_, "end tag </" + std::string(name) + "> does not close " +
                               (open.empty() ? std::string("any element") : "<" + open.back().name + ">"), err);
        at_ = i + 1;
        XmlNode done = std::move(open.back());
        open.pop_back();
        done.end = static_cast<uint32_t>(at_);
        if (open.empty()) {
          *root = std::move(done);
          have_root = true;
        } else {
          open.back().children.push_back(std::move(done));
        }
      } else {
        if (open.empty() && have_root) return fail(at_, "a second root element", err);
        XmlNode node;
        bool empty = false;
        if (!start_tag(&node, &empty, err)) return false;
        if (empty) {
          node.end = static_cast<uint32_t>(at_);
          if (open.empty()) {
            *root = std::move(node);
            have_root = true;
          } else {
            open.back().children.push_back(std::move(node));
          }
        } else {
          if (open.size() >= kMaxDepth) return fail(node.offset, "elements nested too deeply", err);
          open.push_back(std::move(node));
        }
      }
    }
    if (!open.empty()) return fail(open.back().offset, "<" + open.back().name + "> is never closed", err);
    if (!have_root) return fail(0, "no root element", err);
    return true;
  }

 private:
  bool starts(std::string_view s) const { return doc_.substr(at_, s.size()) == s; }

  bool fail(size_t at, const std::string& what, std::string* err) const {
    if (err) *err = "offset " + std::to_string(at) + ": " + what;
    return false;
  }

  /// The text node at the end of `parent`, opened at `at` if the last child is an element.
  static XmlNode* text_node(XmlNode* parent, size_t at) {
    if (parent->children.empty() || !parent->children.back().is_text()) {
      parent->children.emplace_back();
      parent->children.back().offset = static_cast<uint32_t>(at);
    }
    return &parent->children.back();
  }

  /// Character data doc_[begin, end) with its references decoded.
  void decode(size_t begin, size_t end, std::string* out, std::vector<uint32_t>* origin) const {
    for (size_t i = begin; i < end; ++i) {
      if (doc_[i] == '&') {
        size_t semi = doc_.find(';', i);
        if (semi != std::string_view::npos && semi < end && semi - i <= 10) {
          std::string_view ref = doc_.substr(i + 1, semi - i - 1);
          std::string decoded;
          if (ref == "lt") decoded = "<";
          else if (ref == "gt") decoded = ">";
          else if (ref == "amp") decoded = "&";
          else if (ref == "quot") decoded = "\"";
          else if (ref == "apos") decoded = "'";
          else if (ref.size() > 1 && ref[0] == '#') {
            bool hex = ref[1] == 'x' || ref[1] == 'X';
            std::string digits(ref.substr(hex ? 2 : 1));
            char* stop = nullptr;
            unsigned long cp = digits.empty() ? 0 : std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
            if (!digits.empty() && stop && *stop == '\0' && cp > 0 && cp <= 0x10FFFF) append_utf8(static_cast<uint32_t>(cp), &decoded);
          }
          if (!decoded.empty()) {
            for (char c : decoded) {
              out->push_back(c);
              origin->push_back(static_cast<uint32_t>(i));
            }
            i = semi;
            continue;
          }
        }
      }
      out->push_back(doc_[i]);
      origin->push_back(static_cast<uint32_t>(i));
    }
  }

  bool start_tag(XmlNode* node, bool* empty, std::string* err) {
    node->offset = static_cast<uint32_t>(at_);
    size_t i = at_ + 1;
    size_t begin = i;
    while (i < doc_.size() && name_char(doc_[i])) ++i;
    if (i == begin) return fail(at_, "'<' that starts no tag", err);
    node->name = std::string(doc_.substr(begin, i - begin));
    for (;;) {
      while (i < doc_.size() && blank(doc_[i])) ++i;
      if (i >= doc_.size()) return fail(at_, "<" + node->name + " is never closed with '>'", err);
      if (doc_[i] == '>') {
        at_ = i + 1;
        return true;
      }
      if (doc_[i] == '/' && i + 1 < doc_.size() && doc_[i + 1] == '>') {
        *empty = true;
        at_ = i + 2;
        return true;
      }
      size_t name_begin = i;
      while (i < doc_.size() && name_char(doc_[i])) ++i;
      if (i == name_begin) return fail(i, "unexpected character in <" + node->name + ">", err);
      XmlAttribute a;
      a.name = std::string(doc_.substr(name_begin, i - name_begin));
      while (i < doc_.size() && blank(doc_[i])) ++i;
      if (i >= doc_.size() || doc_[i] != '=') return fail(i, "attribute " + a.name + " has no value", err);
      ++i;
      while (i < doc_.size() && blank(doc_[i])) ++i;
      if (i >= doc_.size() || (doc_[i] != '"' && doc_[i] != '\'')) return fail(i, "attribute " + a.name + " is not quoted", err);
      char quote = doc_[i++];
      size_t close = doc_.find(quote, i);
      if (close == std::string_view::npos) return fail(i, "attribute " + a.name + " is never closed", err);
      a.offset = static_cast<uint32_t>(i);
      decode(i, close, &a.value, &a.origin);
      node->attributes.push_back(std::move(a));
      i = close + 1;
    }
  }

  std::string_view doc_;
  size_t at_ = 0;
};

}  // namespace

std::string_view XmlNode::local_name() const {
  std::string_view n = name;
  size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const XmlAttribute* XmlNode::attribute(std::string_view n) const {
  for (const XmlAttribute& a : attributes)
    if (a.name == n) return &a;
  return nullptr;
}

std::string XmlNode::attr(std::string_view n, std::string_view fallback) const {
  const XmlAttribute* a = attribute(n);
  return a ? a->value : std::string(fallback);
}

std::string XmlNode::inner_text(std::vector<uint32_t>* origin) const {
  std::string out;
  for (const XmlNode& c : children) {
    if (!c.is_text()) continue;
    out += c.text;
    if (origin) origin->insert(origin->end(), c.origin.begin(), c.origin.end());
  }
  return out;
}

bool parse_xml(std::string_view doc, XmlNode* root, std::string* err) {
  *root = XmlNode{};
  return Reader(doc).run(root, err);
}

}  // namespace schemagate::source
