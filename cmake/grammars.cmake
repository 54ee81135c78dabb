# Tree-sitter grammars from the npm registry: each package ships its generated src/parser.c
# (and an external scanner.c). Versions are pinned to the 0.23.x line, whose parsers are
# ABI 14, the newest ABI Debian 12's libtree-sitter 0.20.7 loads (Kotlin's grammar, fwcd's,
# published as tree-sitter-kotlin, has no 0.23 line: its 0.3.x releases are ABI 14). Tarballs
# are verified by SHA-256 before use and are extracted into the build tree; nothing is committed.
#
# SCHEMAGATE_GRAMMAR_CACHE may name a directory holding the tarballs already (offline builds).

set(SCHEMAGATE_GRAMMAR_CACHE "" CACHE PATH "Directory with pre-downloaded grammar tarballs")

# name | version | sha256 | source directories inside the package (parser.c [+ scanner.c])
set(SCHEMAGATE_GRAMMARS
  "python|0.23.6|aab5b860d93dbf84b37fed532f7dacc0468ede5387d0c74911d68f964287662a|src"
  "javascript|0.23.1|90e80b25a67517a4daf6ad751557bee21efbda7b7a5a554897933245d1734398|src"
  "typescript|0.23.2|0fdf63c35930a75885145d75ee63cb879da2d49db9bfe454bd8e60b08ba778a1|typescript/src,tsx/src"
  "go|0.23.4|8779d20d322b4319ad8c833ea72ecb6d109cf1fec8979bdcdb5315a2e511dd2c|src"
  "java|0.23.5|6b6c1b62605f9d8bb80efd2ebe5951a87b182faafa3eeb67c460a667818551b6|src"
  "kotlin|0.3.8|e2da896c8316af1d491afc69b49173da97373bb757d07f11c455a0963c62e6b0|src"
  "ruby|0.23.1|1f0f0c100e31ddf650962ebb1f1fb8420bdbabccd49582f6e731ea7478db639d|src"
)

set(_grammar_root ${CMAKE_BINARY_DIR}/_grammars)
file(MAKE_DIRECTORY ${_grammar_root})
set(_grammar_sources)
set(_grammar_includes)
foreach(row IN LISTS SCHEMAGATE_GRAMMARS)
  string(REPLACE "|" ";" fields "${row}")
  list(GET fields 0 name)
  list(GET fields 1 version)
  list(GET fields 2 sha)
  list(GET fields 3 dirs)
  set(tarball ${_grammar_root}/tree-sitter-${name}-${version}.tgz)
  if(SCHEMAGATE_GRAMMAR_CACHE AND EXISTS ${SCHEMAGATE_GRAMMAR_CACHE}/tree-sitter-${name}-${version}.tgz)
    file(COPY_FILE ${SCHEMAGATE_GRAMMAR_CACHE}/tree-sitter-${name}-${version}.tgz ${tarball})
  endif()
  set(have_valid FALSE)
  if(EXISTS ${tarball})
    file(SHA256 ${tarball} got)
    if(got STREQUAL sha)
      set(have_valid TRUE)
    endif()
  endif()
  if(NOT have_valid)
    message(STATUS "Fetching tree-sitter-${name}@${version} from the npm registry")
    file(DOWNLOAD https://registry.npmjs.org/tree-sitter-${name}/-/tree-sitter-${name}-${version}.tgz
      ${tarball} EXPECTED_HASH SHA256=${sha} STATUS st TLS_VERIFY ON)
    list(GET st 0 code)
    if(NOT code EQUAL 0)
      message(FATAL_ERROR "could not fetch tree-sitter-${name}@${version}: ${st}")
    endif()
  endif()
  set(dest ${_grammar_root}/${name}-${version})
  if(NOT EXISTS ${dest}/.extracted)
    file(REMOVE_RECURSE ${dest})
    file(ARCHIVE_EXTRACT INPUT ${tarball} DESTINATION ${dest})
    file(TOUCH ${dest}/.extracted)
  endif()
  string(REPLACE "," ";" dirs "${dirs}")
  foreach(d IN LISTS dirs)
    set(srcdir ${dest}/package/${d})
    file(STRINGS ${srcdir}/parser.c abi REGEX "#define LANGUAGE_VERSION ")
    if(NOT abi MATCHES "LANGUAGE_VERSION 14$")
      message(FATAL_ERROR "tree-sitter-${name}@${version} (${d}) is not ABI 14: ${abi}")
    endif()
    # One object library per source directory: each has its own tree_sitter/parser.h.
    string(MAKE_C_IDENTIFIER "grammar_${name}_${d}" lib)
    set(files ${srcdir}/parser.c)
    if(EXISTS ${srcdir}/scanner.c)
      list(APPEND files ${srcdir}/scanner.c)
    endif()
    add_library(${lib} OBJECT ${files})
    target_include_directories(${lib} PRIVATE ${srcdir})
    # Generated code of the grammars' authors: the sanitizer job (ci/sanitize.sh) checks
    # schemagate, not their scanners' memcpy(dst, NULL, 0) (kotlin's scanner serializes an empty
    # stack that way, which UBSan's nonnull check stops on).
    target_compile_options(${lib} PRIVATE -w -O2 $<$<C_COMPILER_ID:Clang>:-fno-sanitize=nonnull-attribute>)
    set_target_properties(${lib} PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
    list(APPEND _grammar_sources $<TARGET_OBJECTS:${lib}>)
  endforeach()
endforeach()
add_library(schemagate_grammars STATIC ${_grammar_sources})
set_target_properties(schemagate_grammars PROPERTIES LINKER_LANGUAGE C)
