// File names and SQL come from the pull request and need not be UTF-8 (a name with byte 0xFF is
// legal on Linux), while JSON, SARIF and XML must be. Every renderer that emits one of those
// passes text through here: invalid sequences become U+FFFD, valid text is unchanged.
#pragma once
#include <string>
#include <string_view>

namespace schemagate::report {

/// `s` with every byte that does not start a well-formed UTF-8 sequence (overlong forms,
/// surrogates and code points above U+10FFFF included) replaced by U+FFFD.
std::string to_valid_utf8(std::string_view s);

}  // namespace schemagate::report
