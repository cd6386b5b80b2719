//! The server's resident memory where the C library's allocator is glibc's: fewer arenas,
//! and the pages a load freed given back. Elsewhere these do nothing.
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

/// Caps the allocator's arenas; to be called before the server starts its threads (an
/// arena made before is kept).
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets a parameter of the allocator, which glibc guards with
    // its own lock; no memory is touched.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, arenas());
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
