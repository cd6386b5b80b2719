//! The server's resident memory where the C library's allocator is glibc's: fewer arenas,
//! large blocks always mapped apart, and the pages a load freed given back. Elsewhere
//! these do nothing.
//!
//! The server's heap is not all of what it holds: at 10,000 articles its heap peaked near
//! 210 MB while its resident memory peaked at 290–360 MB. glibc gives each thread that
//! finds the arenas in use an arena of its own, up to eight per core, and memory freed in
//! one arena is reused only by allocations made in it. Loading and analysing on every
//! core, then answering on the runtime's threads, left pages that no live value used
//! resident in arenas no thread allocated from any more.

/// Arenas the allocator may make: two per core, against glibc's eight. Measured at
/// 100,000 articles on two cores, four arenas took the server's peak from 1,300 to
/// 1,180 MB at the same speed; two took it to 1,130 MB but made the load half as slow
/// again, its threads waiting for each other's arena.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn arenas() -> libc::c_int {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    libc::c_int::try_from(cores.saturating_mul(2))
        .unwrap_or(libc::c_int::MAX)
        .max(2)
}

/// Blocks of at least this many bytes are mapped apart and given back when freed (unless
/// an arena has free memory enough for one, which it then serves it from). glibc's
/// own threshold starts at 128 kB but rises to the size of any mapped block freed (up to
/// 32 MB): once the 5 MB article of the bench's corpus was read and let go of, every
/// block under 5 MB came from the arenas, and the analyses of large articles, the
/// timeline's and the reports' buffers stayed resident once freed. Fixed at 1 MB, the
/// server's peak in the 10k bench went from 182–191 to 166 MB; typing in a 5 MB article
/// maps its analysis's large vectors afresh each time, 2–8 ms more of its 29 ms.
const MAPPED_FROM_BYTES: libc::c_int = 1024 * 1024;

/// Caps the allocator's arenas and fixes the size from which blocks are mapped apart; to
/// be called before the server starts its threads (an arena made before is kept).
pub fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets a parameter of the allocator, which glibc guards with
    // its own lock; no memory is touched.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, arenas());
        libc::mallopt(libc::M_MMAP_THRESHOLD, MAPPED_FROM_BYTES);
    }
}

/// Gives the free pages of every arena back to the system: after a corpus's load and its
/// second pass, which free most of what they allocate (texts, whole analyses shed to
/// what the index keeps).
pub fn give_back_free_pages() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` releases only pages the allocator holds free, under its own
    // locks; no live allocation moves.
    unsafe {
        libc::malloc_trim(0);
    }
}
