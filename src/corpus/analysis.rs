//! The analysis of one file: an article (header, dates, mentions, claims, diagnostics)
//! or a registry (actors in use, problems).

use super::packed::{PackedClaims, PackedDiagnostics};
use crate::actors::{self, AliasMatcher, Registry};
use crate::article::{self, Article};
use crate::claims::{self, ActorMention, Claim, Dating};
use crate::config::{Config, DateScope};
use crate::diagnostic::{Diagnostic, Severity};
use crate::position::{Encoding, LineIndex, Position, Span};
use crate::temporal::{self, CalendarDate, Timex};
use crate::text::{RangeIndex, TextRange};
use std::sync::Arc;

/// How much of each article's analysis the corpus keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Retention {
    /// Everything: an editor asks about any date, claim or sentence.
    #[default]
    Everything,
    /// What diagnostics and reports need: no dates, claims, sentences, annotations or actor
    /// mentions (so no index of them), and only the first use of each name in a file; not
    /// the text either when the corpus can read it again (`check`: each report reads it).
    Reports,
    /// What the corpus-wide features read of a file the editor has not opened: the text,
    /// header, citations, diagnostics, actor mentions and the dated claims (the timeline),
    /// with the first use of each name; no dates, undated claims, sentences or
    /// annotations. A language server keeps every unopened file so, and analyses one whole
    /// again when a request needs the rest ([`super::Corpus::article`]).
    Index,
    /// Only what references, definitions and completion read of a file: its header,
    /// citations, actor mentions and the header's own diagnostics (parse errors, a future
    /// date). What a server keeps of an article between the two passes of a start: the
    /// first finds mentions only (a cold start), or decodes only those of each cached
    /// analysis (a warm one), so that the index is complete in a fraction of the time;
    /// the second analyses each article whole in the background, or takes its whole
    /// analysis from the cache, and keeps what [`Retention::Index`] says
    /// ([`super::Corpus::take_pending`]). Never cached.
    Mentions,
}

/// A mention of a known actor in an article, by index into the corpus's actors, with its
/// place in lines and UTF-16 columns (the protocol's default) worked out while the text
/// is at hand: a reference answer lists thousands of mentions in as many files, and
/// counting each one's column from its line's start then read every file's text again.
///
/// Held in 24 bytes, not the 40 of a [`TextRange`], a `usize` and a [`Span`]: a corpus
/// of 100,000 articles has 5.4 million mentions. Offsets, columns and the actor are
/// `u32`s (the loader refuses files over 64 MiB; a text an editor sends that is longer
/// than 4 GiB would have its later offsets clamped to `u32::MAX`), and the place is one
/// line with two columns: a mention on several lines (a registry form with a line break
/// in it) has no place kept, and readers count it from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileMention {
    start: u32,
    end: u32,
    actor: u32,
    /// [`FileMention::NO_LINE`] when the place is not kept.
    line: u32,
    start_column: u32,
    end_column: u32,
}

impl FileMention {
    /// The line of a mention whose place is not kept.
    const NO_LINE: u32 = u32::MAX;

    /// A mention of `actor` at `range`, placed at `utf16` (UTF-16 columns).
    pub fn new(range: TextRange, actor: usize, utf16: Span) -> Self {
        let clamped = |value: usize| u32::try_from(value).unwrap_or(u32::MAX);
        let on_one_line = utf16.start.line == utf16.end.line && utf16.start.line != Self::NO_LINE;
        FileMention {
            start: clamped(range.start),
            end: clamped(range.end),
            actor: clamped(actor),
            line: if on_one_line {
                utf16.start.line
            } else {
                Self::NO_LINE
            },
            start_column: utf16.start.character,
            end_column: utf16.end.character,
        }
    }

    /// The bytes of the text that name the actor.
    pub fn range(&self) -> TextRange {
        TextRange::new(self.start as usize, self.end as usize)
    }

    /// The actor, as an index into the corpus's actors.
    pub fn actor(&self) -> usize {
        self.actor as usize
    }

    /// Where the mention is in lines and UTF-16 columns, unless it spans lines.
    pub fn utf16(&self) -> Option<Span> {
        (self.line != Self::NO_LINE).then_some(Span {
            start: Position {
                line: self.line,
                character: self.start_column,
            },
            end: Position {
                line: self.line,
                character: self.end_column,
            },
        })
    }

    /// The mention moved to `range`, on a line `lines_gained` further down (its columns
    /// unchanged: a re-analysis moves only mentions after its window of whole lines).
    fn moved(self, range: TextRange, lines_gained: i64) -> Self {
        let line = if self.line == Self::NO_LINE {
            Self::NO_LINE
        } else {
            u32::try_from(i64::from(self.line) + lines_gained).unwrap_or(Self::NO_LINE)
        };
        FileMention {
            start: u32::try_from(range.start).unwrap_or(u32::MAX),
            end: u32::try_from(range.end).unwrap_or(u32::MAX),
            line,
            ..self
        }
    }
}

/// Places mentions (in text order) in the text's lines, in UTF-16 columns.
fn place_mentions(text: &str, lines: &LineIndex, mentions: Vec<ActorMention>) -> Vec<FileMention> {
    let mut cursor = lines.cursor(text, Encoding::Utf16);
    mentions
        .into_iter()
        .map(|mention| FileMention::new(mention.range, mention.actor, cursor.span(mention.range)))
        .collect()
}

/// An analysed article.
///
/// Its first six fields, in this order, are also [`MentionsPart`]'s: the warm-start cache
/// decodes only those of an analysis when it only needs its mentions. Keep them first.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ArticleFile {
    pub path: String,
    /// Not in the warm-start cache: given back when a cached analysis is taken
    /// (`Corpus::set_files_prepared`), unless the corpus lets go of it anyway.
    #[serde(skip)]
    pub text: Arc<str>,
    /// Made again from the text, as the text is: empty when the corpus let go of the
    /// text (whoever reads the text again indexes it then).
    #[serde(skip)]
    pub line_index: LineIndex,
    pub article: Article,
    /// The id other files cite it by: header `Id`, or the file name without extension.
    pub id: String,
    pub date: Option<CalendarDate>,
    pub timexes: Vec<Timex>,
    pub mentions: Vec<FileMention>,
    pub claims: Vec<Claim>,
    /// The dated claims of an analysis kept for the index ([`Retention::Index`]), packed;
    /// empty in a whole one, whose `claims` hold them. Read both through
    /// [`ArticleFile::dated_claims`].
    pub packed_claims: PackedClaims,
    /// Capitalised names that no actor matches (candidates for the registry).
    pub unknown_names: Vec<(TextRange, Box<str>)>,
    /// Longer spellings of known names (`Aliaksandr Lukashenko`), candidates for aliases.
    pub name_variants: Vec<(TextRange, Box<str>)>,
    /// Diagnostics that need nothing but this file: all of them in a whole analysis; in
    /// one kept for the index, those before its claims' (the header's, the future date).
    /// Read all through [`ArticleFile::own_diagnostics`].
    pub diagnostics: Vec<Diagnostic>,
    /// The claims' diagnostics of an analysis kept for the index ([`Retention::Index`]),
    /// packed; empty in a whole one.
    pub packed_diagnostics: PackedDiagnostics,
    /// How many claims the article makes, and how many of them are undated.
    pub claim_tally: ClaimTally,
    /// How much of the analysis this value holds: only `Everything` is whole.
    pub retention: Retention,
    /// Set when the corpus let go of the text (`text` is then empty), to read it again
    /// from its [`super::TextSource`]: the text's length and hash, so that a text that
    /// changed since is known not to be the one analysed. Never cached: a cached
    /// analysis is given its text back ([`ArticleFile::restored`]).
    #[serde(skip)]
    pub text_dropped: Option<TextCheck>,
    /// Set when the corpus let go of `packed_claims` and `packed_diagnostics` (both then
    /// empty), which a file holds again (the warm-start cache: see
    /// [`super::Corpus::leave_packed_out`]). Read them through the corpus then
    /// ([`super::Corpus::dated_claims_of`]). Never cached.
    #[serde(skip)]
    pub packed_left_out: bool,
}

/// What an analysis kept for the index holds of its claims and their diagnostics, packed:
/// what a corpus that left them out reads again ([`super::Corpus::dated_claims_of`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeftOut {
    pub claims: PackedClaims,
    pub diagnostics: PackedDiagnostics,
}

/// The leading fields of an [`ArticleFile`] as serde writes them, so that the warm-start
/// cache can decode what references, definitions and completion need of an analysis and
/// skip the rest (claims, diagnostics, names), which the second pass of a warm start
/// decodes ([`ArticleFile::from_mentions_part`]). Same names, types and order as there.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct MentionsPart {
    path: String,
    article: Article,
    id: String,
    date: Option<CalendarDate>,
    /// Decoded only to be passed: postcard cannot skip a value without decoding it (an
    /// analysis kept for the index has none).
    #[allow(dead_code)]
    timexes: Vec<Timex>,
    mentions: Vec<FileMention>,
}

/// What tells a text from another without holding it: its length and a 64-bit hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextCheck {
    len: usize,
    hash: u64,
}

impl TextCheck {
    pub fn of(text: &str) -> Self {
        TextCheck {
            len: text.len(),
            hash: xxhash_rust::xxh3::xxh3_64(text.as_bytes()),
        }
    }

    /// The text's length in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the text was empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Its xxh3 hash (64 bits).
    pub fn hash(&self) -> u64 {
        self.hash
    }

    /// The check of a text of `len` bytes whose xxh3 hash is `hash`, as kept elsewhere
    /// (the warm-start cache's key of an analysis).
    pub fn from_parts(len: usize, hash: u64) -> Self {
        TextCheck { len, hash }
    }
}

/// How the file an article's text was read from stood on disk just before it was read,
/// as its metadata said, and when the load that read it began. The corpus only keeps it
/// beside the text's [`TextCheck`] for the warm-start cache (`cache.rs`), which takes an
/// analysis back without reading its file while the file's stamp is unchanged. Plain
/// numbers: the loader takes them from the file system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DiskStamp {
    /// The file's size in bytes.
    pub bytes: u64,
    /// Its modification time, in nanoseconds since 1970.
    pub modified_ns: u64,
    /// Its status-change time (`ctime`), in nanoseconds since 1970; 0 where the system
    /// has none.
    pub changed_ns: u64,
    /// Its inode number; 0 where the system has none.
    pub inode: u64,
    /// When the load that read the text began, in nanoseconds since 1970: taken before
    /// the metadata, so a modification time this close to it may hide a change made
    /// within the same tick of the file system's clock.
    pub read_at_ns: u64,
}

impl DiskStamp {
    /// Whether `other` describes the same version of the file: the same size, times and
    /// inode (when each was read, which is not compared).
    pub fn same_file_version(&self, other: &DiskStamp) -> bool {
        (self.bytes, self.modified_ns, self.changed_ns, self.inode)
            == (
                other.bytes,
                other.modified_ns,
                other.changed_ns,
                other.inode,
            )
    }
}

impl ArticleFile {
    /// What tells the text analysed from another: of the text, or kept when it was let go.
    pub fn text_check(&self) -> TextCheck {
        self.text_dropped
            .unwrap_or_else(|| TextCheck::of(&self.text))
    }

    /// The length in bytes of the text analysed, held or let go of.
    pub fn text_len(&self) -> usize {
        self.text_dropped
            .map_or(self.text.len(), |check| check.len())
    }
}

/// Counts of an article's claims, which stay when the claims themselves are shed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ClaimTally {
    pub claims: usize,
    pub undated: usize,
}

impl ClaimTally {
    pub fn of(claims: &[Claim]) -> Self {
        ClaimTally {
            claims: claims.len(),
            undated: claims
                .iter()
                .filter(|claim| claim.dating == Dating::Undated)
                .count(),
        }
    }
}

impl ArticleFile {
    /// The header `URL`, when given.
    pub fn url(&self) -> Option<&str> {
        self.article
            .header
            .value("url")
            .filter(|url| !url.is_empty())
    }

    /// Unknown names and name variants, each once.
    pub fn distinct_names(&self) -> std::collections::BTreeSet<&str> {
        // Each name once before sorting: a long article uses the same names by the
        // thousand, and sorting every use compared strings a million times an edit.
        let mut seen = rustc_hash::FxHashSet::default();
        let mut distinct: Vec<&str> = self
            .unknown_names
            .iter()
            .chain(self.name_variants.iter())
            .map(|(_, name)| &**name)
            .filter(|name| seen.insert(*name))
            .collect();
        distinct.sort_unstable();
        distinct.into_iter().collect()
    }

    pub fn title(&self) -> Option<&str> {
        self.article.header.value("title")
    }

    pub fn source(&self) -> Option<&str> {
        self.article.header.value("source")
    }

    /// Drops what only editor features read (dates, claims, sentences, annotations, the
    /// actor mentions and so the corpus's index of them, every use of a name but its
    /// first), keeping what diagnostics and reports need: a corpus that is only reported
    /// on (`dateline check`) holds ten thousand articles in a third of the memory.
    fn shed_editor_data(&mut self) {
        self.timexes = Vec::new();
        self.claims = Vec::new();
        self.mentions = Vec::new();
        self.article.paragraphs = Vec::new();
        self.article.annotations = Vec::new();
        self.diagnostics.shrink_to_fit();
        // Reports read names to count the articles using each and to hint at the first
        // use in each file; code actions at every use are for editors.
        first_use_only(&mut self.unknown_names);
        first_use_only(&mut self.name_variants);
    }

    /// Drops what only the features of an open file read, keeping what the corpus-wide
    /// ones do (see [`Retention::Index`]): at 100,000 articles the dates, undated claims
    /// and sentences were 0.8 GiB of a server's heap.
    fn shed_for_index(&mut self) {
        self.timexes = Vec::new();
        self.packed_claims = PackedClaims::pack(self.claims.iter().filter(|claim| is_dated(claim)));
        self.claims = Vec::new();
        self.article.paragraphs = Vec::new();
        self.article.annotations = Vec::new();
        let claims_start = claims_start(&self.diagnostics);
        self.packed_diagnostics = PackedDiagnostics::pack(&self.diagnostics[claims_start..]);
        self.diagnostics.truncate(claims_start);
        self.diagnostics.shrink_to_fit();
        first_use_only(&mut self.unknown_names);
        first_use_only(&mut self.name_variants);
    }

    /// Keeps only what `retention` asks for (nothing changes if this holds less).
    pub(super) fn shed_to(&mut self, retention: Retention) {
        if !self.is_whole() {
            return;
        }
        match retention {
            Retention::Everything => {}
            Retention::Reports => self.shed_editor_data(),
            Retention::Index => self.shed_for_index(),
            Retention::Mentions => self.shed_to_mentions(),
        }
        self.retention = retention;
    }

    /// Keeps what the first pass of a cold start finds (see [`Retention::Mentions`]).
    fn shed_to_mentions(&mut self) {
        self.timexes = Vec::new();
        self.claims = Vec::new();
        self.packed_claims = PackedClaims::default();
        self.unknown_names = Vec::new();
        self.name_variants = Vec::new();
        self.article.paragraphs = Vec::new();
        self.article.annotations = Vec::new();
        self.diagnostics
            .retain(|diagnostic| !is_claims(diagnostic.code));
        self.packed_diagnostics = PackedDiagnostics::default();
        self.claim_tally = ClaimTally::default();
    }

    /// The article as [`MentionsPart`] gives it, pending ([`Retention::Mentions`]) without
    /// its text (of which `check` is the check): what the first pass of a cold start
    /// finds, but for the future-date error, which the corpus makes again when it takes a
    /// cached analysis.
    pub fn from_mentions_part(part: MentionsPart, check: TextCheck) -> Self {
        let MentionsPart {
            path,
            article,
            id,
            date,
            timexes: _,
            mentions,
        } = part;
        let mut article = article;
        article.paragraphs = Vec::new();
        article.annotations = Vec::new();
        let diagnostics = article.diagnostics.clone();
        ArticleFile {
            path,
            text: empty_text(),
            line_index: LineIndex::default(),
            article,
            id,
            date,
            timexes: Vec::new(),
            mentions,
            claims: Vec::new(),
            packed_claims: PackedClaims::default(),
            unknown_names: Vec::new(),
            name_variants: Vec::new(),
            diagnostics,
            packed_diagnostics: PackedDiagnostics::default(),
            claim_tally: ClaimTally::default(),
            retention: Retention::Mentions,
            text_dropped: Some(check),
            packed_left_out: false,
        }
    }

    /// Whether the article waits for the second pass of a start: only its mentions
    /// are known ([`Retention::Mentions`]).
    pub fn is_pending(&self) -> bool {
        self.retention == Retention::Mentions
    }

    /// The claims dated in the text (by their own sentence or by context), in text order,
    /// whether the analysis is whole or kept for the index.
    pub fn dated_claims(&self) -> impl Iterator<Item = std::borrow::Cow<'_, Claim>> {
        let whole = self
            .claims
            .iter()
            .filter(|claim| is_dated(claim))
            .map(std::borrow::Cow::Borrowed);
        let packed = self.packed_claims.iter().map(std::borrow::Cow::Owned);
        whole.chain(packed)
    }

    /// The diagnostics that need nothing but this file, in their order, whether the
    /// analysis is whole or kept for the index.
    pub fn own_diagnostics(&self) -> impl Iterator<Item = Diagnostic> + '_ {
        self.diagnostics
            .iter()
            .cloned()
            .chain(self.packed_diagnostics.iter())
    }

    /// Lets go of the packed claims and diagnostics of an analysis kept for the index,
    /// which a file holds again (see [`ArticleFile::packed_left_out`]). Whether it did
    /// (not when it has none: there is nothing to read again).
    pub(super) fn leave_packed_out(&mut self) -> bool {
        let nothing_packed = self.packed_claims.is_empty() && self.packed_diagnostics.is_empty();
        if self.retention != Retention::Index || self.text_dropped.is_none() || nothing_packed {
            return false;
        }
        self.packed_claims = PackedClaims::default();
        self.packed_diagnostics = PackedDiagnostics::default();
        self.packed_left_out = true;
        true
    }

    /// Holds again what [`ArticleFile::leave_packed_out`] let go of, as read again.
    pub(super) fn put_back(&mut self, parts: LeftOut) {
        self.packed_claims = parts.claims;
        self.packed_diagnostics = parts.diagnostics;
        self.packed_left_out = false;
    }

    /// The packed claims and diagnostics of an analysis kept for the index, taken out of
    /// it: what [`ArticleFile::leave_packed_out`] lets go of, as read again.
    pub(super) fn into_packed(self) -> LeftOut {
        LeftOut {
            claims: self.packed_claims,
            diagnostics: self.packed_diagnostics,
        }
    }

    /// Lets go of the text (see [`ArticleFile::text_dropped`]); a whole analysis keeps it.
    pub(super) fn drop_text(&mut self) {
        if self.is_whole() || self.text_dropped.is_some() {
            return;
        }
        self.text_dropped = Some(TextCheck::of(&self.text));
        self.text = empty_text();
        self.line_index = LineIndex::default();
    }

    /// Whether this is the whole analysis, not one shed for reports or the index.
    pub fn is_whole(&self) -> bool {
        self.retention == Retention::Everything
    }
}

impl ArticleFile {
    /// Gives back the spare capacity of the vectors the analysis grew: a corpus keeps
    /// them as long as it lives, and a vector grown by pushing holds up to twice what it
    /// needs (on the bench corpus, claims held 260 bytes each for a record of 184, dates
    /// 189 for 128: 55 MiB of 453 MiB were spare capacity).
    fn shrink_to_fit(&mut self) {
        self.timexes.shrink_to_fit();
        self.claims.shrink_to_fit();
        self.mentions.shrink_to_fit();
        self.diagnostics.shrink_to_fit();
        self.unknown_names.shrink_to_fit();
        self.name_variants.shrink_to_fit();
        let article = &mut self.article;
        article.paragraphs.shrink_to_fit();
        for paragraph in &mut article.paragraphs {
            paragraph.sentences.shrink_to_fit();
        }
        article.citations.shrink_to_fit();
        article.annotations.shrink_to_fit();
        article.diagnostics.shrink_to_fit();
        article.header.fields.shrink_to_fit();
    }
}

/// Whether a temporal expression or annotation dates the claim, in its sentence or by
/// context: what places it on the timeline.
fn is_dated(claim: &Claim) -> bool {
    matches!(
        claim.dating,
        Dating::Dated { .. } | Dating::ByContext { .. }
    )
}

impl ArticleFile {
    /// A cached analysis of `text` (the same bytes) made whole again: its text and line
    /// index given back, and the future-date error, the one part of an analysis that
    /// depends on the day, made again for `today` (the cache is not dated, or it would be
    /// cold every morning). The error goes where a fresh analysis puts it: after the
    /// article's own diagnostics, before the claims'.
    pub(super) fn restored(mut self, text: Arc<str>, today: Option<CalendarDate>) -> Self {
        self.line_index = LineIndex::new(&text);
        self.text = text;
        self.text_dropped = None;
        self.redated(today)
    }

    /// A cached analysis taken without its text, which the corpus lets go of anyway (its
    /// `check` says which text it is, to read it again), the future-date error made again
    /// for `today`.
    pub(super) fn restored_without_text(
        mut self,
        check: TextCheck,
        today: Option<CalendarDate>,
    ) -> Self {
        self.text = empty_text();
        self.line_index = LineIndex::default();
        self.text_dropped = Some(check);
        self.redated(today)
    }

    /// The future-date error made again for `today`, where a fresh analysis puts it.
    fn redated(mut self, today: Option<CalendarDate>) -> Self {
        use crate::diagnostic::DiagnosticCode;
        self.diagnostics
            .retain(|diagnostic| diagnostic.code != DiagnosticCode::FutureDate);
        if let Some(future) = future_date(&self.article, self.date, today) {
            let claims_start = claims_start(&self.diagnostics);
            self.diagnostics.insert(claims_start, future);
        }
        self
    }
}

/// The text of every analysis that let go of its own: one empty string.
pub(super) fn empty_text() -> Arc<str> {
    static EMPTY: std::sync::OnceLock<Arc<str>> = std::sync::OnceLock::new();
    EMPTY.get_or_init(|| Arc::from("")).clone()
}

/// Keeps the first use of each name, in order.
fn first_use_only(names: &mut Vec<(TextRange, Box<str>)>) {
    let mut seen = rustc_hash::FxHashSet::default();
    names.retain(|(_, name)| seen.insert(name.clone()));
    names.shrink_to_fit();
}

/// The id a file is cited by when its header has no `Id`.
pub fn default_id(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    match name.rfind('.') {
        Some(dot) if dot > 0 => name[..dot].to_string(),
        _ => name.to_string(),
    }
}

/// Analyses one article against the corpus's configuration and actors.
pub fn analyze_article(
    path: &str,
    text: Arc<str>,
    config: &Config,
    matcher: &AliasMatcher,
    today: Option<CalendarDate>,
) -> ArticleFile {
    analyze_retaining(path, text, config, matcher, today, Retention::Everything)
}

/// [`analyze_article`], keeping only what `retention` asks for.
pub(super) fn analyze_retaining(
    path: &str,
    text: Arc<str>,
    config: &Config,
    matcher: &AliasMatcher,
    today: Option<CalendarDate>,
    retention: Retention,
) -> ArticleFile {
    let article = article::parse_as(&text, article::Syntax::of_path(path));
    let date = article.header.date();
    let found = analyze_part(
        &text,
        &article,
        article.body.start,
        date,
        config,
        matcher,
        None,
    );
    // Placing mentions that are about to be shed would cost a report 1 % more work.
    let placed = retention != Retention::Reports;
    let mut file = assemble(
        path,
        text,
        article,
        found,
        today,
        placed,
        Retention::Everything,
    );
    file.shed_to(retention);
    file.shrink_to_fit();
    file
}

/// An analysis made of what was found in the article, as `retention` says was made: the
/// diagnostics and claim tally of the claims found, the mentions placed in lines and
/// UTF-16 columns when `placed` (else none kept).
fn assemble(
    path: &str,
    text: Arc<str>,
    article: Article,
    found: Found,
    today: Option<CalendarDate>,
    placed: bool,
    retention: Retention,
) -> ArticleFile {
    let date = article.header.date();
    let diagnostics = file_diagnostics(&text, &article, date, today, &found.claims);
    let claim_tally = ClaimTally::of(&found.claims);
    let line_index = LineIndex::new(&text);
    let mentions = if placed {
        place_mentions(&text, &line_index, found.mentions)
    } else {
        Vec::new()
    };
    let id = article_id(&article, path);
    ArticleFile {
        path: path.to_string(),
        line_index,
        text,
        article,
        id,
        date,
        timexes: found.timexes,
        mentions,
        claims: found.claims,
        packed_claims: PackedClaims::default(),
        unknown_names: found.unknown_names,
        name_variants: found.name_variants,
        diagnostics,
        packed_diagnostics: PackedDiagnostics::default(),
        claim_tally,
        retention,
        text_dropped: None,
        packed_left_out: false,
    }
}

/// The id other files cite an article by: its header's `Id`, or its file name.
fn article_id(article: &Article, path: &str) -> String {
    article
        .header
        .value("id")
        .filter(|id| !id.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| default_id(path))
}

/// The first pass of a cold start over one article (see [`Retention::Mentions`]): the
/// header, citations and actor mentions, as the whole analysis finds them, without
/// dates, claims or names, which take some nine tenths of the time.
pub(super) fn analyze_mentions(
    path: &str,
    text: Arc<str>,
    matcher: &AliasMatcher,
    today: Option<CalendarDate>,
) -> ArticleFile {
    let mut article = article::parse_outline(&text, article::Syntax::of_path(path));
    let markup = article.markup_ranges();
    let mentions = find_mentions(&text, &article, &markup, matcher);
    article.annotations = Vec::new();
    let found = Found {
        timexes: Vec::new(),
        mentions,
        claims: Vec::new(),
        unknown_names: Vec::new(),
        name_variants: Vec::new(),
    };
    let mut file = assemble(path, text, article, found, today, true, Retention::Mentions);
    file.shrink_to_fit();
    file
}

/// The mentions of known actors in `part.body`, outside its markup (`markup`: citation
/// ids and annotations are not prose).
fn find_mentions(
    text: &str,
    part: &Article,
    markup: &[TextRange],
    matcher: &AliasMatcher,
) -> Vec<ActorMention> {
    let range = part.body;
    let markup_index = RangeIndex::new(markup);
    matcher
        .find(range.slice(text))
        .into_iter()
        .map(|mention| ActorMention {
            range: mention.range.shifted(range.start),
            actor: mention.actor,
            person: matcher.names_a_person(mention.actor),
        })
        .filter(|mention| !markup_index.intersects(mention.range))
        .collect()
}

/// What the stages after parsing find in a part of an article body.
struct Found {
    timexes: Vec<Timex>,
    mentions: Vec<ActorMention>,
    /// Paragraph indexes count from the first paragraph of the part.
    claims: Vec<Claim>,
    unknown_names: Vec<(TextRange, Box<str>)>,
    name_variants: Vec<(TextRange, Box<str>)>,
}

/// Runs the stages after parsing on `part.body` of `text`, where `part` holds the
/// paragraphs, citations and annotations of that range (the whole body for a full
/// analysis, a window of whole blocks after an edit). Dates are recognised from
/// `temporal_from` (at most `part.body.start`), so that the recognizer sees the line
/// before the part as it would in the whole text; what it finds before the part is
/// dropped.
/// `speaker_before`: the latest actor that spoke in the paragraph before the part, for a
/// pronoun that opens it (see `claims::find_claims`).
fn analyze_part(
    text: &str,
    part: &Article,
    temporal_from: usize,
    date: Option<CalendarDate>,
    config: &Config,
    matcher: &AliasMatcher,
    speaker_before: Option<(usize, TextRange)>,
) -> Found {
    let range = part.body;
    let temporal_from = temporal_from.min(range.start);
    // Citation ids and annotations are markup, not prose: dates inside them
    // (`[@emp-2022-10-15]`) are not the text's own.
    let markup = part.markup_ranges();
    let markup_index = RangeIndex::new(&markup);
    let outside_markup = |range: &TextRange| !markup_index.intersects(*range);
    let mut timexes = find_timexes(text, part, temporal_from, date, TEMPORAL_PIECE_BYTES);
    timexes.retain(|timex| outside_markup(&timex.range));
    let paragraphs: Vec<TextRange> = part
        .paragraphs
        .iter()
        .map(|paragraph| paragraph.range)
        .collect();
    temporal::resolve_anaphora(text, &mut timexes, &paragraphs, date);
    let mentions = find_mentions(text, part, &markup, matcher);
    let claims = claims::find_claims(text, part, &timexes, &mentions, config, speaker_before);
    let known: Vec<TextRange> = mentions
        .iter()
        .map(|mention| mention.range)
        .chain(markup.iter().copied())
        .collect();
    let unknown_names = crate::names::unknown_names(text, part, &known);
    let mention_ranges: Vec<TextRange> = mentions.iter().map(|mention| mention.range).collect();
    let name_variants = crate::names::name_variants(text, &mention_ranges);
    Found {
        timexes,
        mentions,
        claims,
        unknown_names,
        name_variants,
    }
}

/// The date recognizer is given a long body in pieces of about this many bytes, cut where
/// a paragraph starts: its tokens take about twelve times the text they come from, which
/// for a 5 MB article was the peak memory of a whole `check`.
const TEMPORAL_PIECE_BYTES: usize = 256 * 1024;

/// The temporal expressions of `part.body`, recognised from `temporal_from` (see
/// [`analyze_part`]) in pieces of about `piece_bytes`. Each piece after the first is
/// recognised from the last non-blank line before it, as an edited window is: the
/// recognizer reads each line alone but looks one word back across a line break. So the
/// pieces find what one pass over the whole body finds (a test holds them to it).
pub(super) fn find_timexes(
    text: &str,
    part: &Article,
    temporal_from: usize,
    date: Option<CalendarDate>,
    piece_bytes: usize,
) -> Vec<Timex> {
    let range = part.body;
    let first_from = temporal_from.min(range.start);
    let mut timexes = Vec::new();
    let piece_bytes = piece_bytes.max(1);
    let mut piece_start = range.start;
    let mut from = first_from;
    loop {
        let next = part.paragraphs.partition_point(|paragraph| {
            paragraph.range.start < piece_start.saturating_add(piece_bytes)
        });
        let piece_end = part
            .paragraphs
            .get(next)
            .map_or(range.end, |paragraph| paragraph.range.start.min(range.end));
        timexes.extend(
            temporal::find_temporal_in(
                text.get(from..piece_end).unwrap_or(""),
                date,
                part.language,
            )
            .into_iter()
            .map(|mut timex| {
                timex.range = timex.range.shifted(from);
                timex
            })
            .filter(|timex| timex.range.start >= piece_start),
        );
        // (A piece that would not move on ends the loop too, whatever the paragraphs say.)
        if piece_end >= range.end || piece_end <= piece_start {
            return timexes;
        }
        piece_start = piece_end;
        from = line_before(text, first_from, piece_start);
    }
}

/// The future-date error, when the header date is after `today`.
fn future_date(
    article: &Article,
    date: Option<CalendarDate>,
    today: Option<CalendarDate>,
) -> Option<Diagnostic> {
    let (Some(date), Some(today), Some(field)) = (date, today, article.header.get("date")) else {
        return None;
    };
    (date.first_day() > today.last_day()).then(|| {
        Diagnostic::error(
            field.value_range,
            crate::diagnostic::DiagnosticCode::FutureDate,
            format!("Date {date} is in the future (today is {today})"),
        )
    })
}

/// Whether diagnostics of `code` are made of claims (they come last in a file's).
fn is_claims(code: crate::diagnostic::DiagnosticCode) -> bool {
    use crate::diagnostic::DiagnosticCode;
    matches!(
        code,
        DiagnosticCode::UndatedClaim | DiagnosticCode::ClaimDatedByContext
    )
}

/// Where a file's claims' diagnostics start (see [`file_diagnostics`]).
fn claims_start(diagnostics: &[Diagnostic]) -> usize {
    diagnostics
        .iter()
        .position(|diagnostic| is_claims(diagnostic.code))
        .unwrap_or(diagnostics.len())
}

/// A file's own diagnostics: the article's, the future date, then one per claim that is
/// not plainly dated, in claim order.
fn file_diagnostics(
    text: &str,
    article: &Article,
    date: Option<CalendarDate>,
    today: Option<CalendarDate>,
    claims: &[Claim],
) -> Vec<Diagnostic> {
    let mut diagnostics = article.diagnostics.clone();
    diagnostics.extend(future_date(article, date, today));
    diagnostics.extend(claims_diagnostics(
        text,
        claims,
        article.header.value("source"),
    ));
    diagnostics
}

/// Analyses a new version of an article, re-running the analysis only on the blocks of
/// paragraphs the edit touched (see [`article::edit_window`]) and keeping the results of
/// the rest, shifted. The result is the same as [`analyze_article`] on `text` (a property
/// test holds it to that); whenever that cannot be guaranteed cheaply (the header changed,
/// a form of the registry spans lines, dates carry across paragraphs, a list is out of
/// text order, or the window would grow past a quarter of the article because the
/// paragraphs after it carry its speaker) it falls back to the full analysis. `previous`
/// must have been analysed with the same configuration, actors and `today`; a shed
/// `previous` lacks what splicing needs, and the new version is analysed whole.
pub fn reanalyze_article(
    previous: ArticleFile,
    text: Arc<str>,
    config: &Config,
    matcher: &AliasMatcher,
    today: Option<CalendarDate>,
) -> ArticleFile {
    if !previous.is_whole() {
        return analyze_article(&previous.path, text, config, matcher, today);
    }
    if *previous.text == *text {
        return ArticleFile { text, ..previous };
    }
    let path = previous.path.clone();
    match reanalyze_window(previous, &text, config, matcher, today) {
        Some(file) => file,
        None => analyze_article(&path, text, config, matcher, today),
    }
}

pub(super) fn reanalyze_window(
    previous: ArticleFile,
    shared_text: &Arc<str>,
    config: &Config,
    matcher: &AliasMatcher,
    today: Option<CalendarDate>,
) -> Option<ArticleFile> {
    // Claims dated by an earlier sentence of the article, not of the paragraph: an edit
    // anywhere changes the dating of everything after it.
    let text: &str = shared_text;
    if config.date_scope == DateScope::Article {
        return None;
    }
    // A form with a line break could match across the blank line bounding the window.
    if matcher.forms().any(|(_, form)| form.contains(['\n', '\r'])) {
        return None;
    }
    let mut window = article::edit_window(&previous.article, &previous.text, text)?;
    // The language is guessed from the body's first kilobytes: an edit that changes the
    // guess changes how every date is read, and the hint about it.
    let language =
        article::language_of(text, &previous.article.header, previous.article.body.start);
    if language != (previous.article.language, previous.article.language_guess) {
        return None;
    }
    let date = previous.date;
    // The recognizer looks one word back across a line break (`was` before `scheduled
    // to`): give it the last non-blank line before the window.
    let temporal_from = line_before(text, previous.article.body.start, window.start);
    let paragraphs_before = previous
        .article
        .paragraphs
        .partition_point(|paragraph| paragraph.range.start < window.start);
    // A pronoun opening the window's first paragraph may name the latest speaker of the
    // paragraph before, which the edit left as it was.
    let speaker_before = paragraphs_before
        .checked_sub(1)
        .and_then(|before| claims::last_actor_speaker(&previous.claims, before));
    // Paragraphs the window takes in at its next widening: doubled each time, so that a
    // long chain of paragraphs is analysed a few times over at most, not once per link.
    let mut widen_by = 1;
    let (part, mut found, old_window_paragraphs) = loop {
        let mut part =
            article::parse_window(text, &previous.article.header, window.start, window.new_end);
        part.language = language.0;
        let old_window_paragraphs = previous.article.paragraphs[paragraphs_before..]
            .partition_point(|paragraph| paragraph.range.start < window.old_end);
        let found = analyze_part(
            text,
            &part,
            temporal_from,
            date,
            config,
            matcher,
            speaker_before,
        );
        // The paragraph after the window may name the window's last speaker: when that
        // changed, or a claim there names one from before it, the window takes in the
        // paragraphs after, until the one after it depends on it no more.
        let speaker_after_old = (paragraphs_before + old_window_paragraphs)
            .checked_sub(1)
            .and_then(|last| claims::last_actor_speaker(&previous.claims, last));
        let speaker_after_new = match part.paragraphs.len().checked_sub(1) {
            Some(last) => claims::last_actor_speaker(&found.claims, last),
            None => speaker_before,
        };
        let next_paragraph = paragraphs_before + old_window_paragraphs;
        let Some(next) = previous.article.paragraphs.get(next_paragraph) else {
            break (part, found, old_window_paragraphs);
        };
        let from = previous
            .claims
            .partition_point(|claim| claim.paragraph < next_paragraph);
        let next_leans_back = previous.claims[from..]
            .iter()
            .take_while(|claim| claim.paragraph == next_paragraph)
            .any(|claim| {
                matches!(claim.attribution.speaker,
                    claims::Speaker::Actor { named, .. } if named.start < next.range.start)
            });
        let same_actor =
            speaker_after_old.map(|(actor, _)| actor) == speaker_after_new.map(|(actor, _)| actor);
        if !next_leans_back && same_actor {
            break (part, found, old_window_paragraphs);
        }
        let last_taken = (next_paragraph + widen_by - 1).min(previous.article.paragraphs.len() - 1);
        let through = previous.article.paragraphs.get(last_taken)?.range.end;
        window = window.widened_through(through, previous.text.len(), text)?;
        widen_by *= 2;
        // Past a quarter of the article, analysing it whole costs about as much.
        if (window.new_end - window.start).saturating_mul(4) > text.len() {
            return None;
        }
    };
    for claim in &mut found.claims {
        claim.paragraph += paragraphs_before;
    }
    let new_window_paragraphs = part.paragraphs.len();
    let window_diagnostics =
        claims_diagnostics(text, &found.claims, previous.article.header.value("source"));

    let ArticleFile {
        path,
        text: _,
        line_index: old_line_index,
        article: old_article,
        id,
        date: _,
        timexes,
        mentions,
        claims,
        packed_claims: _,
        unknown_names,
        name_variants,
        diagnostics,
        packed_diagnostics: _,
        claim_tally: _,
        retention: _,
        text_dropped: _,
        packed_left_out: _,
    } = previous;
    let old_article_diagnostics = old_article.diagnostics.len();
    let article = article::splice_article(old_article, &window, part, text.len())?;
    let shift = |range: &mut TextRange| *range = window.shift_range(*range);
    let timexes = article::splice_sorted(
        timexes,
        &window,
        found.timexes,
        |t| t.range.start,
        |t| {
            shift(&mut t.range);
            if let Some(leans_on) = &mut t.leans_on {
                shift(leans_on);
            }
        },
    )?;
    // The window is whole lines: a mention after it keeps its columns, on a line moved
    // by as many lines as the window gained.
    let line_index = LineIndex::new(text);
    let lines_gained = line_index.line_count() as i64 - old_line_index.line_count() as i64;
    let mentions = article::splice_sorted(
        mentions,
        &window,
        place_mentions(text, &line_index, found.mentions),
        |m| m.range().start,
        |m| *m = m.moved(window.shift_range(m.range()), lines_gained),
    )?;
    let claims = article::splice_sorted(
        claims,
        &window,
        found.claims,
        |c| c.sentence.start,
        |c| shift_claim(c, &window, new_window_paragraphs, old_window_paragraphs),
    )?;
    let unknown_names = article::splice_sorted(
        unknown_names,
        &window,
        found.unknown_names,
        |n| n.0.start,
        |n| shift(&mut n.0),
    )?;
    let name_variants = article::splice_sorted(
        name_variants,
        &window,
        found.name_variants,
        |n| n.0.start,
        |n| shift(&mut n.0),
    )?;
    // The file's diagnostics are the article's, the future date, then the claims'.
    let mut diagnostics = diagnostics;
    let future = diagnostics
        .get(old_article_diagnostics)
        .is_some_and(|diagnostic| diagnostic.code == crate::diagnostic::DiagnosticCode::FutureDate);
    let claim_diagnostics = diagnostics.split_off(old_article_diagnostics + usize::from(future));
    let claim_diagnostics = article::splice_sorted(
        claim_diagnostics,
        &window,
        window_diagnostics,
        |d| d.range.start,
        |d| shift(&mut d.range),
    )?;
    let mut diagnostics = article.diagnostics.clone();
    diagnostics.extend(future_date(&article, date, today));
    diagnostics.extend(claim_diagnostics);
    Some(ArticleFile {
        path,
        line_index,
        text: shared_text.clone(),
        article,
        id,
        date,
        timexes,
        mentions,
        claim_tally: ClaimTally::of(&claims),
        claims,
        packed_claims: PackedClaims::default(),
        unknown_names,
        name_variants,
        diagnostics,
        packed_diagnostics: PackedDiagnostics::default(),
        retention: Retention::Everything,
        text_dropped: None,
        packed_left_out: false,
    })
}

/// Shifts a claim after the window: its ranges by the change in length, its paragraph
/// index by the change in the window's paragraph count.
fn shift_claim(claim: &mut Claim, window: &article::Window, new_count: usize, old_count: usize) {
    claim.shift_ranges(|range| window.shift_range(range));
    claim.paragraph = claim.paragraph + new_count - old_count;
}

/// The start of the last line before `before` that is not blank, if it starts at or after
/// `from`; `before` otherwise.
fn line_before(text: &str, from: usize, before: usize) -> usize {
    let Some(head) = text.get(from..before) else {
        return before;
    };
    let Some(last) = head.trim_end().char_indices().next_back().map(|(at, _)| at) else {
        return before;
    };
    head.get(..last)
        .and_then(|line| line.rfind(['\n', '\r']))
        .map_or(from, |at| from + at + 1)
}

/// A short quotation of a range for messages: its first words.
pub fn quote(text: &str, range: TextRange) -> String {
    let mut quoted = String::new();
    quote_into(&mut quoted, text, range);
    quoted
}

/// Appends [`quote`] of `range` to `out`.
fn quote_into(out: &mut String, text: &str, range: TextRange) {
    let from = out.len();
    // Where the seventh word ends: a quote of more than eight words is cut there.
    let mut seventh_end = None;
    for (index, word) in range.slice(text).split_whitespace().enumerate() {
        if index == 8 {
            out.truncate(seventh_end.unwrap_or(from));
            out.push_str(" …");
            return;
        }
        if index > 0 {
            out.push(' ');
        }
        out.push_str(word);
        if index == 6 {
            seventh_end = Some(out.len());
        }
    }
}

/// Appends who asserts `claim`, for its message: the actor's name as the text gives it,
/// the words that name the speaker, or the article's source.
fn push_speaker(out: &mut String, text: &str, claim: &Claim, source: Option<&str>) {
    match claim.attribution.speaker {
        claims::Speaker::Actor { named, .. } => out.push_str(named.slice(text)),
        claims::Speaker::Named(range) => {
            out.push('“');
            quote_into(out, text, range);
            out.push('”');
        }
        claims::Speaker::Source => match source {
            Some(source) if !source.trim().is_empty() => out.push_str(source.trim()),
            _ => out.push_str("the article’s source"),
        },
    }
}

/// The diagnostics of `claims` (one for each that is not plainly dated), each different
/// message held once: a long article repeats a few thousand messages over tens of
/// thousands of claims (the bench's 5 MB article: 36,000 diagnostics, 5,900 messages),
/// and an open article's whole analysis keeps them all.
fn claims_diagnostics(text: &str, claims: &[Claim], source: Option<&str>) -> Vec<Diagnostic> {
    let mut held: rustc_hash::FxHashSet<Arc<str>> = rustc_hash::FxHashSet::default();
    // Each message is written into the same string, and copied only when it is new.
    let mut message = String::with_capacity(160);
    claims
        .iter()
        .filter_map(|claim| {
            message.clear();
            let (severity, code) = claim_message(&mut message, text, claim, source)?;
            let shared = match held.get(message.as_str()) {
                Some(copy) => copy.clone(),
                None => {
                    let copy: Arc<str> = Arc::from(message.as_str());
                    held.insert(copy.clone());
                    copy
                }
            };
            Some(Diagnostic::new(claim.sentence, severity, code, shared))
        })
        .collect()
}

/// Writes the message of `claim`'s diagnostic into `message`, and says its severity and
/// code; `None` for a claim that has none (dated, or silenced).
fn claim_message(
    message: &mut String,
    text: &str,
    claim: &Claim,
    source: Option<&str>,
) -> Option<(Severity, crate::diagnostic::DiagnosticCode)> {
    let (severity, code) = match &claim.dating {
        Dating::Undated => {
            match &claim.trigger {
                claims::ClaimTrigger::Cue(cue) => {
                    message.push_str("undated claim by ");
                    push_speaker(message, text, claim, source);
                    message.push_str(" (“");
                    quote_into(message, text, *cue);
                    message.push_str("”)");
                }
                claims::ClaimTrigger::Event { verb, .. } => {
                    message.push_str("undated claim: an event (“");
                    quote_into(message, text, *verb);
                    message.push_str("”) reported by ");
                    push_speaker(message, text, claim, source);
                }
            }
            message
                .push_str(": neither this sentence nor an earlier one of its paragraph says when");
            (
                Severity::Warning,
                crate::diagnostic::DiagnosticCode::UndatedClaim,
            )
        }
        Dating::ByContext { by, value, .. } => {
            message.push_str("claim dated by context: an earlier sentence of its paragraph gives ");
            if let Some(value) = value {
                // As people write it (`29 September 2022`), the value where it has no
                // words (`XXXX-XX`).
                match crate::temporal::readable_value(value) {
                    Some(words) => message.push_str(&words),
                    None => message.push_str(value),
                }
                message.push_str(" (“");
            } else {
                message.push('“');
            }
            quote_into(message, text, *by);
            message.push_str(if value.is_some() { "”)" } else { "”" });
            (
                Severity::Information,
                crate::diagnostic::DiagnosticCode::ClaimDatedByContext,
            )
        }
        Dating::Dated { .. } | Dating::Silenced => return None,
    };
    Some((severity, code))
}

/// A registry file: its latest parse (for its diagnostics) and the actors in use, which
/// stay those of the last good version while the file has a syntax error.
#[derive(Debug, Clone)]
pub struct RegistryFile {
    pub path: String,
    pub text: Arc<str>,
    pub line_index: LineIndex,
    pub registry: Registry,
    /// The actors of the last good version while this one has a syntax error; `None`
    /// when `registry` is in use (a copy of a 5,000-actor registry is 3 MiB).
    earlier: Option<Registry>,
}

/// The actors of an earlier version of a registry, with every span emptied to the start of
/// the file: the spans were places in that earlier text, and in the current one they would
/// point anywhere (past its end, or into another actor, where a rename would write).
fn without_places(mut registry: Registry) -> Registry {
    let nowhere = TextRange::empty(0);
    for actor in &mut registry.actors {
        let actor = Arc::make_mut(actor);
        actor.range = nowhere;
        actor.id.range = nowhere;
        actor.name.range = nowhere;
        for alias in &mut actor.aliases {
            alias.range = nowhere;
        }
        if let Some(affiliation) = &mut actor.affiliation {
            affiliation.range = nowhere;
        }
    }
    registry.diagnostics.clear();
    registry
}

impl RegistryFile {
    pub fn new(path: &str, text: Arc<str>, previous: Option<&RegistryFile>) -> Self {
        let registry = actors::parse_registry(&text);
        let broken = registry
            .diagnostics
            .iter()
            .any(|diagnostic| diagnostic.code == crate::diagnostic::DiagnosticCode::RegistrySyntax);
        let earlier = match previous {
            Some(previous) if broken => Some(without_places(previous.in_use().clone())),
            _ => None,
        };
        RegistryFile {
            path: path.to_string(),
            line_index: LineIndex::new(&text),
            text,
            registry,
            earlier,
        }
    }

    /// Whether the actors in use come from an earlier version of the file.
    pub fn is_stale(&self) -> bool {
        self.earlier.is_some()
    }

    /// The registry whose actors are in use: this version's, or while it has a syntax
    /// error the last good version's, without their places.
    pub fn in_use(&self) -> &Registry {
        self.earlier.as_ref().unwrap_or(&self.registry)
    }
}
