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
    use dateline::cache;
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
