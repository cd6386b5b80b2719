//! The server's resident memory: the pages the allocator holds free given back at once
//! after a load and after large answers, where the allocator is the binary's jemalloc
//! (`src/main.rs`, which also sets how it gives pages back by itself). Elsewhere this does
//! nothing.
//!
//! The server's heap is not all of what it holds: freed memory the allocator keeps for
//! reuse stays resident. jemalloc's own thread gives back what was freed a tenth of a
//! second ago; these calls do it at once where a load or an answer has just freed tens or
//! hundreds of megabytes, before the next request allocates among them.

/// Gives the free pages of every arena back to the system: after a corpus's load and its
/// second pass, which free most of what they allocate (texts, whole analyses shed to
/// what the index keeps), and after large answers.
pub fn give_back_free_pages() {
    #[cfg(not(target_env = "msvc"))]
    {
        // `arena.<i>.purge` of every arena (`MALLCTL_ARENAS_ALL`).
        const EVERY_ARENA: &std::ffi::CStr = c"arena.4096.purge";
        // SAFETY: a control that takes and returns nothing (all null, length 0): jemalloc
        // purges unused pages under its own locks; no live allocation moves. Where jemalloc
        // is not the allocator in use (the library's own tests), it purges its own empty
        // arenas.
        unsafe {
            tikv_jemalloc_sys::mallctl(
                EVERY_ARENA.as_ptr(),
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                0,
            );
        }
    }
}
