// The one rule for skipping blanks and comments: nested block comments, as PostgreSQL's lexer.
#include <doctest/doctest.h>

#include "analyzers/sql/scan.h"

using schemagate::sql::skip_blanks_and_comments;
using schemagate::sql::skip_comment;

TEST_CASE("block comments nest; line comments end at the newline") {
  CHECK(skip_comment("/* a /* b */ c */SELECT", 0) == 17);
  CHECK(skip_comment("-- x\nSELECT", 0) == 5);
  CHECK(skip_comment("SELECT", 0) == 0);
  CHECK(skip_comment("/* never closed", 0) == 15);
  CHECK(skip_blanks_and_comments("  /* a /* b */ */\n -- c\n  INSERT", 0) == 26);
  CHECK(skip_blanks_and_comments("   ", 0) == 3);
}

using schemagate::sql::dollar_tag;
using schemagate::sql::skip_comment_or_quoted;
using schemagate::sql::skip_quoted;

TEST_CASE("scan: string constants, E'' escapes, quoted identifiers") {
  CHECK(skip_quoted("'it''s' x", 0).end == 7);
  CHECK(skip_quoted("E'it\\'s' x", 1).end == 8);  // backslash escapes the quote in an E'' string
  CHECK(skip_quoted("e'a\\\\' x", 1).end == 6);    // an escaped backslash, then the close
  CHECK(skip_quoted("'a\\' x", 0).end == 4);      // outside E'', a backslash is a byte
  CHECK(skip_quoted("NE'a\\' b'", 2).end == 6);   // NE is a word: not an E'' string
  CHECK(skip_quoted("\"a\"\"b\" x", 0).end == 6);
  CHECK(skip_quoted("x", 0).end == 0);
}

TEST_CASE("scan: dollar quotes, and $tag$ inside a string is text") {
  CHECK(dollar_tag("$$ x $$", 0) == "$$");
  CHECK(dollar_tag("$body$ x $body$", 0) == "$body$");
  CHECK(dollar_tag("$1", 0).empty());
  CHECK(dollar_tag("a$b$", 1).empty());  // part of an identifier
  CHECK(skip_quoted("$fn$ SELECT '$$' $fn$;", 0).end == 21);
  CHECK(skip_quoted("$$ a $x$ b $$ c", 0).end == 13);  // another tag does not close it
  std::string_view text = "SELECT '$tag$', 1";
  CHECK(skip_comment_or_quoted(text, 7).end == 14);  // the string, not a dollar quote
}

TEST_CASE("scan: comments nest; the scan tells an unterminated run") {
  CHECK(skip_comment_or_quoted("/* a /* b */ c */ x", 0).end == 17);
  CHECK(skip_comment_or_quoted("/* a /* b */ c */ x", 0).closed);
  CHECK(skip_comment_or_quoted("-- a\nb", 0).end == 5);
  auto open_comment = skip_comment_or_quoted("/* a /* b */", 0);
  CHECK(open_comment.end == 12);
  CHECK_FALSE(open_comment.closed);
  auto open_string = skip_comment_or_quoted("'abc", 0);
  CHECK(open_string.end == 4);
  CHECK_FALSE(open_string.closed);
  CHECK_FALSE(skip_comment_or_quoted("E'ab\\'", 1).closed);
  CHECK_FALSE(skip_comment_or_quoted("$q$ body", 0).closed);
  CHECK_FALSE(skip_comment_or_quoted("\"name", 0).closed);
  auto none = skip_comment_or_quoted("SELECT", 0);
  CHECK(none.end == 0);
  CHECK(none.closed);
}
