# The JSON name of every field of libpg_query's protobuf messages, read from the installed
# pg_query.proto at configure time (never written by hand). protobuf-c's runtime descriptors
# carry only the snake_case names; sql/tree.cpp visits a node's children in the order of these
# names, the order in which the resolver has always walked the tree (sorted JSON keys).
set(_pgq_proto ${PG_QUERY_INCLUDE}/pg_query/pg_query.proto)
if(NOT EXISTS ${_pgq_proto})
  message(FATAL_ERROR "pg_query.proto not found beside pg_query.h (${_pgq_proto}): install libpg-query-dev")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_pgq_proto})
file(STRINGS ${_pgq_proto} _pgq_lines)
set(_pgq_out "// Generated from ${_pgq_proto} by cmake/pg_query_fields.cmake: {message, field number, JSON name}.\n")
set(_pgq_message "")
foreach(_line IN LISTS _pgq_lines)
  if(_line MATCHES "^message ([A-Za-z0-9_]+)")
    set(_pgq_message ${CMAKE_MATCH_1})
  elseif(_line MATCHES "^enum ")
    set(_pgq_message "")
  elseif(_pgq_message AND _line MATCHES "= ([0-9]+) \\[json_name=\"([A-Za-z0-9_]+)\"\\]")
    string(APPEND _pgq_out "{\"${_pgq_message}\", ${CMAKE_MATCH_1}, \"${CMAKE_MATCH_2}\"},\n")
  endif()
endforeach()
set(PG_QUERY_JSON_NAMES ${CMAKE_BINARY_DIR}/generated/analyzers/sql/pg_query_json_names.inc)
file(CONFIGURE OUTPUT ${PG_QUERY_JSON_NAMES} CONTENT "${_pgq_out}" @ONLY)
