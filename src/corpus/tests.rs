//! The corpus index on fixtures: cross-file diagnostics, registry changes, removal.

use super::{Corpus, FileKind, FileMention, Retention, TextSource};
use crate::diagnostic::DiagnosticCode;
use crate::fixture::{count_different, show_diagnostics, Fixture};
use expect_test::{expect, Expect};
use std::sync::Arc;

fn check_diagnostics(fixture: &str, path: &str, expect: Expect) {
    let fixture = Fixture::new(fixture);
    let diagnostics = fixture.corpus.diagnostics(path);
    expect.assert_eq(&show_diagnostics(&fixture.corpus, path, &diagnostics));
}

#[test]
fn citations_of_unknown_ids_are_errors_and_known_ones_are_not() {
    check_diagnostics(
        r#"%! a.article
Source: X
Date: 2022-10-15
Id: first

As reported before [@second; @missing].
%! b.article
Source: Y
Date: 2022-10-16
Id: second

Text.
"#,
        "a.article",
        expect![[r#"
            warning[undated-claim] a.article:5:1 "As reported before [@second; @missing].": undated claim by “before” (“reported”): neither this sentence nor an earlier one of its paragraph says when
            error[unknown-citation] a.article:5:31 "missing": no article in the corpus has the id `missing`
        "#]],
    );
}

#[test]
fn duplicate_ids_and_urls_are_reported_in_both_files() {
    let fixture = r#"%! a.article
Source: X
Date: 2022-10-15
Id: same
URL: https://example.org/1

Text.
%! b.article
Source: Y
Date: 2022-10-16
Id: same
URL: https://example.org/1

Text.
"#;
    check_diagnostics(
        fixture,
        "b.article",
        expect![[r#"
            error[duplicate-id] b.article:3:5 "same": the id `same` is also the id of a.article
            error[duplicate-url] b.article:4:6 "https://example.org/1": the same URL is given by a.article
        "#]],
    );
    check_diagnostics(
        fixture,
        "a.article",
        expect![[r#"
            error[duplicate-id] a.article:3:5 "same": the id `same` is also the id of b.article
            error[duplicate-url] a.article:4:6 "https://example.org/1": the same URL is given by b.article
        "#]],
    );
}

#[test]
fn the_file_name_is_the_default_id() {
    let fixture = Fixture::new("%! notes/alpha.article\nSource: X\nDate: 2022\n\nSee [@beta].\n%! beta.article\nSource: X\nDate: 2022\n\nText.\n");
    assert!(fixture.corpus.diagnostics("notes/alpha.article").is_empty());
    assert_eq!(
        fixture.corpus.article_by_id("alpha").unwrap().path,
        "notes/alpha.article"
    );
}

#[test]
fn a_date_after_today_is_an_error() {
    check_diagnostics(
        "Source: X\nDate: 2027-01\n\nText.\n",
        "a.article",
        expect![[r#"
            error[future-date] a.article:2:7 "2027-01": Date 2027-01 is in the future (today is 2026-11-22)
        "#]],
    );
}

#[test]
fn names_used_in_two_articles_but_unknown_get_a_hint() {
    let fixture = "%! a.article\nSource: X\nDate: 2022\n\nThe ruling came after Oleksiy Danilov spoke in Kyiv.\n%! b.article\nSource: Y\nDate: 2022\n\nThe council secretary Oleksiy Danilov was confident.\n";
    check_diagnostics(
        fixture,
        "a.article",
        expect![[r#"
            warning[undated-claim] a.article:4:1 "The ruling came after Oleksiy Danilov spoke in Kyiv.": undated claim: an event (“came”) reported by X: neither this sentence nor an earlier one of its paragraph says when
            hint[unknown-actor] a.article:4:23 "Oleksiy Danilov": “Oleksiy Danilov” appears in 2 articles but is not in the actor registry
        "#]],
    );
}

#[test]
fn titles_possessives_and_sentence_openers_are_no_part_of_an_unknown_name() {
    let fixture = "%! a.article\nSource: X\nDate: 2022\n\nThe ruling reached Gen. Ivanov’s staff in Minsk.\n\nBetween January and March the Ukrainian Ambassador was away.\n%! b.article\nSource: Y\nDate: 2022\n\nThe memo of Dr. Ivanov's office was brief.\n\nBetween January and June the Ukrainian Ambassador was away.\n";
    check_diagnostics(
        fixture,
        "a.article",
        expect![[r#"
            warning[undated-claim] a.article:4:1 "The ruling reached Gen. Ivanov’s staff in Minsk.": undated claim: an event (“reached”) reported by X: neither this sentence nor an earlier one of its paragraph says when
            hint[unknown-actor] a.article:4:25 "Ivanov": “Ivanov” appears in 2 articles but is not in the actor registry
        "#]],
    );
}

#[test]
fn a_broken_registry_keeps_the_last_good_actors_and_reports_where_it_broke() {
    let mut fixture = Fixture::new(
        "%! actors.toml\n[[actor]]\nid = \"makei\"\nname = \"Vladimir Makei\"\nkind = \"person\"\naliases = [\"Makei\"]\n%! a.article\nSource: X\nDate: 2022\n\nMakei spoke.\n",
    );
    let mentions = |fixture: &Fixture| fixture.corpus.article("a.article").unwrap().mentions.len();
    assert_eq!(mentions(&fixture), 1);
    fixture.corpus.set_file(
        "actors.toml",
        Arc::from("[[actor]]\nid = \"makei\"\nname = \"Vladimir Makei\nkind = \"person\"\n"),
    );
    assert_eq!(mentions(&fixture), 1, "the last good registry stays in use");
    let problems = fixture.corpus.diagnostics("actors.toml");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].code, DiagnosticCode::RegistrySyntax);
    fixture.corpus.set_file(
        "actors.toml",
        Arc::from("[[actor]]\nid = \"other\"\nname = \"Other\"\nkind = \"person\"\n"),
    );
    assert_eq!(mentions(&fixture), 0, "a good new registry replaces it");
}

#[test]
fn removing_a_file_updates_ids_citations_and_name_counts() {
    let mut fixture = Fixture::new(
        "%! a.article\nSource: X\nDate: 2022\n\nSee [@b]. Oleksiy Danilov spoke.\n%! b.article\nSource: X\nDate: 2022\n\nOleksiy Danilov spoke too.\n",
    );
    assert!(fixture
        .corpus
        .diagnostics("a.article")
        .iter()
        .any(|d| d.code == DiagnosticCode::UnknownActor));
    fixture.corpus.remove_file("b.article");
    let codes: Vec<DiagnosticCode> = fixture
        .corpus
        .diagnostics("a.article")
        .iter()
        .map(|d| d.code)
        .collect();
    // The event of the sentence (`spoke`) stays an undated claim.
    assert_eq!(
        codes,
        [
            DiagnosticCode::UnknownCitation,
            DiagnosticCode::UndatedClaim
        ]
    );
    assert_eq!(fixture.corpus.unknown_name_articles("Oleksiy Danilov"), 1);
}

#[test]
fn registry_conflicts_across_files_are_reported_in_the_later_file() {
    check_diagnostics(
        "%! dateline.toml\n[corpus]\nregistries = [\"actors.toml\", \"more/actors.toml\"]\n%! actors.toml\n[[actor]]\nid = \"makei\"\nname = \"Vladimir Makei\"\nkind = \"person\"\naffiliation = \"belarus\"\n%! more/actors.toml\n[[actor]]\nid = \"makei\"\nname = \"Makei again\"\nkind = \"person\"\n",
        "more/actors.toml",
        expect![[r#"
            error[duplicate-actor-id] more/actors.toml:2:6 "\"makei\"": the id `makei` is already defined in another registry; this actor is ignored
        "#]],
    );
}

#[test]
fn the_configuration_decides_the_kinds_of_files_given_with_it_in_any_order() {
    let mut corpus = crate::corpus::Corpus::new(None);
    corpus.set_files(vec![
        (
            "people/actors.toml".to_string(),
            Arc::from("[[actor]]\nid = \"makei\"\nname = \"Vladimir Makei\"\nkind = \"person\"\naliases = [\"Makei\"]\n"),
        ),
        (
            "a.article".to_string(),
            Arc::from("Source: X\nDate: 2022\n\nMakei spoke.\n"),
        ),
        (
            "dateline.toml".to_string(),
            Arc::from("[corpus]\nregistries = [\"people/actors.toml\"]\n"),
        ),
    ]);
    assert_eq!(corpus.article("a.article").unwrap().mentions.len(), 1);
    // A configuration that stops naming the registry stops its actors counting.
    corpus.set_file(
        "dateline.toml",
        Arc::from("[corpus]\nregistries = [\"actors.toml\"]\n"),
    );
    assert!(corpus.registry("people/actors.toml").is_none());
    assert_eq!(corpus.article("a.article").unwrap().mentions.len(), 0);
}

/// A corpus kept for reports only gives every file the same diagnostics and claim counts
/// as a full one, and holds no dates, claims or sentences.
#[test]
fn a_corpus_kept_for_reports_reports_the_same_and_holds_less() {
    use super::{Corpus, Retention};
    use crate::fixture::seed_corpus;
    let full = seed_corpus(Retention::Everything);
    let lean = seed_corpus(Retention::Reports);
    assert_eq!(full.paths(), lean.paths());
    let mut undated = 0;
    let mut names_repeated = false;
    for path in full.paths() {
        assert_eq!(full.diagnostics(&path), lean.diagnostics(&path), "{path}");
        if let (Some(full_file), Some(lean_file)) =
            (full.article(&path), lean.indexed_article(&path))
        {
            assert_eq!(full_file.claim_tally, lean_file.claim_tally);
            assert_eq!(full_file.claim_tally.claims, full_file.claims.len());
            undated += full_file.claim_tally.undated;
            assert!(!full_file.timexes.is_empty() && lean_file.timexes.is_empty());
            assert!(lean_file.claims.is_empty() && lean_file.article.paragraphs.is_empty());
            assert!(!full_file.mentions.is_empty() && lean_file.mentions.is_empty());
            // Each name's first use only, and the same names; each as a boxed string, 32
            // bytes with its range (an index of 10,000 articles holds 84,000).
            fn element_size<T>(_: &[T]) -> usize {
                std::mem::size_of::<T>()
            }
            assert_eq!(element_size(&full_file.unknown_names), 32);
            assert_eq!(element_size(&full_file.name_variants), 32);
            let first_uses = |names: &[(crate::text::TextRange, Box<str>)]| {
                let mut seen = std::collections::HashSet::new();
                names
                    .iter()
                    .filter(|(_, name)| seen.insert(name.clone()))
                    .cloned()
                    .collect::<Vec<_>>()
            };
            names_repeated |=
                first_uses(&full_file.unknown_names).len() < full_file.unknown_names.len();
            assert_eq!(
                first_uses(&full_file.unknown_names),
                lean_file.unknown_names
            );
            assert_eq!(
                first_uses(&full_file.name_variants),
                lean_file.name_variants
            );
            assert_eq!(full_file.distinct_names(), lean_file.distinct_names());
        }
    }
    assert_eq!(undated, 42);
    // Some seed uses an unknown name more than once: the shedding is exercised.
    assert!(names_repeated);
    // Reports need no index of who is mentioned where.
    let mentioned = |corpus: &Corpus| -> usize {
        (0..corpus.actors().len())
            .map(|actor| corpus.articles_mentioning(actor).count())
            .sum()
    };
    assert!(mentioned(&full) > 0);
    assert_eq!(mentioned(&lean), 0);
    // Reports hold each message once, however many diagnostics say it.
    let messages = |corpus: &Corpus| -> (usize, usize) {
        let diagnostics = || corpus.articles().flat_map(|file| file.diagnostics.iter());
        let held = count_different(diagnostics().map(|diagnostic| diagnostic.message.as_ptr()));
        (diagnostics().count(), held)
    };
    let (diagnostics, full_held) = messages(&full);
    let (_, lean_held) = messages(&lean);
    let texts = count_different(
        full.articles()
            .flat_map(|file| file.diagnostics.iter())
            .map(|diagnostic| &*diagnostic.message),
    );
    // A whole analysis holds each message once in its article (see
    // `claims_diagnostics_hold_each_different_message_once`), reports once in all.
    let per_article: usize = full
        .articles()
        .map(|file| count_different(file.diagnostics.iter().map(|d| &*d.message)))
        .sum();
    assert_eq!(full_held, per_article);
    assert_eq!(lean_held, texts);
    assert!(lean_held < diagnostics, "{lean_held} of {diagnostics}");
}

/// Actor statistics are kept between requests, and a changed article makes them be
/// counted again, also in a snapshot taken before the change (which keeps its own).
#[test]
fn actor_statistics_follow_every_change_of_the_articles() {
    let mut corpus = super::Corpus::new(None);
    corpus.set_files(crate::fixture::seed_files());
    let actor = corpus
        .actor_index("lukashenka")
        .expect("in the seed registry");
    let before = corpus.actor_stats(actor);
    assert!(std::sync::Arc::ptr_eq(&before, &corpus.actor_stats(actor)));
    let snapshot = corpus.clone();
    corpus.set_file(
        "new.article",
        Arc::from("Source: Test\nDate: 2030-01-02\n\nLukashenka spoke. Lukashenko left.\n"),
    );
    let after = corpus.actor_stats(actor);
    assert_eq!(after.mentions, before.mentions + 2);
    assert_eq!(after.articles, before.articles + 1);
    assert_eq!(
        after.last.map(|date| date.to_string()),
        Some("2030-01-02".into())
    );
    assert_eq!(snapshot.actor_stats(actor), before);
    corpus.remove_file("new.article");
    assert_eq!(corpus.actor_stats(actor), before);
    // An article that neither mentions an actor nor did leaves its statistics as they
    // were counted; one that did (a mention taken out) has them counted again.
    let other = corpus.actor_index("makei").expect("in the seed registry");
    let kept = corpus.actor_stats(other);
    let lukashenka = corpus.actor_stats(actor);
    corpus.set_file(
        "new.article",
        Arc::from("Source: Test\nDate: 2030-01-02\n\nLukashenka spoke.\n"),
    );
    assert!(std::sync::Arc::ptr_eq(&kept, &corpus.actor_stats(other)));
    assert_eq!(corpus.actor_stats(actor).mentions, lukashenka.mentions + 1);
    corpus.set_file(
        "new.article",
        Arc::from("Source: Test\nDate: 2030-01-02\n\nSomeone spoke.\n"),
    );
    assert!(std::sync::Arc::ptr_eq(&kept, &corpus.actor_stats(other)));
    assert_eq!(corpus.actor_stats(actor), lukashenka);
    assert!(corpus.totals_are_kept());
}

/// An edit that leaves what an actor's statistics read of the article (how often it
/// mentions the actor, its date, its source) leaves them kept; any other has them
/// counted again, to what a fresh count gives.
#[test]
fn actor_statistics_outlive_edits_that_do_not_change_them() {
    let mut corpus = super::Corpus::new(None);
    corpus.set_files(crate::fixture::seed_files());
    let lukashenka = corpus.actor_index("lukashenka").expect("in the registry");
    let makei = corpus.actor_index("makei").expect("in the registry");
    let text = |date: &str, source: &str, body: &str| -> Arc<str> {
        Arc::from(format!("Source: {source}\nDate: {date}\n\n{body}\n"))
    };
    let fresh = |corpus: &super::Corpus, actor| super::stats::compute(corpus, actor);
    corpus.set_file(
        "new.article",
        text("2030-01-02", "Test", "Lukashenka spoke. Makei said so."),
    );
    let (both, minister) = (corpus.actor_stats(lukashenka), corpus.actor_stats(makei));
    // Words changed around the mentions: both kept.
    corpus.set_file(
        "new.article",
        text(
            "2030-01-02",
            "Test",
            "Lukashenka spoke at length. Makei agreed.",
        ),
    );
    assert!(std::sync::Arc::ptr_eq(
        &both,
        &corpus.actor_stats(lukashenka)
    ));
    assert!(std::sync::Arc::ptr_eq(
        &minister,
        &corpus.actor_stats(makei)
    ));
    // One more mention of one actor: only that actor's counted again.
    corpus.set_file(
        "new.article",
        text(
            "2030-01-02",
            "Test",
            "Lukashenka spoke. Lukashenko left. Makei agreed.",
        ),
    );
    assert!(std::sync::Arc::ptr_eq(
        &minister,
        &corpus.actor_stats(makei)
    ));
    let more = corpus.actor_stats(lukashenka);
    assert_eq!(more.mentions, both.mentions + 1);
    assert_eq!(*more, fresh(&corpus, lukashenka));
    // Another date, another source: every actor the article mentions counted again.
    for (date, source) in [("2031-05-06", "Test"), ("2031-05-06", "Other outlet")] {
        corpus.set_file(
            "new.article",
            text(
                date,
                source,
                "Lukashenka spoke. Lukashenko left. Makei agreed.",
            ),
        );
        for actor in [lukashenka, makei] {
            assert_eq!(
                *corpus.actor_stats(actor),
                fresh(&corpus, actor),
                "{date} {source}"
            );
        }
    }
    assert_eq!(
        corpus
            .actor_stats(lukashenka)
            .last
            .map(|date| date.to_string()),
        Some("2031-05-06".into())
    );
    assert!(corpus
        .actor_stats(makei)
        .top_sources
        .iter()
        .any(|(source, _)| source == "Other outlet"));
    // A mention taken out: counted again, the article no longer among its articles.
    corpus.set_file(
        "new.article",
        text(
            "2031-05-06",
            "Other outlet",
            "Lukashenka spoke. Lukashenko left.",
        ),
    );
    assert_eq!(*corpus.actor_stats(makei), fresh(&corpus, makei));
    assert_eq!(corpus.actor_stats(makei).articles, minister.articles - 1);
}

/// A snapshot taken while no statistics are kept, asked for them after the corpus
/// changed, counts the articles as they were: the corpus must not read its counts.
#[test]
fn a_snapshot_does_not_fill_the_statistics_of_a_changed_corpus() {
    let mut corpus = super::Corpus::new(None);
    corpus.set_files(crate::fixture::seed_files());
    let lukashenka = corpus.actor_index("lukashenka").expect("in the registry");
    let snapshot = corpus.clone();
    corpus.set_file(
        "new.article",
        Arc::from("Source: Test\nDate: 2030-01-02\n\nLukashenka spoke.\n"),
    );
    let before = snapshot.actor_stats(lukashenka);
    let after = corpus.actor_stats(lukashenka);
    assert_eq!(after.mentions, before.mentions + 1);
    assert_eq!(*after, super::stats::compute(&corpus, lukashenka));
}

/// A server works out every actor's statistics in parts once a folder is indexed: a part
/// ends once it went over its budget of articles, a later one goes on where it ended, and
/// what is kept is what a request would have worked out.
#[test]
fn actor_statistics_are_kept_in_parts_that_end_at_their_budget() {
    let corpus = index_corpus(false).0;
    let actors = corpus.actors().len();
    let mut parts = 0;
    let mut from = Some(0);
    while let Some(actor) = from {
        parts += 1;
        from = corpus.keep_actor_stats(actor, 1);
        if let Some(next) = from {
            assert!(next > actor, "{next} after {actor}");
        }
    }
    // A budget of one article: one actor a part.
    assert_eq!(parts, actors);
    // All kept: another pass has nothing to work out.
    assert_eq!(corpus.keep_actor_stats(0, 1), None);
    let (fresh, _) = index_corpus(false);
    let lukashenka = corpus
        .actor_index("lukashenka")
        .expect("in the seed registry");
    assert!(corpus.actor_stats(lukashenka).mentions > 1);
    for actor in 0..actors {
        assert_eq!(
            corpus.actor_stats(actor),
            fresh.actor_stats(actor),
            "{actor}"
        );
    }
    // A generous budget keeps them all in one part.
    let (whole, _) = index_corpus(false);
    assert_eq!(whole.keep_actor_stats(0, usize::MAX), None);
    assert_eq!(whole.keep_actor_stats(0, 1), None);
}

/// Articles are taken in as their analyses finish: the order they come in must not show.
#[test]
fn a_path_given_twice_keeps_its_last_text_and_order_does_not_matter() {
    use super::Corpus;
    let texts: Vec<(String, Arc<str>)> = (0..40)
        .map(|n| {
            let text = format!("Title: A{n}\nId: same\n\nOfficials said so on 3 May 2022.\n");
            (format!("a{n}.article"), Arc::from(text.as_str()))
        })
        .collect();
    let mut forward = Corpus::new(None);
    let mut given = texts.clone();
    given.push((
        "a0.article".into(),
        Arc::from("Title: Last\n\nHe said so.\n"),
    ));
    forward.set_files(given);
    let mut backward = Corpus::new(None);
    backward.set_files(texts.iter().rev().cloned().collect());
    backward.set_file("a0.article", Arc::from("Title: Last\n\nHe said so.\n"));
    assert_eq!(
        forward.text("a0.article"),
        Some("Title: Last\n\nHe said so.\n")
    );
    assert_eq!(forward.paths(), backward.paths());
    assert_same_diagnostics(&forward, &backward);
}

/// The date recognizer, given a long body in pieces cut at paragraphs, finds what one pass
/// over the whole body finds: on the seeds run together, and on a body whose future cue
/// (`was … scheduled`) sits on the line before a cut.
#[test]
fn dates_found_in_pieces_are_those_found_in_one_pass() {
    let seeds = crate::fixture::seed_files();
    let bodies: String = seeds
        .iter()
        .filter(|(path, _)| path.ends_with(".article"))
        .map(|(_, text)| text.split_once("\n\n").map_or(&**text, |(_, body)| body))
        .collect::<Vec<_>>()
        .join("\n\n");
    let texts = [
        format!("Date: 2022-09-29\n\n{bodies}"),
        "Date: 2022-09-29\n\nThe summit was\n\nscheduled to open on 5 May.\n\n  On Monday, it was.\nHeading line\nOn 3 March \
         they met.\n"
            .to_string(),
    ];
    for text in &texts {
        let article = crate::article::parse(text);
        let date = article.header.date();
        let whole =
            super::analysis::find_timexes(text, &article, article.body.start, date, usize::MAX);
        assert!(whole.len() >= 3, "{whole:?}");
        for piece_bytes in [0, 1, 40, 1000] {
            let pieces = super::analysis::find_timexes(
                text,
                &article,
                article.body.start,
                date,
                piece_bytes,
            );
            assert_eq!(pieces, whole, "pieces of {piece_bytes} bytes");
        }
    }
}

/// A quote keeps up to eight words, and cuts a longer one after its seventh.
#[test]
fn quotes_keep_eight_words_at_most() {
    let quote =
        |text: &str| super::analysis::quote(text, crate::text::TextRange::new(0, text.len()));
    assert_eq!(quote(""), "");
    assert_eq!(quote("  said \n so "), "said so");
    assert_eq!(
        quote("one two three four five six seven eight"),
        "one two three four five six seven eight"
    );
    assert_eq!(
        quote("one two three four five six seven eight nine"),
        "one two three four five six seven …"
    );
}

#[test]
fn taking_many_files_in_reports_each_article_as_it_is_taken_in() {
    let mut corpus = super::Corpus::new(None);
    // A registry among them: only articles are counted.
    let files: Vec<(String, Arc<str>)> = ["a.article", "b.article", "actors.toml", "c.article"]
        .iter()
        .map(|path| (path.to_string(), "Date: 2022-01-01\n\nThey met.\n".into()))
        .collect();
    let mut reports = Vec::new();
    corpus.set_files_reporting(files, |done, total| reports.push((done, total)));
    assert_eq!(reports, [(1, 3), (2, 3), (3, 3)]);
    assert_eq!(corpus.articles().count(), 3);
}

/// Gives a load the texts of `texts` as it asks for them, each a fresh copy, noting which
/// it was asked for and how many of the copies it gave were alive at once at most.
struct CountingReader {
    texts: std::collections::HashMap<String, Arc<str>>,
    given: std::sync::Mutex<Vec<std::sync::Weak<str>>>,
    asked: std::sync::Mutex<Vec<String>>,
    most_alive: std::sync::atomic::AtomicUsize,
}

impl super::ArticleReader for CountingReader {
    fn read(&self, path: &str) -> Result<Arc<str>, String> {
        self.asked
            .lock()
            .expect("a test's lock")
            .push(path.to_string());
        let text = self
            .texts
            .get(path)
            .ok_or_else(|| "gone since it was found".to_string())?;
        let copy: Arc<str> = Arc::from(&**text);
        let mut given = self.given.lock().expect("a test's lock");
        given.push(Arc::downgrade(&copy));
        let alive = given.iter().filter(|text| text.strong_count() > 0).count();
        self.most_alive
            .fetch_max(alive, std::sync::atomic::Ordering::Relaxed);
        Ok(copy)
    }
}

#[test]
fn articles_handed_unread_are_read_as_they_are_analysed_and_one_unreadable_is_skipped() {
    let mut files = crate::fixture::seed_files();
    for number in 0..300 {
        let text = format!(
            "Title: Note {number}\nDate: 2022-03-0{}\n\nLukashenko said the talks would go on. Officials met on Monday.\n",
            number % 9 + 1
        );
        files.push((format!("notes/{number}.article"), Arc::from(text)));
    }
    let texts = Arc::new(crate::fixture::TextsInMemory::new(&files));
    let held = {
        let mut corpus = Corpus::new(None);
        corpus.set_retention(Retention::Index);
        corpus.set_text_source(texts.clone());
        corpus.set_files(files.clone());
        corpus
    };
    let reader = CountingReader {
        texts: files.iter().cloned().collect(),
        given: Default::default(),
        asked: Default::default(),
        most_alive: Default::default(),
    };
    let mut read = Corpus::new(None);
    read.set_retention(Retention::Index);
    read.set_text_source(texts);
    // The registry as a load hands it (read already), the articles unread, and one that
    // is gone by the time it is read.
    let (registries, articles): (Vec<_>, Vec<_>) =
        files.iter().partition(|(path, _)| path.ends_with(".toml"));
    let handed = registries
        .iter()
        .map(|(path, text)| (path.clone(), super::ArticleText::Held(text.clone()), None))
        .chain(articles.iter().map(|(path, text)| {
            let bytes = text.len() as u64;
            (path.clone(), super::ArticleText::Unread { bytes }, None)
        }))
        .chain(std::iter::once((
            "gone.article".to_string(),
            super::ArticleText::Unread { bytes: 10 },
            None,
        )))
        .collect();
    let mut reports = Vec::new();
    read.set_files_prepared(handed, Some(&reader), |done, total| {
        reports.push((done, total))
    });

    assert_same_mentions(&read, &held);
    assert_same_diagnostics(&read, &held);
    assert_eq!(read.paths(), held.paths());
    assert_eq!(
        read.skip_reason("gone.article"),
        Some("gone since it was found")
    );
    assert_eq!(
        reports.last(),
        Some(&(articles.len() + 1, articles.len() + 1))
    );
    // Each article read once; the registry, handed read, not at all.
    let mut asked = reader.asked.into_inner().expect("a test's lock");
    asked.sort();
    let mut expected: Vec<String> = articles.iter().map(|(path, _)| path.clone()).collect();
    expected.push("gone.article".to_string());
    expected.sort();
    assert_eq!(asked, expected);
    // Read as analysed, not all first: no more texts alive at once than there are
    // threads analysing them.
    let most_alive = reader.most_alive.into_inner();
    assert!(
        most_alive <= rayon::current_num_threads(),
        "{most_alive} texts alive at once, {} threads",
        rayon::current_num_threads()
    );
}

#[test]
fn a_markdown_note_is_an_article_only_when_the_configuration_includes_it() {
    let note = "%! notes/note.md\n---\ntitle: \"A note\"\nsource: 'Our Desk'\ndate: 2022-10-15T08:00:00Z\ntags: [belarus, army]\n---\n\n# What we know\n\nThe ministry announced a mobilization [@a].\n";
    let article = "%! a.article\nSource: X\nDate: 2022-10-14\n\nText.\n";
    let excluded = Fixture::new(&format!("{note}{article}"));
    assert!(excluded.corpus.article("notes/note.md").is_none());

    let included = Fixture::new(&format!(
        "%! dateline.toml\n[corpus]\ninclude = [\"*.article\", \"*.md\"]\n{note}{article}"
    ));
    let file = included.corpus.article("notes/note.md").unwrap();
    assert_eq!(file.id, "note");
    assert_eq!(file.source(), Some("Our Desk"));
    assert_eq!(
        file.article.header.date().map(|d| d.to_string()),
        Some("2022-10-15".to_string())
    );
    assert_eq!(file.article.header.tags(), ["belarus", "army"]);
    check_diagnostics(
        &format!(
            "%! dateline.toml\n[corpus]\ninclude = [\"*.article\", \"*.md\"]\n{note}{article}"
        ),
        "notes/note.md",
        expect![[r#"
            warning[undated-claim] notes/note.md:10:1 "The ministry announced a mobilization [@a].": undated claim by “The ministry” (“announced”): neither this sentence nor an earlier one of its paragraph says when
        "#]],
    );
}

#[test]
fn unknown_names_in_cyrillic_and_polish_skip_sentence_openers_and_case_forms_of_known_ones() {
    // `Лукашэнкі` and `Łukaszenki` are case forms of a known actor: no hint. `Вчера` and
    // `Wczoraj` open their sentences and are no part of the name after them.
    let fixture = "%! actors.toml\n[[actor]]\nid = \"lukashenka\"\nname = \"Lukashenka\"\nkind = \"person\"\n%! a.article\nSource: X\nDate: 2022\n\nВчера Данилов встретился с Лукашэнкі. Wczoraj Daniłow Nowak odwiedził Łukaszenkę.\n%! b.article\nSource: Y\nDate: 2022\n\nВчера Данилов приехал к Лукашэнкі. Wczoraj Daniłow Nowak spotkał Łukaszenki.\n";
    check_diagnostics(
        fixture,
        "a.article",
        expect![[r#"
            hint[unsure-language] a.article:1:1 "Source: X\nDate: 2022": the text reads as Polish, though it could be Russian; add `Language: pl` (or the right code) to the header so that its dates are read in the right language
            warning[undated-claim] a.article:4:1 "Вчера Данилов встретился с Лукашэнкі.": undated claim: an event (“встретился”) reported by X: neither this sentence nor an earlier one of its paragraph says when
            hint[unknown-actor] a.article:4:7 "Данилов": “Данилов” appears in 2 articles but is not in the actor registry
            hint[unknown-actor] a.article:4:47 "Daniłow Nowak": “Daniłow Nowak” appears in 2 articles but is not in the actor registry
        "#]],
    );
}

/// Everything the per-actor index answers, for every actor: the articles in path order
/// with their counts, dates and sources, and every mention with its place.
fn index_answers(corpus: &super::Corpus) -> Vec<String> {
    (0..corpus.actors().len())
        .map(|actor| {
            let articles: Vec<(&str, usize)> = corpus
                .articles_mentioning(actor)
                .map(|(file, count)| (file.path.as_str(), count))
                .collect();
            let summaries: Vec<_> = corpus.mention_summaries(actor).collect();
            let mentions: Vec<_> = corpus
                .mentions_of(actor)
                .into_iter()
                .map(|(file, mention)| (file.path.as_str(), mention))
                .collect();
            format!(
                "{actor}: {articles:?}\n{summaries:?}\n{mentions:?}\n{:?}",
                corpus.actor_stats(actor)
            )
        })
        .collect()
}

/// The per-actor index keeps each actor's articles sorted by path, one entry each, through
/// articles added, edited to drop an actor and to gain one, emptied of actors and filled
/// again, removed, renamed, taken in together with others and re-analysed for a changed
/// registry; after every step it answers as an index built from scratch of the same texts.
#[test]
fn the_actor_index_after_edits_answers_as_one_built_from_scratch() {
    use super::Corpus;
    use std::collections::BTreeMap;
    let article = |body: &str| -> Arc<str> {
        Arc::from(format!("Source: Wire\nDate: 2022-10-15\n\n{body}\n").as_str())
    };
    let mut texts: BTreeMap<String, Arc<str>> = crate::fixture::seed_files().into_iter().collect();
    let mut edited = Corpus::new(None);
    edited.set_files(texts.clone().into_iter().collect());
    let seed = texts
        .keys()
        .find(|path| path.ends_with(".article"))
        .cloned()
        .expect("a seed article");
    let registry = texts["actors.toml"].to_string();
    enum Step {
        Set(&'static str, Arc<str>),
        SetSeed(Arc<str>),
        Remove(&'static str),
        Rename(&'static str, &'static str),
        Together(Vec<(&'static str, Arc<str>)>),
        Registry(String),
    }
    let steps = vec![
        Step::Set(
            "z-new.article",
            article("Belarus and Russia met. Russia spoke."),
        ),
        Step::Set("a-new.article", article("Belarus said so.")),
        Step::Set("z-new.article", article("Belarus met. Belarus spoke.")),
        Step::Set(
            "z-new.article",
            article("Belarus met Ukraine. Belarus spoke."),
        ),
        Step::SetSeed(article("Poland and Ukraine said so.")),
        Step::Set("a-new.article", article("Nobody said anything.")),
        Step::Set("a-new.article", article("Lithuania and Belarus said so.")),
        Step::Remove("a-new.article"),
        Step::Rename("z-new.article", "m-renamed.article"),
        Step::Together(vec![
            ("m-renamed.article", article("Russia alone.")),
            (
                "b-together.article",
                article("Ukraine, Russia and Belarus."),
            ),
            ("y-together.article", article("Poland.")),
        ]),
        Step::Registry(registry.replacen("name = \"Russia\"", "name = \"Russland\"", 1)),
        Step::Registry(registry.clone()),
    ];
    for (number, step) in steps.into_iter().enumerate() {
        match step {
            Step::Set(path, text) => {
                texts.insert(path.to_string(), text.clone());
                edited.set_file(path, text);
            }
            Step::SetSeed(text) => {
                texts.insert(seed.clone(), text.clone());
                edited.set_file(&seed, text);
            }
            Step::Remove(path) => {
                texts.remove(path);
                edited.remove_file(path);
            }
            Step::Rename(from, to) => {
                let text = texts.remove(from).expect("a file to rename");
                texts.insert(to.to_string(), text.clone());
                edited.remove_file(from);
                edited.set_file(to, text);
            }
            Step::Together(files) => {
                let files: Vec<(String, Arc<str>)> = files
                    .into_iter()
                    .map(|(path, text)| (path.to_string(), text))
                    .collect();
                texts.extend(files.clone());
                edited.set_files(files);
            }
            Step::Registry(text) => {
                let text: Arc<str> = Arc::from(text.as_str());
                texts.insert("actors.toml".to_string(), text.clone());
                edited.set_file("actors.toml", text);
            }
        }
        assert!(edited.mentioned_in.is_consistent(), "step {number}");
        // The index holds the current files, not earlier versions or the stand-in.
        for actor in 0..edited.actors().len() {
            for (indexed, _) in edited.articles_mentioning(actor) {
                let current = edited
                    .indexed_article(&indexed.path)
                    .expect("an indexed article");
                assert!(Arc::ptr_eq(indexed, current), "step {number}: stale file");
            }
        }
        let mut fresh = Corpus::new(None);
        fresh.set_files(texts.clone().into_iter().collect());
        assert!(fresh.mentioned_in.is_consistent(), "step {number}");
        assert_eq!(
            index_answers(&edited),
            index_answers(&fresh),
            "step {number}"
        );
    }
}

/// A mention keeps its place in lines and UTF-16 columns when it lies on one line, and
/// none when a registry form with a line break in it makes it span two: readers then
/// count its place from the text.
#[test]
fn a_mention_keeps_its_utf16_place_unless_it_spans_lines() {
    use crate::position::Encoding;
    let fixture = Fixture::new(
        "%! actors.toml\n[[actor]]\nid = \"council\"\nname = \"Security\\nCouncil\"\nkind = \"person\"\naliases = [\"Zoë Council\"]\n%! a.article\nSource: X\nDate: 2022\n\nThe Security\nCouncil met. Then Zoë Council spoke, and\nthe Zoë Council and the Security\nCouncil left.\n",
    );
    let file = fixture.corpus.article("a.article").expect("the article");
    let mut spanning = 0;
    for mention in &file.mentions {
        let range = mention.range();
        if range.slice(&file.text).contains('\n') {
            spanning += 1;
            assert_eq!(mention.utf16(), None);
        } else {
            let counted = file.line_index.span(&file.text, range, Encoding::Utf16);
            assert_eq!(mention.utf16(), Some(counted));
        }
    }
    assert_eq!((spanning, file.mentions.len()), (2, 4));
}

/// The seeds in a corpus kept for the index that reads texts from memory, taken in with
/// mentions first when `mentions_first` (every article: the threshold is 0).
fn index_corpus(mentions_first: bool) -> (Corpus, Arc<crate::fixture::TextsInMemory>) {
    let files = crate::fixture::seed_files();
    let texts = Arc::new(crate::fixture::TextsInMemory::new(&files));
    let mut corpus = Corpus::new(None);
    corpus.set_retention(Retention::Index);
    corpus.set_text_source(texts.clone());
    corpus.set_mentions_first_above(mentions_first.then_some(0));
    corpus.set_files(files);
    (corpus, texts)
}

/// Where `actor` is mentioned in `corpus`, by path.
fn mention_places(corpus: &Corpus, actor: usize) -> Vec<(String, FileMention)> {
    corpus
        .mentions_of(actor)
        .into_iter()
        .map(|(file, mention)| (file.path.clone(), mention))
        .collect()
}

/// Asserts that every actor of `whole` is mentioned in `corpus` where it is in `whole`:
/// references answer alike.
fn assert_same_mentions(corpus: &Corpus, whole: &Corpus) {
    for actor in 0..whole.actors().len() {
        assert_eq!(
            mention_places(corpus, actor),
            mention_places(whole, actor),
            "actor {actor}"
        );
    }
}

/// Asserts that every file of `expected` has the same diagnostics in `corpus`.
fn assert_same_diagnostics(corpus: &Corpus, expected: &Corpus) {
    assert!(corpus.totals_are_kept() && expected.totals_are_kept());
    assert_eq!(corpus.claim_totals(), expected.claim_totals());
    for path in expected.paths() {
        assert_eq!(
            corpus.diagnostics(&path),
            expected.diagnostics(&path),
            "{path}"
        );
    }
}

/// Takes in the rest of every pending analysis, `batch` articles at a time.
fn complete_all(corpus: &mut Corpus, batch: usize) {
    while let Some(pending) = corpus.take_pending(batch) {
        let analysed = pending.analyse();
        corpus.complete(analysed);
    }
}

#[test]
fn a_load_finding_mentions_first_has_the_whole_index_and_ends_as_a_whole_load() {
    let (whole, _) = index_corpus(false);
    let (mut first, _) = index_corpus(true);
    assert_eq!(whole.pending_count(), 0);
    let articles = whole.articles().count();
    assert!(articles >= 5);
    assert_eq!(first.pending_count(), articles);
    // The first pass alone answers references as the whole analysis does.
    assert_same_mentions(&first, &whole);
    for path in whole.paths() {
        let (Some(a), Some(b)) = (first.indexed_article(&path), whole.indexed_article(&path))
        else {
            continue;
        };
        assert_eq!(
            (&a.id, &a.article.header, &a.article.citations),
            (&b.id, &b.article.header, &b.article.citations)
        );
    }
    complete_all(&mut first, 3);
    assert_eq!(first.pending_count(), 0);
    for path in whole.paths() {
        assert_eq!(
            first.indexed_article(&path),
            whole.indexed_article(&path),
            "{path}"
        );
        assert_eq!(first.diagnostics(&path), whole.diagnostics(&path), "{path}");
    }
    for actor in 0..whole.actors().len() {
        assert_eq!(
            first.actor_stats(actor),
            whole.actor_stats(actor),
            "actor {actor}"
        );
    }
}

/// The seed articles changed on disk (a sentence added to each, one with a new mention of
/// Makei), a new article, and one whose text cannot be read: what `texts` then holds.
fn change_seeds_on_disk(corpus: &Corpus, texts: &crate::fixture::TextsInMemory) -> Vec<String> {
    let mut paths: Vec<String> = corpus
        .paths()
        .into_iter()
        .filter(|path| corpus.kind_of(path) == FileKind::Article)
        .collect();
    for path in &paths {
        let text = texts.read(path).expect("seed");
        texts.set(
            path,
            &format!("{text}\nMakei said on Tuesday that talks had failed.\n"),
        );
    }
    texts.set(
        "new.article",
        "Source: Notes\nDate: 2022-10-20\n\nMakei met Lukashenka, officials said.\n",
    );
    paths.push("new.article".to_string());
    paths.push("gone.article".to_string());
    paths
}

#[test]
fn articles_changed_on_disk_analysed_apart_are_taken_in_as_one_by_one() {
    let (mut apart, texts) = index_corpus(false);
    let paths = change_seeds_on_disk(&apart, &texts);
    let (mut one_by_one, _) = index_corpus(false);
    one_by_one.set_text_source(texts.clone());
    for path in &paths {
        if let Some(text) = texts.read(path) {
            one_by_one.set_file(path, text);
        }
    }
    let analysed = apart
        .prepare_changes(paths.clone())
        .analyse(|path| texts.read(path));
    // Only the one that could not be read is left to the caller.
    assert_eq!(
        apart.take_changes(analysed),
        vec!["gone.article".to_string()]
    );
    assert_eq!(apart.paths(), one_by_one.paths());
    assert!(apart.paths().contains(&"new.article".to_string()));
    for path in one_by_one.paths() {
        assert_eq!(
            apart.indexed_article(&path),
            one_by_one.indexed_article(&path),
            "{path}"
        );
        assert_eq!(
            apart.diagnostics(&path),
            one_by_one.diagnostics(&path),
            "{path}"
        );
    }
    assert_same_mentions(&apart, &one_by_one);
    for actor in 0..one_by_one.actors().len() {
        assert_eq!(apart.actor_stats(actor), one_by_one.actor_stats(actor));
    }
}

/// An article's diagnostics stamp (its `resultId` in a workspace report) changes with what
/// its diagnostics read, not with every change elsewhere in the corpus.
#[test]
fn an_articles_diagnostics_stamp_changes_only_with_what_its_diagnostics_read() {
    let (mut corpus, _) = index_corpus(false);
    let path = "000_d3301de9df92c926.article";
    let before = corpus.diagnostics_stamp(path);
    let registry_before = corpus.diagnostics_stamp("actors.toml");
    // Another article arrives with a name of its own: a change others may see, but not
    // one this article's diagnostics read.
    let other = "Source: Notes\nDate: 2022-10-20\n\nZorbulan Quext met officials, they said.\n";
    corpus.set_file("other.article", Arc::from(other));
    assert_ne!(corpus.diagnostics_stamp("actors.toml"), registry_before);
    assert_eq!(corpus.diagnostics_stamp(path), before);
    // One takes its id: its diagnostics now say so, and its stamp changes.
    let id = corpus.article(path).expect("seed").id.clone();
    let twin = format!("Source: Notes\nDate: 2022-10-20\nId: {id}\n\nNothing.\n");
    corpus.set_file("twin.article", Arc::from(twin.as_str()));
    let with_twin = corpus.diagnostics_stamp(path);
    assert_ne!(with_twin, before);
    assert!(corpus
        .diagnostics(path)
        .iter()
        .any(|diagnostic| diagnostic.code == DiagnosticCode::DuplicateId));
    // The twin goes: the article's diagnostics are as before, and so is their hash.
    corpus.remove_file("twin.article");
    let after = corpus.diagnostics_stamp(path);
    assert_ne!(after, with_twin);
    assert_eq!(after.key(), before.key());
    // A registry change may change any article's diagnostics.
    let registry = corpus
        .registry("actors.toml")
        .expect("registry")
        .text
        .clone();
    corpus.set_file("actors.toml", Arc::from(format!("{registry}\n").as_str()));
    assert_ne!(corpus.diagnostics_stamp(path), before);
}

#[test]
fn files_removed_together_leave_the_corpus_as_removed_one_by_one() {
    let (mut together, _) = index_corpus(false);
    let (mut one_by_one, _) = index_corpus(false);
    let mut removed: Vec<String> = together
        .paths()
        .into_iter()
        .filter(|path| together.kind_of(path) == FileKind::Article)
        .step_by(2)
        .collect();
    assert!(removed.len() >= 3);
    removed.push("never-there.article".to_string());
    for path in &removed {
        one_by_one.remove_file(path);
    }
    together.remove_files(&removed);
    assert_eq!(together.paths(), one_by_one.paths());
    assert!(!together.paths().contains(&removed[0]));
    assert_same_mentions(&together, &one_by_one);
    for actor in 0..one_by_one.actors().len() {
        assert_eq!(together.actor_stats(actor), one_by_one.actor_stats(actor));
    }
    assert_same_diagnostics(&together, &one_by_one);
}

#[test]
fn an_article_changed_again_or_opened_while_analysed_apart_keeps_its_newer_version() {
    let (mut corpus, texts) = index_corpus(false);
    let paths = change_seeds_on_disk(&corpus, &texts);
    let prepared = corpus.prepare_changes(paths.clone());
    // Meanwhile one article is opened in an editor and another changes again on disk and
    // is taken in at once (as a single saved file is).
    let opened = "000_d3301de9df92c926.article";
    let edited = "Source: Editor\nDate: 2022-10-20\n\nLukashenko said it.\n";
    corpus.set_open_file(opened, Arc::from(edited));
    let again = "new.article";
    let newest = "Source: Notes\nDate: 2022-10-21\n\nNobody was met.\n";
    texts.set(again, newest);
    corpus.set_file(again, Arc::from(newest));
    let mut left = corpus.take_changes(prepared.analyse(|path| texts.read(path)));
    left.sort();
    assert_eq!(left, vec![opened, "gone.article", again]);
    let kept = corpus.indexed_article(opened).expect("opened");
    assert!(kept.is_whole());
    assert_eq!(&*kept.text, edited);
    let newer = corpus.article(again).expect("changed again");
    assert_eq!(newer.date.and_then(|date| date.day), Some(21));
}

#[test]
fn a_registry_change_while_changed_articles_are_analysed_apart_takes_none_of_them() {
    let (mut corpus, texts) = index_corpus(false);
    let paths = change_seeds_on_disk(&corpus, &texts);
    let prepared = corpus.prepare_changes(paths.clone());
    let registry = texts.read("actors.toml").expect("registry");
    corpus.set_file("actors.toml", Arc::from(format!("{registry}\n").as_str()));
    let mut left = corpus.take_changes(prepared.analyse(|path| texts.read(path)));
    left.sort();
    let mut expected = paths;
    expected.sort();
    assert_eq!(left, expected);
}

#[test]
fn an_article_changed_while_its_analysis_is_made_keeps_the_newer_one() {
    let (mut corpus, texts) = index_corpus(true);
    let path = "000_d3301de9df92c926.article";
    let pending = corpus.take_pending(usize::MAX).expect("pending articles");
    // Opened in an editor and changed meanwhile: the whole analysis of the editor's text.
    let edited = format!("{}\nLukashenko said it.\n", texts.read(path).expect("seed"));
    corpus.set_open_file(path, Arc::from(edited.as_str()));
    let taken = corpus.complete(pending.analyse());
    let articles = corpus.articles().count();
    assert_eq!(taken, articles - 1);
    let kept = corpus.indexed_article(path).expect("kept");
    assert!(kept.is_whole());
    assert_eq!(&*kept.text, edited.as_str());
    assert_eq!(corpus.pending_count(), 0);
    assert!(corpus.take_pending(1).is_none());
}

#[test]
fn a_registry_change_while_articles_are_pending_analyses_them_whole() {
    let (mut corpus, texts) = index_corpus(true);
    let pending = corpus.take_pending(usize::MAX).expect("pending articles");
    let registry = texts.read("actors.toml").expect("registry");
    corpus.set_file("actors.toml", Arc::from(format!("{registry}\n").as_str()));
    assert_eq!(corpus.pending_count(), 0);
    // What was analysed for the versions before is not taken.
    assert_eq!(corpus.complete(pending.analyse()), 0);
    let (whole, _) = index_corpus(false);
    assert_same_diagnostics(&corpus, &whole);
}

/// Past `[server] claims-limit-mb`, a server's corpus finds mentions only, whatever its
/// number of articles, and stays so when its registry changes; an opened article is
/// analysed whole; raising the limit analyses every article whole.
#[test]
fn a_corpus_past_the_claims_limit_keeps_the_mentions_of_unopened_articles_only() {
    let mut files = crate::fixture::seed_files();
    files.push((
        crate::corpus::CONFIG_FILE.to_string(),
        Arc::from("[server]\nclaims-limit-mb = 0\n"),
    ));
    let texts = Arc::new(crate::fixture::TextsInMemory::new(&files));
    let mut corpus = Corpus::new(None);
    corpus.set_retention(Retention::Index);
    corpus.set_text_source(texts.clone());
    corpus.set_files(files);
    let articles = corpus.articles().count();
    let bytes: u64 = corpus.articles().map(|file| file.text_len() as u64).sum();
    assert!(bytes > 10_000, "{bytes}");
    assert_eq!(
        corpus.over_claims_limit(),
        Some(crate::corpus::OverClaimsLimit { bytes, limit: 0 })
    );
    assert_eq!(corpus.pending_count(), articles);
    assert!(corpus.claims_of_open_articles_only());

    // References are whole, as in a corpus under the limit.
    let (whole, _) = index_corpus(false);
    assert_eq!(whole.over_claims_limit(), None);
    assert_same_mentions(&corpus, &whole);

    let registry = texts.read("actors.toml").expect("registry");
    corpus.set_file("actors.toml", Arc::from(format!("{registry}\n").as_str()));
    assert_eq!(corpus.pending_count(), articles);

    let opened = "000_d3301de9df92c926.article";
    corpus.set_open_file(opened, texts.read(opened).expect("seed"));
    assert!(corpus
        .indexed_article(opened)
        .is_some_and(|file| file.is_whole()));
    assert_eq!(corpus.diagnostics(opened), whole.diagnostics(opened));
    assert_eq!(corpus.pending_count(), articles - 1);

    corpus.set_file(
        crate::corpus::CONFIG_FILE,
        Arc::from("[server]\nclaims-limit-mb = 1\n"),
    );
    assert_eq!(corpus.over_claims_limit(), None);
    assert_eq!(corpus.pending_count(), 0);
    assert_same_diagnostics(&corpus, &whole);
    assert!(!corpus.claims_of_open_articles_only());

    // Lowered again on a corpus analysed whole: past the limit, but every claim is known.
    corpus.set_file(
        crate::corpus::CONFIG_FILE,
        Arc::from("[server]\nclaims-limit-mb = 0\n"),
    );
    assert!(corpus.over_claims_limit().is_some());
    assert_eq!(corpus.pending_count(), 0);
    assert!(!corpus.claims_of_open_articles_only());
}

/// A corpus kept for reports that can read its texts again (`check`'s) lets go of each
/// once analysed, gives it back equal through `text_of`, and reports the same as one
/// that holds them; one that cannot read them again keeps them.
#[test]
fn a_corpus_kept_for_reports_lets_go_of_the_texts_it_can_read_again() {
    let files = crate::fixture::seed_files();
    let holding = {
        let mut corpus = Corpus::new(None);
        corpus.set_retention(Retention::Reports);
        corpus.set_files(files.clone());
        corpus
    };
    let letting_go = {
        let mut corpus = Corpus::new(None);
        corpus.set_retention(Retention::Reports);
        corpus.set_text_source(Arc::new(crate::fixture::TextsInMemory::new(&files)));
        corpus.set_files(files.clone());
        corpus
    };
    let mut articles = 0;
    for (path, text) in &files {
        let (Some(held), Some(let_go)) = (
            holding.indexed_article(path),
            letting_go.indexed_article(path),
        ) else {
            continue;
        };
        articles += 1;
        assert_eq!(&*held.text, &**text);
        assert!(held.text_dropped.is_none());
        assert!(
            let_go.text.is_empty() && let_go.text_dropped.is_some(),
            "{path}"
        );
        assert_eq!(letting_go.text_of(let_go).as_deref(), Some(&**text));
        assert_eq!(holding.diagnostics(path), letting_go.diagnostics(path));
        assert_eq!(held.claim_tally, let_go.claim_tally);
    }
    assert!(articles >= 5, "{articles}");
}

/// An edit in a paragraph whose speaker the pronouns of the next paragraphs name: the
/// reanalysis takes those paragraphs into its window instead of analysing the whole
/// article again (typing in a 5 MB article took 0.3 s whenever that happened), and gives
/// what a whole analysis gives.
#[test]
fn an_edit_before_paragraphs_that_carry_its_speaker_is_analysed_in_a_wider_window() {
    let mut corpus = Corpus::new(None);
    corpus.set_files(vec![(
        "actors.toml".to_string(),
        Arc::from("[[actor]]\nid = \"lukashenka\"\nname = \"Aliaksandr Lukashenka\"\nkind = \"person\"\naliases = [\"Lukashenka\"]\n"),
    )]);
    let filler = "The ministry said troops moved last Wednesday. It was cold.\n\n".repeat(40);
    let before = format!(
        "Source: X\nDate: 2022-10-15\n\nLukashenka said the army was ready.\n\nHe added that the talks would go on.\n\nHe said nothing had changed.\n\n{filler}"
    );
    let after = before.replacen("the army", "the armed forces", 1);
    let previous = analyse_whole(&corpus, &before);
    // The paragraphs after the edit lean on its speaker.
    let carried = previous
        .claims
        .iter()
        .filter(|claim| claim.paragraph > 0)
        .filter(|claim| {
            matches!(claim.attribution.speaker, crate::claims::Speaker::Actor { named, .. }
                if named.start < before.find("He added").unwrap())
        })
        .count();
    assert!(
        carried >= 1,
        "no claim of a later paragraph names Lukashenka"
    );
    let widened = analyse_in_window(&corpus, previous, &after);
    assert_eq!(widened, analyse_whole(&corpus, &after));
}

/// `text` analysed whole as the article `a.article` of `corpus`.
fn analyse_whole(corpus: &Corpus, text: &str) -> super::ArticleFile {
    super::analysis::analyze_article(
        "a.article",
        Arc::from(text),
        &corpus.config,
        &corpus.matcher,
        corpus.today,
    )
}

/// `previous` analysed again once its text is `after`, in a window of its paragraphs
/// (fails the test if it would be analysed whole).
fn analyse_in_window(
    corpus: &Corpus,
    previous: super::ArticleFile,
    after: &str,
) -> super::ArticleFile {
    super::analysis::reanalyze_window(
        previous,
        &Arc::from(after),
        &corpus.config,
        &corpus.matcher,
        corpus.today,
    )
    .expect("analysed in a window, not whole")
}

/// A whole analysis keeps each different message of its claims' diagnostics once, however
/// many claims repeat it (an open 5 MB article held 36,000 copies of 5,900 messages), in a
/// whole analysis as in one made again in a window after an edit.
#[test]
fn claims_diagnostics_hold_each_different_message_once() {
    let corpus = Corpus::new(None);
    let paragraph = "The ministry said troops moved. The ministry said troops moved.\n\n";
    let before = format!("Source: X\nDate: 2022-10-15\n\n{}", paragraph.repeat(40));
    let after = before.replacen("troops moved.", "troops moved on.", 1);
    let copies = |file: &super::ArticleFile| {
        let undated: Vec<&Arc<str>> = file
            .diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.code == DiagnosticCode::UndatedClaim)
            .map(|diagnostic| &diagnostic.message)
            .collect();
        let mut distinct: Vec<&Arc<str>> = Vec::new();
        for message in &undated {
            if !distinct.iter().any(|held| Arc::ptr_eq(held, message)) {
                distinct.push(message);
            }
        }
        (undated.len(), distinct.len())
    };
    let whole = analyse_whole(&corpus, &before);
    assert_eq!(copies(&whole), (80, 1));
    let edited = analyse_in_window(&corpus, whole, &after);
    assert_eq!(edited, analyse_whole(&corpus, &after));
    // The window's claims share their message among themselves, and the rest keep theirs.
    assert_eq!(copies(&edited), (80, 2));
}

/// Articles removed together while a batch of the actors' index is under way (entries
/// appended after each list's sorted start): the lists' sorted starts shrink with them, so
/// that an article taken in again in the same batch is found where it is, and the index
/// ends as one that never had the removed articles.
#[test]
fn articles_removed_together_during_an_index_batch_leave_it_as_if_never_there() {
    use super::actor_index::{ActorCounts, ActorIndex};
    let mut corpus = Corpus::new(None);
    corpus.set_file(
        "actors.toml",
        Arc::from("[[actor]]\nid = \"makei\"\nname = \"Vladimir Makei\"\nkind = \"person\"\naliases = [\"Makei\"]\n\n[[actor]]\nid = \"hrodna\"\nname = \"Hrodna\"\nkind = \"place\"\n"),
    );
    let analyse = |path: &str, body: &str| {
        let text = format!("Source: X\nDate: 2022-10-15\n\n{body}\n");
        Arc::new(super::analysis::analyze_article(
            path,
            Arc::from(text.as_str()),
            &corpus.config,
            &corpus.matcher,
            corpus.today,
        ))
    };
    let actors_of =
        |file: &super::ArticleFile| -> Vec<usize> { ActorCounts::of(file).actors().collect() };
    let listed = |index: &ActorIndex, actor: usize| -> Vec<(String, usize)> {
        index
            .articles_of(actor)
            .map(|(file, count, _)| (file.path.clone(), count))
            .collect()
    };
    let (d, a) = (
        analyse("d.article", "Makei spoke in Hrodna."),
        analyse("a.article", "Makei spoke."),
    );
    let c = analyse("c.article", "Hrodna was quiet.");
    let (e, b) = (
        analyse("e.article", "Makei left."),
        analyse("b.article", "Makei and Makei again, in Hrodna."),
    );
    // Two taken in before the batch (sorted: a, d), three during it (appended, out of
    // order: e before b), then both sorted ones removed together, and e taken in again
    // changed, before the batch ends.
    let mut index = ActorIndex::default();
    index.put(&d, None, &[], None);
    index.put(&a, None, &[], None);
    index.begin_batch();
    for file in [&c, &e, &b] {
        index.put(file, None, &[], None);
    }
    let removed = [
        (d.path.as_str(), actors_of(&d)),
        (a.path.as_str(), actors_of(&a)),
    ];
    index.remove_many(
        removed
            .iter()
            .map(|(path, actors)| (*path, actors.as_slice())),
    );
    let e_again = analyse("e.article", "Makei left. Makei came back.");
    index.put(&e_again, None, &actors_of(&e), None);
    index.end_batch();
    assert!(index.is_consistent());
    let mut never = ActorIndex::default();
    for file in [&c, &e_again, &b] {
        never.put(file, None, &[], None);
    }
    for actor in 0..2 {
        assert_eq!(
            listed(&index, actor),
            listed(&never, actor),
            "actor {actor}"
        );
    }
    assert_eq!(
        listed(&index, 0),
        vec![("b.article".to_string(), 2), ("e.article".to_string(), 2)]
    );
}

/// A registry's actors are held once: the corpus's list of actors in use shares them with
/// the file's parse, which is itself the registry in use; only while a version has a
/// syntax error is the last good one kept apart (a 5,000-actor registry was held three
/// times, 9 MiB).
#[test]
fn a_registrys_actors_are_held_once_and_shared_with_the_actors_in_use() {
    let mut corpus = Corpus::new(None);
    let good =
        "[[actor]]\nid = \"lukashenka\"\nname = \"Alexander Lukashenka\"\nkind = \"person\"\n";
    corpus.set_file("actors.toml", Arc::from(good));
    let file = corpus.registry("actors.toml").unwrap().clone();
    assert!(std::ptr::eq(file.in_use(), &file.registry));
    assert!(!file.is_stale());
    assert!(Arc::ptr_eq(
        &corpus.actors()[0].actor,
        &file.registry.actors[0]
    ));

    corpus.set_file("actors.toml", Arc::from(format!("{good}[[actor")));
    let broken = corpus.registry("actors.toml").unwrap().clone();
    assert!(broken.is_stale() && broken.registry.actors.is_empty());
    assert_eq!(broken.in_use().actors[0].id.value, "lukashenka");
    assert!(Arc::ptr_eq(
        &corpus.actors()[0].actor,
        &broken.in_use().actors[0]
    ));
}
