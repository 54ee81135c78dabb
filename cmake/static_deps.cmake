# How `schemagate` links its dependencies: SCHEMAGATE_DEPS, the list schemagate_core links.
#
# A pre-commit run (`check --changed-since`) does little work, and linked against shared
# libraries the dynamic loader did a tenth of it before main(): 40 libraries mapped and 13,500
# symbols resolved (21 M instructions of a 230 M run on hatchet). Debian ships the static archive
# of every dependency with its -dev package, so the binary takes those (tree-sitter, libgit2 with
# its transports, libpqxx, yaml-cpp, libpg_query) and libstdc++/libgcc; libpq stays shared (its
# static archive needs PostgreSQL's server-dev libraries) and is opened only when a database is
# used (libpq_on_demand.cpp); libcrypto and GSSAPI, which libgit2's archive needs (its SSH transport
# and HTTP "Negotiate" authentication, never used: schemagate reads local repositories only), are
# libcrypto's archive and stubs (below). Without an archive, or with
# -DSCHEMAGATE_STATIC_DEPS=OFF, the shared libraries are linked as before.
option(SCHEMAGATE_STATIC_DEPS "Link the dependencies Debian ships as static archives into schemagate" ON)

set(SCHEMAGATE_DEPS PkgConfig::TREE_SITTER PkgConfig::LIBGIT2 PkgConfig::PQXX PkgConfig::PQ PkgConfig::YAMLCPP
    ${PG_QUERY_LIB})
if(SCHEMAGATE_STATIC_DEPS)
  set(_archives)
  set(_missing)
  # In link order: libgit2 before what it calls, libpqxx before libpq.
  foreach(name tree-sitter git2 mbedtls mbedx509 mbedcrypto http_parser ssh2 pcre2-8 z pqxx yaml-cpp pg_query)
    string(MAKE_C_IDENTIFIER "static_${name}" var)
    find_library(${var} NAMES lib${name}.a NO_CACHE)
    if(${var})
      list(APPEND _archives ${${var}})
    else()
      list(APPEND _missing lib${name}.a)
    endif()
  endforeach()
  # What libgit2's archive calls besides: OpenSSL's libcrypto (libssh2's) and GSSAPI (its HTTP
  # "Negotiate" authentication). libcrypto's static archive (libssl-dev) when there is one, and
  # the portable build's stubs for GSSAPI (ci/release/portable_stubs.c: every call fails as
  # without credentials), since schemagate never opens a remote with libgit2: the dynamic loader
  # then maps no library but glibc at start (a run's start-up 2.2 -> 1.5 ms, page faults 553 ->
  # 463). libpq, opened on demand, brings its own libcrypto and GSSAPI, which the executable's
  # copies (not exported) do not hide. Without the archive, the shared libraries as before.
  find_library(static_crypto_archive NAMES libcrypto.a NO_CACHE)
  if(static_crypto_archive)
    add_library(schemagate_gssapi_stubs STATIC ${CMAKE_SOURCE_DIR}/ci/release/portable_stubs.c)
    set(static_crypto ${static_crypto_archive})
    set(static_gssapi schemagate_gssapi_stubs)
  else()
    find_library(static_crypto NAMES crypto libcrypto.so.3 NO_CACHE)
    find_library(static_gssapi NAMES gssapi_krb5 libgssapi_krb5.so.2 NO_CACHE)
  endif()
  foreach(var static_crypto static_gssapi)
    if(NOT ${var})
      list(APPEND _missing ${var})
    endif()
  endforeach()
  if(_missing)
    message(STATUS "schemagate: linking shared libraries (no ${_missing})")
  else()
    # libpq itself is opened when a database is first used (libpq_on_demand.cpp), not at start.
    add_library(schemagate_libpq_on_demand STATIC ${CMAKE_CURRENT_LIST_DIR}/libpq_on_demand.cpp)
    target_include_directories(schemagate_libpq_on_demand SYSTEM PRIVATE ${PQ_INCLUDE_DIRS})
    target_link_libraries(schemagate_libpq_on_demand PRIVATE ${CMAKE_DL_LIBS})
    set(SCHEMAGATE_DEPS ${_archives} schemagate_libpq_on_demand ${static_crypto} ${static_gssapi} rt)
    # The headers still come from the packages' pkg-config files.
    set(SCHEMAGATE_DEP_INCLUDES ${TREE_SITTER_INCLUDE_DIRS} ${LIBGIT2_INCLUDE_DIRS} ${PQXX_INCLUDE_DIRS}
        ${PQ_INCLUDE_DIRS} ${YAMLCPP_INCLUDE_DIRS})
    # libgit2's start-up would parse the whole CA bundle (analyzers/source/git_runtime.cpp).
    set(SCHEMAGATE_STATIC_LINK_OPTIONS -static-libstdc++ -static-libgcc LINKER:--as-needed
        LINKER:--wrap=mbedtls_x509_crt_parse_file)
  endif()
endif()
