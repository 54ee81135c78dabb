// jemalloc's options for the schemagate binary (cmake/allocator.cmake links jemalloc's static
// archive; without it this file defines nothing).
//
// A check touches each page of its heap once: the code files it keeps for its phases, the trees,
// the extracted text. With 4 KB pages that was one page fault per 4 KB, 14,000 to 18,000 faults of
// a full check on the bench corpora (a fault costs about a microsecond of kernel time, its memory
// cgroup's charge included). With `thp:always` jemalloc asks for transparent huge pages for its
// heap (madvise(MADV_HUGEPAGE): the kernel's setting decides, "never" leaves 4 KB pages): about
// 2,100 faults. In 21 interleaved runs of check -j1 the mean time fell 2.3% on temporal and
// hatchet and 1.1% on synapse (medians 2.2, 5.4 and 0.6%), with more spread between runs; peak
// memory grew 4 to 12 MB. The MALLOC_CONF environment variable still overrides it
// (MALLOC_CONF=thp:default keeps 4 KB pages).
#ifdef SCHEMAGATE_JEMALLOC
extern "C" {
// Read by jemalloc when it starts, before main().
const char* malloc_conf = "thp:always";
}
#endif
