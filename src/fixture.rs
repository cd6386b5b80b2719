//! Test fixtures: several files in one string, `%! path` starting each, `$0` marking the
//! cursor; and renderers that show ranges as the text they cover, for snapshots.

use crate::corpus::Corpus;
use crate::diagnostic::Diagnostic;
use crate::position::{Encoding, LineIndex};
use crate::temporal::CalendarDate;
use crate::text::TextRange;
use std::sync::Arc;

/// The corpus of a fixture and the cursor, if one was marked.
pub struct Fixture {
    pub corpus: Corpus,
    pub cursor: Option<(String, usize)>,
}

impl Fixture {
    /// Builds a corpus from `%! path` sections (a fixture without one is `a.article`).
    /// Today is 2026-11-22 so that the future-date check is deterministic.
    pub fn new(text: &str) -> Fixture {
        let mut files: Vec<(String, String)> = Vec::new();
        for line in text.split_inclusive('\n') {
            if let Some(path) = line.strip_prefix("%! ") {
                files.push((path.trim().to_string(), String::new()));
            } else {
                if files.is_empty() {
                    files.push(("a.article".to_string(), String::new()));
                }
                if let Some((_, body)) = files.last_mut() {
                    body.push_str(line);
                }
            }
        }
        let mut cursor = None;
        let mut loaded = Vec::new();
        for (path, mut body) in files {
            if let Some(at) = body.find("$0") {
                body.replace_range(at..at + 2, "");
                cursor = Some((path.clone(), at));
            }
            loaded.push((path, Arc::<str>::from(body)));
        }
        let mut corpus = Corpus::new(CalendarDate::day(2026, 11, 22));
        corpus.set_files(loaded);
        Fixture { corpus, cursor }
    }

    pub fn cursor(&self) -> (&str, usize) {
        let (path, offset) = self
            .cursor
            .as_ref()
            .expect("the fixture marks a cursor with $0");
        (path, *offset)
    }

    pub fn text(&self, path: &str) -> &str {
        self.corpus.text(path).unwrap_or("")
    }
}

/// `path:line:col "covered text"` for a range, 1-based like a report.
pub fn show_range(corpus: &Corpus, path: &str, range: TextRange) -> String {
    let text = corpus.text(path).unwrap_or("");
    let at = LineIndex::new(text).position(text, range.start, Encoding::Utf32);
    format!(
        "{path}:{}:{} {:?}",
        at.line + 1,
        at.character + 1,
        range.slice(text)
    )
}

/// One line per diagnostic: severity, code, covered text, message.
pub fn show_diagnostics(corpus: &Corpus, path: &str, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        out.push_str(&format!(
            "{}[{}] {}: {}\n",
            diagnostic.severity.as_str(),
            diagnostic.code,
            show_range(corpus, path, diagnostic.range),
            diagnostic.message
        ));
    }
    out
}

/// How many different items there are among `items`.
pub fn count_different<T: Ord>(items: impl IntoIterator<Item = T>) -> usize {
    let mut items: Vec<T> = items.into_iter().collect();
    items.sort_unstable();
    items.dedup();
    items.len()
}

/// The seed corpus loaded, keeping what `retention` says of each article.
pub fn seed_corpus(retention: crate::corpus::Retention) -> crate::corpus::Corpus {
    let mut corpus = crate::corpus::Corpus::new(None);
    corpus.set_retention(retention);
    corpus.set_files(seed_files());
    corpus
}

/// The seed corpus (articles and registry) as the corpus takes files in.
pub fn seed_files() -> Vec<(String, std::sync::Arc<str>)> {
    [
        (
            "000_d3301de9df92c926.article",
            include_str!("../seeds/000_d3301de9df92c926.article"),
        ),
        (
            "001_8af3ff2e160be067.article",
            include_str!("../seeds/001_8af3ff2e160be067.article"),
        ),
        (
            "002_4c3a09d4f9057a5e.article",
            include_str!("../seeds/002_4c3a09d4f9057a5e.article"),
        ),
        (
            "003_908a619eda21eca9.article",
            include_str!("../seeds/003_908a619eda21eca9.article"),
        ),
        (
            "004_d6eac129bc59381f.article",
            include_str!("../seeds/004_d6eac129bc59381f.article"),
        ),
        (
            "summary-belarus-mobilization.article",
            include_str!("../seeds/summary-belarus-mobilization.article"),
        ),
        ("actors.toml", include_str!("../seeds/actors.toml")),
    ]
    .into_iter()
    .map(|(path, text)| (path.to_string(), std::sync::Arc::from(text)))
    .collect()
}

/// Runs `check` on 2,000 random texts of up to 40 pieces drawn from `pieces`: the shared
/// harness of the tests that hold a fast scanner equal to the simple form it replaced.
pub fn for_random_texts(
    pieces: &'static [&'static str],
    check: impl Fn(&str) -> Result<(), proptest::test_runner::TestCaseError>,
) {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};
    let text = proptest::collection::vec(proptest::sample::select(pieces), 0..40)
        .prop_map(|chosen| chosen.concat());
    let mut runner = TestRunner::new(Config {
        cases: 2000,
        ..Config::default()
    });
    runner
        .run(&text, |text| check(&text))
        .unwrap_or_else(|failure| panic!("{failure}"));
}

/// Texts a corpus reads again ([`crate::corpus::TextSource`]), held in memory so that a
/// test can change them as a disk would.
#[derive(Debug, Default)]
pub struct TextsInMemory {
    texts: std::sync::Mutex<std::collections::HashMap<String, std::sync::Arc<str>>>,
}

impl TextsInMemory {
    pub fn new(files: &[(String, std::sync::Arc<str>)]) -> Self {
        TextsInMemory {
            texts: std::sync::Mutex::new(files.iter().cloned().collect()),
        }
    }

    pub fn set(&self, path: &str, text: &str) {
        self.texts
            .lock()
            .expect("a test's lock")
            .insert(path.to_string(), std::sync::Arc::from(text));
    }
}

impl crate::corpus::TextSource for TextsInMemory {
    fn read(&self, path: &str) -> Option<std::sync::Arc<str>> {
        self.texts.lock().expect("a test's lock").get(path).cloned()
    }
}
