// A small XML reader for the XML files that hold database work in JVM projects: Liquibase
// changelogs and MyBatis mappers. Both need what general XML libraries give up or make costly:
// the byte offset of every element, attribute value and text byte in the file (a finding points
// at the column inside a <select>, not at the mapper), and mixed content in document order
// (`SELECT ... <where><if test="...">AND a = #{a}</if></where>`).
//
// It reads well-formed documents: the prolog (<?xml ...?>, comments, a DOCTYPE with or without
// an internal subset, which is skipped), elements, attributes in either quote, character data,
// CDATA sections, comments and processing instructions inside, and the five predefined entities
// plus character references. A DTD's own entities are not expanded (MyBatis and Liquibase files
// do not declare any); such a reference stays as written. Anything malformed is an error naming
// its byte offset: a file the reader cannot follow is reported, never guessed at.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace schemagate::source {

struct XmlAttribute {
  std::string name;
  std::string value;            ///< entities decoded
  std::vector<uint32_t> origin;  ///< file offset of each byte of `value`
  uint32_t offset = 0;          ///< of the value's first byte (after the quote)
};

/// An element, or (name empty) a run of character data between two pieces of markup.
struct XmlNode {
  std::string name;  ///< as written, with any prefix ("ext:createTable"); "" for text
  uint32_t offset = 0;  ///< of '<' (elements), of the first byte (text)
  uint32_t end = 0;     ///< one past the element's last byte ('>' of its end tag)
  std::vector<XmlAttribute> attributes;
  std::vector<XmlNode> children;  ///< elements and text, in document order
  std::string text;               ///< text nodes: the characters, entities decoded, CDATA unwrapped
  std::vector<uint32_t> origin;   ///< text nodes: file offset of each byte of `text`

  bool is_text() const { return name.empty(); }
  /// The name without its namespace prefix.
  std::string_view local_name() const;
  /// The attribute named `name`, or nullptr.
  const XmlAttribute* attribute(std::string_view name) const;
  /// The attribute's value, or `fallback`.
  std::string attr(std::string_view name, std::string_view fallback = "") const;
  /// The text directly inside (child elements left out), with each byte's file offset.
  std::string inner_text(std::vector<uint32_t>* origin = nullptr) const;
};

/// Parses `doc` into its root element. Returns false with *err "offset N: what" on malformed
/// input (an unclosed tag, a mismatched end tag, a second root, an unterminated comment).
bool parse_xml(std::string_view doc, XmlNode* root, std::string* err);

}  // namespace schemagate::source
