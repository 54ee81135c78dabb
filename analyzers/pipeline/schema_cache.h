// The schema cache: pre-commit runs `check --changed-since` on every commit, and most of its time
// went to finding and replaying the migrations, which rarely changed. build_schema is a function
// of its options and of what the file system answers, nothing else (no clock, no environment, no
// git), so a build is stored with every answer it was given: each file read (a migration or a
// config by its bytes' SHA-256, a code file the discovery searched by its identity, as git's index
// keeps it), each directory listed, each is_file / is_dir. A later run with the same binary and
// options asks the file system the same questions; when every answer is the same, the build would
// be the same, and the stored one is used. Any changed, added or removed migration, any changed
// file the discovery read (a go.mod, a tool's config, Go code that registers migrations) changes
// an answer: the migrations are replayed.
//
// A cache file is never trusted: a bad magic, a checksum that does not match, a record that does
// not decode or a key that is not this run's is a miss, and the schema is built. Writes go to a
// temporary file renamed over the old one, so a reader sees a whole file or the previous one.
#pragma once
#include <string>

#include "analyzers/pipeline/pipeline.h"
#include "analyzers/source/file_system.h"

namespace schemagate::pipeline {

/// Where cache files live: $SCHEMAGATE_CACHE_DIR when set ("" when set empty: no cache), else
/// $XDG_CACHE_HOME/schemagate, else $HOME/.cache/schemagate; "" when none is set (no cache).
std::string schema_cache_dir();

/// A regular file's identity as git's index keeps it (device, inode, size, modification and
/// change times): the same identity is the same bytes, since any write moves the change time,
/// which no program can set. The caches keep a file's identity instead of hashing its bytes
/// (hashing every file a build read, a Go tree's migration code, cost more than the rest of a
/// cache hit). "" for a file changed less than a second before `before_ns` (it may have changed
/// again within the clock's granularity after it was read); 0: no such bound.
std::string identity_bytes(const source::FileIdentity& id, int64_t before_ns);
/// identity_bytes of the regular file at `path` from an lstat(2) now; "" for anything else.
std::string file_identity(const std::string& path, int64_t before_ns);
/// file_identity, from the lstat this run made of the file already where `fs` kept it (a
/// pre-commit run stats every tracked file before the caches are asked).
std::string identity_now(const source::FileSystem& fs, const std::string& path, int64_t before_ns = 0);

/// What a cached build was made with, besides the file system's answers.
struct SchemaCacheKey {
  std::string root;       ///< the project directory, absolute
  std::string binary;     ///< the binary's identity (version, path, size, modification time)
  const Options* options = nullptr;
  /// The file system is the real one (paths reach the files through lstat(2)): a file whose
  /// device, inode, size and times are those recorded is not read and hashed again.
  bool real_files = false;
};

/// How a cached build went: `hit` when the stored build was used; `why` says why not (for
/// --verbose), "" on a hit.
struct SchemaCacheResult {
  bool hit = false;
  bool stored = false;
  std::string why;
  std::string file;  ///< the cache file
};

/// build_schema through the cache in `dir`: the stored build when every answer it was made from
/// is still the file system's, else a fresh build, stored for the next run (a build that fails is
/// not stored). `dir` "" builds without the cache.
bool build_schema_cached(const source::FileSystem& fs, const SchemaCacheKey& key, const std::string& dir,
                         SchemaBuild* out, std::string* err, SchemaCacheResult* result);

/// The cache's encoding of a build, and back (the unit tests' round trip). decode is false on
/// any input encode did not write.
std::string encode_schema_build(const SchemaBuild& build);
bool decode_schema_build(std::string_view bytes, SchemaBuild* out);

}  // namespace schemagate::pipeline
