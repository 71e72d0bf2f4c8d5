//! Heap taken by reading a list file and indexing it, natively (dhat's counters): the peak while
//! reading and indexing, and what stays (docs/performance.md, "Memory at 50k"). The browser's
//! WebAssembly memory never shrinks, so its size after load follows the peak (plus the list's
//! text, which the app holds while reading it), not what stays.
//!
//! Usage: `cargo run --release -p wjc-core --example list_memory -- SITE/data/list.json`

#[global_allocator]
static ALLOCATOR: dhat::Alloc = dhat::Alloc;

fn mb(bytes: usize) -> String {
    // Tenths of a megabyte, in whole numbers: exact for any size.
    let tenths = bytes.div_ceil(100_000);
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: list_memory LIST_JSON");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let _profiler = dhat::Profiler::builder().testing().build();
    let base = dhat::HeapStats::get().curr_bytes;
    let list = match wjc_core::read_list(&text) {
        Ok(list) => list,
        Err(e) => {
            eprintln!("{path}: {e:?}");
            std::process::exit(1);
        }
    };
    let read = dhat::HeapStats::get();
    let index = wjc_core::query::Index::new(&list.loaded.dataset);
    let indexed = dhat::HeapStats::get();
    println!(
        "{} people, text {}: reading peak {}, the records {}; the index {}; peak of both {}",
        list.loaded.dataset.people.len(),
        mb(text.len()),
        mb(read.max_bytes - base),
        mb(read.curr_bytes - base),
        mb(indexed.curr_bytes - read.curr_bytes),
        mb(indexed.max_bytes - base),
    );
    drop(index);
}
