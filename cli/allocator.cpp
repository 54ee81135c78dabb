// jemalloc's options (cmake/allocator.cmake), read by it from this symbol, over the weak default
// its archive defines, before its first allocation; MALLOC_CONF in the environment still adds to
// them. Without jemalloc (a sanitizer build, -DSCHEMAGATE_JEMALLOC=OFF) nothing reads it.
//
// thp:always: jemalloc's memory is advised as transparent huge pages (madvise, where the kernel's
// setting is `madvise` or `always`; nothing where it is `never`). A check's memory is touched
// once, page by page, as it grows (file texts, trees, requirements): 15,900 page faults in a
// `check -j2` of hatchet, 3,400 so. In interleaved runs on the bench corpora (cpu, medians of
// 16 to 20 rounds): hatchet -7% with one thread and with two, temporal -3% and -7%, synapse -3%;
// peak memory up about 10% (hatchet 78 MB to 89 MB).
extern "C" {
__attribute__((used, visibility("default"))) const char* malloc_conf = "thp:always,metadata_thp:always";
}
