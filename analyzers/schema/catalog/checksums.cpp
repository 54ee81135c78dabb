// Flyway's CRC32 and SHA-384 (FIPS 180-4, the SHA-512 compression with its own initial values,
// truncated); each format's row chooses (TrackingLayout::checksum). Small enough to carry rather than link a
// crypto library; the unit tests pin them to published test vectors.
#include "analyzers/schema/catalog/checksums.h"

#include <array>

#include "analyzers/schema/migrations/migration.h"

namespace schemagate::schema::catalog {
namespace {

uint32_t crc32_update(uint32_t crc, std::string_view bytes) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  crc = ~crc;
  for (unsigned char b : bytes) crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

constexpr std::array<uint64_t, 80> kRound = {
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
    0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
    0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
    0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
    0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
    0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
    0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
    0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
    0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
    0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817};

uint64_t rotr(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

void compress(std::array<uint64_t, 8>& h, const unsigned char* block) {
  uint64_t w[80];
  for (int i = 0; i < 16; ++i) {
    w[i] = 0;
    for (int k = 0; k < 8; ++k) w[i] = w[i] << 8 | block[8 * i + k];
  }
  for (int i = 16; i < 80; ++i) {
    uint64_t s0 = rotr(w[i - 15], 1) ^ rotr(w[i - 15], 8) ^ (w[i - 15] >> 7);
    uint64_t s1 = rotr(w[i - 2], 19) ^ rotr(w[i - 2], 61) ^ (w[i - 2] >> 6);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int i = 0; i < 80; ++i) {
    uint64_t t1 = hh + (rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)) + ((e & f) ^ (~e & g)) + kRound[i] + w[i];
    uint64_t t2 = (rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
    hh = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
  }
  h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
}


}  // namespace

std::string flyway_checksum(std::string_view file) {
  if (file.substr(0, 3) == "\xEF\xBB\xBF") file.remove_prefix(3);  // BomFilter on the first line
  uint32_t crc = 0;
  size_t i = 0;
  while (i < file.size()) {  // BufferedReader.readLine: a line ends at \n, \r or \r\n
    size_t end = file.find_first_of("\r\n", i);
    if (end == std::string_view::npos) end = file.size();
    crc = crc32_update(crc, file.substr(i, end - i));
    if (end == file.size()) break;
    i = end + 1;
    if (file[end] == '\r' && i < file.size() && file[i] == '\n') ++i;
  }
  return std::to_string(static_cast<int32_t>(crc));
}

std::string sha384_hex(std::string_view data) {
  std::array<uint64_t, 8> h = {0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
                               0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4};
  size_t full = data.size() / 128 * 128;
  for (size_t i = 0; i < full; i += 128) compress(h, reinterpret_cast<const unsigned char*>(data.data() + i));
  unsigned char tail[256] = {};
  size_t rest = data.size() - full;
  for (size_t i = 0; i < rest; ++i) tail[i] = static_cast<unsigned char>(data[full + i]);
  tail[rest] = 0x80;
  size_t blocks = rest + 1 + 16 <= 128 ? 1 : 2;
  uint64_t bits = static_cast<uint64_t>(data.size()) * 8;  // the high 64 bits of the length stay 0
  for (int k = 0; k < 8; ++k) tail[blocks * 128 - 1 - k] = static_cast<unsigned char>(bits >> (8 * k));
  for (size_t b = 0; b < blocks; ++b) compress(h, tail + 128 * b);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 6; ++i)
    for (int k = 7; k >= 0; --k) {
      unsigned char byte = static_cast<unsigned char>(h[i] >> (8 * k));
      out += hex[byte >> 4];
      out += hex[byte & 15];
    }
  return out;
}

std::string file_checksum(const std::string& format, std::string_view file, const std::string& recorded) {
  const migrations::Format* f = migrations::format_named(format);
  return f && f->tracking && f->tracking->checksum ? f->tracking->checksum(file, recorded) : "";
}

}  // namespace schemagate::schema::catalog
