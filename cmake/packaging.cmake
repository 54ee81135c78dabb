# The binary's documentation and version information, and the Debian package (CPack; ci/release.sh
# runs `cpack -G DEB` in the portable build).

# docs/rules/*.md inside the binary (cli/rule_docs.h).
file(GLOB SCHEMAGATE_RULE_DOCS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/docs/rules/*.md)
add_custom_command(
  OUTPUT ${CMAKE_BINARY_DIR}/rule_docs.cpp
  COMMAND ${CMAKE_COMMAND} -DDOCS_DIR=${CMAKE_SOURCE_DIR}/docs/rules -DOUTPUT=${CMAKE_BINARY_DIR}/rule_docs.cpp
          -P ${CMAKE_SOURCE_DIR}/cmake/embed_docs.cmake
  DEPENDS ${SCHEMAGATE_RULE_DOCS} ${CMAKE_SOURCE_DIR}/cmake/embed_docs.cmake
  COMMENT "Embedding docs/rules")
target_sources(schemagate_cli PRIVATE ${CMAKE_BINARY_DIR}/rule_docs.cpp)

# libpg_query's version is in no header (pg_query.h has the PostgreSQL grammar's): the Debian
# package's, without its Debian revision ("15-4.0.0").
if(NOT DEFINED SCHEMAGATE_PG_QUERY_VERSION)
  execute_process(COMMAND dpkg-query -W -f=\${Version} libpg-query-dev OUTPUT_VARIABLE _pgq RESULT_VARIABLE _rc
                  ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(_rc EQUAL 0 AND _pgq)
    string(REGEX REPLACE "-[^-]+$" "" _pgq "${_pgq}")
  else()
    set(_pgq "unknown")
  endif()
  set(SCHEMAGATE_PG_QUERY_VERSION "${_pgq}" CACHE STRING "libpg_query's version, for --version")
endif()
target_compile_definitions(schemagate_cli PRIVATE SCHEMAGATE_PG_QUERY_VERSION="${SCHEMAGATE_PG_QUERY_VERSION}")

# The manual page, written by the binary from its own command-line definitions (cli/man_page.h).
add_custom_command(
  OUTPUT ${CMAKE_BINARY_DIR}/schemagate.1
  COMMAND sh -c "\"$1\" man > \"$2\"" sh $<TARGET_FILE:schemagate> ${CMAKE_BINARY_DIR}/schemagate.1
  DEPENDS schemagate
  COMMENT "Writing the manual page schemagate.1"
  VERBATIM)
add_custom_target(schemagate-man ALL DEPENDS ${CMAKE_BINARY_DIR}/schemagate.1)
install(FILES ${CMAKE_BINARY_DIR}/schemagate.1 DESTINATION share/man/man1)

# The .deb carries the portable binary when there is one (ci/release.sh), as bin/schemagate.
if(TARGET schemagate-portable)
  install(PROGRAMS $<TARGET_FILE:schemagate-portable> DESTINATION bin RENAME schemagate)
else()
  install(TARGETS schemagate RUNTIME DESTINATION bin)
  # A binary that opens libpq on its first database call (libpq_on_demand.cpp) does not list it
  # among its needed libraries, so dpkg-shlibdeps cannot see it: the package names it.
  if(TARGET schemagate_libpq_on_demand)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libpq5")
  endif()
endif()
set(CPACK_PACKAGE_NAME schemagate)
set(CPACK_PACKAGE_VENDOR schemagate)
set(CPACK_PACKAGE_CONTACT "schemagate <https://github.com/schemagate/schemagate/issues>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "fails CI when code needs database columns that its migrations do not create")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/schemagate/schemagate")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# The dependencies dpkg-shlibdeps reads from the binary: libc6 alone for the portable build.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
include(CPack)
