//! The warm-start cache through the real binary (`dateline check --cache`): a warm run's
//! report equals a cold run's without the cache on the seeds and on a generated corpus,
//! after every kind of change (an edited, added, removed or renamed article, a changed
//! registry or `dateline.toml`), and after the cache file was truncated, overwritten with
//! random bytes, written by another version, or written by two runs at once; and the
//! cache was really used (the runs say how many articles it gave).

mod support;

#[allow(dead_code)]
#[path = "../examples/gen_corpus.rs"]
mod gen_corpus;

use dateline::cache;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use support::{run_cli_with_env, Scratch};

/// A corpus folder and a cache folder (`XDG_CACHE_HOME`) of its own.
struct Setup {
    corpus: Scratch,
    cache_home: Scratch,
}

/// One run of `check`: its report, standard error and exit code.
#[derive(Debug)]
struct Run {
    report: String,
    stderr: String,
    code: i32,
}

impl Setup {
    fn seeds(name: &str) -> Setup {
        Setup {
            corpus: Scratch::seeds(name),
            cache_home: Scratch::empty(&format!("{name}-cache-home")),
        }
    }

    fn check(&self, with_cache: bool) -> Run {
        let mut args = vec!["check", "--color", "never"];
        if with_cache {
            args.extend(["--cache", "--verbose"]);
        }
        let home = self.cache_home.dir.as_os_str();
        let vars: [(&str, &OsStr); 1] = [("XDG_CACHE_HOME", home)];
        let (report, stderr, code) = run_cli_with_env(&args, &self.corpus.dir, &vars);
        Run {
            report,
            stderr,
            code,
        }
    }

    /// Runs `check --cache`, holds its report equal to a run without the cache, and
    /// returns how many articles the cache gave and how many there were.
    fn warm_equals_cold(&self) -> (usize, usize, String) {
        let cold = self.check(false);
        let warm = self.check(true);
        assert_eq!(warm.report, cold.report, "warm and cold reports differ");
        assert_eq!(warm.code, cold.code);
        (reused(&warm.stderr).0, reused(&warm.stderr).1, warm.stderr)
    }

    /// The cache files written so far.
    fn cache_files(&self) -> Vec<PathBuf> {
        let folder = self.cache_home.dir.join("dateline");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
            .map(|entries| entries.map(|entry| entry.unwrap().path()).collect())
            .unwrap_or_default();
        files.sort();
        files
    }

    /// The one cache file of `check`.
    fn cache_file(&self) -> PathBuf {
        let files = self.cache_files();
        assert_eq!(files.len(), 1, "{files:?}");
        assert!(files[0].to_string_lossy().ends_with("-reports.cache"));
        files[0].clone()
    }
}

/// `(reused, articles)` from the `cache: N of M articles reused` line.
fn reused(stderr: &str) -> (usize, usize) {
    let line = stderr
        .lines()
        .find_map(|line| line.strip_prefix("dateline: cache: "))
        .unwrap_or_else(|| panic!("no cache line in {stderr:?}"));
    let words: Vec<&str> = line.split(' ').collect();
    assert_eq!(words.get(1), Some(&"of"), "{line}");
    (words[0].parse().unwrap(), words[2].parse().unwrap())
}

fn articles_in(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .filter(|entry| entry.as_ref().unwrap().path().extension() == Some(OsStr::new("article")))
        .count()
}

#[test]
fn a_warm_check_of_the_seeds_equals_a_cold_one_through_every_change() {
    let setup = Setup::seeds("cache-changes");
    let dir = setup.corpus.dir.clone();
    let total = articles_in(&dir);

    assert_eq!(setup.warm_equals_cold().0, 0, "no cache yet");
    assert_eq!(setup.warm_equals_cold().0, total, "an unchanged corpus");
    setup.cache_file();

    // An edited article.
    let edited = dir.join("000_d3301de9df92c926.article");
    let text = std::fs::read_to_string(&edited).unwrap();
    std::fs::write(
        &edited,
        format!("{text}\nOfficials said more talks would follow.\n"),
    )
    .unwrap();
    assert_eq!(setup.warm_equals_cold().0, total - 1, "one edited");
    assert_eq!(setup.warm_equals_cold().0, total, "written back");

    // An added article.
    std::fs::write(
        dir.join("added.article"),
        "Title: Added\nSource: Wire\nDate: 2022-10-01\n\nLukashenko said the army was ready.\n",
    )
    .unwrap();
    let (reused, articles, _) = setup.warm_equals_cold();
    assert_eq!((reused, articles), (total, total + 1), "one added");
    let total = total + 1;

    // A removed article.
    std::fs::remove_file(dir.join("added.article")).unwrap();
    let total = total - 1;
    assert_eq!(setup.warm_equals_cold().0, total, "one removed");

    // A renamed article: analysed again, under its new name (its default id changes).
    std::fs::rename(
        dir.join("001_8af3ff2e160be067.article"),
        dir.join("renamed.article"),
    )
    .unwrap();
    assert_eq!(setup.warm_equals_cold().0, total - 1, "one renamed");
    assert_eq!(setup.warm_equals_cold().0, total);

    // A changed registry: every analysis names actors by their place in it.
    let registry = dir.join("actors.toml");
    let text = std::fs::read_to_string(&registry).unwrap();
    std::fs::write(
        &registry,
        format!("[[actor]]\nid = \"wire\"\nname = \"Wire\"\nkind = \"media\"\n\n{text}"),
    )
    .unwrap();
    let (reused, _, stderr) = setup.warm_equals_cold();
    assert_eq!(reused, 0, "a changed registry");
    assert!(
        stderr.contains("other settings, registries or retention"),
        "{stderr}"
    );
    assert_eq!(setup.warm_equals_cold().0, total);

    // Changed settings.
    std::fs::write(dir.join("dateline.toml"), "[claims]\nevents = false\n").unwrap();
    assert_eq!(setup.warm_equals_cold().0, 0, "changed settings");
    assert_eq!(setup.warm_equals_cold().0, total);

    // The cache moved by `dateline.toml`, relative to the corpus root.
    std::fs::write(
        dir.join("dateline.toml"),
        "[claims]\nevents = false\n\n[cache]\nfolder = \".dateline-cache\"\n",
    )
    .unwrap();
    assert_eq!(setup.warm_equals_cold().0, 0, "a new folder starts empty");
    assert_eq!(setup.warm_equals_cold().0, total);
    let moved: Vec<_> = std::fs::read_dir(dir.join(".dateline-cache"))
        .unwrap()
        .collect();
    assert_eq!(moved.len(), 1);
}

#[test]
fn a_corrupt_truncated_or_foreign_cache_is_ignored_and_rebuilt() {
    let setup = Setup::seeds("cache-corrupt");
    let total = articles_in(&setup.corpus.dir);
    setup.warm_equals_cold();
    let file = setup.cache_file();
    let good = std::fs::read(&file).unwrap();

    let version = env!("CARGO_PKG_VERSION").as_bytes();
    let at = good
        .windows(version.len())
        .position(|window| window == version)
        .expect("the version in the stamp");
    let mut other_version = good.clone();
    let foreign: Vec<u8> = version
        .iter()
        .map(|&byte| if byte.is_ascii_digit() { b'9' } else { byte })
        .collect();
    other_version[at..at + version.len()].copy_from_slice(&foreign);

    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 1;

    let mut state = 0x2545_F491_4F6C_DD1D_u64;
    let random: Vec<u8> = (0..good.len())
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();

    let cases: [(&str, Vec<u8>, &str); 5] = [
        (
            "truncated",
            good[..good.len() / 2].to_vec(),
            "ignored and rebuilt",
        ),
        ("empty", Vec::new(), "ignored and rebuilt"),
        ("random bytes", random, "not a dateline cache"),
        ("a flipped byte", flipped, "ignored and rebuilt"),
        (
            "another version",
            other_version,
            &format!(
                "written by dateline {}",
                String::from_utf8(foreign.clone()).unwrap()
            ),
        ),
    ];
    for (case, bytes, said) in &cases {
        std::fs::write(&file, bytes).unwrap();
        let (reused, _, stderr) = setup.warm_equals_cold();
        assert_eq!(reused, 0, "{case}");
        assert!(stderr.contains(said), "{case}: {stderr}");
        assert_eq!(
            stderr
                .lines()
                .filter(|line| line.contains("ignored"))
                .count(),
            1,
            "{case}: one line: {stderr}"
        );
        assert_eq!(setup.warm_equals_cold().0, total, "{case}: rewritten");
    }
}

#[test]
fn two_runs_writing_at_once_leave_a_whole_cache() {
    let setup = Setup::seeds("cache-concurrent");
    let total = articles_in(&setup.corpus.dir);
    for round in 0..3 {
        // No cache: both runs analyse everything and both write.
        for file in setup.cache_files() {
            std::fs::remove_file(file).unwrap();
        }
        let (first, second) = std::thread::scope(|scope| {
            let first = scope.spawn(|| setup.check(true));
            let second = scope.spawn(|| setup.check(true));
            (first.join().unwrap(), second.join().unwrap())
        });
        assert_eq!(first.report, second.report, "round {round}");
        let files = setup.cache_files();
        assert_eq!(
            files.len(),
            1,
            "round {round}: no temporary file left: {files:?}"
        );
        let (reused, _, stderr) = setup.warm_equals_cold();
        assert_eq!(reused, total, "round {round}: {stderr}");
    }
}

#[test]
fn a_warm_check_of_a_generated_corpus_equals_a_cold_one() {
    let corpus = Scratch::empty("cache-generated");
    let summary = gen_corpus::generate(&gen_corpus::Options {
        out: corpus.dir.clone(),
        articles: 120,
        actors: 60,
        seed: 22,
        large: 0,
        small: 0,
        cyrillic: false,
        russian: false,
    })
    .unwrap();
    let setup = Setup {
        corpus,
        cache_home: Scratch::empty("cache-generated-home"),
    };
    assert_eq!(setup.warm_equals_cold().0, 0, "{summary}");
    let (reused, articles, _) = setup.warm_equals_cold();
    assert_eq!((reused, articles), (120, 120));
    let edited = setup.corpus.dir.join("articles/0000/art-00007.article");
    let text = std::fs::read_to_string(&edited).unwrap();
    std::fs::write(&edited, text.replace("said", "stated")).unwrap();
    assert_eq!(setup.warm_equals_cold().0, 119);
}

#[test]
fn a_write_abandoned_long_ago_is_cleared_and_one_going_on_is_not() {
    let setup = Setup::seeds("cache-abandoned");
    setup.warm_equals_cold();
    let file = setup.cache_file();
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    let folder = file.parent().unwrap();
    let abandoned = folder.join(format!(".{name}.1.0.tmp"));
    let going_on = folder.join(format!(".{name}.2.0.tmp"));
    for temporary in [&abandoned, &going_on] {
        std::fs::write(temporary, b"half a cache").unwrap();
    }
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    std::fs::File::options()
        .write(true)
        .open(&abandoned)
        .unwrap()
        .set_modified(two_hours_ago)
        .unwrap();
    // A change, so that the cache is written again.
    std::fs::write(
        setup.corpus.path("added.article"),
        "Title: Added\nSource: Wire\nDate: 2022-10-01\n\nThe talks went on.\n",
    )
    .unwrap();
    setup.warm_equals_cold();
    assert!(!abandoned.exists());
    assert!(going_on.exists());
}

/// The library's own load, cold and warm, on a generated corpus, with everything an
/// editor reads kept: every analysis (dates, claims, mentions with their UTF-16 places,
/// diagnostics) and every actor's mentions are the same.
#[test]
fn a_warm_load_of_a_generated_corpus_keeps_everything_a_cold_one_has() {
    use dateline::corpus::Corpus;
    let corpus = Scratch::empty("cache-generated-everything");
    gen_corpus::generate(&gen_corpus::Options {
        out: corpus.dir.clone(),
        articles: 150,
        actors: 80,
        seed: 7,
        large: 0,
        small: 30_000,
        cyrillic: false,
        russian: false,
    })
    .unwrap();
    // The cache inside the corpus: no process-wide XDG_CACHE_HOME to set.
    std::fs::write(
        corpus.path("dateline.toml"),
        "[cache]\nfolder = \".cache\"\n",
    )
    .unwrap();
    let load = |with_cache: bool| {
        // As the server keeps a folder: unopened articles for the index, their texts let
        // go of and read again from the folder.
        let mut loaded = Corpus::new(None);
        loaded.set_retention(dateline::corpus::Retention::Index);
        loaded.set_text_source(std::sync::Arc::new(dateline::loader::DiskTexts::new(
            &corpus.dir,
        )));
        let outcome = if with_cache {
            Some(cache::load_corpus_cached(&corpus.dir, &mut loaded, |_| {}))
        } else {
            dateline::loader::load_corpus(&corpus.dir, &mut loaded, |_| {});
            None
        };
        (loaded, outcome)
    };
    let (cold, _) = load(false);
    let (first, outcome) = load(true);
    let outcome = outcome.unwrap();
    assert_eq!((outcome.reused, outcome.articles), (0, 151));
    cache::save(outcome.file.as_ref().unwrap(), &cache::Snapshot::of(&first)).unwrap();
    let (warm, outcome) = load(true);
    let outcome = outcome.unwrap();
    assert_eq!((outcome.reused, outcome.articles), (151, 151));
    assert!(!outcome.stale);
    assert_eq!(warm.paths(), cold.paths());
    for file in cold.articles() {
        assert_eq!(warm.indexed_article(&file.path), Some(file));
        assert_eq!(warm.article(&file.path), cold.article(&file.path));
        assert_eq!(warm.diagnostics(&file.path), cold.diagnostics(&file.path));
    }
    assert!(!cold.actors().is_empty());
    for actor in 0..cold.actors().len() {
        let places = |corpus: &Corpus| -> Vec<(String, Option<(u32, u32)>)> {
            corpus
                .mentions_of(actor)
                .into_iter()
                .map(|(file, mention)| {
                    let start = mention.utf16().map(|span| span.start);
                    let start = start.map(|start| (start.line, start.character));
                    (file.path.clone(), start)
                })
                .collect()
        };
        assert_eq!(places(&warm), places(&cold), "actor {actor}");
    }
}

/// A corpus loaded as the server keeps a folder (unopened articles kept for the index,
/// their texts let go of and read again from the folder), through the cache when asked.
fn server_load(dir: &Path, with_cache: bool) -> (dateline::corpus::Corpus, cache::Outcome) {
    kept_load(dir, with_cache, dateline::corpus::Retention::Index)
}

/// A load of `dir` into a corpus that keeps `retention` and can read texts again: the
/// server's (`Index`) or `check`'s (`Reports`).
fn kept_load(
    dir: &Path,
    with_cache: bool,
    retention: dateline::corpus::Retention,
) -> (dateline::corpus::Corpus, cache::Outcome) {
    let mut corpus = dateline::corpus::Corpus::new(None);
    corpus.set_retention(retention);
    corpus.set_text_source(std::sync::Arc::new(dateline::loader::DiskTexts::new(dir)));
    let outcome = if with_cache {
        cache::load_corpus_cached(dir, &mut corpus, |_| {})
    } else {
        dateline::loader::load_corpus(dir, &mut corpus, |_| {});
        cache::Outcome::default()
    };
    (corpus, outcome)
}

/// A cold server load of `dir`, for the answers, and the outcome of a load through the
/// cache that wrote it back (the cache's file, for a warm start to read).
fn cold_and_cached(dir: &Path) -> (dateline::corpus::Corpus, cache::Outcome) {
    let (cold, _) = server_load(dir, false);
    let (first, outcome) = server_load(dir, true);
    write_back(&first, &outcome);
    (cold, outcome)
}

/// Writes the cache back as the server does after a load that found it worth writing.
fn write_back(corpus: &dateline::corpus::Corpus, outcome: &cache::Outcome) {
    assert!(outcome.worth_writing(), "{outcome:?}");
    cache::save(outcome.file.as_ref().unwrap(), &cache::Snapshot::of(corpus)).unwrap();
}

/// Holds everything an editor or a report reads of `warm` equal to `cold`'s: the files,
/// skipped ones and why, every analysis as kept and whole, every diagnostic.
fn assert_same_answers(warm: &dateline::corpus::Corpus, cold: &dateline::corpus::Corpus) {
    assert_eq!(warm.paths(), cold.paths());
    let skipped = |corpus: &dateline::corpus::Corpus| -> Vec<(String, String)> {
        corpus
            .skipped()
            .map(|(path, why)| (path.to_string(), why.to_string()))
            .collect()
    };
    assert_eq!(skipped(warm), skipped(cold));
    assert_same_kept(warm, cold);
    for file in cold.articles() {
        assert_eq!(warm.article(&file.path), cold.article(&file.path));
    }
}

/// Holds what `warm` keeps of each article of `cold`, and its diagnostics, equal to
/// `cold`'s (without reading any text again).
fn assert_same_kept(warm: &dateline::corpus::Corpus, cold: &dateline::corpus::Corpus) {
    for file in cold.articles() {
        assert_eq!(
            warm.indexed_article(&file.path),
            Some(file),
            "{}",
            file.path
        );
        assert_eq!(warm.diagnostics(&file.path), cold.diagnostics(&file.path));
    }
}

/// Sets the modification time of `file` to `seconds_ago` seconds before now.
fn set_modified_ago(file: &Path, seconds_ago: u64) {
    let time = std::time::SystemTime::now() - std::time::Duration::from_secs(seconds_ago);
    set_modified_at(file, time);
}

fn set_modified_at(file: &Path, time: std::time::SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(file)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

fn modified(file: &Path) -> std::time::SystemTime {
    std::fs::metadata(file).unwrap().modified().unwrap()
}

/// Every file directly in `dir` (the seeds have no folders).
fn files_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect()
}

/// The seeds, with the cache inside the corpus (no process-wide `XDG_CACHE_HOME` to set)
/// and a binary `.article` file that every load skips, each file last modified an hour
/// ago: long enough before any load for its stamp to vouch for it.
fn aged_seeds(name: &str) -> Scratch {
    let corpus = Scratch::seeds(name);
    std::fs::write(
        corpus.path("dateline.toml"),
        "[cache]\nfolder = \".cache\"\n",
    )
    .unwrap();
    std::fs::write(corpus.path("binary.article"), b"Title: \0\0\0\n").unwrap();
    for file in files_in(&corpus.dir) {
        set_modified_ago(&file, 3600);
    }
    corpus
}

/// `check --cache` takes an unchanged file by its stamp too: its corpus lets go of the
/// texts and reads each again for its report.
#[test]
fn a_warm_check_takes_an_unchanged_file_by_its_stamp_without_reading_it() {
    use dateline::corpus::Retention;
    let corpus = aged_seeds("cache-stamps-check");
    let articles = articles_in(&corpus.dir);
    let (cold, _) = kept_load(&corpus.dir, false, Retention::Reports);
    let (first, outcome) = kept_load(&corpus.dir, true, Retention::Reports);
    assert_eq!((outcome.reused, outcome.read), (0, articles), "{outcome:?}");
    write_back(&first, &outcome);

    let (warm, outcome) = kept_load(&corpus.dir, true, Retention::Reports);
    assert_eq!(
        (outcome.reused, outcome.articles, outcome.read),
        (articles - 1, articles - 1, 1),
        "{outcome:?}"
    );
    assert_same_answers(&warm, &cold);
    for path in cold.paths() {
        let Some(file) = warm.indexed_article(&path) else {
            continue;
        };
        assert!(file.text.is_empty(), "{path}");
        assert_eq!(warm.text_of(file).as_deref(), Some(&*corpus.read(&path)));
    }
}

#[test]
fn an_unchanged_file_is_taken_by_its_stamp_without_being_read() {
    let corpus = aged_seeds("cache-stamps");
    let articles = articles_in(&corpus.dir);
    let (cold, _) = server_load(&corpus.dir, false);
    assert!(cold.skip_reason("binary.article").is_some());

    let (first, outcome) = server_load(&corpus.dir, true);
    assert_eq!((outcome.reused, outcome.read), (0, articles), "{outcome:?}");
    write_back(&first, &outcome);

    let (warm, outcome) = server_load(&corpus.dir, true);
    // Only the skipped file, which has no entry, is read again (and skipped again).
    assert_eq!(
        (outcome.reused, outcome.articles, outcome.read),
        (articles - 1, articles - 1, 1),
        "{outcome:?}"
    );
    assert!(!outcome.stale && !outcome.worth_writing(), "{outcome:?}");
    assert_same_answers(&warm, &cold);
    // Texts read again later are still checked against the text analysed.
    let path = "000_d3301de9df92c926.article";
    let file = warm.indexed_article(path).unwrap();
    assert_eq!(warm.text_of(file).as_deref(), Some(&*corpus.read(path)));
}

#[test]
fn a_file_whose_size_or_modification_time_changed_is_analysed_again() {
    let corpus = aged_seeds("cache-stamps-changed");
    let articles = articles_in(&corpus.dir) - 1;
    let (first, outcome) = server_load(&corpus.dir, true);
    write_back(&first, &outcome);

    // Longer, with the modification time it had.
    let longer = corpus.path("000_d3301de9df92c926.article");
    let was_modified = modified(&longer);
    let text = corpus.read("000_d3301de9df92c926.article");
    std::fs::write(
        &longer,
        format!("{text}\nThe minister said talks would go on.\n"),
    )
    .unwrap();
    set_modified_at(&longer, was_modified);
    // As long, other bytes, modified at another time long ago.
    let same_size = corpus.path("001_8af3ff2e160be067.article");
    let text = corpus.read("001_8af3ff2e160be067.article");
    let edited = text.replacen("said", "told", 1);
    assert_eq!(edited.len(), text.len());
    assert_ne!(edited, text);
    std::fs::write(&same_size, edited).unwrap();
    set_modified_ago(&same_size, 7200);

    let (warm, outcome) = server_load(&corpus.dir, true);
    assert_eq!(
        (outcome.reused, outcome.read),
        (articles - 2, 3),
        "the two changed files and the skipped one: {outcome:?}"
    );
    assert!(outcome.stale);
    let (cold, _) = server_load(&corpus.dir, false);
    assert_same_answers(&warm, &cold);
}

#[test]
fn an_entry_stamped_too_soon_after_its_change_is_checked_by_its_hash() {
    let corpus = aged_seeds("cache-stamps-racy");
    let articles = articles_in(&corpus.dir) - 1;
    // Modified in the future: as if each file had changed just as it was read, however
    // long the test takes.
    let soon = std::time::SystemTime::now() + std::time::Duration::from_secs(3600);
    for file in files_in(&corpus.dir) {
        set_modified_at(&file, soon);
    }
    let (first, outcome) = server_load(&corpus.dir, true);
    write_back(&first, &outcome);

    // Nothing changed, and every stamp is the same: each file is read and hashed all the
    // same, and taken.
    let (warm, outcome) = server_load(&corpus.dir, true);
    assert_eq!(
        (outcome.reused, outcome.read, outcome.restamped),
        (articles, articles + 1, 0),
        "{outcome:?}"
    );
    assert!(!outcome.worth_writing(), "{outcome:?}");
    let (cold, _) = server_load(&corpus.dir, false);
    assert_same_answers(&warm, &cold);

    // Now long since changed: read once more, and the cache written again with stamps
    // that vouch for them, so that the next load reads none.
    for file in files_in(&corpus.dir) {
        set_modified_ago(&file, 3600);
    }
    let (again, outcome) = server_load(&corpus.dir, true);
    assert_eq!(
        (outcome.reused, outcome.read, outcome.restamped),
        (articles, articles + 1, articles),
        "{outcome:?}"
    );
    assert!(!outcome.stale && outcome.worth_writing(), "{outcome:?}");
    write_back(&again, &outcome);
    let (warm, outcome) = server_load(&corpus.dir, true);
    assert_eq!((outcome.reused, outcome.read), (articles, 1), "{outcome:?}");
    assert_same_answers(&warm, &cold);
}

/// A file replaced by a link is not taken from the cache: the walk never follows links,
/// and neither does the stamp (a link leading out of the corpus is no article of it).
#[cfg(unix)]
#[test]
fn an_article_replaced_by_a_link_out_of_the_corpus_is_not_taken() {
    let corpus = aged_seeds("cache-stamps-link");
    let outside = Scratch::empty("cache-stamps-link-outside");
    let (first, outcome) = server_load(&corpus.dir, true);
    write_back(&first, &outcome);

    let name = "002_4c3a09d4f9057a5e.article";
    std::fs::copy(corpus.path(name), outside.path(name)).unwrap();
    std::fs::remove_file(corpus.path(name)).unwrap();
    std::os::unix::fs::symlink(outside.path(name), corpus.path(name)).unwrap();

    let (warm, outcome) = server_load(&corpus.dir, true);
    assert!(warm.indexed_article(name).is_none(), "{outcome:?}");
    let (cold, _) = server_load(&corpus.dir, false);
    assert_same_answers(&warm, &cold);
}

/// A corpus as a server keeps a large folder: mentions first, the rest of each
/// analysis in a second pass (the threshold at 0 makes the seeds large enough).
fn two_pass_corpus(dir: &Path) -> dateline::corpus::Corpus {
    let mut corpus = dateline::corpus::Corpus::new(None);
    corpus.set_retention(dateline::corpus::Retention::Index);
    corpus.set_text_source(std::sync::Arc::new(dateline::loader::DiskTexts::new(dir)));
    corpus.set_mentions_first_above(Some(0));
    corpus
}

/// [`two_pass_corpus`] loaded through the cache (its first pass).
fn two_pass_load(dir: &Path) -> (dateline::corpus::Corpus, cache::Outcome) {
    let mut corpus = two_pass_corpus(dir);
    let outcome = cache::load_corpus_cached(dir, &mut corpus, |_| {});
    (corpus, outcome)
}

/// The second pass of a two-pass load, whole.
fn complete_pending(corpus: &mut dateline::corpus::Corpus) {
    while let Some(pending) = corpus.take_pending(usize::MAX) {
        corpus.complete(pending.analyse());
    }
    assert_eq!(corpus.pending_count(), 0);
}

/// Overwrites every article of the folder `dir` on disk (but the one named `but`) with a
/// text that makes no claim.
fn overwrite_articles(dir: &Path, but: Option<&str>) {
    for file in files_in(dir) {
        let spared = but.is_some_and(|name| file.ends_with(name));
        if file.extension() == Some(OsStr::new("article")) && !spared {
            std::fs::write(&file, "Title: Overwritten\n\nNothing is said here.\n").unwrap();
        }
    }
}

/// [`two_pass_load`] of a corpus that lets go of the packed claims and diagnostics its
/// second pass takes from the cache (a server's), both passes made.
fn leaving_load(dir: &Path) -> dateline::corpus::Corpus {
    let mut corpus = two_pass_corpus(dir);
    corpus.set_leaves_packed_out(true);
    cache::load_corpus_cached(dir, &mut corpus, |_| {});
    complete_pending(&mut corpus);
    corpus
}

/// Holds what `read` gives of each article of `cold` when asked (its dated claims, its
/// diagnostics, the timeline) equal to `cold`'s, whatever either holds in memory.
fn assert_same_read(read: &dateline::corpus::Corpus, cold: &dateline::corpus::Corpus) {
    for file in cold.articles() {
        let held = read.indexed_article(&file.path).unwrap();
        assert_eq!(
            read.dated_claims_of(held),
            cold.dated_claims_of(file),
            "{}",
            file.path
        );
        assert_eq!(read.diagnostics(&file.path), cold.diagnostics(&file.path));
    }
    let everything = dateline::ide::timeline::TimelineFilter::default();
    let timeline = |corpus| dateline::ide::timeline::timeline(corpus, &everything);
    assert_eq!(timeline(read), timeline(cold));
    assert!(!timeline(cold).is_empty());
    // The totals the status reads, kept as the articles changed, as counted again.
    let counted = |corpus: &dateline::corpus::Corpus| {
        corpus
            .articles()
            .fold((0, 0, 0), |(files, claims, undated), file| {
                (
                    files + 1,
                    claims + file.claim_tally.claims,
                    undated + file.claim_tally.undated,
                )
            })
    };
    for corpus in [read, cold] {
        let (files, tally) = dateline::ide::claims::corpus_tally(corpus);
        assert_eq!((files, tally.claims, tally.undated), counted(corpus));
    }
}

/// A server's warm start leaves the packed claims and diagnostics of the articles its
/// second pass takes from the cache in the cache file, and reads them from there when
/// asked: the same answers as a cold start, even once every text has changed on disk. A
/// cache written again from such a corpus holds them all, and where the file's bytes are
/// damaged they are made again from the texts.
#[test]
fn a_warm_start_leaves_the_claims_in_the_cache_and_reads_them_again() {
    let corpus = aged_seeds("cache-left-out");
    let (cold, outcome) = cold_and_cached(&corpus.dir);
    let cache_file = outcome.file.clone().unwrap();
    let written = std::fs::read(&cache_file).unwrap();

    let warm = leaving_load(&corpus.dir);
    let mut left_out = 0;
    for file in cold.articles() {
        let held = warm.indexed_article(&file.path).unwrap();
        let had_claims = !file.packed_claims.is_empty() || !file.packed_diagnostics.is_empty();
        assert_eq!(held.packed_left_out, had_claims, "{}", file.path);
        if held.packed_left_out {
            left_out += 1;
            assert!(held.packed_claims.is_empty() && held.packed_diagnostics.is_empty());
        }
    }
    assert!(left_out >= 4, "{left_out}");
    assert_same_read(&warm, &cold);

    // Written again from the corpus that left them out: the same cache.
    cache::save(&cache_file, &cache::Snapshot::of(&warm)).unwrap();
    assert_eq!(std::fs::read(&cache_file).unwrap(), written);

    // Every byte of the file another warm start reads zeroed in place, after its load:
    // what the articles left out is made again from their texts.
    let damaged = leaving_load(&corpus.dir);
    std::fs::OpenOptions::new()
        .write(true)
        .open(&cache_file)
        .and_then(|mut file| std::io::Write::write_all(&mut file, &vec![0; written.len()]))
        .unwrap();
    assert_same_read(&damaged, &cold);

    // Every text changed on disk: the first warm start still reads what it left out from
    // its cache file (held open: the write above replaced the file by renaming it); the
    // damaged one has nothing to read it from, and shows no claims rather than others.
    overwrite_articles(&corpus.dir, None);
    assert_same_read(&warm, &cold);
    for file in damaged.articles().filter(|file| file.packed_left_out) {
        assert!(damaged.dated_claims_of(file).is_empty(), "{}", file.path);
    }
}

/// A server's corpus of the folder `dir` (one that leaves packed claims out), with its
/// cache just written: the corpus, the file as written, the snapshot it was written from,
/// and where it is.
fn server_with_cache_written(
    dir: &Path,
) -> (
    dateline::corpus::Corpus,
    cache::Written,
    cache::Snapshot,
    std::path::PathBuf,
) {
    let mut server = dateline::corpus::Corpus::new(None);
    server.set_retention(dateline::corpus::Retention::Index);
    server.set_text_source(std::sync::Arc::new(dateline::loader::DiskTexts::new(dir)));
    server.set_leaves_packed_out(true);
    let outcome = cache::load_corpus_cached(dir, &mut server, |_| {});
    let cache_file = outcome.file.unwrap();
    let snapshot = cache::Snapshot::of(&server);
    let written = cache::save(&cache_file, &snapshot).unwrap();
    (server, written, snapshot, cache_file)
}

/// Adds a claim to the article at `path` (on disk at `disk_path`) in `server` only;
/// returns the corpus as it is then, and how many of its articles hold packed claims or
/// diagnostics.
fn add_a_claim(
    server: &mut dateline::corpus::Corpus,
    disk_path: &Path,
    path: &str,
) -> (dateline::corpus::Corpus, usize) {
    let text = std::fs::read_to_string(disk_path).unwrap();
    server.set_file(
        path,
        format!("{text}\nThe minister said the talks failed.\n").into(),
    );
    let with_claims = server
        .articles()
        .filter(|file| !file.packed_claims.is_empty() || !file.packed_diagnostics.is_empty())
        .count();
    (server.clone(), with_claims)
}

/// A cache just written ([`cache::save`]) takes over the packed claims and diagnostics of
/// the articles a server's corpus still holds as they were written, not of one changed
/// since; they are read from the file (held open) from then on, even once every text has
/// changed on disk or the file has been removed.
#[test]
fn a_cache_just_written_holds_the_claims_of_the_articles_unchanged_since() {
    let corpus = aged_seeds("cache-written-left-out");
    let (mut server, written, snapshot, cache_file) = server_with_cache_written(&corpus.dir);
    // Changed after the snapshot: its analysis in the file is not the one held.
    let changed = "001_8af3ff2e160be067.article";
    let (before, with_claims) = add_a_claim(&mut server, &corpus.path(changed), changed);
    let left_out = written.leave_out_of(snapshot, &mut server);
    assert_eq!(left_out, with_claims - 1);
    let held = server.indexed_article(changed).unwrap();
    assert!(!held.packed_left_out && !held.packed_claims.is_empty());
    assert_same_read(&server, &before);

    overwrite_articles(&corpus.dir, Some(changed));
    std::fs::remove_file(cache_file).unwrap();
    assert_same_read(&server, &before);
}

/// A server lets the articles go of their packed claims and diagnostics a part at a time
/// ([`dateline::corpus::Corpus::begin_leaving_packed_out`]), and the corpus may change
/// between parts: an article changed after the parts before it keeps its own claims; the
/// others are read from the file, as when all let go at once.
#[test]
fn articles_letting_go_of_their_claims_in_parts_keep_them_when_changed_between_parts() {
    let corpus = aged_seeds("cache-left-out-in-parts");
    let (mut server, written, snapshot, _) = server_with_cache_written(&corpus.dir);
    let (source, written) = written.to_leave_out(snapshot);
    let has_claims = |file: &dateline::corpus::ArticleFile| !file.packed_claims.is_empty();
    // Parts are taken from the end: the first with claims is let go of in the last part.
    let changed = written
        .iter()
        .find(|file| has_claims(file))
        .unwrap()
        .path
        .clone();
    assert_ne!(written.last().unwrap().path, changed);
    let parts_expected = written.len();

    let mut leaving = server.begin_leaving_packed_out(source, written);
    let mut parts = 1;
    assert!(server.leave_packed_out_part(&mut leaving, 1));
    let (before, with_claims) = add_a_claim(&mut server, &corpus.path(&changed), &changed);
    let left_out_before = leaving.left_out();
    while server.leave_packed_out_part(&mut leaving, 1) {
        parts += 1;
    }
    assert_eq!(parts + 1, parts_expected);
    assert_eq!(leaving.left_out() - left_out_before, with_claims - 1);
    let held = server.indexed_article(&changed).unwrap();
    assert!(!held.packed_left_out && has_claims(held));
    assert_same_read(&server, &before);
}

/// A second cache written replaces the file the articles left their packed claims in: an
/// article that left its claims in the first file but is not among those the second one
/// takes over (as when it was copied while the second was written) takes them back from
/// the first, and reads the same as before.
#[test]
fn articles_not_written_again_take_their_claims_back_from_the_replaced_cache() {
    let corpus = aged_seeds("cache-left-out-twice");
    let (mut server, written, snapshot, cache_file) = server_with_cache_written(&corpus.dir);
    let before = server.clone();
    assert!(written.leave_out_of(snapshot, &mut server) >= 4);

    let snapshot = cache::Snapshot::of(&server);
    let second = cache::save(&cache_file.with_extension("second"), &snapshot).unwrap();
    let (source, mut written_again) = second.to_leave_out(snapshot);
    let kept_back = written_again
        .iter()
        .position(|file| file.packed_left_out)
        .map(|at| written_again.remove(at).path.clone())
        .unwrap();
    let left_out = server.leave_packed_out(source, written_again);
    assert!(
        left_out == 0,
        "the others had left theirs out already: {left_out}"
    );

    let held = server.indexed_article(&kept_back).unwrap();
    assert!(
        !held.packed_left_out && !held.packed_claims.is_empty(),
        "{kept_back}"
    );
    assert_same_read(&server, &before);
}

/// A mention as references list it: its file, and its line and column if kept.
type MentionPlace = (String, Option<(u32, u32)>);

/// Each actor's mentions, as references list them.
fn mention_places(corpus: &dateline::corpus::Corpus) -> Vec<Vec<MentionPlace>> {
    (0..corpus.actors().len())
        .map(|actor| {
            corpus
                .mentions_of(actor)
                .into_iter()
                .map(|(file, mention)| {
                    let start = mention
                        .utf16()
                        .map(|span| (span.start.line, span.start.character));
                    (file.path.clone(), start)
                })
                .collect()
        })
        .collect()
}

#[test]
fn a_warm_start_in_two_passes_decodes_mentions_first_and_the_rest_from_the_cache() {
    let corpus = aged_seeds("cache-two-passes");
    // The binary one is skipped.
    let articles = articles_in(&corpus.dir) - 1;
    let (cold, _) = cold_and_cached(&corpus.dir);
    // The first pass: every article from the cache, none read (but the skipped file),
    // each pending with what a cold first pass finds (its header's diagnostics, not its
    // claims').
    let (mut warm, outcome) = two_pass_load(&corpus.dir);
    assert_eq!(
        (outcome.reused, outcome.articles, outcome.read),
        (articles, articles, 1),
        "{outcome:?}"
    );
    assert_eq!(warm.pending_count(), articles);
    let mut cold_first = two_pass_corpus(&corpus.dir);
    dateline::loader::load_corpus(&corpus.dir, &mut cold_first, |_| {});
    for file in cold_first.articles() {
        assert!(file.is_pending());
        assert_eq!(
            warm.indexed_article(&file.path),
            Some(file),
            "{}",
            file.path
        );
    }
    assert_eq!(mention_places(&warm), mention_places(&cold));
    assert!(mention_places(&cold)
        .iter()
        .any(|places| !places.is_empty()));
    // The second pass takes the whole analyses from the cache, not from the texts: every
    // article is overwritten on disk first, and the analyses are still of the texts the
    // cache was written from.
    overwrite_articles(&corpus.dir, None);
    complete_pending(&mut warm);
    assert_same_kept(&warm, &cold);
}

#[test]
fn a_cache_damaged_between_the_two_passes_leaves_the_second_to_analyse_the_texts() {
    let corpus = aged_seeds("cache-two-passes-damaged");
    let (cold, _) = cold_and_cached(&corpus.dir);
    let (mut warm, outcome) = two_pass_load(&corpus.dir);
    assert!(outcome.reused > 0 && warm.pending_count() == outcome.reused);
    // Overwritten in place (the same file the first pass read, which the second pass
    // reads again), with zeros: no record is what it was.
    let cache_file = outcome.file.unwrap();
    let length = std::fs::metadata(&cache_file).unwrap().len() as usize;
    let mut in_place = std::fs::File::options()
        .write(true)
        .open(&cache_file)
        .unwrap();
    std::io::Write::write_all(&mut in_place, &vec![0; length]).unwrap();
    drop(in_place);
    complete_pending(&mut warm);
    assert_same_answers(&warm, &cold);
}
