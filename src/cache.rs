//! The warm-start cache: every article's analysis kept on disk between runs, so that a
//! load of an unchanged corpus (a server restarted, `dateline check --cache`) takes the
//! analyses back instead of making them again, and analyses only the articles whose text
//! changed.
//!
//! Part of the IO layer: where the cache lives, reading it (bounded) and writing it
//! atomically (a unique temporary file in the same folder, renamed over the old one: of
//! two writers, whichever renames last wins, and both wrote a whole file; not synced, as
//! the checks reject what a crash may leave, see [`save`]). Its
//! layout and checks are pure functions ([`encode`], [`decode`]), tested without files.
//!
//! A cache is read only by the same dateline (version and build) for the same settings,
//! registries and retention (the [`Stamp`]); each entry only for the same path and the
//! same bytes (length and xxh3 hash). A corpus that lets go of texts (the server's) does
//! not read a file to know that: each entry keeps the stamp of its file (size,
//! modification and status-change times, inode) taken just before the text analysed was
//! read, and when the file's stamp is still the same the entry is taken without the file
//! being read. Not when the text was read within 2 s of the file's modification time
//! ([`RACY_WINDOW_NS`]: a file changed again within the same tick of a coarse clock keeps
//! its time), nor when the file has no stamp (no modification time, a link): such a file
//! is read and hashed, as is one whose stamp changed. A corpus that keeps its texts
//! (`check --cache`) reads them all anyway, and the hash decides. Anything else — another
//! version, changed settings, a truncated or corrupt file, an entry that does not decode —
//! makes the whole cache ignored (one log line says why), every article analysed, and the
//! cache written again. Today's date is not part of it: the one diagnostic that depends on
//! it is made again when a cached analysis is taken (`Corpus::set_files_prepared`).
//!
//! Layout: `MAGIC`, `FORMAT` (u32 LE), the stamp's length (u32 LE) and the stamp
//! (postcard); then the entries, in blocks of [`ENCODED_TOGETHER`]; last, a directory of
//! the blocks, its xxh3-64 and its length (u64 LE each). An entry is postcard of its
//! analysis, cut where the analysis's [`MentionsPart`] ends: its rest goes among its
//! block's rests, and its lead (postcard of its key — path, length, hash, the file's disk
//! stamp if any — and of its rest's length and xxh3-64, then the analysis up to the cut)
//! into its block's table, after its length (u64 LE). A block is its rests, then its
//! table; the directory gives, for each block, where its rests and its table begin, and
//! its table's length and xxh3-64. So the first pass of a warm start reads the directory
//! and the tables alone (a fifth of the file), and a rest is checked by its own hash when
//! it is read, in either pass.

use crate::corpus::{
    ArticleFile, ArticleReader, ArticleText, Corpus, DiskStamp, LeftOutReader, MentionsPart,
    PendingSource, TextCheck,
};
use crate::loader::{self, LoadProgress, SkipReason};
use crate::temporal::{Lean, LeanWords};
use rayon::prelude::*;
// Keyed by the corpus's own paths: a fast hash, not one that resists chosen keys.
use rustc_hash::FxHashMap as HashMap;
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

const MAGIC: [u8; 8] = *b"dlcache\n";
/// The layout above; another layout is another number (2: entries' keys carry the
/// file's disk stamp; 3: an analysis's dated claims and claim diagnostics are packed; 4:
/// entries cut in two, the leads in tables apart from the rests).
const FORMAT: u32 = 4;
/// No cache larger than this is read, whatever the corpus.
const MAX_CACHE_BYTES: u64 = 4 << 30;

/// What a cache was written for: it is read only for the same.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    /// dateline's version.
    pub version: String,
    /// The build of that version (the executable's size and modification time), so that
    /// a rebuilt dateline whose analysis changed without a new version number does not
    /// read a cache it would decode differently.
    pub build: String,
    /// A hash of everything an analysis depends on besides its text and today's date:
    /// the settings (`dateline.toml` and the editor's), each registry's path and text,
    /// and how much of each analysis is kept.
    pub fingerprint: u64,
}

/// Written by hand, through its owned words: serde's derive would ask the decoded bytes
/// for the recognizer's `&'static str`s, which would have to live for ever.
impl serde::Serialize for Lean {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        LeanWords::from(*self).serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Lean {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let words = LeanWords::deserialize(deserializer)?;
        Lean::try_from(words).map_err(serde::de::Error::custom)
    }
}

thread_local! {
    /// The texts many analyses repeat (diagnostic messages, date values), one copy each,
    /// made by this thread as it decodes a cache's analyses ([`one_copy`]), by the xxh3
    /// 128-bit hash of their bytes; `None` while it decodes none. Of this thread's own:
    /// the threads that decode do not wait on each other for it (one copy of a text per
    /// thread, a few tens of thousands of texts).
    static ONE_COPIES: std::cell::RefCell<Option<HashMap<u128, Arc<str>>>> =
        const { std::cell::RefCell::new(None) };
}

/// Reads a text many analyses repeat (a diagnostic's message) as the copy this thread
/// already made of it while decoding a cache (see [`ONE_COPIES`]), straight from the
/// cache's bytes: no copy is made of a text already held, none let go of again. Named by
/// the fields it reads (`#[serde(deserialize_with)]`): decoded apart, the messages of a
/// 100,000-article cache held a third of a GiB more than the corpus keeps of them, and
/// making each copy only to let it go for the one held was a tenth of a warm load.
///
/// A text is known by the 128-bit hash of its bytes, not compared with the copy held:
/// comparing them, with the copies scattered in memory that the decoding fills, was half
/// of the decoding (two texts of the same hash are not expected before some 2^64 texts;
/// the cache already takes a file's bytes for the same by a 64-bit hash and the length).
/// Asked for as bytes, which postcard writes a string as (its length, then its bytes),
/// and checked to be UTF-8 only the first time they are met.
pub(crate) fn one_copy<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Arc<str>, D::Error> {
    struct OneCopy;
    impl serde::de::Visitor<'_> for OneCopy {
        type Value = Arc<str>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string")
        }

        fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<Arc<str>, E> {
            let text = |bytes| -> Result<Arc<str>, E> {
                std::str::from_utf8(bytes)
                    .map(Arc::from)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Bytes(bytes), &self))
            };
            ONE_COPIES.with(|held| match held.borrow_mut().as_mut() {
                Some(held) => {
                    let key = xxhash_rust::xxh3::xxh3_128(bytes);
                    if let Some(copy) = held.get(&key) {
                        return Ok(copy.clone());
                    }
                    let copy = text(bytes)?;
                    held.insert(key, copy.clone());
                    Ok(copy)
                }
                None => text(bytes),
            })
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Arc<str>, E> {
            self.visit_bytes(text.as_bytes())
        }
    }
    deserializer.deserialize_bytes(OneCopy)
}

/// [`one_copy`] for each of a list of texts (an article's different messages).
pub(crate) fn one_copies<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Box<[Arc<str>]>, D::Error> {
    #[derive(serde::Deserialize)]
    struct Text(#[serde(deserialize_with = "one_copy")] Arc<str>);
    let texts: Vec<Text> = serde::Deserialize::deserialize(deserializer)?;
    Ok(texts.into_iter().map(|Text(text)| text).collect())
}

/// Writes bytes as one byte string (postcard: their length, then the bytes), which
/// serde would otherwise write as a list, byte by byte (packed claims and diagnostics).
pub(crate) fn byte_string<S: serde::Serializer>(
    bytes: &[u8],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_bytes(bytes)
}

/// Reads what [`byte_string`] wrote.
pub(crate) fn byte_string_back<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Box<[u8]>, D::Error> {
    struct Bytes;
    impl<'de> serde::de::Visitor<'de> for Bytes {
        type Value = Box<[u8]>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("bytes")
        }

        fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<Box<[u8]>, E> {
            Ok(Box::from(bytes))
        }

        fn visit_byte_buf<E: serde::de::Error>(self, bytes: Vec<u8>) -> Result<Box<[u8]>, E> {
            Ok(bytes.into_boxed_slice())
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Box<[u8]>, A::Error> {
            let mut bytes = Vec::new();
            while let Some(byte) = seq.next_element()? {
                bytes.push(byte);
            }
            Ok(bytes.into_boxed_slice())
        }
    }
    deserializer.deserialize_bytes(Bytes)
}

/// What an entry's analysis was made of: the file's path and bytes (length and xxh3 hash),
/// and how the file stood on disk just before those bytes were read, when the corpus was
/// given that (see [`vouches_for`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct EntryKey {
    path: String,
    bytes: u64,
    content_hash: u64,
    disk: Option<DiskStamp>,
}

impl EntryKey {
    /// The key of an analysis whose text the corpus may have let go of.
    fn of_file(file: &ArticleFile, disk: Option<DiskStamp>) -> Self {
        let check = file.text_check();
        EntryKey {
            path: file.path.clone(),
            bytes: check.len() as u64,
            content_hash: check.hash(),
            disk,
        }
    }

    /// Whether the analysis was made of the text `check` is of.
    fn is_of(&self, check: TextCheck) -> bool {
        self.bytes == check.len() as u64 && self.content_hash == check.hash()
    }

    /// The check of the text the analysis was made of.
    fn check(&self) -> Option<TextCheck> {
        let len = usize::try_from(self.bytes).ok()?;
        Some(TextCheck::from_parts(len, self.content_hash))
    }
}

/// How much later than a file's modification time its text must have been read for the
/// time to vouch for the text: the coarsest step of the file systems' clocks (FAT's and
/// some network file systems' 2 s; ext4, XFS, APFS and NTFS count far finer). A file
/// changed again in the same step as the change before keeps the same modification time;
/// a text read within that step may be the one before the later change (git's "racy"
/// index entries). A text read a whole step after the time the file had was read after
/// any change that could leave that time as it was.
const RACY_WINDOW_NS: u64 = 2_000_000_000;

/// Whether a stamp was taken too soon after its file's modification to vouch for the text
/// read (see [`RACY_WINDOW_NS`]): such an entry is checked by reading and hashing its file.
fn is_racy(stamp: &DiskStamp) -> bool {
    stamp.modified_ns.saturating_add(RACY_WINDOW_NS) >= stamp.read_at_ns
}

/// Whether the entry `key` may be taken for its file, as `now` stamps it, without the file
/// being read: the entry has a stamp of the same size, modification and status-change
/// times and inode, taken long enough after the modification ([`is_racy`]). A file whose
/// stamp cannot be taken (no modification time, not a regular file: a link is never
/// trusted) is read.
fn vouches_for(key: &EntryKey, now: Option<&DiskStamp>) -> bool {
    let (Some(cached), Some(now)) = (&key.disk, now) else {
        return false;
    };
    cached.bytes == key.bytes && cached.same_file_version(now) && !is_racy(cached)
}

/// Why a cache was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    NotACache,
    Format(u32),
    Version(String),
    Build,
    Fingerprint,
    Truncated,
    Checksum,
    Undecodable(String),
    TooLarge { bytes: u64, limit: u64 },
    Unreadable(String),
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rejection::NotACache => write!(f, "not a dateline cache"),
            Rejection::Format(format) => write!(f, "layout {format}, not {FORMAT}"),
            Rejection::Version(version) => write!(
                f,
                "written by dateline {version}, not {}",
                env!("CARGO_PKG_VERSION")
            ),
            Rejection::Build => write!(f, "written by another build of dateline"),
            Rejection::Fingerprint => {
                write!(f, "written for other settings, registries or retention")
            }
            Rejection::Truncated => write!(f, "truncated"),
            Rejection::Checksum => write!(f, "corrupt (its checksum does not match)"),
            Rejection::Undecodable(why) => write!(f, "undecodable ({why})"),
            Rejection::TooLarge { bytes, limit } => {
                write!(
                    f,
                    "{bytes} bytes, over the {limit} bytes read for this corpus"
                )
            }
            Rejection::Unreadable(why) => write!(f, "unreadable ({why})"),
        }
    }
}

/// Articles encoded at a time, in parallel, and written out as one block of the file, so
/// that a cache of ten thousand analyses (48 MB) is never held whole in memory while it
/// is written. A warm start reads the cache a block at a time too.
const ENCODED_TOGETHER: usize = 256;

/// Where a block of entries is in the cache file: its rests from `rests_at` up to
/// `table_at`, then its table, `table_length` bytes whose xxh3 is `table_hash`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct BlockAt {
    rests_at: u64,
    table_at: u64,
    table_length: u64,
    table_hash: u64,
}

/// The bytes of a [`BlockAt`] in the directory: four u64 LE.
const BLOCK_AT_BYTES: usize = 32;

impl BlockAt {
    fn write_to(&self, directory: &mut Vec<u8>) {
        for number in [
            self.rests_at,
            self.table_at,
            self.table_length,
            self.table_hash,
        ] {
            directory.extend_from_slice(&number.to_le_bytes());
        }
    }

    fn read_from(bytes: &[u8]) -> Self {
        let number = |at: usize| u64_at(bytes.get(at..at + 8).unwrap_or_default());
        BlockAt {
            rests_at: number(0),
            table_at: number(8),
            table_length: number(16),
            table_hash: number(24),
        }
    }
}

/// What a table's entry holds before its analysis's [`MentionsPart`]: the entry's key,
/// and its rest's length and xxh3.
type LeadHead = (EntryKey, u64, u64);

/// The two parts of an entry (see the layout above): its lead (its key, its rest's length
/// and xxh3, and its analysis up to the end of the [`MentionsPart`]), and its rest (the
/// remainder of its analysis). `None` if the analysis cannot be encoded.
fn split_entry(file: &ArticleFile, disk: Option<DiskStamp>) -> Option<SplitEntry> {
    debug_assert!(!file.packed_left_out, "an analysis is cached whole");
    let mut analysis = postcard::to_allocvec(file).ok()?;
    // Where the mentions part ends, found as a reader finds it.
    let (_, after) = postcard::take_from_bytes::<MentionsPart>(&analysis).ok()?;
    let split = analysis.len() - after.len();
    let rest = analysis.split_off(split);
    let key = EntryKey::of_file(file, disk);
    let rest_hash = xxh3_64(&rest);
    let mut lead = postcard::to_allocvec(&(&key, rest.len() as u64, rest_hash)).ok()?;
    let analysis_at = lead.len();
    lead.extend_from_slice(&analysis);
    Some(SplitEntry {
        path: file.path.clone(),
        lead,
        rest,
        rest_hash,
        analysis_at,
    })
}

/// An entry as [`split_entry`] cuts it, with what finding it again needs: its article's
/// path, its rest's xxh3, and where its analysis starts in its lead.
struct SplitEntry {
    path: String,
    lead: Vec<u8>,
    rest: Vec<u8>,
    rest_hash: u64,
    analysis_at: usize,
}

/// Writes the cache of `articles`, written for `stamp`, to `out`, calling `between` after
/// each block of [`ENCODED_TOGETHER`] analyses (see [`save_yielding`]). Each article is
/// keyed by its own text, so an article whose text is not the disk's (an editor's unsaved
/// text) is simply not taken back. An article that left its packed claims and diagnostics
/// out is written with them, as `left_out` reads them again (not written if it cannot).
/// Returns where each entry was written, by path.
fn write_cache(
    out: &mut impl std::io::Write,
    stamp: &Stamp,
    articles: &[(Arc<ArticleFile>, Option<DiskStamp>)],
    left_out: Option<&LeftOutReader>,
    between: &mut dyn FnMut(),
) -> std::io::Result<HashMap<String, RecordAt>> {
    let header = postcard::to_allocvec(stamp).unwrap_or_default();
    out.write_all(&MAGIC)?;
    out.write_all(&FORMAT.to_le_bytes())?;
    out.write_all(&(header.len() as u32).to_le_bytes())?;
    out.write_all(&header)?;
    let mut at = (MAGIC.len() + 8 + header.len()) as u64;
    let mut directory = Vec::new();
    let mut records = HashMap::with_capacity_and_hasher(articles.len(), Default::default());
    for chunk in articles.chunks(ENCODED_TOGETHER) {
        let entries: Vec<SplitEntry> = chunk
            .par_iter()
            .filter_map(|(file, disk)| {
                let file = match left_out {
                    Some(reader) => reader.filled(file)?,
                    None if file.packed_left_out => return None,
                    None => std::borrow::Cow::Borrowed(&**file),
                };
                split_entry(&file, *disk)
            })
            .collect();
        let rests_at = at;
        for entry in &entries {
            out.write_all(&entry.rest)?;
            at += entry.rest.len() as u64;
        }
        let mut table = Vec::new();
        let table_at = at;
        let mut rest_offset = rests_at;
        for entry in entries {
            let SplitEntry {
                path,
                lead,
                rest,
                rest_hash,
                analysis_at,
            } = entry;
            table.extend_from_slice(&(lead.len() as u64).to_le_bytes());
            let lead_offset = table_at + table.len() as u64;
            table.extend_from_slice(&lead);
            let record = RecordAt {
                lead_offset,
                lead_length: lead.len() as u64,
                lead_hash: xxh3_64(&lead),
                analysis_at,
                rest_offset,
                rest_length: rest.len() as u64,
                rest_hash,
            };
            records.insert(path, record);
            rest_offset += rest.len() as u64;
        }
        out.write_all(&table)?;
        let block = BlockAt {
            rests_at,
            table_at,
            table_length: table.len() as u64,
            table_hash: xxh3_64(&table),
        };
        at += block.table_length;
        block.write_to(&mut directory);
        between();
    }
    out.write_all(&directory)?;
    out.write_all(&xxh3_64(&directory).to_le_bytes())?;
    out.write_all(&(directory.len() as u64).to_le_bytes())?;
    Ok(records)
}

/// The cache file's bytes for `articles`, written for `stamp` without disk stamps (see
/// [`write_cache`]).
pub fn encode(stamp: &Stamp, articles: &[Arc<ArticleFile>]) -> Vec<u8> {
    let articles: Vec<_> = articles.iter().map(|file| (file.clone(), None)).collect();
    let mut bytes = Vec::new();
    // Writing into memory does not fail.
    let _ = write_cache(&mut bytes, stamp, &articles, None, &mut || {});
    bytes
}

/// Reads `length` bytes, or says the file ended first.
fn read_exactly(reader: &mut impl Read, length: u64) -> Result<Vec<u8>, Rejection> {
    // Room made at once: grown as it was read, each record was copied over and over (a
    // tenth of a warm start's first pass). Bounded, as the length comes from the file.
    const ROOM_AT_ONCE: u64 = 64 << 20;
    let room = usize::try_from(length.min(ROOM_AT_ONCE)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(room);
    reader
        .take(length)
        .read_to_end(&mut bytes)
        .map_err(|error| Rejection::Unreadable(error.to_string()))?;
    if (bytes.len() as u64) < length {
        return Err(Rejection::Truncated);
    }
    Ok(bytes)
}

fn u32_at(bytes: &[u8]) -> u32 {
    u32::from_le_bytes(bytes.try_into().unwrap_or([0; 4]))
}

fn u64_at(bytes: &[u8]) -> u64 {
    u64::from_le_bytes(bytes.try_into().unwrap_or([0; 8]))
}

/// What a load knows of an article's file when it reads the cache.
#[derive(Debug, Clone, Copy)]
enum Known<'a> {
    /// Its text was read: the text's check.
    Read(TextCheck),
    /// Its text was not read: the file's stamp as it stands (`None` when it has none),
    /// and where the file is, to read it if the stamp does not vouch for the entry.
    Stamped {
        now: Option<DiskStamp>,
        disk_path: &'a Path,
    },
}

/// Reads one file of the corpus for a load: its text and its stamp (see
/// [`loader::read_text_stamped`]).
type ReadFile<'a> = dyn Fn(&Path) -> Result<(Arc<str>, Option<DiskStamp>), SkipReason> + Sync + 'a;

/// What a load asks of a cache: the articles' files it knows of, and how to read a file
/// whose stamp does not vouch for its entry.
struct Wanted<'a> {
    known: HashMap<&'a str, Known<'a>>,
    read: &'a ReadFile<'a>,
    /// Whether only each analysis's [`MentionsPart`] is decoded, its whole analysis left
    /// in the file for the second pass ([`CachedWholes`]).
    mentions_first: bool,
}

/// Where an entry is in the cache file, to read its whole analysis again in the second
/// pass of a warm start: its lead in its block's table (offset, length, and the xxh3 of
/// its bytes, so that bytes read again are known to be those read first; where its
/// analysis starts in it) and its rest (offset, length and the xxh3 its lead gives).
#[derive(Debug, Clone, Copy)]
struct RecordAt {
    lead_offset: u64,
    lead_length: u64,
    lead_hash: u64,
    analysis_at: usize,
    rest_offset: u64,
    rest_length: u64,
    rest_hash: u64,
}

/// What the cache gives an article's file. Nearly every value is an analysis: boxing it
/// to make the rare others smaller would only add an allocation to each.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
enum Found {
    /// The cached analysis; for a file known by its stamp only, the check of the text it
    /// was made of, the stamp to keep for the file (the entry's own when the file was not
    /// read, that of this reading when it was), and whether it was read.
    Cached {
        analysis: ArticleFile,
        check: TextCheck,
        disk: Option<DiskStamp>,
        read: bool,
        /// Where the whole analysis is, when only its mentions were decoded.
        whole_at: Option<RecordAt>,
        /// How many actors a corpus must have for the analysis to fit it: one more than
        /// the last its mentions name (see [`fits`]).
        actors_named: usize,
    },
    /// A file known by its stamp, which did not vouch for its entry, read and found
    /// changed: its text, to analyse, with its check and the file's stamp.
    Changed {
        text: Arc<str>,
        check: TextCheck,
        disk: Option<DiskStamp>,
    },
    /// A file known by its stamp, which did not vouch for its entry, that could not be
    /// taken in when it was read.
    Unreadable(SkipReason),
}

/// How many entries a cache has, and what it gives each article's file (by path).
type Taken = (usize, HashMap<String, Found>);

/// An entry whose analysis may be taken: its key, what the load knows of its file, its
/// block's table (shared by the block's candidates) with where its lead is in it, and,
/// when whole analyses are decoded now, its block's rests with where its rest starts.
struct Candidate<'a> {
    key: EntryKey,
    known: Known<'a>,
    table: Arc<Vec<u8>>,
    lead: std::ops::Range<usize>,
    rests: Option<(Arc<Vec<u8>>, usize)>,
    /// Where the entry is in the file (the lead's hash not yet worked out).
    at: RecordAt,
}

/// What the cache gives the articles `wanted` knows of, and how many entries it has, read
/// from `reader` (a cache file of `length` bytes) if it is whole, of this layout and
/// written for `expected`. An article whose text was read is given the analysis of the
/// same bytes; one known by its stamp only is given its entry's analysis when the entry's
/// stamp vouches for it ([`vouches_for`]), else its file is read, and the analysis is
/// given if the bytes are the same, the text if not. Read a block at a time on a thread of
/// its own and decoded as they come on every core (the files to read read there too),
/// telling `progress` how many articles have been settled after each block: the file's
/// bytes are never held whole (a 100,000-article cache is 450 MB), and the next block is
/// read while one is decoded. With `wanted.mentions_first`, only the directory and the
/// tables are read, a fifth of the file. Taken only whole: a directory or table whose
/// hash does not match, an entry that does not decode, or a rest read now whose hash
/// does not match rejects the whole cache (so does an analysis naming an actor the corpus
/// does not have: see [`fits`]).
fn read_matching(
    mut reader: impl Read + Seek + Send,
    length: u64,
    expected: &Stamp,
    wanted: &Wanted,
    progress: &mut dyn FnMut(usize),
) -> Result<Taken, Rejection> {
    let mut magic = Vec::new();
    (&mut reader)
        .take(MAGIC.len() as u64)
        .read_to_end(&mut magic)
        .map_err(|error| Rejection::Unreadable(error.to_string()))?;
    if magic != MAGIC {
        return Err(if MAGIC.starts_with(&magic) {
            Rejection::Truncated
        } else {
            Rejection::NotACache
        });
    }
    let format = u32_at(&read_exactly(&mut reader, 4)?);
    if format != FORMAT {
        return Err(Rejection::Format(format));
    }
    let header_length = u64::from(u32_at(&read_exactly(&mut reader, 4)?));
    let before_entries = MAGIC.len() as u64 + 8 + header_length;
    if length < before_entries {
        return Err(Rejection::Truncated);
    }
    let header = read_exactly(&mut reader, header_length)?;
    let stamp: Stamp = postcard::from_bytes(&header)
        .map_err(|error| Rejection::Undecodable(format!("its stamp: {error}")))?;
    if stamp.version != expected.version {
        return Err(Rejection::Version(stamp.version));
    }
    if stamp.build != expected.build {
        return Err(Rejection::Build);
    }
    if stamp.fingerprint != expected.fingerprint {
        return Err(Rejection::Fingerprint);
    }
    let blocks = read_directory(&mut reader, before_entries, length)?;
    // Two blocks read ahead at most: the bytes held stay bounded.
    let (sender, batches) = std::sync::mpsc::sync_channel::<Vec<Candidate>>(2);
    std::thread::scope(|scope| {
        let reading = scope.spawn(move || read_candidates(reader, &blocks, wanted, &sender));
        let mut found = HashMap::with_capacity_and_hasher(wanted.known.len(), Default::default());
        let mut decoded = Ok(());
        for batch in &batches {
            match decode_analyses(batch, wanted) {
                Ok(batch) => {
                    found.extend(batch);
                    progress(found.len());
                }
                Err(rejection) => {
                    decoded = Err(rejection);
                    break;
                }
            }
        }
        // The reading stops at its next block when the decoding did.
        drop(batches);
        let entries = reading
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        decoded?;
        Ok((entries?, found))
    })
}

fn seek_to(reader: &mut impl Seek, at: u64) -> Result<(), Rejection> {
    reader
        .seek(std::io::SeekFrom::Start(at))
        .map(|_| ())
        .map_err(|error| Rejection::Unreadable(error.to_string()))
}

/// The directory of the blocks at the end of a cache file of `length` bytes whose
/// entries start at `entries_at`: checked by its hash, and its blocks found to cover the
/// bytes from there to the directory, one after the other.
fn read_directory(
    reader: &mut (impl Read + Seek),
    entries_at: u64,
    length: u64,
) -> Result<Vec<BlockAt>, Rejection> {
    let Some(trailer_at) = length.checked_sub(16).filter(|&at| at >= entries_at) else {
        return Err(Rejection::Truncated);
    };
    seek_to(reader, trailer_at)?;
    let trailer = read_exactly(reader, 16)?;
    let (hash, directory_length) = (u64_at(&trailer[..8]), u64_at(&trailer[8..]));
    // A file cut short ends in bytes that were never a directory's length.
    if directory_length % BLOCK_AT_BYTES as u64 != 0 || directory_length > trailer_at - entries_at {
        return Err(Rejection::Truncated);
    }
    let directory_at = trailer_at - directory_length;
    seek_to(reader, directory_at)?;
    let directory = read_exactly(reader, directory_length)?;
    if xxh3_64(&directory) != hash {
        return Err(Rejection::Checksum);
    }
    let blocks: Vec<BlockAt> = directory
        .chunks_exact(BLOCK_AT_BYTES)
        .map(BlockAt::read_from)
        .collect();
    let mut next = entries_at;
    for block in &blocks {
        if block.rests_at != next || block.table_at < block.rests_at {
            return Err(Rejection::Undecodable(
                "its directory of blocks".to_string(),
            ));
        }
        next = block
            .table_at
            .checked_add(block.table_length)
            .ok_or_else(|| Rejection::Undecodable("its directory of blocks".to_string()))?;
    }
    if next != directory_at {
        return Err(Rejection::Undecodable(
            "its directory of blocks".to_string(),
        ));
    }
    Ok(blocks)
}

/// Reads the tables of `blocks` from `reader`, each checked by its hash, and sends the
/// entries `wanted` may take to `batches`, a block at a time: with their block's rests
/// read too unless only the mentions are decoded now. How many entries there were, if
/// every table is whole. Stops early, saying nothing more, when `batches` is gone.
fn read_candidates<'a>(
    mut reader: impl Read + Seek,
    blocks: &[BlockAt],
    wanted: &Wanted<'a>,
    batches: &std::sync::mpsc::SyncSender<Vec<Candidate<'a>>>,
) -> Result<usize, Rejection> {
    let undecodable = |what: &str| Rejection::Undecodable(format!("a table's {what}"));
    let mut entries = 0;
    for block in blocks {
        seek_to(&mut reader, block.table_at)?;
        let table = read_exactly(&mut reader, block.table_length)?;
        if xxh3_64(&table) != block.table_hash {
            return Err(Rejection::Checksum);
        }
        let table = Arc::new(table);
        let mut batch = Vec::new();
        let (mut at, mut rest_offset) = (0, block.rests_at);
        while at < table.len() {
            let lead_length = table
                .get(at..at + 8)
                .map(u64_at)
                .ok_or(undecodable("length"))?;
            let start = at + 8;
            let end = usize::try_from(lead_length)
                .ok()
                .and_then(|length| start.checked_add(length))
                .filter(|&end| end <= table.len())
                .ok_or(undecodable("length"))?;
            let ((key, rest_length, rest_hash), analysis) =
                postcard::take_from_bytes::<LeadHead>(&table[start..end])
                    .map_err(|error| Rejection::Undecodable(format!("an entry's key: {error}")))?;
            let entry_at = RecordAt {
                lead_offset: block.table_at + start as u64,
                lead_length,
                lead_hash: 0,
                analysis_at: end - start - analysis.len(),
                rest_offset,
                rest_length,
                rest_hash,
            };
            rest_offset = rest_offset
                .checked_add(rest_length)
                .filter(|&offset| offset <= block.table_at)
                .ok_or(undecodable("rests"))?;
            at = end;
            entries += 1;
            let known = match wanted.known.get(key.path.as_str()) {
                Some(Known::Read(check)) if !key.is_of(*check) => None,
                known => known.copied(),
            };
            if let Some(known) = known {
                batch.push(Candidate {
                    key,
                    known,
                    table: table.clone(),
                    lead: start..end,
                    rests: None,
                    at: entry_at,
                });
            }
        }
        if rest_offset != block.table_at {
            return Err(undecodable("rests"));
        }
        if batch.is_empty() {
            continue;
        }
        if !wanted.mentions_first {
            seek_to(&mut reader, block.rests_at)?;
            let rests = Arc::new(read_exactly(&mut reader, block.table_at - block.rests_at)?);
            for candidate in &mut batch {
                // Within the block, which read_exactly made: its offsets fit a usize.
                let start = (candidate.at.rest_offset - block.rests_at) as usize;
                candidate.rests = Some((rests.clone(), start));
            }
        }
        if batches.send(batch).is_err() {
            return Ok(entries);
        }
    }
    Ok(entries)
}

/// Whether every analysis `found` gives names only actors the corpus has (`actors` of
/// them): one that names another was not written for it, and the whole cache is not
/// taken. Checked once the registries are taken in, which the cache is read beside.
fn fits(found: &HashMap<String, Found>, actors: usize) -> Result<(), Rejection> {
    for (path, found) in found {
        if let Found::Cached { actors_named, .. } = found {
            if *actors_named > actors {
                return Err(Rejection::Undecodable(format!(
                    "the analysis of {path} does not fit the corpus"
                )));
            }
        }
    }
    Ok(())
}

/// Reads a cache as [`read_matching`] does, then lets go of the copies of repeated texts
/// that the threads made while decoding it (the analyses hold those they use), each
/// thread its own.
fn read_matching_once(
    reader: impl Read + Seek + Send,
    length: u64,
    expected: &Stamp,
    wanted: &Wanted,
    progress: &mut dyn FnMut(usize),
) -> Result<Taken, Rejection> {
    let read = read_matching(reader, length, expected, wanted, progress);
    rayon::broadcast(|_| drop(ONE_COPIES.with(|held| held.borrow_mut().take())));
    read
}

/// Settles a batch of candidates in parallel: each file known by its stamp only whose
/// stamp does not vouch for its entry read and compared, and the analyses taken decoded.
/// One that does not decode, is not of its entry's path, or whose rest's hash does not
/// match rejects the whole cache. The texts many analyses repeat (diagnostic messages,
/// date values) are made one copy each as they are decoded ([`one_copy`]). With
/// `wanted.mentions_first`, only each analysis's [`MentionsPart`] is decoded, and where
/// its entry is kept for the second pass.
fn decode_analyses(
    batch: Vec<Candidate>,
    wanted: &Wanted,
) -> Result<Vec<(String, Found)>, Rejection> {
    batch
        .into_par_iter()
        .map(|candidate| {
            let Candidate {
                key,
                known,
                table,
                lead,
                rests,
                at,
            } = candidate;
            let (check, disk, read) = match known {
                Known::Read(check) => (check, None, false),
                Known::Stamped { now, disk_path } => match key.check() {
                    Some(check) if vouches_for(&key, now.as_ref()) => (check, key.disk, false),
                    _ => match (wanted.read)(disk_path) {
                        Ok((text, disk)) => {
                            let check = TextCheck::of(&text);
                            if !key.is_of(check) {
                                let changed = Found::Changed { text, check, disk };
                                return Ok((key.path, changed));
                            }
                            (check, disk, true)
                        }
                        Err(reason) => return Ok((key.path, Found::Unreadable(reason))),
                    },
                },
            };
            let lead = &table[lead];
            let analysis = lead.get(at.analysis_at..).unwrap_or_default();
            ONE_COPIES.with(|held| {
                held.borrow_mut().get_or_insert_with(Default::default);
            });
            let undecodable =
                |error| Rejection::Undecodable(format!("the analysis of {}: {error}", key.path));
            let (file, whole_at) = match rests {
                None => {
                    let (part, _) =
                        postcard::take_from_bytes::<MentionsPart>(analysis).map_err(undecodable)?;
                    let whole_at = RecordAt {
                        lead_hash: xxh3_64(lead),
                        ..at
                    };
                    (ArticleFile::from_mentions_part(part, check), Some(whole_at))
                }
                Some((rests, start)) => {
                    let rest = usize::try_from(at.rest_length)
                        .ok()
                        .and_then(|length| rests.get(start..start.checked_add(length)?))
                        .filter(|rest| xxh3_64(rest) == at.rest_hash)
                        .ok_or(Rejection::Checksum)?;
                    let whole = [analysis, rest].concat();
                    let file: ArticleFile = postcard::from_bytes(&whole).map_err(undecodable)?;
                    (file, None)
                }
            };
            if file.path != key.path {
                return Err(Rejection::Undecodable(format!(
                    "the analysis of {} is of another file",
                    key.path
                )));
            }
            // Worked out here, on every core: the serial check found it at 100,000
            // articles in 50 ms.
            let actors_named = file
                .mentions
                .iter()
                .map(|mention| mention.actor() + 1)
                .max()
                .unwrap_or(0);
            let cached = Found::Cached {
                actors_named,
                analysis: file,
                check,
                disk,
                read,
                whole_at,
            };
            Ok((key.path, cached))
        })
        .collect()
}

/// The stamp a cache of `corpus` is written for and read with, as the corpus stands (its
/// settings and registries loaded).
pub fn stamp_of(corpus: &Corpus) -> Stamp {
    stamp_taking(corpus, &[])
}

/// The stamp of `corpus` once it has taken in the registries `registries` (path and
/// text), as [`Corpus::set_files`] takes them: each in place of the one of its path.
fn stamp_taking(corpus: &Corpus, registries: &[(String, Arc<str>)]) -> Stamp {
    let mut texts: std::collections::BTreeMap<&str, &str> = corpus
        .registries()
        .map(|registry| (registry.path.as_str(), &*registry.text))
        .collect();
    for (path, text) in registries {
        texts.insert(path, text);
    }
    let mut hasher = Xxh3::new();
    let mut config = corpus.config().clone();
    // Where the cache lives, from what size the server analyses open articles only and
    // how many diagnostics an editor is shown do not change what it holds.
    config.cache_folder = None;
    config.claims_limit_bytes = 0;
    config.diagnostics_per_file = 0;
    hasher.update(format!("{config:?}\n{:?}\n", corpus.retention()).as_bytes());
    for (path, text) in texts {
        hasher.update(path.as_bytes());
        hasher.update(&(text.len() as u64).to_le_bytes());
        hasher.update(text.as_bytes());
    }
    Stamp {
        version: env!("CARGO_PKG_VERSION").to_string(),
        build: this_build(),
        fingerprint: hasher.digest(),
    }
}

/// The running executable's size and modification time.
fn this_build() -> String {
    let metadata = std::env::current_exe().and_then(std::fs::metadata);
    match metadata {
        Ok(metadata) => {
            let modified = metadata
                .modified()
                .ok()
                .and_then(|time| time.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |since| since.as_nanos());
            format!("{} bytes, modified {modified}", metadata.len())
        }
        Err(_) => "unknown".to_string(),
    }
}

/// The platform's folder for caches: `$XDG_CACHE_HOME/dateline`, `~/.cache/dateline`,
/// or on Windows `%LOCALAPPDATA%\dateline`.
fn default_folder() -> Option<PathBuf> {
    let absolute = |name: &str| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|path| path.is_absolute())
    };
    absolute("XDG_CACHE_HOME")
        .or_else(|| absolute("HOME").map(|home| home.join(".cache")))
        .or_else(|| absolute("LOCALAPPDATA"))
        .map(|folder| folder.join("dateline"))
}

/// The folder `dateline.toml` names for the cache, if it lies inside the corpus root: a
/// corpus comes from elsewhere (a cloned repository), and its settings must not make the
/// server write outside the folder the user opened. A relative path without `..`, that
/// no link leads out of the root.
fn folder_inside(root: &Path, folder: &str) -> Option<PathBuf> {
    use std::path::Component;
    let relative = Path::new(folder);
    if !relative
        .components()
        .all(|part| matches!(part, Component::Normal(_) | Component::CurDir))
    {
        return None;
    }
    let joined = root.join(relative);
    if let (Ok(real), Ok(real_root)) = (std::fs::canonicalize(&joined), std::fs::canonicalize(root))
    {
        if !real.starts_with(real_root) {
            return None;
        }
    }
    Some(joined)
}

/// The cache file of the corpus at `root` as loaded into `corpus`: in the folder
/// `dateline.toml` names (`[cache] folder`, inside the root: see [`folder_inside`]) or the
/// platform's, one file per corpus root (named by a hash of its canonical path) and per
/// retention, so that `check` and the server do not overwrite each other's. `None` when
/// there is no folder for caches (no home).
pub fn cache_file(root: &Path, corpus: &Corpus) -> Option<PathBuf> {
    let named = corpus
        .config()
        .cache_folder
        .as_deref()
        .and_then(|folder| folder_inside(root, folder));
    let folder = match named {
        Some(folder) => folder,
        None => default_folder()?,
    };
    let canonical = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let root_hash = xxh3_64(canonical.as_os_str().as_encoded_bytes());
    let retention = format!("{:?}", corpus.retention()).to_lowercase();
    Some(folder.join(format!("{root_hash:016x}-{retention}.cache")))
}

/// The cache file at `path` opened for reading, with its length, `None` if there is none;
/// one larger than `limit` is refused. Only that many bytes are read: a file growing
/// meanwhile (another process writing it in place) is not read further.
fn open_bounded(path: &Path, limit: u64) -> Result<Option<(std::fs::File, u64)>, Rejection> {
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(Rejection::Unreadable(error.to_string())),
    };
    let unreadable = |error: std::io::Error| Rejection::Unreadable(error.to_string());
    let bytes = file.metadata().map_err(unreadable)?.len();
    if bytes > limit {
        return Err(Rejection::TooLarge { bytes, limit });
    }
    Ok(Some((file, bytes)))
}

/// The largest cache read for a corpus of `text_bytes` of articles: an analysis kept
/// whole takes about as many bytes as its text, so a cache many times larger than the
/// corpus is not one written for it.
fn cache_limit(text_bytes: u64) -> u64 {
    text_bytes
        .saturating_mul(16)
        .saturating_add(64 << 20)
        .min(MAX_CACHE_BYTES)
}

/// What a load with the cache did.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// The cache file, `None` when there is no folder for caches.
    pub file: Option<PathBuf>,
    /// Articles whose cached analysis was taken.
    pub reused: usize,
    pub articles: usize,
    /// Article files read (or tried: one that could not be read counts): those whose
    /// stamp did not vouch for their cache entry, those without one, and every file of a
    /// corpus that keeps its texts.
    pub read: usize,
    /// Articles whose cached analysis was taken after their file was read and hashed (its
    /// stamp changed, or was taken too soon after its last change), whose new stamp would
    /// let the next load take it without reading the file: worth writing the cache again
    /// for ([`Outcome::worth_writing`]).
    pub restamped: usize,
    /// Why a cache file that exists was not read, if it was not.
    pub rejected: Option<String>,
    /// Whether the cache on disk is not what the corpus would write (an article was
    /// analysed, or an entry belongs to no article any more).
    pub stale: bool,
    /// How many whole analyses the second pass of this load found damaged in the cache
    /// file (a lead or rest whose bytes are not those the first pass vouched for, or that
    /// does not decode), and made again from their texts: counted as that pass goes on.
    /// The cache is then worth writing again.
    pub damaged_wholes: Arc<std::sync::atomic::AtomicUsize>,
}

impl Outcome {
    /// One line for a log: how many articles were taken from the cache.
    pub fn summary(&self) -> String {
        format!(
            "cache: {} of {} articles reused",
            self.reused, self.articles
        )
    }

    /// One line for a log when a cache file was there and was ignored.
    pub fn rejection(&self) -> Option<String> {
        let why = self.rejected.as_ref()?;
        let file = self
            .file
            .as_ref()
            .map_or(String::new(), |file| format!(" {}", file.display()));
        Some(format!("cache{file} ignored and rebuilt: {why}"))
    }

    /// Whether the cache should be written after this load: it is stale, or it would
    /// spare the next load reading files that this one had to read.
    pub fn worth_writing(&self) -> bool {
        self.stale || self.restamped > 0
    }
}

/// An article's file as the first look of a load left it.
enum Slot {
    /// Read: its text, the text's check and the file's stamp.
    Text(Arc<str>, TextCheck, Option<DiskStamp>),
    /// Only its stamp taken (`None` when it has none).
    Stamped(Option<DiskStamp>),
    /// Read, and not taken in.
    Skipped(SkipReason),
}

/// The first look at the article files of a load that began at `read_at_ns`: their stamps
/// only when `stamps_only`, else their texts read (reporting progress) with their checks
/// and stamps.
fn first_look(
    files: &[(String, PathBuf)],
    stamps_only: bool,
    read_at_ns: u64,
    progress: &mut impl FnMut(LoadProgress),
) -> Vec<Slot> {
    if stamps_only {
        return files
            .par_iter()
            .map(|(_, disk_path)| Slot::Stamped(loader::stat_stamp(disk_path, read_at_ns)))
            .collect();
    }
    let total = files.len();
    let read = loader::read_files(
        files,
        |done| progress(LoadProgress::Read { done, total }),
        |disk_path| read_checked(disk_path, read_at_ns),
    );
    read.into_iter()
        .map(|result| match result {
            Ok((text, check, disk)) => Slot::Text(text, check, disk),
            Err(reason) => Slot::Skipped(reason),
        })
        .collect()
}

/// The bytes of the article files as the first look left them (their stamps' sizes where
/// they were not read).
fn slot_bytes(slots: &[Slot]) -> u64 {
    slots
        .iter()
        .map(|slot| match slot {
            Slot::Text(_, check, _) => check.len() as u64,
            Slot::Stamped(disk) => disk.map_or(0, |disk| disk.bytes),
            Slot::Skipped(_) => 0,
        })
        .sum()
}

/// What the cache `file`, if there is one and it is written for `stamp`, gives the
/// article files `files` as the first look left them (`slots`), and how many entries it
/// has: see [`read_matching`]. `None` when there is no cache file. With `mentions_first`,
/// only the analyses' mentions are decoded, and the file is given back open, to read the
/// whole analyses from in the second pass (`None` if it cannot be kept open).
fn read_cache(
    file: &Path,
    stamp: &Stamp,
    files: &[(String, PathBuf)],
    slots: &[Slot],
    read_at_ns: u64,
    mentions_first: bool,
    progress: &mut dyn FnMut(usize),
) -> Result<Option<(Taken, Option<std::fs::File>)>, Rejection> {
    let Some((file, length)) = open_bounded(file, cache_limit(slot_bytes(slots)))? else {
        return Ok(None);
    };
    // Kept as it is now: a cache written meanwhile replaces the file, not this one's bytes.
    let kept = mentions_first.then(|| file.try_clone().ok()).flatten();
    // Only its first `length` bytes are read: every offset read is checked against it.
    let reader = std::io::BufReader::new(file);
    let mut known = HashMap::with_capacity_and_hasher(files.len(), Default::default());
    for ((path, disk_path), slot) in files.iter().zip(slots) {
        match slot {
            Slot::Text(_, check, _) => known.insert(path.as_str(), Known::Read(*check)),
            Slot::Stamped(now) => known.insert(
                path.as_str(),
                Known::Stamped {
                    now: *now,
                    disk_path,
                },
            ),
            Slot::Skipped(_) => None,
        };
    }
    let read = |disk_path: &Path| loader::read_text_stamped(disk_path, read_at_ns);
    let wanted = Wanted {
        known,
        read: &read,
        // Without the file to read the whole analyses from, decoded whole now.
        mentions_first: kept.is_some(),
    };
    let taken = read_matching_once(reader, length, stamp, &wanted, progress)?;
    Ok(Some((taken, kept)))
}

/// Reads one article's file for a load that began at `read_at_ns`: its text, the text's
/// check, and the file's stamp.
fn read_checked(
    disk_path: &Path,
    read_at_ns: u64,
) -> Result<(Arc<str>, TextCheck, Option<DiskStamp>), SkipReason> {
    let (text, disk) = loader::read_text_stamped(disk_path, read_at_ns)?;
    let check = TextCheck::of(&text);
    Ok((text, check, disk))
}

/// [`loader::load_corpus`] with the warm-start cache: each article whose path and bytes
/// match a cache entry given its cached analysis, the others analysed.
///
/// A corpus that lets go of texts (the server's) needs no text the cache gives an analysis
/// of: its files are not read at first, only their stamps taken (size, times, inode: no
/// read). An entry whose stamp still describes its file, and was taken long enough after
/// the file's last change ([`is_racy`]), is taken without its file being read; any other
/// file is read and hashed (the entry taken if its bytes are the same), as is every file
/// the cache has no entry for. So only the texts of changed and new files are held, never
/// all of them. A corpus that keeps its texts (`check --cache`, which writes reports from
/// them) reads every file anyway, and matches by bytes alone: hashing a text already read
/// costs little next to the reading, and then the analysis is sure to be of the text the
/// report shows, whatever a file's times say.
pub fn load_corpus_cached(
    root: &Path,
    corpus: &mut Corpus,
    mut progress: impl FnMut(LoadProgress) + Send,
) -> Outcome {
    // Taken before any file is looked at: every stamp this load takes is of a file as it
    // stood after this moment.
    let read_at_ns = crate::clock::now_ns();
    let mut file = None;
    // The files looked at and the cache read while the registries are taken in (parsing
    // a large one and building the alias automaton take a core for a while): the cache's
    // stamp is that of the corpus with those registries.
    let (files, (slots, cached)) =
        loader::with_article_files(root, corpus, |corpus, registries| {
            file = cache_file(root, corpus);
            let stamp = stamp_taking(corpus, registries);
            // A corpus that lets go of texts has them read as it analyses them, whatever the
            // cache gives: only the texts being analysed are held at once.
            let stamps_only = corpus.lets_go_of_texts();
            let mentions_first_rule = corpus.mentions_first_rule();
            let file = file.clone();
            let progress = &mut progress;
            move |files: &[(String, PathBuf)]| {
                let slots = first_look(files, stamps_only, read_at_ns, progress);
                // As a cold start of as many articles would: the whole analyses are
                // decoded in the second pass.
                let mentions_first = mentions_first_rule.applies(files.len(), slot_bytes(&slots));
                let cached = file.map(|file| {
                    let total = files.len();
                    let mut settled = |done| progress(LoadProgress::Read { done, total });
                    read_cache(
                        &file,
                        &stamp,
                        files,
                        &slots,
                        read_at_ns,
                        mentions_first,
                        &mut settled,
                    )
                });
                (slots, cached)
            }
        });
    let mut outcome = Outcome {
        read: slots
            .iter()
            .filter(|slot| !matches!(slot, Slot::Stamped(_)))
            .count(),
        ..Outcome::default()
    };
    let mut cache_entries = None;
    let mut found = HashMap::default();
    let mut kept_file = None;
    let taken = cached.transpose().map(Option::flatten).and_then(|taken| {
        if let Some(((_, found), _)) = &taken {
            fits(found, corpus.actors().len())?;
        }
        Ok(taken)
    });
    match taken {
        Ok(Some(((entries, taken), kept))) => {
            cache_entries = Some(entries);
            found = taken;
            kept_file = kept;
        }
        Ok(None) => {}
        Err(rejection) => {
            outcome.rejected = Some(rejection.to_string());
            // The files read while the cache was read are read again with the others.
        }
    }
    outcome.file = file;
    let keeps_stamps = corpus.lets_go_of_texts();
    let mut stamps = Vec::new();
    let mut keep_stamp = |path: &str, check: TextCheck, disk: Option<DiskStamp>| {
        if let (true, Some(disk)) = (keeps_stamps, disk) {
            stamps.push((path.to_string(), check, disk));
        }
    };
    let no_text = ArticleText::Held(Arc::from(""));
    let mut prepared: Vec<(String, ArticleText, Option<ArticleFile>)> =
        Vec::with_capacity(files.len());
    let mut unread: HashMap<String, PathBuf> = HashMap::default();
    // Where the whole analyses are of the articles given only their mentions.
    let mut wholes = HashMap::default();
    for ((path, disk_path), slot) in files.into_iter().zip(slots) {
        let cached = found.remove(&path);
        match (slot, cached) {
            (Slot::Skipped(reason), _) | (Slot::Stamped(_), Some(Found::Unreadable(reason))) => {
                corpus.mark_skipped(&path, reason.to_string());
            }
            (Slot::Text(text, check, disk), cached) => {
                keep_stamp(&path, check, disk);
                let cached = match cached {
                    Some(Found::Cached {
                        analysis, whole_at, ..
                    }) => {
                        if let Some(at) = whole_at {
                            wholes.insert(path.clone(), at);
                        }
                        Some(analysis)
                    }
                    _ => None,
                };
                outcome.reused += usize::from(cached.is_some());
                prepared.push((path, ArticleText::Held(text), cached));
            }
            (
                Slot::Stamped(_),
                Some(Found::Cached {
                    mut analysis,
                    check,
                    disk,
                    read,
                    whole_at,
                    ..
                }),
            ) => {
                if let Some(at) = whole_at {
                    wholes.insert(path.clone(), at);
                }
                outcome.read += usize::from(read);
                let renewed = read && disk.is_some_and(|disk| !is_racy(&disk));
                outcome.restamped += usize::from(renewed && keeps_stamps);
                outcome.reused += 1;
                keep_stamp(&path, check, disk);
                // Taken without its text: the check says which text it is.
                analysis.text_dropped = Some(check);
                prepared.push((path, no_text.clone(), Some(analysis)));
            }
            (Slot::Stamped(_), Some(Found::Changed { text, check, disk })) => {
                outcome.read += 1;
                keep_stamp(&path, check, disk);
                prepared.push((path, ArticleText::Held(text), None));
            }
            (Slot::Stamped(disk), None) => {
                // Read as it is analysed (see `UnreadArticles`).
                let bytes = disk.map_or(0, |disk| disk.bytes);
                prepared.push((path.clone(), ArticleText::Unread { bytes }, None));
                unread.insert(path, disk_path);
            }
        }
    }
    // The files the cache gave nothing for (new ones, or all when it was not read): read
    // as they are analysed, their stamps kept as they are read.
    outcome.read += unread.len();
    let unread = UnreadArticles {
        disk_paths: unread,
        read_at_ns,
        keeps_stamps,
        stamps: std::sync::Mutex::new(Vec::new()),
        unreadable: std::sync::atomic::AtomicUsize::new(0),
    };
    let handed = prepared.len();
    corpus.set_files_prepared(prepared, Some(&unread), |done, total| {
        progress(LoadProgress::Analysed { done, total })
    });
    // Those that could not be read are skipped, not articles.
    outcome.articles = handed.saturating_sub(unread.unreadable.into_inner());
    stamps.extend(
        unread
            .stamps
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    );
    outcome.stale = cache_entries
        .is_none_or(|entries| entries != outcome.reused || outcome.reused != outcome.articles);
    if let (Some(file), false) = (kept_file, wholes.is_empty()) {
        let file = std::sync::Mutex::new(file);
        let damaged = outcome.damaged_wholes.clone();
        corpus.set_pending_source(Arc::new(CachedWholes {
            file,
            wholes,
            damaged,
        }));
    }
    if keeps_stamps {
        corpus.set_disk_stamps(stamps);
    }
    outcome
}

/// The articles of a load that neither the first look read nor the cache gave: read as the
/// corpus analyses them ([`ArticleText::Unread`]), each file's stamp noted as it is read
/// for the cache's next write.
struct UnreadArticles {
    /// Each article's file by its corpus path.
    disk_paths: HashMap<String, PathBuf>,
    read_at_ns: u64,
    /// Whether the stamps are wanted ([`Corpus::lets_go_of_texts`]).
    keeps_stamps: bool,
    stamps: std::sync::Mutex<Vec<(String, TextCheck, DiskStamp)>>,
    /// How many could not be read (the corpus marks them skipped).
    unreadable: std::sync::atomic::AtomicUsize,
}

impl ArticleReader for UnreadArticles {
    fn read(&self, path: &str) -> Result<Arc<str>, String> {
        let read = match self.disk_paths.get(path) {
            Some(disk_path) => {
                read_checked(disk_path, self.read_at_ns).map_err(|reason| reason.to_string())
            }
            None => Err("not among the files found".to_string()),
        };
        match read {
            Ok((text, check, disk)) => {
                if let (true, Some(disk)) = (self.keeps_stamps, disk) {
                    self.stamps
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .push((path.to_string(), check, disk));
                }
                Ok(text)
            }
            Err(reason) => {
                self.unreadable
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                Err(reason)
            }
        }
    }
}

/// Why a cached whole analysis is not given to the second pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WholeMiss {
    /// The entry is of another text: the article changed since the first pass.
    OtherText,
    /// Its bytes are not those the first pass vouched for, or do not decode.
    Damaged,
}

/// The whole analyses that a warm start's first pass left in the cache file, which it
/// decoded only the mentions of ([`MentionsPart`]): read again from the same open file (a
/// cache written meanwhile replaces the file by renaming, not these bytes), each record
/// checked to be the bytes read first and of the path and text asked for, for the second
/// pass to take instead of analysing the texts ([`PendingSource`]).
#[derive(Debug)]
struct CachedWholes {
    file: std::sync::Mutex<std::fs::File>,
    wholes: HashMap<String, RecordAt>,
    /// How many of `wholes` did not check out when asked for (the load's
    /// [`Outcome::damaged_wholes`]).
    damaged: Arc<std::sync::atomic::AtomicUsize>,
}

impl PendingSource for CachedWholes {
    fn analysis(&self, path: &str, check: TextCheck) -> Option<ArticleFile> {
        let at = self.wholes.get(path)?;
        let analysis = self.read_whole(at, path, check);
        // Damaged, not merely of another text: what the first pass took is no longer
        // what the file holds, or never decoded.
        let damaged = matches!(analysis, Err(WholeMiss::Damaged));
        if damaged {
            self.damaged
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        analysis.ok()
    }
}

impl CachedWholes {
    /// The whole analysis of the entry `at` for the article at `path` with the text
    /// `check` is of, or why it cannot be given.
    fn read_whole(
        &self,
        at: &RecordAt,
        path: &str,
        check: TextCheck,
    ) -> Result<ArticleFile, WholeMiss> {
        let (lead, rest) = {
            let mut file = self
                .file
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let mut read = |offset: u64, length: u64| {
                file.seek(std::io::SeekFrom::Start(offset)).ok()?;
                read_exactly(&mut *file, length).ok()
            };
            let lead = read(at.lead_offset, at.lead_length).ok_or(WholeMiss::Damaged)?;
            (
                lead,
                read(at.rest_offset, at.rest_length).ok_or(WholeMiss::Damaged)?,
            )
        };
        if xxh3_64(&lead) != at.lead_hash || xxh3_64(&rest) != at.rest_hash {
            return Err(WholeMiss::Damaged);
        }
        let ((key, _, _), _) =
            postcard::take_from_bytes::<LeadHead>(&lead).map_err(|_| WholeMiss::Damaged)?;
        if key.path != path {
            return Err(WholeMiss::Damaged);
        }
        if !key.is_of(check) {
            return Err(WholeMiss::OtherText);
        }
        let whole = [lead.get(at.analysis_at..).ok_or(WholeMiss::Damaged)?, &rest].concat();
        let analysis: ArticleFile = postcard::from_bytes(&whole).map_err(|_| WholeMiss::Damaged)?;
        if analysis.path != path {
            return Err(WholeMiss::Damaged);
        }
        Ok(analysis)
    }
}

/// What a cache is written from: the corpus's articles, each with the stamp of the file
/// its text was read from when the corpus has one, and its stamp, taken while the corpus
/// is at hand, written later (off the request path).
pub struct Snapshot {
    stamp: Stamp,
    articles: Vec<(Arc<ArticleFile>, Option<DiskStamp>)>,
    /// What reads again the packed claims and diagnostics articles left out, to write them.
    left_out: Box<LeftOutReader>,
}

impl Snapshot {
    pub fn of(corpus: &Corpus) -> Self {
        Snapshot {
            stamp: stamp_of(corpus),
            // An article of which only the mentions were found yet is not cached.
            articles: corpus
                .articles()
                .filter(|file| !file.is_pending())
                .map(|file| (file.clone(), corpus.disk_stamp_of(file)))
                .collect(),
            left_out: Box::new(corpus.left_out_reader()),
        }
    }

    /// The analyses the snapshot holds.
    pub fn articles(&self) -> impl Iterator<Item = &Arc<ArticleFile>> {
        self.articles.iter().map(|(file, _)| file)
    }
}

/// A cache file just written ([`save`]), open: where each of its entries is, to read the
/// whole analyses again (as a [`PendingSource`]: what articles left out of the index,
/// [`Corpus::leave_packed_out`]).
#[derive(Debug)]
pub struct Written {
    file: std::fs::File,
    records: HashMap<String, RecordAt>,
}

impl Written {
    /// Whether the analysis of the article at `path` was written.
    pub fn holds(&self, path: &str) -> bool {
        self.records.contains_key(path)
    }

    /// Lets the articles of `snapshot`, which this file was written from, that `corpus`
    /// still holds as they were go of their packed claims and diagnostics, which the file
    /// holds ([`Corpus::leave_packed_out`]). The snapshot goes first: an article it held
    /// too would be copied rather than changed. Returns how many let go of them.
    pub fn leave_out_of(self, snapshot: Snapshot, corpus: &mut Corpus) -> usize {
        let (source, written) = self.to_leave_out(snapshot);
        corpus.leave_packed_out(source, written)
    }

    /// What [`Written::leave_out_of`] hands the corpus: the file as the source of what
    /// the articles leave out, and the articles of `snapshot` it holds. Made apart from
    /// the corpus, so that a server need not hold its state meanwhile.
    pub fn to_leave_out(
        self,
        snapshot: Snapshot,
    ) -> (Arc<dyn PendingSource>, Vec<Arc<ArticleFile>>) {
        let written: Vec<Arc<ArticleFile>> = snapshot
            .articles()
            .filter(|file| self.holds(&file.path))
            .cloned()
            .collect();
        drop(snapshot);
        (self.into_source(), written)
    }

    /// The file as a source of the whole analyses it holds, each checked when read as a
    /// warm start's second pass checks them: a file renamed over it since leaves these
    /// bytes as they are (the file is held open).
    pub fn into_source(self) -> Arc<dyn PendingSource> {
        Arc::new(CachedWholes {
            file: std::sync::Mutex::new(self.file),
            wholes: self.records,
            damaged: Arc::default(),
        })
    }
}

/// Writes the cache file at `path` atomically: into a temporary file of its own in the
/// same folder, then renamed over `path` (not synced: see below).
pub fn save(path: &Path, snapshot: &Snapshot) -> std::io::Result<Written> {
    save_yielding(path, snapshot, &mut || {})
}

/// [`save`], calling `between` after each block of analyses is written: a server waits
/// there while the editor is busy, so that encoding a large cache (453 MB at 100,000
/// articles) does not slow its answers down.
pub fn save_yielding(
    path: &Path,
    snapshot: &Snapshot,
    between: &mut dyn FnMut(),
) -> std::io::Result<Written> {
    static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    let name = path.file_name().map_or_else(
        || "cache".into(),
        |name| name.to_string_lossy().into_owned(),
    );
    remove_abandoned_writes(folder, &name);
    let write = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let temporary = folder.join(format!(".{name}.{}.{write}.tmp", std::process::id()));
    let written = (|| {
        // Readable too: it is read again for what the index leaves out.
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&temporary)?;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
        let records = write_cache(
            &mut out,
            &snapshot.stamp,
            &snapshot.articles,
            Some(&snapshot.left_out),
            between,
        )?;
        // Not synced before the rename: a crash can leave the renamed file torn or empty,
        // which its checks reject (and the next load rebuilds). A cache needs no
        // durability, and syncing one of 640 MB (100,000 articles) made the disk write it
        // all at once while the server answered requests.
        let file = out
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        std::fs::rename(&temporary, path)?;
        Ok(Written { file, records })
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

/// Removes the temporary files of writes of the cache file `name` that never finished (a
/// process killed while writing): those not touched for an hour, so that a write still
/// going on in another process is left alone.
fn remove_abandoned_writes(folder: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if !(file_name.starts_with(&prefix) && file_name.ends_with(".tmp")) {
            continue;
        }
        let abandoned = entry
            .metadata()
            .and_then(|metadata| metadata.modified())
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age > std::time::Duration::from_secs(3600));
        if abandoned {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp() -> Stamp {
        Stamp {
            version: "1.2.3".to_string(),
            build: "test".to_string(),
            fingerprint: 42,
        }
    }

    /// A corpus of a few articles (a future date, a mention, claims, an annotation) and
    /// the texts it was made of.
    fn small_corpus() -> (Corpus, Vec<(String, Arc<str>)>) {
        let texts: Vec<(String, Arc<str>)> = vec![
            (
                "a.article".to_string(),
                Arc::from(
                    "Title: Talks\nSource: Wire\nDate: 2022-09-29\n\nBiden said the talks \
                     would resume. The minister met him the same day {date: 2022-09-28}.\n",
                ),
            ),
            (
                "b.article".to_string(),
                Arc::from("Title: Later\nSource: Wire\nDate: 2099-01-01\n\nThe mayor said it rained [@a].\n"),
            ),
        ];
        let mut corpus = Corpus::new(crate::temporal::CalendarDate::parse_iso("2024-01-01").ok());
        let registry = "[[actor]]\nid = \"biden\"\nname = \"Joe Biden\"\naliases = [\"Biden\"]\n";
        let mut files = vec![("actors.toml".to_string(), Arc::from(registry))];
        files.extend(texts.iter().cloned());
        corpus.set_files(files);
        (corpus, texts)
    }

    fn articles(corpus: &Corpus) -> Vec<Arc<ArticleFile>> {
        corpus.articles().cloned().collect()
    }

    /// Reads nothing: the files of these tests are all known by their texts.
    fn no_reading(_: &Path) -> Result<(Arc<str>, Option<DiskStamp>), SkipReason> {
        Err(SkipReason::Unreadable("not read in this test".to_string()))
    }

    /// Reads a whole cache held in memory for no article: its checks alone, and the
    /// number of its entries.
    fn decode(bytes: &[u8], expected: &Stamp) -> Result<usize, Rejection> {
        let wanted = Wanted {
            known: HashMap::default(),
            read: &no_reading,
            mentions_first: false,
        };
        let reader = std::io::Cursor::new(bytes);
        read_matching(reader, bytes.len() as u64, expected, &wanted, &mut |_| {})
            .map(|(entries, _)| entries)
    }

    /// What a load whose articles' texts `texts` were read asks of a cache, their
    /// mentions first or not.
    fn wanting(texts: &[(String, Arc<str>)], mentions_first: bool) -> Wanted<'_> {
        Wanted {
            known: texts
                .iter()
                .map(|(path, text)| (path.as_str(), Known::Read(TextCheck::of(text))))
                .collect(),
            read: &no_reading,
            mentions_first,
        }
    }

    /// The analyses a cache held in memory gives the articles of `texts`, in a corpus of
    /// `actors` actors.
    fn take(
        bytes: &[u8],
        texts: &[(String, Arc<str>)],
        actors: usize,
    ) -> Result<HashMap<String, ArticleFile>, Rejection> {
        let wanted = wanting(texts, false);
        let reader = std::io::Cursor::new(bytes);
        let (_, found) = read_matching(reader, bytes.len() as u64, &stamp(), &wanted, &mut |_| {})?;
        fits(&found, actors)?;
        Ok(found
            .into_iter()
            .filter_map(|(path, found)| match found {
                Found::Cached { analysis, .. } => Some((path, analysis)),
                _ => None,
            })
            .collect())
    }

    /// A corpus loaded the way a warm start loads it: the registry, then the texts with
    /// the analyses taken from `bytes`.
    fn warm_corpus(bytes: &[u8], texts: &[(String, Arc<str>)], today: &str) -> Corpus {
        let (cold, _) = small_corpus();
        let mut corpus = Corpus::new(crate::temporal::CalendarDate::parse_iso(today).ok());
        let registry = cold.registry("actors.toml").unwrap().text.clone();
        corpus.set_files(vec![("actors.toml".to_string(), registry)]);
        let mut taken = take(bytes, texts, corpus.actors().len()).expect("decodes");
        assert_eq!(taken.len(), texts.len());
        let files = texts
            .iter()
            .map(|(path, text)| (path.clone(), text.clone().into(), taken.remove(path)))
            .collect();
        corpus.set_files_prepared(files, None, |_, _| {});
        corpus
    }

    #[test]
    fn a_warm_corpus_equals_a_cold_one() {
        let (cold, texts) = small_corpus();
        let bytes = encode(&stamp(), &articles(&cold));
        let warm = warm_corpus(&bytes, &texts, "2024-01-01");
        for (path, _) in &texts {
            assert_eq!(warm.article(path), cold.article(path));
            assert_eq!(warm.diagnostics(path), cold.diagnostics(path));
        }
        assert!(cold.diagnostics("b.article").iter().any(|diagnostic| {
            diagnostic.code == crate::diagnostic::DiagnosticCode::FutureDate
        }));
        assert_eq!(warm.mentions_of(0).len(), cold.mentions_of(0).len());
    }

    #[test]
    fn warm_analyses_of_the_seeds_equal_cold_ones_in_each_retention() {
        use crate::corpus::Retention;
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let today = crate::temporal::CalendarDate::parse_iso("2024-01-01").ok();
        for retention in [Retention::Everything, Retention::Reports, Retention::Index] {
            let mut cold = Corpus::new(today);
            cold.set_retention(retention);
            loader::load_corpus(&seeds, &mut cold, |_| {});
            let bytes = encode(&stamp(), &articles(&cold));
            let mut warm = Corpus::new(today);
            warm.set_retention(retention);
            let texts = loader::read_corpus(&seeds, &mut warm, |_| {});
            let mut taken = take(&bytes, &texts, warm.actors().len()).expect("decodes");
            assert_eq!(taken.len(), texts.len());
            let files = texts
                .into_iter()
                .map(|(path, text)| {
                    let cached = taken.remove(&path);
                    (path, text.into(), cached)
                })
                .collect();
            warm.set_files_prepared(files, None, |_, _| {});
            assert_eq!(warm.paths(), cold.paths());
            for file in cold.articles() {
                assert_eq!(
                    warm.indexed_article(&file.path),
                    Some(file),
                    "{retention:?}"
                );
                assert_eq!(warm.diagnostics(&file.path), cold.diagnostics(&file.path));
            }
            for actor in 0..cold.actors().len() {
                let places = |corpus: &Corpus| -> Vec<(String, crate::text::TextRange)> {
                    corpus
                        .mentions_of(actor)
                        .into_iter()
                        .map(|(file, mention)| (file.path.clone(), mention.range()))
                        .collect()
                };
                assert_eq!(places(&warm), places(&cold));
            }
        }
    }

    #[test]
    fn the_future_date_is_judged_on_the_day_the_cache_is_read() {
        let (cold, texts) = small_corpus();
        let bytes = encode(&stamp(), &articles(&cold));
        let warm = warm_corpus(&bytes, &texts, "2100-01-01");
        let mut cold_later =
            Corpus::new(crate::temporal::CalendarDate::parse_iso("2100-01-01").ok());
        let registry = cold.registry("actors.toml").unwrap().text.clone();
        let mut files = vec![("actors.toml".to_string(), registry)];
        files.extend(texts.iter().cloned());
        cold_later.set_files(files);
        for (path, _) in &texts {
            assert_eq!(warm.article(path), cold_later.article(path));
        }
    }

    #[test]
    fn only_articles_with_the_same_path_and_bytes_are_taken() {
        let (corpus, mut texts) = small_corpus();
        let bytes = encode(&stamp(), &articles(&corpus));
        texts[0].1 = Arc::from(format!("{} ", texts[0].1));
        texts[1].0 = "renamed.article".to_string();
        let taken = take(&bytes, &texts, corpus.actors().len()).unwrap();
        assert!(taken.is_empty(), "{:?}", taken.keys());
    }

    /// A stamp of a file of `bytes` bytes modified at `modified_ns`, read at `read_at_ns`.
    fn disk(bytes: u64, modified_ns: u64, read_at_ns: u64) -> DiskStamp {
        DiskStamp {
            bytes,
            modified_ns,
            changed_ns: modified_ns,
            inode: 7,
            read_at_ns,
        }
    }

    #[test]
    fn a_stamp_vouches_only_for_the_same_file_version_read_long_after_its_change() {
        const SECOND: u64 = 1_000_000_000;
        let stamped = disk(100, 1_000 * SECOND, 1_003 * SECOND);
        let key = EntryKey {
            path: "a.article".to_string(),
            bytes: 100,
            content_hash: 42,
            disk: Some(stamped),
        };
        assert!(vouches_for(&key, Some(&stamped)));
        // When the file is looked at does not matter.
        let later = DiskStamp {
            read_at_ns: 2_000 * SECOND,
            ..stamped
        };
        assert!(vouches_for(&key, Some(&later)));
        let differing = [
            DiskStamp {
                bytes: 101,
                ..stamped
            },
            DiskStamp {
                modified_ns: stamped.modified_ns + 1,
                ..stamped
            },
            DiskStamp {
                changed_ns: stamped.changed_ns + 1,
                ..stamped
            },
            DiskStamp {
                inode: 8,
                ..stamped
            },
        ];
        for now in differing {
            assert!(!vouches_for(&key, Some(&now)), "{now:?}");
        }
        // No stamp now (not a regular file, no modification time), none in the entry.
        assert!(!vouches_for(&key, None));
        let unstamped = EntryKey {
            disk: None,
            ..key.clone()
        };
        assert!(!vouches_for(&unstamped, Some(&stamped)));
        // Read within two seconds of the change (or before it: a clock set back).
        for read_at_ns in [1_002 * SECOND, 1_001 * SECOND, 999 * SECOND] {
            let racy = DiskStamp {
                read_at_ns,
                ..stamped
            };
            let key = EntryKey {
                disk: Some(racy),
                ..key.clone()
            };
            assert!(!vouches_for(&key, Some(&racy)), "read at {read_at_ns}");
        }
        let just_after = disk(100, 1_000 * SECOND, 1_002 * SECOND + 1);
        let key = EntryKey {
            disk: Some(just_after),
            ..key.clone()
        };
        assert!(vouches_for(&key, Some(&just_after)));
    }

    /// A write that steps aside is called back after each block of analyses, and writes
    /// the bytes a write straight through does.
    #[test]
    fn a_yielding_write_is_called_back_after_each_block_and_writes_the_same_bytes() {
        let (corpus, _) = small_corpus();
        let files = articles(&corpus);
        let many: Vec<(Arc<ArticleFile>, Option<DiskStamp>)> = (0..300)
            .flat_map(|_| files.iter().map(|file| (file.clone(), None)))
            .collect();
        let mut straight = Vec::new();
        write_cache(&mut straight, &stamp(), &many, None, &mut || {}).unwrap();
        let mut calls = 0;
        let mut yielding = Vec::new();
        write_cache(&mut yielding, &stamp(), &many, None, &mut || calls += 1).unwrap();
        assert_eq!(calls, many.len().div_ceil(ENCODED_TOGETHER));
        assert!(calls > 1);
        assert_eq!(yielding, straight);
    }

    /// An edit of the same size within the same tick of the file system's clock leaves the
    /// stamp as it was: an entry stamped that close to the change is checked by reading
    /// and hashing its file, which finds the edit; one stamped long after it is taken
    /// without its file being read.
    #[test]
    fn an_entry_stamped_too_soon_after_its_change_is_checked_by_its_hash() {
        const SECOND: u64 = 1_000_000_000;
        let (corpus, texts) = small_corpus();
        let racy = disk(texts[0].1.len() as u64, 1_000 * SECOND, 1_001 * SECOND);
        let settled = disk(texts[1].1.len() as u64, 1_000 * SECOND, 1_100 * SECOND);
        let stamped: Vec<(Arc<ArticleFile>, Option<DiskStamp>)> = articles(&corpus)
            .into_iter()
            .zip([racy, settled])
            .map(|(file, disk)| (file, Some(disk)))
            .collect();
        let mut bytes = Vec::new();
        write_cache(&mut bytes, &stamp(), &stamped, None, &mut || {}).unwrap();
        // Both files edited without changing their size or stamps.
        let edited: Vec<(String, Arc<str>)> = texts
            .iter()
            .map(|(path, text)| (path.clone(), Arc::from(text.replacen("said", "told", 1))))
            .collect();
        let reads = std::sync::atomic::AtomicUsize::new(0);
        let read = |disk_path: &Path| {
            reads.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let text = edited
                .iter()
                .find(|(path, _)| Path::new(path) == disk_path)
                .map(|(_, text)| text.clone())
                .ok_or_else(|| SkipReason::Unreadable("no such file".to_string()))?;
            let disk = [racy, settled][usize::from(disk_path != Path::new(&texts[0].0))];
            Ok((text, Some(disk)))
        };
        let wanted = Wanted {
            known: [(&texts[0].0, racy), (&texts[1].0, settled)]
                .into_iter()
                .map(|(path, now)| {
                    let known = Known::Stamped {
                        now: Some(now),
                        disk_path: Path::new(path),
                    };
                    (path.as_str(), known)
                })
                .collect(),
            read: &read,
            mentions_first: false,
        };
        let (entries, found) = read_matching(
            std::io::Cursor::new(&bytes[..]),
            bytes.len() as u64,
            &stamp(),
            &wanted,
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(entries, 2);
        assert_eq!(reads.into_inner(), 1, "only the racy entry's file is read");
        match &found[&texts[0].0] {
            Found::Changed { text, .. } => assert_eq!(text, &edited[0].1),
            other => panic!("the edit within the racy window was not found: {other:?}"),
        }
        match &found[&texts[1].0] {
            Found::Cached {
                analysis,
                check,
                read,
                ..
            } => {
                assert!(!read);
                assert_eq!(*check, TextCheck::of(&texts[1].1));
                assert_eq!(analysis.path, texts[1].0);
            }
            other => panic!("the settled entry was not taken: {other:?}"),
        }
    }

    /// While a cache is decoded, a message met twice is one copy; a message that is not
    /// UTF-8 is refused, whether met before or not, decoding or not.
    #[test]
    fn repeated_texts_are_decoded_as_one_copy_and_checked_as_text() {
        use crate::diagnostic::{Diagnostic, DiagnosticCode, Severity};
        let message = "undated claim: neither this sentence nor an earlier one says when";
        let diagnostic = |start| {
            Diagnostic::new(
                crate::text::TextRange::new(start, start + 4),
                Severity::Warning,
                DiagnosticCode::UndatedClaim,
                message,
            )
        };
        let pair = (diagnostic(0), diagnostic(10));
        let bytes = postcard::to_allocvec(&pair).unwrap();
        let decoding = |bytes: &[u8]| postcard::from_bytes::<(Diagnostic, Diagnostic)>(bytes);
        ONE_COPIES.with(|held| *held.borrow_mut() = Some(HashMap::default()));
        let decoded = decoding(&bytes).unwrap();
        assert_eq!(decoded, pair);
        assert!(Arc::ptr_eq(&decoded.0.message, &decoded.1.message));
        let at = bytes
            .windows(message.len())
            .rposition(|window| window == message.as_bytes())
            .unwrap();
        let mut not_text = bytes.clone();
        not_text[at] = 0xff;
        assert!(decoding(&not_text).is_err());
        ONE_COPIES.with(|held| held.borrow_mut().take());
        let decoded = decoding(&bytes).unwrap();
        assert_eq!(decoded, pair);
        assert!(!Arc::ptr_eq(&decoded.0.message, &decoded.1.message));
        assert!(decoding(&not_text).is_err());
    }

    #[test]
    fn every_truncation_is_refused() {
        let (corpus, _) = small_corpus();
        let bytes = encode(&stamp(), &articles(&corpus));
        for length in 0..bytes.len() {
            assert!(
                decode(&bytes[..length], &stamp()).is_err(),
                "a cache cut at {length} of {} bytes was read",
                bytes.len()
            );
        }
    }

    /// Every byte of a cache is covered by a check: a flipped one is refused by a load
    /// that takes every analysis (a rest is checked when it is read; one that no load
    /// asks for is read by none).
    #[test]
    fn every_flipped_byte_is_refused() {
        let (corpus, texts) = small_corpus();
        let bytes = encode(&stamp(), &articles(&corpus));
        let actors = corpus.actors().len();
        assert_eq!(take(&bytes, &texts, actors).map(|taken| taken.len()), Ok(2));
        for at in 0..bytes.len() {
            let mut corrupt = bytes.clone();
            corrupt[at] ^= 0x20;
            assert!(
                take(&corrupt, &texts, actors).is_err(),
                "a cache with byte {at} flipped was read"
            );
        }
    }

    /// Counts the bytes read through it.
    struct Counting<R> {
        inner: R,
        read: u64,
    }

    impl<R: Read> Read for Counting<R> {
        fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
            let read = self.inner.read(buffer)?;
            self.read += read as u64;
            Ok(read)
        }
    }

    impl<R: Seek> Seek for Counting<R> {
        fn seek(&mut self, to: std::io::SeekFrom) -> std::io::Result<u64> {
            self.inner.seek(to)
        }
    }

    /// A first pass reads every byte but the rests, and takes the mentions; the second
    /// pass reads each whole analysis back from the file, and gives none whose lead or
    /// rest changed since, counting it as damage (an article whose text changed is none).
    #[test]
    fn a_first_pass_reads_no_rest_and_the_second_checks_each_it_reads() {
        let (corpus, texts) = small_corpus();
        let cold = articles(&corpus);
        let mut bytes = encode(&stamp(), &cold);
        let wanted = wanting(&texts, true);
        let mut reader = Counting {
            inner: std::io::Cursor::new(&bytes[..]),
            read: 0,
        };
        let length = bytes.len() as u64;
        let (entries, found) =
            read_matching(&mut reader, length, &stamp(), &wanted, &mut |_| {}).unwrap();
        assert_eq!(entries, 2);
        let entries_at = (MAGIC.len() + 8 + postcard::to_allocvec(&stamp()).unwrap().len()) as u64;
        let blocks = read_directory(&mut std::io::Cursor::new(&bytes[..]), entries_at, length);
        let rests: u64 = blocks
            .unwrap()
            .iter()
            .map(|block| block.table_at - block.rests_at)
            .sum();
        assert!(rests > 0, "the claims are in the rests");
        assert_eq!(reader.read, length - rests);

        let mut wholes = HashMap::default();
        for (path, found) in found {
            let Found::Cached {
                analysis,
                whole_at: Some(at),
                ..
            } = found
            else {
                panic!("{path}: no mentions taken");
            };
            assert!(analysis.is_pending());
            wholes.insert(path, at);
        }
        let file = std::env::temp_dir().join(format!("dateline-two-passes-{}", std::process::id()));
        let whole_analyses = |bytes: &[u8]| {
            std::fs::write(&file, bytes).unwrap();
            let source = CachedWholes {
                file: std::sync::Mutex::new(std::fs::File::open(&file).unwrap()),
                wholes: wholes.clone(),
                damaged: Arc::default(),
            };
            let analyses: Vec<Option<Vec<u8>>> = cold
                .iter()
                .map(|file| {
                    source
                        .analysis(&file.path, file.text_check())
                        .map(|analysis| postcard::to_allocvec(&analysis).unwrap())
                })
                .collect();
            // An article whose text changed since is not given either, but is no damage.
            let changed = TextCheck::from_parts(cold[1].text_check().len() + 1, 0);
            assert!(source.analysis(&cold[1].path, changed).is_none());
            let damaged = source.damaged.load(std::sync::atomic::Ordering::Relaxed);
            (analyses, damaged)
        };
        let cold_bytes: Vec<Option<Vec<u8>>> = cold
            .iter()
            .map(|file| Some(postcard::to_allocvec(&**file).unwrap()))
            .collect();
        assert_eq!(whole_analyses(&bytes), (cold_bytes.clone(), 0));
        let first = wholes[&cold[0].path];
        let only_the_second = vec![None, cold_bytes[1].clone()];
        let mut rest_changed = bytes.clone();
        rest_changed[first.rest_offset as usize] ^= 1;
        assert_eq!(whole_analyses(&rest_changed), (only_the_second.clone(), 1));
        bytes[(first.lead_offset + first.lead_length) as usize - 1] ^= 1;
        assert_eq!(whole_analyses(&bytes), (only_the_second, 1));
        let _ = std::fs::remove_file(&file);
    }

    #[test]
    fn random_bytes_are_refused() {
        // A small xorshift generator: the same bytes every run.
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        for length in [0, 1, 7, 8, 64, 4096] {
            let mut bytes: Vec<u8> = (0..length)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state as u8
                })
                .collect();
            assert!(decode(&bytes, &stamp()).is_err());
            // Random bytes after a good beginning too.
            if bytes.len() >= MAGIC.len() + 4 {
                bytes[..MAGIC.len()].copy_from_slice(&MAGIC);
                bytes[MAGIC.len()..MAGIC.len() + 4].copy_from_slice(&FORMAT.to_le_bytes());
                assert!(decode(&bytes, &stamp()).is_err());
            }
        }
    }

    #[test]
    fn another_layout_version_build_or_fingerprint_is_refused() {
        let (corpus, _) = small_corpus();
        let bytes = encode(&stamp(), &articles(&corpus));
        let other_version = Stamp {
            version: "1.2.4".to_string(),
            ..stamp()
        };
        assert_eq!(
            decode(&bytes, &other_version).unwrap_err(),
            Rejection::Version("1.2.3".to_string())
        );
        let other_build = Stamp {
            build: "rebuilt".to_string(),
            ..stamp()
        };
        assert_eq!(decode(&bytes, &other_build).unwrap_err(), Rejection::Build);
        let other_settings = Stamp {
            fingerprint: 43,
            ..stamp()
        };
        assert_eq!(
            decode(&bytes, &other_settings).unwrap_err(),
            Rejection::Fingerprint
        );
        let mut other_layout = bytes.clone();
        other_layout[MAGIC.len()..MAGIC.len() + 4].copy_from_slice(&1u32.to_le_bytes());
        assert_eq!(
            decode(&other_layout, &stamp()).unwrap_err(),
            Rejection::Format(1)
        );
        let mut not_a_cache = bytes;
        not_a_cache[0] = b'D';
        assert_eq!(
            decode(&not_a_cache, &stamp()).unwrap_err(),
            Rejection::NotACache
        );
    }

    #[test]
    fn an_analysis_naming_an_unknown_actor_is_refused() {
        let (corpus, texts) = small_corpus();
        let bytes = encode(&stamp(), &articles(&corpus));
        assert!(take(&bytes, &texts, 0).is_err());
    }

    /// A corpus's settings place the cache only inside the corpus: not above it, not at
    /// an absolute path, not through a link out of it.
    #[test]
    fn a_cache_folder_named_by_the_corpus_stays_inside_it() {
        let scratch =
            std::env::temp_dir().join(format!("dateline-cache-inside-{}", std::process::id()));
        let root = scratch.join("corpus");
        let outside = scratch.join("outside");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        assert_eq!(
            super::folder_inside(&root, ".cache"),
            Some(root.join(".cache"))
        );
        assert_eq!(
            super::folder_inside(&root, "a/./b"),
            Some(root.join("a/./b"))
        );
        assert_eq!(super::folder_inside(&root, "../outside"), None);
        assert_eq!(super::folder_inside(&root, "a/../../outside"), None);
        assert_eq!(super::folder_inside(&root, outside.to_str().unwrap()), None);
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&outside, root.join("link")).unwrap();
            assert_eq!(super::folder_inside(&root, "link"), None);
        }
        std::fs::remove_dir_all(&scratch).unwrap();
    }

    #[test]
    fn the_fingerprint_follows_settings_registries_and_retention() {
        let (corpus, _) = small_corpus();
        let base = stamp_of(&corpus).fingerprint;
        let mut changed = corpus.clone();
        changed.set_file(
            "actors.toml",
            Arc::from("[[actor]]\nid = \"x\"\nname = \"X\"\n"),
        );
        assert_ne!(stamp_of(&changed).fingerprint, base);
        let mut changed = corpus.clone();
        changed.set_file("dateline.toml", Arc::from("[claims]\nevents = false\n"));
        assert_ne!(stamp_of(&changed).fingerprint, base);
        let mut changed = corpus.clone();
        changed.set_retention(crate::corpus::Retention::Reports);
        assert_ne!(stamp_of(&changed).fingerprint, base);
        // The stamp a load reads the cache with, before the registries are taken in, is
        // the one the corpus has once they are.
        let registry = vec![(
            "actors.toml".to_string(),
            corpus.registry("actors.toml").unwrap().text.clone(),
        )];
        let empty = Corpus::new(None);
        assert_eq!(stamp_taking(&empty, &registry), stamp_of(&corpus));
        assert_ne!(stamp_taking(&empty, &[]), stamp_of(&corpus));
        let mut other_registry = corpus.clone();
        other_registry.set_file(
            "actors.toml",
            Arc::from("[[actor]]\nid = \"x\"\nname = \"X\"\n"),
        );
        assert_eq!(stamp_taking(&other_registry, &registry), stamp_of(&corpus));
        // Where the cache lives is not what it holds; today's date neither.
        let mut moved = corpus.clone();
        moved.set_file(
            "dateline.toml",
            Arc::from("[cache]\nfolder = \"elsewhere\"\n"),
        );
        assert_eq!(stamp_of(&moved).fingerprint, base);
    }
}
