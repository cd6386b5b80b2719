//! The server's allocator and `lsp::memory`, in a test binary of its own that allocates
//! with jemalloc as the `dateline` binary does (`src/main.rs`), with jemalloc's default
//! settings: freed pages kept for ten seconds, so that only `give_back_free_pages` can
//! have given them back.

#[cfg(all(target_os = "linux", not(target_env = "msvc")))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// The process's resident memory in bytes (`VmRSS` of `/proc/self/status`, in kB:
/// whatever the machine's page size).
#[cfg(all(target_os = "linux", not(target_env = "msvc")))]
fn resident_bytes() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let kilobytes: usize = status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|value| value.split_whitespace().next())
        .and_then(|number| number.parse().ok())
        .expect("VmRSS");
    kilobytes * 1024
}

#[cfg(all(target_os = "linux", not(target_env = "msvc")))]
#[test]
fn free_pages_are_given_back_at_once() {
    const BLOCK: usize = 1 << 20;
    const BLOCKS: usize = 64;
    // Blocks of 1 MB, under the size jemalloc maps and unmaps apart (8 MB): freed, they
    // stay in its arena, resident, until its decay or a purge gives them back.
    let blocks: Vec<Vec<u8>> = (0..BLOCKS)
        .map(|n| std::hint::black_box(vec![n as u8 | 1; BLOCK]))
        .collect();
    let holding = resident_bytes();
    drop(blocks);
    let freed = resident_bytes();
    assert!(
        freed + BLOCKS * BLOCK / 2 > holding,
        "jemalloc gave the pages back by itself: {holding} -> {freed}"
    );
    dateline::lsp::memory::give_back_free_pages();
    let given_back = resident_bytes();
    assert!(
        given_back + BLOCKS * BLOCK / 2 < freed,
        "{freed} -> {given_back} bytes resident"
    );
}
