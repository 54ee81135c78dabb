# The allocator: jemalloc, linked statically from Debian's libjemalloc-dev (libjemalloc_pic.a), in
# `schemagate`, the unit tests and `schemagate-portable` alike.
#
# A check allocates in many small pieces (tree-sitter's subtrees and stacks, the extracted
# strings, the resolver's scopes): glibc's malloc and free were 8 to 9% of a check's instructions
# on hatchet (malloc_consolidate alone 0.9%). jemalloc, measured in interleaved runs of `check -j1`
# on the bench corpora, took 6.5% off hatchet, 4.6% off synapse and 7% off temporal, left the
# pre-commit run as it was, and raised peak memory by about 8%. (mimalloc did a little better, but
# Debian ships no static archive of it, and the release binary links nothing shared but glibc.)
# Not with a sanitizer (ASan brings its own allocator), nor with -DSCHEMAGATE_JEMALLOC=OFF; without
# the archive, glibc's malloc stays, and nothing else changes.
option(SCHEMAGATE_JEMALLOC "Link jemalloc's static archive as the allocator" ON)
set(SCHEMAGATE_ALLOCATOR "")
if(SCHEMAGATE_JEMALLOC AND NOT "${CMAKE_CXX_FLAGS} ${CMAKE_EXE_LINKER_FLAGS}" MATCHES "-fsanitize")
  find_library(static_jemalloc NAMES libjemalloc_pic.a NO_CACHE)
  if(static_jemalloc)
    set(SCHEMAGATE_ALLOCATOR ${static_jemalloc})
    message(STATUS "schemagate: allocator: jemalloc (${static_jemalloc})")
  else()
    message(STATUS "schemagate: allocator: glibc's (no libjemalloc_pic.a: apt-get install libjemalloc-dev)")
  endif()
endif()
