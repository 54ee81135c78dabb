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
