// SQL resolution -> requirements. Every reference a statement resolves to a relation of the
// schema, or certainly fails to (a missing relation, a column no candidate relation has),
// becomes a requirement at the bytes of the host file that spell it. References to what the
// statement defines itself (CTEs, subqueries) and references left unchecked are not
// requirements: the audit view (`refs`) lists them from the resolution.
#pragma once
#include <vector>

#include "analyzers/requirements/requirement.h"
#include "analyzers/sql/resolve.h"
#include "analyzers/sql/sql_text.h"

namespace schemagate::sql {

/// Appends the requirements of one resolved statement. `text` is the statement text the
/// resolution's offsets refer to, with the host origin of each byte; `unit` is the index of
/// the statement's Unit.
/// What the checks judge for a Relation or Column reference, without its place or use: the
/// object, relation and column, and the relations an unqualified column was searched in.
requirements::Requirement requirement_of(const Reference& ref);

void add_requirements(const Resolution& resolution, const SqlText& text, size_t unit,
                      std::vector<requirements::Requirement>* out);

}  // namespace schemagate::sql
