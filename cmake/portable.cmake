# schemagate-portable, the release binary (ci/release.sh): the objects of `schemagate` linked with
# every library static except glibc, so one binary runs on any Linux whose glibc is at least as
# new as the symbol versions it needs (tests/release/test_release.sh prints the newest). Debian
# ships the static archive of every dependency; PostgreSQL's libpgcommon/libpgport, which libpq.a
# needs, come from postgresql-server-dev-15 (SCHEMAGATE_PG_STATIC_DIR; ci/release.sh unpacks it).
# GSSAPI and LDAP have no static archives: ci/release/portable_stubs.c stands in for them (see
# there for what that disables). libgit2's transports (HTTPS through mbedTLS, SSH through libssh2)
# are linked as Debian built them; schemagate only reads local repositories.
set(SCHEMAGATE_PG_STATIC_DIR "" CACHE PATH "Directory with libpgcommon_shlib.a and libpgport_shlib.a")

set(_archives)
foreach(name pqxx pq pgcommon_shlib pgport_shlib ssl crypto
             git2 mbedtls mbedx509 mbedcrypto http_parser ssh2 pcre2-8 z
             yaml-cpp pg_query tree-sitter)
  string(MAKE_C_IDENTIFIER "archive_${name}" var)
  find_library(${var} NAMES lib${name}.a HINTS ${SCHEMAGATE_PG_STATIC_DIR} NO_CACHE)
  if(NOT ${var})
    message(FATAL_ERROR "SCHEMAGATE_PORTABLE: lib${name}.a not found (ci/release.sh installs what is needed)")
  endif()
  list(APPEND _archives ${${var}})
endforeach()

add_library(schemagate_portable_stubs STATIC ${CMAKE_SOURCE_DIR}/ci/release/portable_stubs.c)
add_executable(schemagate-portable $<TARGET_OBJECTS:schemagate_cli>)
add_dependencies(schemagate-portable schemagate_core schemagate_grammars schemagate_portable_stubs)
# One group: libpgcommon and libpgport call each other, libssh2 and libpq need libcrypto after them.
target_link_libraries(schemagate-portable PRIVATE
  -Wl,--start-group $<TARGET_FILE:schemagate_core> $<TARGET_FILE:schemagate_grammars> ${_archives}
  $<TARGET_FILE:schemagate_portable_stubs> -Wl,--end-group
  ${SCHEMAGATE_ALLOCATOR} ${CMAKE_DL_LIBS} Threads::Threads rt m)
target_link_options(schemagate-portable PRIVATE -static-libstdc++ -static-libgcc)
