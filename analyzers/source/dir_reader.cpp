// See dir_reader.h.
#include "analyzers/source/dir_reader.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstring>

namespace schemagate::source {

namespace {
constexpr size_t kBuffer = 32768;  // glibc's opendir buffer
}

DirReader::DirReader(const char* path) {
  fd_ = ::open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NONBLOCK);
  if (fd_ < 0) error_ = errno;
}

DirReader::~DirReader() {
  if (fd_ >= 0) ::close(fd_);
}

bool DirReader::next(std::string_view* name, unsigned char* type) {
  if (fd_ < 0) return false;
  for (;;) {
    if (pos_ >= len_) {
      if (!buf_) buf_.reset(new char[kBuffer]);  // not value-initialised: getdents64 fills it
      ssize_t n;
      do n = ::getdents64(fd_, buf_.get(), kBuffer);
      while (n < 0 && errno == EINTR);
      if (n <= 0) {
        error_ = n < 0 ? errno : 0;
        return false;
      }
      pos_ = 0;
      len_ = static_cast<size_t>(n);
    }
    // struct dirent64 is linux_dirent64: d_ino, d_off, d_reclen, d_type, then the name.
    const char* at = buf_.get() + pos_;
    unsigned short reclen;
    std::memcpy(&reclen, at + offsetof(struct dirent64, d_reclen), sizeof reclen);
    pos_ += reclen;
    const char* n = at + offsetof(struct dirent64, d_name);
    std::string_view entry(n, ::strnlen(n, reclen - offsetof(struct dirent64, d_name)));
    if (entry == "." || entry == "..") continue;
    *name = entry;
    *type = static_cast<unsigned char>(at[offsetof(struct dirent64, d_type)]);
    return true;
  }
}

}  // namespace schemagate::source
