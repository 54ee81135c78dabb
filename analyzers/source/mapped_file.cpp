// See mapped_file.h.
#include "analyzers/source/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace schemagate::source {

MappedFile::~MappedFile() {
  if (map_) ::munmap(map_, mapped_);
}

bool MappedFile::open(const std::string& path, bool populate) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = ::fstat(fd, &st_) == 0 && S_ISREG(st_.st_mode);
  size_t size = ok ? static_cast<size_t>(st_.st_size) : 0;
  if (ok && size > 0) {
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | (populate ? MAP_POPULATE : 0), fd, 0);
    if (map != MAP_FAILED) {
      map_ = map;
      mapped_ = size;
      bytes_ = std::string_view(static_cast<const char*>(map), size);
    } else {
      read_.reset(new char[size]);  // not zeroed: every byte is read over
      size_t got = 0;
      while (ok && got < size) {
        ssize_t n = ::read(fd, read_.get() + got, size - got);
        if (n <= 0) ok = false;
        else got += static_cast<size_t>(n);
      }
      bytes_ = std::string_view(read_.get(), got);
    }
  }
  ::close(fd);
  return ok;
}

}  // namespace schemagate::source
