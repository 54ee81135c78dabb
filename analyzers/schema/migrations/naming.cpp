// Version comparison without integer parsing: timestamps with seconds or nanoseconds do not fit
// every integer type that tools use, and schemagate never needs the value, only the order.
#include "analyzers/schema/migrations/naming.h"

#include <algorithm>

namespace schemagate::schema::migrations {

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

std::string_view leading_digits(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && is_digit(s[n])) ++n;
  return s.substr(0, n);
}

std::string strip_leading_zeros(std::string_view digits) {
  size_t first = digits.find_first_not_of('0');
  if (first == std::string_view::npos) return digits.empty() ? std::string() : std::string("0");
  return std::string(digits.substr(first));
}

int compare_numbers(std::string_view a, std::string_view b) {
  // Zero becomes "", so that "" (a missing dotted part) and "000" compare equal.
  auto significant = [](std::string_view d) {
    size_t first = d.find_first_not_of('0');
    return first == std::string_view::npos ? std::string_view() : d.substr(first);
  };
  std::string_view x = significant(a), y = significant(b);
  if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
  int c = x.compare(y);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

int compare_dotted_versions(std::string_view a, std::string_view b) {
  while (!a.empty() || !b.empty()) {
    size_t da = std::min(a.find('.'), a.size());
    size_t db = std::min(b.find('.'), b.size());
    // An absent part is "", which compares as 0.
    if (int c = compare_numbers(a.substr(0, da), b.substr(0, db)); c != 0) return c;
    a.remove_prefix(std::min(da + 1, a.size()));
    b.remove_prefix(std::min(db + 1, b.size()));
  }
  return 0;
}

std::string_view last_component(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view numbered_prefix(std::string_view name) {
  if (name.size() > 1 && (name[0] == 'V' || name[0] == 'v')) return leading_digits(name.substr(1));
  return leading_digits(name);
}

bool match_numbered_name(std::string_view file, std::string_view suffix, std::string_view* digits,
                         std::string_view* name) {
  if (!file.ends_with(suffix)) return false;
  std::string_view stem = file.substr(0, file.size() - suffix.size());
  std::string_view d = leading_digits(stem);
  if (d.empty() || d.size() >= stem.size() || stem[d.size()] != '_') return false;
  *digits = d;
  *name = stem.substr(d.size() + 1);
  return true;
}

std::string_view description_after_version(std::string_view stem) {
  if (std::string_view n = numbered_prefix(stem); !n.empty() && n.data() != stem.data()) stem.remove_prefix(1);
  stem.remove_prefix(leading_digits(stem).size());
  if (!stem.empty() && (stem[0] == '_' || stem[0] == '-' || stem[0] == '.' || stem[0] == ' '))
    stem.remove_prefix(1);
  return stem;
}

}  // namespace schemagate::schema::migrations
