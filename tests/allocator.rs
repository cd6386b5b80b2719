//! The server's allocator settings (`lsp::memory`), in a test binary of their own: glibc
//! serves even a large block from an arena's free memory when it has some, so only a
//! process whose other tests did not free large blocks says whether one was mapped apart.

/// Whether glibc mapped the block at `pointer` apart: the bit it sets in the size word
/// just before a block it mapped (`IS_MMAPPED`, a layout unchanged since glibc's first
/// releases).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn mapped_apart(pointer: *const u8) -> bool {
    // SAFETY: a block `malloc` returned has its size word in the eight bytes before it,
    // which belong to the allocation's header and are readable.
    unsafe { *(pointer as *const usize).sub(1) & 2 != 0 }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn a_large_block_is_mapped_apart_even_after_a_larger_one_was_freed() {
    dateline::lsp::memory::tune_allocator();
    // glibc's own threshold would rise to this block's size once it is freed, and a
    // block of 2 MB would then come from the arena, to stay resident once freed.
    drop(std::hint::black_box(Vec::<u8>::with_capacity(8 << 20)));
    let large = std::hint::black_box(Vec::<u8>::with_capacity(2 << 20));
    assert!(mapped_apart(large.as_ptr()));
    let small = std::hint::black_box(Vec::<u8>::with_capacity(64 << 10));
    assert!(!mapped_apart(small.as_ptr()));
}
