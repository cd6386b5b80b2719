//! Snapshot tests of the article parser: each fixture renders as its structure with the
//! text under every range.

use super::*;
use crate::text::TextRange;
use expect_test::{expect, Expect};

fn render(text: &str) -> String {
    render_as(text, Syntax::Article)
}

fn render_as(text: &str, syntax: Syntax) -> String {
    let article = parse_as(text, syntax);
    let mut out = String::new();
    let h = &article.header;
    if h.range.is_empty() && h.fields.is_empty() {
        out.push_str("no header\n");
    } else {
        let fields: Vec<String> = h
            .fields
            .iter()
            .map(|f| {
                let written = f.value_range.slice(text);
                // A value read from quotes or a list differs from its text: both show.
                let read = if *f.value == *written {
                    String::new()
                } else {
                    format!(" read {:?}", f.value)
                };
                format!("{}={written:?}{read}", f.key_range.slice(text))
            })
            .collect();
        out.push_str(&format!(
            "header fenced={}: {}\n",
            h.fenced,
            fields.join(" ")
        ));
    }
    for (i, p) in article.paragraphs.iter().enumerate() {
        let kind = if p.heading { "heading" } else { "para" };
        let sentences: Vec<String> = p
            .sentences
            .iter()
            .map(|s| format!("[s] {:?}", s.range.slice(text)))
            .collect();
        out.push_str(&format!("{kind} {i}: {}\n", sentences.join(" ")));
    }
    for c in &article.citations {
        let ids: Vec<String> = c
            .ids
            .iter()
            .map(|id| {
                format!(
                    "@{} at {}..{}",
                    id.range.slice(text),
                    id.range.start,
                    id.range.end
                )
            })
            .collect();
        out.push_str(&format!(
            "citation {:?}: {}\n",
            c.range.slice(text),
            ids.join(", ")
        ));
    }
    for a in &article.annotations {
        out.push_str(&format!(
            "annotation {:?}: {:?}\n",
            a.range.slice(text),
            a.kind
        ));
    }
    for d in &article.diagnostics {
        out.push_str(&format!(
            "{} {} at {:?}: {}\n",
            d.severity.as_str(),
            d.code,
            d.range.slice(text),
            d.message
        ));
    }
    out
}

fn check(fixture: &str, expect: Expect) {
    expect.assert_eq(&render(fixture));
}

/// A Markdown note: its header is YAML front matter.
fn check_note(fixture: &str, expect: Expect) {
    expect.assert_eq(&render_as(fixture, Syntax::Markdown));
}

#[test]
fn front_matter_with_quoted_values() {
    check_note(
        "---\nsource: \"Euromaidan Press\"\ndate: '2022-10-15'\ntitle: \"Lukashenka \\\"orders\\\" it\" # the headline\nauthor: 'O''Brien'\nurl: https://example.org/a#top\n---\n\n# Covert mobilization\nOn 8 October, the ministry said so.\n",
        expect![[r##"
            header fenced=true: source="Euromaidan Press" date="2022-10-15" title="Lukashenka \\\"orders\\\" it" read "Lukashenka \"orders\" it" author="O''Brien" read "O'Brien" url="https://example.org/a#top"
            heading 0: [s] "# Covert mobilization"
            para 1: [s] "On 8 October, the ministry said so."
        "##]],
    );
}

#[test]
fn front_matter_lists_both_ways() {
    check_note(
        "---\ntags: [belarus, \"mobilization, covert\", 'army']\nlint:\n  - undated-ok\nSource: X\ndate: 2022\ntags:\n- second\n- \"list\"\n---\nBody.\n",
        expect![[r#"
            header fenced=true: tags="belarus, \"mobilization, covert\", 'army'" read "belarus, mobilization, covert, army" lint="undated-ok" Source="X" date="2022" tags="second\n- \"list" read "second, list"
            para 0: [s] "Body."
            warning duplicate-header-key at "tags": `tags` is given twice; the first value (`belarus, mobilization, covert, army`) is used
        "#]],
    );
    let article = parse_as(
        "---\nsource: X\ndate: 2022\ntags:\n- a\n-  \"b\"  # comment\n\n- c\nlint: [undated-ok]\n---\nBody.\n",
        Syntax::Markdown,
    );
    assert_eq!(article.header.tags(), ["a", "b", "c"]);
    assert!(article.undated_ok());
    assert!(article.diagnostics.is_empty(), "{:?}", article.diagnostics);
}

#[test]
fn front_matter_timestamp_date() {
    check_note(
        "---\nsource: X\ndate: 2022-10-15T08:00:00Z\n---\nBody.\n",
        expect![[r#"
            header fenced=true: source="X" date="2022-10-15"
            para 0: [s] "Body."
        "#]],
    );
    let article = parse_as(
        "---\nsource: X\ndate: \"2022-10-15 08:00\"\n---\n",
        Syntax::Markdown,
    );
    assert_eq!(article.header.value("date"), Some("2022-10-15"));
}

#[test]
fn front_matter_nested_and_unread_yaml() {
    check_note(
        "---\nsource: X\ndate: 2022-10-15\nseo:\n  description: kept, not read\n  image: a.png\nsummary: |\n  two lines\n  of text\ntitle:\n  main: Nested\nauthor: &who Someone\n  not a key\nlanguage: \"unclosed\n---\nBody.\n",
        expect![[r#"
            header fenced=true: source="X" date="2022-10-15" seo="" summary="|" title="" author="" language=""
            para 0: [s] "Body."
            warning malformed-header-line at "title:\n  main: Nested": the value of `title` is a nested map, which dateline does not read; write `title: value` on one line
            warning malformed-header-line at "author: &who Someone\n  not a key": the value of `author` is continued on the next lines, which dateline does not read; write `author: value` on one line
            warning malformed-header-line at "language: \"unclosed": the value of `language` is a quoted string not closed on its line, which dateline does not read; write `language: value` on one line
        "#]],
    );
}

#[test]
fn front_matter_without_closing_fence() {
    check_note(
        "---\nsource: X\ndate: 2022-10-15\ntitle: \"A note\"\n\n# Heading\n\nThe body starts here.\n",
        expect![[r##"
            header fenced=true: source="X" date="2022-10-15" title="A note"
            heading 0: [s] "# Heading"
            para 1: [s] "The body starts here."
            warning unterminated-header-fence at "---": the front matter opened by `---` is never closed by another `---` line; it ends at the first line that is not `key: value`
        "##]],
    );
}

#[test]
fn a_note_without_front_matter_has_no_header() {
    check_note(
        "Source: X\nDate: 2022\n\nText.\n",
        expect![[r#"
            no header
            heading 0: [s] "Source: X"
            para 1: [s] "Date: 2022"
            para 2: [s] "Text."
            error missing-source at "Source: X": the note has no front matter, so no `source:`; start the file with a `---` line, `source: ...` and `date: ...` lines and a closing `---` line
            error missing-date at "Source: X": the note has no front matter, so no `date:`; start the file with a `---` line, `source: ...` and `date: ...` lines and a closing `---` line
        "#]],
    );
    check_note(
        "\n---\nsource: X\n---\n",
        expect![[r#"
        no header
        para 0: [s] "source: X"
        error missing-source at "---": the note has no front matter, so no `source:`; start the file with a `---` line, `source: ...` and `date: ...` lines and a closing `---` line
        error missing-date at "---": the note has no front matter, so no `date:`; start the file with a `---` line, `source: ...` and `date: ...` lines and a closing `---` line
    "#]],
    );
}

#[test]
fn bare_header() {
    check(
        "Source: Euromaidan Press\nDate: 2022-10-15\n\nOn 8 October, the ministry said so. It was late.\n",
        expect![[r#"
            header fenced=false: Source="Euromaidan Press" Date="2022-10-15"
            para 0: [s] "On 8 October, the ministry said so." [s] "It was late."
        "#]],
    );
}

#[test]
fn fenced_header_with_unknown_and_malformed_lines() {
    check(
        "---\nsource: Our House\nDATE: 2022-07\nPriority: high\nthis is not a field\n---\nBody text here.\n",
        expect![[r#"
            header fenced=true: source="Our House" DATE="2022-07" Priority="high"
            para 0: [s] "Body text here."
            warning malformed-header-line at "this is not a field": this line of the header block is not `Key: value`; it is ignored
        "#]],
    );
}

#[test]
fn unterminated_fence_recovers() {
    check(
        "---\nSource: X\nDate: 2022\nThe body starts here. It goes on.\n",
        expect![[r#"
            header fenced=true: Source="X" Date="2022"
            para 0: [s] "The body starts here." [s] "It goes on."
            warning unterminated-header-fence at "---": the header block opened by `---` is never closed by another `---` line; the header ends at the first line that is not `Key: value`
        "#]],
    );
}

#[test]
fn lone_fence_line() {
    check(
        "---",
        expect![[r#"
        header fenced=true: 
        warning unterminated-header-fence at "---": the header block opened by `---` is never closed by another `---` line; the header ends at the first line that is not `Key: value`
        error missing-source at "---": the header has no `Source:` field
        error missing-date at "---": the header has no `Date:` field
    "#]],
    );
}

#[test]
fn no_header() {
    check(
        "\nMen in western Belarus have been receiving summonses. Experts say little.\n",
        expect![[r#"
            no header
            para 0: [s] "Men in western Belarus have been receiving summonses." [s] "Experts say little."
            error missing-source at "Men in western Belarus have been receiving summonses. Experts say little.": the file has no header block, so no `Source:`; start the file with `Source: ...` and `Date: ...` lines
            error missing-date at "Men in western Belarus have been receiving summonses. Experts say little.": the file has no header block, so no `Date:`; start the file with `Source: ...` and `Date: ...` lines
        "#]],
    );
}

#[test]
fn url_first_line_is_not_a_header() {
    check(
        "https://example.org/a said so.\n",
        expect![[r#"
        no header
        para 0: [s] "https://example.org/a said so."
        error missing-source at "https://example.org/a said so.": the file has no header block, so no `Source:`; start the file with `Source: ...` and `Date: ...` lines
        error missing-date at "https://example.org/a said so.": the file has no header block, so no `Date:`; start the file with `Source: ...` and `Date: ...` lines
    "#]],
    );
}

#[test]
fn header_only_and_empty_file() {
    check(
        "Source: X\nDate: 2022-10-15",
        expect![[r#"
        header fenced=false: Source="X" Date="2022-10-15"
    "#]],
    );
    check(
        "",
        expect![[r#"
        no header
        error missing-source at "": the file has no header block, so no `Source:`; start the file with `Source: ...` and `Date: ...` lines
        error missing-date at "": the file has no header block, so no `Date:`; start the file with `Source: ...` and `Date: ...` lines
    "#]],
    );
}

#[test]
fn crlf_lone_cr_and_bom() {
    check(
        "\u{feff}Source: X\r\nDate: 2022-10-15\r\n\r\nFirst one. Second one.\r\n\r\nThird.\r\n",
        expect![[r#"
            header fenced=false: Source="X" Date="2022-10-15"
            para 0: [s] "First one." [s] "Second one."
            para 1: [s] "Third."
        "#]],
    );
    check(
        "Source: X\rDate: 2022-10\r\rA paragraph.\rStill it.\r\rAnother.",
        expect![[r#"
            header fenced=false: Source="X" Date="2022-10"
            para 0: [s] "A paragraph." [s] "Still it."
            para 1: [s] "Another."
        "#]],
    );
}

#[test]
fn duplicate_keys_and_empty_values() {
    check(
        "Source: A\nDate: 2022-10-15\nsource: B\nTitle:\n\nBody.",
        expect![[r#"
            header fenced=false: Source="A" Date="2022-10-15" source="B" Title=""
            para 0: [s] "Body."
            warning duplicate-header-key at "source": `source` is given twice; the first value (`A`) is used
        "#]],
    );
    check(
        "Source:\nDate: 2022\n\nBody.",
        expect![[r#"
        header fenced=false: Source="" Date="2022"
        para 0: [s] "Body."
        error missing-source at "Source": the `Source:` field is empty
    "#]],
    );
}

#[test]
fn invalid_dates() {
    check(
        "Source: X\nDate: 2022-13-01\n\nBody.",
        expect![[r#"
        header fenced=false: Source="X" Date="2022-13-01"
        para 0: [s] "Body."
        error invalid-date at "2022-13-01": `2022-13-01` is not a valid date: month 13 does not exist
    "#]],
    );
    check(
        "Source: X\nDate: 2022-02-30\n\nBody.",
        expect![[r#"
        header fenced=false: Source="X" Date="2022-02-30"
        para 0: [s] "Body."
        error invalid-date at "2022-02-30": `2022-02-30` is not a valid date: day 30 does not exist in 2022-02
    "#]],
    );
    check(
        "Source: X\nDate: 15/10/2022\n\nBody.",
        expect![[r#"
        header fenced=false: Source="X" Date="15/10/2022"
        para 0: [s] "Body."
        error invalid-date at "15/10/2022": `15/10/2022` is not a valid date: expected an ISO 8601 date: YYYY-MM-DD, YYYY-MM or YYYY
    "#]],
    );
}

#[test]
fn kind_and_lint() {
    let article = parse("Source: X\nDate: 2022\nKind: Summary\nlint: Foo, UNDATED-OK\n\nBody.");
    assert_eq!(article.header.kind(), ArticleKind::Summary);
    assert!(article.undated_ok());
    assert!(article.header.lint_allows("foo"));
    let article = parse("Source: X\nDate: 2022\nLint: other\n\nBody.");
    assert!(!article.undated_ok());
    check(
        "Source: X\nDate: 2022\nKind: blog\n\nBody.",
        expect![[r#"
        header fenced=false: Source="X" Date="2022" Kind="blog"
        para 0: [s] "Body."
        warning invalid-kind at "blog": `Kind` is `article` or `summary`, not `blog`; the file is read as an article
    "#]],
    );
}

#[test]
fn header_accessors() {
    let article = parse(
        "Source: Euromaidan Press\nDate: 2022-10-15\nTitle: Lukashenka orders\nURL: https://example.org/a\nId: emp-1015\nTags: belarus, mobilization,\n\nBody.",
    );
    let h = &article.header;
    assert_eq!(h.source(), Some("Euromaidan Press"));
    assert_eq!(h.title(), Some("Lukashenka orders"));
    assert_eq!(h.url(), Some("https://example.org/a"));
    assert_eq!(h.id(), Some("emp-1015"));
    assert_eq!(article.id_or("file"), "emp-1015");
    assert_eq!(h.kind(), ArticleKind::Article);
    assert_eq!(h.tags(), vec!["belarus", "mobilization"]);
    assert_eq!(h.date(), CalendarDate::day(2022, 10, 15));
    assert_eq!(parse("Source: X\n\nBody.").id_or("file"), "file");
}

#[test]
fn headings_split_paragraphs() {
    // Seed 000: headings between paragraphs separated by single line breaks.
    check(
        "Source: Euromaidan Press\nDate: 2026-02-20\n\nExperts say the call-ups pose little direct threat to Ukraine or NATO neighbors and mainly test mobilization readiness. Still, Belarus remains closely tied to Russia and hostile toward the West, keeping regional observers alert to potential escalation.\nLukashenka ordered a snap inspection in January\nThe call-ups reportedly began after Belarusian president Aliaksandr Lukashenka on 16 January announced a snap inspection of the country’s armed forces.\nMinsk blames \"aggressive\" Western rhetoric\nOn 19 February, Belarus’ Defense Ministry published comments from Major General Valery Revenko.\n",
        expect![[r#"
            header fenced=false: Source="Euromaidan Press" Date="2026-02-20"
            para 0: [s] "Experts say the call-ups pose little direct threat to Ukraine or NATO neighbors and mainly test mobilization readiness." [s] "Still, Belarus remains closely tied to Russia and hostile toward the West, keeping regional observers alert to potential escalation."
            heading 1: [s] "Lukashenka ordered a snap inspection in January"
            para 2: [s] "The call-ups reportedly began after Belarusian president Aliaksandr Lukashenka on 16 January announced a snap inspection of the country’s armed forces."
            heading 3: [s] "Minsk blames \"aggressive\" Western rhetoric"
            para 4: [s] "On 19 February, Belarus’ Defense Ministry published comments from Major General Valery Revenko."
        "#]],
    );
}

#[test]
fn hard_wrapped_lines_are_not_headings() {
    check(
        "Source: X\nDate: 2022\n\nThe ministry said on Thursday that the\nArmy would not be mobilized, and that\nPresident Lukashenka had\nsigned nothing. He left.\nThen he came back.\n",
        expect![[r#"
            header fenced=false: Source="X" Date="2022"
            para 0: [s] "The ministry said on Thursday that the\nArmy would not be mobilized, and that\nPresident Lukashenka had\nsigned nothing." [s] "He left." [s] "Then he came back."
        "#]],
    );
}

#[test]
fn separator_lines_split_lists() {
    // Seed 000 ends with a "Read also" list whose entries are separated by `-` lines.
    check(
        "Source: X\nDate: 2026\n\nThey are monitoring developments.\nRead also\n-\nPoland prepares €2 billion anti-drone barrier to deter future Russian UAV incursions\n-\nRussia’s nuclear-capable Oreshnik missile now on combat duty in Belarus, Lukashenka says",
        expect![[r#"
            header fenced=false: Source="X" Date="2026"
            para 0: [s] "They are monitoring developments."
            heading 1: [s] "Read also"
            para 2: [s] "Poland prepares €2 billion anti-drone barrier to deter future Russian UAV incursions"
            para 3: [s] "Russia’s nuclear-capable Oreshnik missile now on combat duty in Belarus, Lukashenka says"
        "#]],
    );
}

#[test]
fn abbreviations_initials_numbers() {
    check(
        "Source: X\nDate: 2022\n\nGen. Valery Revenko spoke. The U.S. Army arrived on Oct. 8 at 10 a.m. and left. Mr. Smith signed Decree No. 34 on retirement. Some states, e.g. Poland, objected. Martin Luther King Jr. spoke. J. R. R. Tolkien wrote it. Aliaksandr G. Lukashenka said so. Growth was 3.5 percent. They mobilized 1,000. Then more came. It ended at 5 p.m. The next day was calm. He paused... Then he spoke. The troops left the U.S. They went home.",
        expect![[r#"
            header fenced=false: Source="X" Date="2022"
            para 0: [s] "Gen. Valery Revenko spoke." [s] "The U.S. Army arrived on Oct. 8 at 10 a.m. and left." [s] "Mr. Smith signed Decree No. 34 on retirement." [s] "Some states, e.g. Poland, objected." [s] "Martin Luther King Jr. spoke." [s] "J. R. R. Tolkien wrote it." [s] "Aliaksandr G. Lukashenka said so." [s] "Growth was 3.5 percent." [s] "They mobilized 1,000." [s] "Then more came." [s] "It ended at 5 p.m." [s] "The next day was calm." [s] "He paused..." [s] "Then he spoke." [s] "The troops left the U.S." [s] "They went home."
        "#]],
    );
}

#[test]
fn quotes_and_brackets() {
    check(
        "Source: X\nDate: 2022\n\n“This does not correspond to reality.” The next day came. “Why?” he asked. Is it true? Yes! Fine. He said. (Reuters) The next one. It was so. ok (He left early.) Then he came back. He said “no.” Then left.",
        expect![[r#"
            header fenced=false: Source="X" Date="2022"
            para 0: [s] "“This does not correspond to reality.”" [s] "The next day came." [s] "“Why?” he asked." [s] "Is it true?" [s] "Yes!" [s] "Fine." [s] "He said. (Reuters)" [s] "The next one." [s] "It was so. ok (He left early.)" [s] "Then he came back." [s] "He said “no.”" [s] "Then left."
        "#]],
    );
}

#[test]
fn line_breaks_inside_a_paragraph() {
    check(
        "Source: X\nDate: 2022\n\nBelarusian soldiers patrol the border, November 8, 2021. (photo credit: MON/HANDOUT VIA REUTERS)\nBelarusian soldiers patrol the border, November 8, 2021.\n(photo credit: MON/HANDOUT VIA REUTERS)\n“It is planned,” the ministry said.\nhard wrapped\ntext continues here.",
        expect![[r#"
            header fenced=false: Source="X" Date="2022"
            para 0: [s] "Belarusian soldiers patrol the border, November 8, 2021. (photo credit: MON/HANDOUT VIA REUTERS)" [s] "Belarusian soldiers patrol the border, November 8, 2021." [s] "(photo credit: MON/HANDOUT VIA REUTERS)" [s] "“It is planned,” the ministry said." [s] "hard wrapped\ntext continues here."
        "#]],
    );
}

#[test]
fn citations_and_annotations() {
    check(
        "Source: X\nDate: 2022-10-15\n\nThe ministry said so. {date: 2022-10-08} The next one [@emp-1015; @our.house/44461] came. He agreed. [@x] Then { undated-ok } nothing. {Date : 2022-10} Fine.\n\nBad {date: 2022-13-01} and {date: 15/10/2022} and {date: } and {note: x} and [@] and [@a, @b] and {date: 2022-10-09.\n",
        expect![[r#"
            header fenced=false: Source="X" Date="2022-10-15"
            para 0: [s] "The ministry said so. {date: 2022-10-08}" [s] "The next one [@emp-1015; @our.house/44461] came." [s] "He agreed. [@x]" [s] "Then { undated-ok } nothing. {Date : 2022-10}" [s] "Fine."
            para 1: [s] "Bad {date: 2022-13-01} and {date: 15/10/2022} and {date: } and {note: x} and [@] and [@a, @b] and {date: 2022-10-09."
            citation "[@emp-1015; @our.house/44461]": @emp-1015 at 84..92, @our.house/44461 at 95..110
            citation "[@x]": @x at 131..132
            annotation "{date: 2022-10-08}": Date(Some(CalendarDate { year: 2022, month: Some(10), day: Some(8) }))
            annotation "{ undated-ok }": UndatedOk
            annotation "{Date : 2022-10}": Date(Some(CalendarDate { year: 2022, month: Some(10), day: None }))
            annotation "{date: 2022-13-01}": Date(None)
            annotation "{date: 15/10/2022}": Date(None)
            annotation "{date: }": Date(None)
            error invalid-date at "2022-13-01": `2022-13-01` is not a valid date: month 13 does not exist
            error invalid-date at "15/10/2022": `15/10/2022` is not a valid date: expected an ISO 8601 date: YYYY-MM-DD, YYYY-MM or YYYY
            error invalid-date at "{date: }": the `{date: ...}` annotation has no date
        "#]],
    );
}

#[test]
fn citation_and_annotation_ranges() {
    let text = "Source: X\nDate: 2022\n\nIt was said. [@a-b] {date: 2022-10-08}";
    let article = parse(text);
    let citation = &article.citations[0];
    assert_eq!(citation.ids[0].range.slice(text), "a-b");
    assert_eq!(&*citation.ids[0].id, "a-b");
    let sentence = article.sentences().next().map(|(_, s)| *s);
    let sentence = sentence.expect("one sentence");
    assert_eq!(
        article.date_in(sentence.range),
        CalendarDate::day(2022, 10, 8)
    );
    assert_eq!(article.citations_in(sentence.range).count(), 1);
    assert!(!article.undated_ok_in(sentence.range));
    // An index holds every citation of every article: no room kept for ids not there
    // (the ids are a boxed slice), and a citation of one id takes 64 bytes besides the
    // id's text.
    assert_eq!(citation.ids.len(), 1);
    assert_eq!(
        std::mem::size_of::<Citation>() + std::mem::size_of::<CitedId>(),
        64
    );
}

#[test]
fn lookups_by_offset() {
    let text = "Source: X\nDate: 2022\n\nOne two. Three four.\n\nFive.";
    let article = parse(text);
    let at = text.find("Three").unwrap_or(0);
    let sentence = article.sentence_at(at + 2).copied();
    assert_eq!(sentence.map(|s| s.range.slice(text)), Some("Three four."));
    let paragraph = sentence.and_then(|s| article.paragraph_index_of(&s));
    assert_eq!(paragraph, Some(0));
    let five = article.sentence_at(text.len()).copied();
    assert_eq!(five.map(|s| s.range.slice(text)), Some("Five."));
    assert_eq!(
        five.and_then(|s| article.paragraph_of(&s))
            .map(|p| p.range.slice(text)),
        Some("Five.")
    );
    assert_eq!(article.sentence_at(3), None);
}

/// Splits one paragraph of body text and returns its sentences.
fn pieces(body: &str) -> Vec<String> {
    let text = format!("Source: X\nDate: 2022-10-15\n\n{body}");
    let article = parse(&text);
    article
        .sentences()
        .map(|(_, s)| s.range.slice(&text).to_string())
        .collect()
}

#[test]
fn sentence_table() {
    // (text, expected sentences separated by ` | `)
    let table: &[(&str, &str)] = &[
        ("Gen. Valery Revenko said so.", "Gen. Valery Revenko said so."),
        ("Lt. Col. Smith went to St. Petersburg. He stayed.", "Lt. Col. Smith went to St. Petersburg. | He stayed."),
        ("The U.S. Army arrived. Then it left.", "The U.S. Army arrived. | Then it left."),
        ("Troops left the U.S. They went home.", "Troops left the U.S. | They went home."),
        ("On Oct. 8 the note came. It was rejected.", "On Oct. 8 the note came. | It was rejected."),
        ("It happened on Jan. 5, 2022. Then more.", "It happened on Jan. 5, 2022. | Then more."),
        ("Mr. Smith spoke. Mrs. Jones did too.", "Mr. Smith spoke. | Mrs. Jones did too."),
        ("He signed Decree No. 34 on retirement. It was new.", "He signed Decree No. 34 on retirement. | It was new."),
        ("At 10 a.m. the meeting began. It ended at noon.", "At 10 a.m. the meeting began. | It ended at noon."),
        ("It ended at 5 p.m. The next day was calm.", "It ended at 5 p.m. | The next day was calm."),
        ("Some states, e.g. Poland, objected. Others, i.e. the rest, did not.", "Some states, e.g. Poland, objected. | Others, i.e. the rest, did not."),
        ("Martin Luther King Jr. spoke. He was loud.", "Martin Luther King Jr. spoke. | He was loud."),
        ("J. R. R. Tolkien wrote it. He died.", "J. R. R. Tolkien wrote it. | He died."),
        ("He wrote on X. He said more.", "He wrote on X. | He said more."),
        ("George W. Bush and J. A. Smith spoke.", "George W. Bush and J. A. Smith spoke."),
        ("Aliaksandr G. Lukashenka said so. Nobody agreed.", "Aliaksandr G. Lukashenka said so. | Nobody agreed."),
        ("Growth was 3.5 percent. It fell.", "Growth was 3.5 percent. | It fell."),
        ("They mobilized 1,000. Then more came.", "They mobilized 1,000. | Then more came."),
        ("Up to 150 officers are to be conscripted in 2022. By comparison, up to 100 were called up in 2021.", "Up to 150 officers are to be conscripted in 2022. | By comparison, up to 100 were called up in 2021."),
        ("He paused... Then he spoke.", "He paused... | Then he spoke."),
        ("He paused… then he spoke.", "He paused… then he spoke."),
        ("“This does not correspond to reality.” The next day came.", "“This does not correspond to reality.” | The next day came."),
        ("“Why?” he asked. Nobody knew.", "“Why?” he asked. | Nobody knew."),
        ("Is it true? Yes it is! Fine.", "Is it true? | Yes it is! | Fine."),
        ("“Stop!”, he shouted.", "“Stop!”, he shouted."),
        ("He said. (Reuters)", "He said. (Reuters)"),
        ("He said. (Reuters) The next one.", "He said. (Reuters) | The next one."),
        ("(He left early.) Then he came back.", "(He left early.) | Then he came back."),
        ("He said “no.” Then left.", "He said “no.” | Then left."),
        ("\"There is no need for mobilization measures in the country.\" He left.", "\"There is no need for mobilization measures in the country.\" | He left."),
        ("He said so. {date: 2022-10-08} Next sentence.", "He said so. {date: 2022-10-08} | Next sentence."),
        ("He said so. [@x] Next sentence.", "He said so. [@x] | Next sentence."),
        ("He said so [@a; @b]. Next.", "He said so [@a; @b]. | Next."),
        ("The vote was 5-4. The end.", "The vote was 5-4. | The end."),
        ("Approx. 300 people came. Wow.", "Approx. 300 people came. | Wow."),
        ("It was 2 vs. 1. Done.", "It was 2 vs. 1. | Done."),
        ("See p. 5 of the report. Also ch. 3 of it.", "See p. 5 of the report. | Also ch. 3 of it."),
        ("Gov. Smith and Sen. Jones met. They agreed.", "Gov. Smith and Sen. Jones met. | They agreed."),
        ("The U.S.-led coalition met. It agreed.", "The U.S.-led coalition met. | It agreed."),
        ("ООН заявила об этом. Россия промолчала.", "ООН заявила об этом. | Россия промолчала."),
        ("He left.\nthen he came back.", "He left. | then he came back."),
        ("The ministry said that\nthe army would stay.", "The ministry said that\nthe army would stay."),
        ("Acme Inc. said so. Acme Inc. The Company.", "Acme Inc. said so. | Acme Inc. | The Company."),
        ("He wrote 1.5. 2. Next", "He wrote 1.5. | 2. | Next"),
        // The byte scan stops at `…`, `‼`, `⁇`, `⁈` and `⁉` (all led by the byte 0xE2) and
        // passes over other characters led by it: dashes, curly quotes, `€`, `•`.
        ("Really‼ Yes⁉ No⁇ Maybe⁈ Fine… Next.", "Really‼ | Yes⁉ | No⁇ | Maybe⁈ | Fine… | Next."),
        ("It cost €5 – “a lot” — he said • twice. Then it ended.", "It cost €5 – “a lot” — he said • twice. | Then it ended."),
        ("Мінск заявіў‼ Потым змоўк.", "Мінск заявіў‼ | Потым змоўк."),
        // Russian, Ukrainian, Belarusian and Polish abbreviations. A year's `г.`, `р.`,
        // `r.` ends a sentence before a word that typically starts one (`Он`, `W`), not
        // before a name (`в марте 2022 г. Лукашенко заявил` is the usual writing).
        ("Это случилось в 2022 г. Он сказал так.", "Это случилось в 2022 г. | Он сказал так."),
        ("В марте 2022 г. Лукашенко заявил об этом. Он добавил.", "В марте 2022 г. Лукашенко заявил об этом. | Он добавил."),
        ("Учения прошли в 2020–2021 гг. Они завершились.", "Учения прошли в 2020–2021 гг. | Они завершились."),
        ("А. Лукашенко выступил в г. Минске. Он сказал.", "А. Лукашенко выступил в г. Минске. | Он сказал."),
        ("Согласно ст. 342 УК это преступление. Его осудили.", "Согласно ст. 342 УК это преступление. | Его осудили."),
        ("Задержаны журналисты, правозащитники и т.д. Они в СИЗО.", "Задержаны журналисты, правозащитники и т.д. | Они в СИЗО."),
        ("Это т.е. Минск, и др. Он молчал.", "Это т.е. Минск, и др. | Он молчал."),
        ("Около 5 тыс. человек пришли. Их разогнали.", "Около 5 тыс. человек пришли. | Их разогнали."),
        ("Ущерб составил 5 млн. Он огромен.", "Ущерб составил 5 млн. | Он огромен."),
        ("На ул. Ленина прошёл митинг. Он был мирным.", "На ул. Ленина прошёл митинг. | Он был мирным."),
        ("Це сталося у 2022 р. Він пояснив чому.", "Це сталося у 2022 р. | Він пояснив чому."),
        ("Мітинг пройшов на вул. Хрещатик. Поліція мовчала.", "Мітинг пройшов на вул. Хрещатик. | Поліція мовчала."),
        ("Гэта адбылося ў 2020 г. Ён памятае.", "Гэта адбылося ў 2020 г. | Ён памятае."),
        ("Ćwiczenia objęły m.in. Polskę i Litwę. Trwały tydzień.", "Ćwiczenia objęły m.in. Polskę i Litwę. | Trwały tydzień."),
        ("Do ataku doszło przy ul. Marszałkowskiej. Nikt nie zginął.", "Do ataku doszło przy ul. Marszałkowskiej. | Nikt nie zginął."),
        ("Protestowało ok. 3 tys. osób. Policja interweniowała.", "Protestowało ok. 3 tys. osób. | Policja interweniowała."),
        ("Stało się to w 2022 r. W tym roku jest inaczej.", "Stało się to w 2022 r. | W tym roku jest inaczej."),
        ("Szkoła im. Jana Pawła II jest otwarta. Uczniowie wrócili.", "Szkoła im. Jana Pawła II jest otwarta. | Uczniowie wrócili."),
        ("Organizacje, np. Amnesty, protestują. Rząd milczy.", "Organizacje, np. Amnesty, protestują. | Rząd milczy."),
        ("To tzw. Straż Marszałkowska. Ona milczy.", "To tzw. Straż Marszałkowska. | Ona milczy."),
        ("Spotkanie o godz. 12 trwało. Potem wyszli.", "Spotkanie o godz. 12 trwało. | Potem wyszli."),
        ("Wzrost wyniósł 5 proc. Jak podaje GUS, to dużo.", "Wzrost wyniósł 5 proc. | Jak podaje GUS, to dużo."),
        // Dialogue dashes and quotations attributed after a dash.
        ("— Мы не отступим, — сказал командир. — Наши войска стоят.", "— Мы не отступим, — сказал командир. | — Наши войска стоят."),
        ("«Мы не отступим!» — сказал он. Все молчали.", "«Мы не отступим!» — сказал он. | Все молчали."),
        ("„Nie wycofamy się!” – powiedział. Sala milczała.", "„Nie wycofamy się!” – powiedział. | Sala milczała."),
        ("„Ми готові!“ Він пішов.", "„Ми готові!“ | Він пішов."),
        ("Він сказав: „Ми готові.“ Потім пішов.", "Він сказав: „Ми готові.“ | Потім пішов."),
    ];
    let mut failures = Vec::new();
    for (text, expected) in table {
        let got = pieces(text).join(" | ");
        if got != *expected {
            failures.push(format!(
                "{text:?}\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn seed_000() {
    check(
        r#"Source: Euromaidan Press
Date: 2026-02-20

Men in western Belarus have been receiving military summonses en masse for several days as part of what authorities describe as unscheduled training assemblies, according to an investigation by Ukrainian public broadcaster Suspilne published on 19 February.
Experts say the call-ups pose little direct threat to Ukraine or NATO neighbors and mainly test mobilization readiness. Still, Belarus remains closely tied to Russia and hostile toward the West, keeping regional observers alert to potential escalation.
Lukashenka ordered a snap inspection in January
The call-ups reportedly began after Belarusian president Aliaksandr Lukashenka on 16 January announced a snap inspection of the country’s armed forces. On 17 February, Belarus’ Defense Ministry said reservists were being gathered within the framework of this “comprehensive readiness check,” primarily in units of the Western Operational Command.
Local military officials stated that reserve officers, sergeants, and enlisted personnel were reporting to preliminary assembly points before being dispatched to units according to schedule.
"#,
        expect![[r#"
            header fenced=false: Source="Euromaidan Press" Date="2026-02-20"
            para 0: [s] "Men in western Belarus have been receiving military summonses en masse for several days as part of what authorities describe as unscheduled training assemblies, according to an investigation by Ukrainian public broadcaster Suspilne published on 19 February." [s] "Experts say the call-ups pose little direct threat to Ukraine or NATO neighbors and mainly test mobilization readiness." [s] "Still, Belarus remains closely tied to Russia and hostile toward the West, keeping regional observers alert to potential escalation."
            heading 1: [s] "Lukashenka ordered a snap inspection in January"
            para 2: [s] "The call-ups reportedly began after Belarusian president Aliaksandr Lukashenka on 16 January announced a snap inspection of the country’s armed forces." [s] "On 17 February, Belarus’ Defense Ministry said reservists were being gathered within the framework of this “comprehensive readiness check,” primarily in units of the Western Operational Command." [s] "Local military officials stated that reserve officers, sergeants, and enlisted personnel were reporting to preliminary assembly points before being dispatched to units according to schedule."
        "#]],
    );
}

#[test]
fn seed_001() {
    check(
        r#"Source: The Jerusalem Post
Date: 2022-09-29

Belarus denies it is mobilizing military following Russian mobilization

"Currently, mobilization activities are not carried out in the Armed Forces of the Republic of Belarus," said the Belarusian Defense Ministry.

Belarusian soldiers patrol the border as hundreds of migrants try to cross from the Belarus side of the border with Poland near Kuznica Bialostocka, Poland, in this video-grab released by the Polish Defence Ministry, November 8, 2021. (photo credit: MON/HANDOUT VIA REUTERS)
Belarusian soldiers patrol the border as hundreds of migrants try to cross from the Belarus side of the border with Poland near Kuznica Bialostocka, Poland, in this video-grab released by the Polish Defence Ministry, November 8, 2021.
(photo credit: MON/HANDOUT VIA REUTERS)

Belarusian defense officials denied that its military was mobilizing on Thursday following a partial mobilization by Russia, according to Russian media. 

"Currently, mobilization activities are not carried out in the Armed Forces of the Republic of Belarus. All military training is planned and approved in advance by special legal acts," the Belarusian Defense Ministry said in a statement, Interfax reported. "There is no need for mobilization measures in the country."

“Recently, including on the global Internet, the topic of mobilization in the Republic of Belarus has been actively spread," Belarusian military General Staff representative Oleg Poznyak said, according to Interfax. He explained that citizens were being summoned only as part of normal military procedures such as reserve duty and standard conscription.

Russia's mobilization for the Ukraine invasion

On Thursday, Ukrainian intelligence claimed that 20,000 Russian soldiers mobilized as part of a decree by Russian President Vladimir Putin amid the ongoing invasion of Ukraine would be stationed in Belarus. They would reportedly switch out soldiers currently stationed in the Russia-allied state.

Last Wednesday, Putin announced the mobilization of 300,000 reservists.

"#,
        expect![[r#"
            header fenced=false: Source="The Jerusalem Post" Date="2022-09-29"
            para 0: [s] "Belarus denies it is mobilizing military following Russian mobilization"
            para 1: [s] "\"Currently, mobilization activities are not carried out in the Armed Forces of the Republic of Belarus,\" said the Belarusian Defense Ministry."
            para 2: [s] "Belarusian soldiers patrol the border as hundreds of migrants try to cross from the Belarus side of the border with Poland near Kuznica Bialostocka, Poland, in this video-grab released by the Polish Defence Ministry, November 8, 2021. (photo credit: MON/HANDOUT VIA REUTERS)" [s] "Belarusian soldiers patrol the border as hundreds of migrants try to cross from the Belarus side of the border with Poland near Kuznica Bialostocka, Poland, in this video-grab released by the Polish Defence Ministry, November 8, 2021." [s] "(photo credit: MON/HANDOUT VIA REUTERS)"
            para 3: [s] "Belarusian defense officials denied that its military was mobilizing on Thursday following a partial mobilization by Russia, according to Russian media."
            para 4: [s] "\"Currently, mobilization activities are not carried out in the Armed Forces of the Republic of Belarus." [s] "All military training is planned and approved in advance by special legal acts,\" the Belarusian Defense Ministry said in a statement, Interfax reported." [s] "\"There is no need for mobilization measures in the country.\""
            para 5: [s] "“Recently, including on the global Internet, the topic of mobilization in the Republic of Belarus has been actively spread,\" Belarusian military General Staff representative Oleg Poznyak said, according to Interfax." [s] "He explained that citizens were being summoned only as part of normal military procedures such as reserve duty and standard conscription."
            para 6: [s] "Russia's mobilization for the Ukraine invasion"
            para 7: [s] "On Thursday, Ukrainian intelligence claimed that 20,000 Russian soldiers mobilized as part of a decree by Russian President Vladimir Putin amid the ongoing invasion of Ukraine would be stationed in Belarus." [s] "They would reportedly switch out soldiers currently stationed in the Russia-allied state."
            para 8: [s] "Last Wednesday, Putin announced the mobilization of 300,000 reservists."
        "#]],
    );
}

#[test]
fn seed_002() {
    check(
        r#"Source: Euromaidan Press
Date: 2022-10-15

Belarus ruler Aliaksandr Lukashenka (in the center) at the session of the CIS Heads of State Council in Astana, Kazakhstan, on 14 October 2022. Photo: BelTA
Lukashenka orders covert mobilization and “counterterrorist measures” in Belarus
Belarus may be preparing to invade Ukraine as Belarusian ruler Lukashenka orders a covert mobilization and imposes a “counter-terrorist operation regime” in the country.

On 8 October, the Belarusian Foreign Ministry handed a diplomatic note to the Ukrainian Ambassador in Belarus, in which the ministry claimed that Ukraine was allegedly planning an attack on the territory of Belarus.

“This information does not correspond to reality. We categorically reject yet another insinuation of the Belarusian regime. We do not rule out that the handing over of the diplomatic note may be part of the plan of the Russian Federation to carry out a provocation to further accuse Ukraine,” the Foreign Ministry of Ukraine replied to the Belarusian side in its statement.
"#,
        expect![[r#"
            header fenced=false: Source="Euromaidan Press" Date="2022-10-15"
            para 0: [s] "Belarus ruler Aliaksandr Lukashenka (in the center) at the session of the CIS Heads of State Council in Astana, Kazakhstan, on 14 October 2022." [s] "Photo: BelTA"
            heading 1: [s] "Lukashenka orders covert mobilization and “counterterrorist measures” in Belarus"
            para 2: [s] "Belarus may be preparing to invade Ukraine as Belarusian ruler Lukashenka orders a covert mobilization and imposes a “counter-terrorist operation regime” in the country."
            para 3: [s] "On 8 October, the Belarusian Foreign Ministry handed a diplomatic note to the Ukrainian Ambassador in Belarus, in which the ministry claimed that Ukraine was allegedly planning an attack on the territory of Belarus."
            para 4: [s] "“This information does not correspond to reality." [s] "We categorically reject yet another insinuation of the Belarusian regime." [s] "We do not rule out that the handing over of the diplomatic note may be part of the plan of the Russian Federation to carry out a provocation to further accuse Ukraine,” the Foreign Ministry of Ukraine replied to the Belarusian side in its statement."
        "#]],
    );
}

#[test]
fn seed_003() {
    check(
        r#"Source: Our House
Date: 2022-07

On February 9, 2022, Alexander Lukashenka signed Decree No. 34 on retirement and conscription into the reserve military service. The decree provides for conscription in February-May 2022 of men who will have turned 18 by the draft day and who are not entitled to deferment of military service. It was also planned to call up first-year students of agricultural universities of Belarus who had the right to deferment of the draft for further education but expressed a desire to serve in the reserve.

On February 19, 2022, a serviceman was wounded as a result of a breach of arms regulations at a military unit of Grodno garrison.

On February 24, 2022, the Ministry of Defence announced that reserve officers will be called up for military service every year in the first half of the year. Up to 150 officers are to be conscripted in 2022. By comparison, up to 100 reserve officers will be called up in 2021, up to 100 reserve officers in 2020 and up to 100 reserve officers in 2019.

On February 28, 2022, Galina Chigrinova, chairman of the Republican Committee of the Belarusian Public Organization of Soldiers’ Mothers, said there are no Belarusian soldiers in Ukraine.

MARCH 2022

On March 1, 2022, mothers of servicemen serving in the 120th separate guards mechanized brigade in Uruchcha (Minsk) visited the unit.

On March 1-8, 2022, the Ministry of Defence congratulated mothers whose sons died in the army on International Women’s Day.

On March 9, 2022, the Ministry of Defence announced a mass mailing of “fake summonses” to young men by unknown people to “scare citizens into mobilizing for the army”, but denied any involvement.
"#,
        expect![[r#"
            header fenced=false: Source="Our House" Date="2022-07"
            para 0: [s] "On February 9, 2022, Alexander Lukashenka signed Decree No. 34 on retirement and conscription into the reserve military service." [s] "The decree provides for conscription in February-May 2022 of men who will have turned 18 by the draft day and who are not entitled to deferment of military service." [s] "It was also planned to call up first-year students of agricultural universities of Belarus who had the right to deferment of the draft for further education but expressed a desire to serve in the reserve."
            para 1: [s] "On February 19, 2022, a serviceman was wounded as a result of a breach of arms regulations at a military unit of Grodno garrison."
            para 2: [s] "On February 24, 2022, the Ministry of Defence announced that reserve officers will be called up for military service every year in the first half of the year." [s] "Up to 150 officers are to be conscripted in 2022." [s] "By comparison, up to 100 reserve officers will be called up in 2021, up to 100 reserve officers in 2020 and up to 100 reserve officers in 2019."
            para 3: [s] "On February 28, 2022, Galina Chigrinova, chairman of the Republican Committee of the Belarusian Public Organization of Soldiers’ Mothers, said there are no Belarusian soldiers in Ukraine."
            para 4: [s] "MARCH 2022"
            para 5: [s] "On March 1, 2022, mothers of servicemen serving in the 120th separate guards mechanized brigade in Uruchcha (Minsk) visited the unit."
            para 6: [s] "On March 1-8, 2022, the Ministry of Defence congratulated mothers whose sons died in the army on International Women’s Day."
            para 7: [s] "On March 9, 2022, the Ministry of Defence announced a mass mailing of “fake summonses” to young men by unknown people to “scare citizens into mobilizing for the army”, but denied any involvement."
        "#]],
    );
}

#[test]
fn seed_004() {
    check(
        r#"Source: openDemocracy
Date: 2022-10

On September 29, Pavel Latushka said that Lukashenka would have agreed to receive 120,000 Russian troops between November 2022 and February 2023, and that 100,000 Belarusians would be called up. “Lukashenka is preparing for a full-scale war,” he said. claims.

“Of course, the Ukrainians absolutely don’t need it,” Lukashenko said. “Well, why else would they open a second front on our southern borders and their northern borders? Well, why? It’s crazy from a military point of view. Nevertheless, the process has begun.
"#,
        expect![[r#"
            header fenced=false: Source="openDemocracy" Date="2022-10"
            para 0: [s] "On September 29, Pavel Latushka said that Lukashenka would have agreed to receive 120,000 Russian troops between November 2022 and February 2023, and that 100,000 Belarusians would be called up." [s] "“Lukashenka is preparing for a full-scale war,” he said. claims."
            para 1: [s] "“Of course, the Ukrainians absolutely don’t need it,” Lukashenko said." [s] "“Well, why else would they open a second front on our southern borders and their northern borders?" [s] "Well, why?" [s] "It’s crazy from a military point of view." [s] "Nevertheless, the process has begun."
        "#]],
    );
}

/// Every range of the article lies inside the text, on char boundaries, in order.
fn assert_well_formed(text: &str) {
    for syntax in [Syntax::Article, Syntax::Markdown] {
        assert_well_formed_as(text, syntax);
    }
}

fn assert_well_formed_as(text: &str, syntax: Syntax) {
    let article = parse_as(text, syntax);
    let ok = |r: TextRange| {
        r.start <= r.end && r.end <= text.len() && text.get(r.start..r.end).is_some()
    };
    assert!(ok(article.header.range) && ok(article.body));
    for f in &article.header.fields {
        assert!(ok(f.key_range) && ok(f.value_range));
    }
    let mut last = 0;
    for p in &article.paragraphs {
        assert!(ok(p.range) && p.range.start >= last && p.range.start >= article.body.start);
        last = p.range.end;
        for s in &p.sentences {
            assert!(ok(s.range) && p.range.contains_range(s.range) && !s.range.is_empty());
        }
    }
    for c in &article.citations {
        assert!(ok(c.range) && c.ids.iter().all(|id| ok(id.range)));
    }
    for a in &article.annotations {
        assert!(ok(a.range));
    }
    for d in &article.diagnostics {
        assert!(ok(d.range));
    }
}

#[test]
fn hostile_inputs_do_not_panic() {
    let mut inputs: Vec<String> = [
        "---",
        "---\n",
        "---\n---",
        "---\n---\n---",
        "\u{feff}",
        "\u{feff}---",
        "{date:",
        "{date: 2022-10-08",
        "[@",
        "[@]",
        "[@a;",
        "[@a; @",
        "Source: X\n\n[@a; @b",
        "\0\0\0",
        "Source:\0 X\nDate: \0\n\n\0.\0. \0",
        "\r",
        "\r\n",
        "\n\r",
        "\r\r\r\n\n",
        ". . . .",
        "...",
        "?!?!",
        "“”“”",
        ")))",
        "(((",
        "Mr.",
        "U.S.",
        "Source: X\nDate: 2022\n\n😀. 😀! 🇧🇾 said. 👍🏽 Then.",
        "e\u{301}. E\u{301}\u{301}. a\u{20dd}.\u{301} x",
        "Source: X\nDate: 9999-99-99\n\n{date: 0000} {date: -1} {date: 2022-1-1} {date:\u{301}}",
        "Key: value\nKey: value\n---\n",
        "A: b\r\nc\r\n\r\n\r\n",
        "\u{2028}\u{2029}\u{85}. Next",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Pseudo-random bytes (xorshift), biased towards the characters the parser looks at.
    let alphabet = "-.:?!\"“”()[]{}@; \n\r\tAaZz0…'’date undated-ok#|&*\\";
    let special: Vec<char> = alphabet.chars().collect();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        let mut bytes = Vec::new();
        for _ in 0..(x % 120) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            if x % 3 == 0 {
                let c = special[(x as usize / 3) % special.len()];
                let mut buf = [0; 4];
                bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            } else {
                bytes.push((x >> 24) as u8);
            }
        }
        inputs.push(String::from_utf8_lossy(&bytes).into_owned());
    }
    for input in &inputs {
        assert_well_formed(input);
        assert_well_formed(&format!("Source: X\nDate: 2022\n\n{input}"));
        assert_well_formed(&format!("---\nSource: X\n{input}\n---\n{input}"));
        assert_well_formed(&format!(
            "---\ntags:\n{input}\ntitle: {input}\n---\n{input}"
        ));
    }
}

#[test]
fn megabyte_inputs_stay_linear() {
    let inputs = [
        "word ".repeat(200_000),
        "Word. ".repeat(170_000),
        "“".repeat(300_000),
        "(".repeat(500_000) + "a. B",
        "[@a; ".repeat(200_000),
        "{date: ".repeat(150_000),
        "Mr. ".repeat(250_000),
        ") \n".repeat(300_000),
        "K: v\n".repeat(200_000),
        "---\n".repeat(250_000),
        "x\n\n".repeat(300_000),
        "a.".repeat(500_000),
    ];
    let start = std::time::Instant::now();
    for input in &inputs {
        assert_well_formed(input);
    }
    // A quadratic step would take minutes on any of these; the bound is generous for
    // unoptimised builds on a busy machine.
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
}

/// The splitter alone (as the benches time it) splits every paragraph of the seeds, and
/// of an article whose markup decides where sentences end, as parsing does: citations
/// and annotations kept whole, and with the sentence before them.
#[test]
fn splitting_a_paragraph_alone_gives_the_sentences_parsing_gives() {
    let mut texts = crate::fixture::seed_files();
    // Without its markup the splitter would end a sentence inside the annotation (at
    // `Oct. Later`).
    texts.push((
        "markup.article".to_string(),
        "Source: X\nDate: 2022-10-09\n\nThey met. [@a] They left {date: early Oct. Later} at noon.\n"
            .into(),
    ));
    let mut paragraphs = 0;
    for (path, text) in texts {
        let article = parse(&text);
        let markup = article.markup_ranges();
        for paragraph in &article.paragraphs {
            assert_eq!(
                split_sentences(&text, paragraph.range, &markup),
                paragraph.sentences,
                "{path}"
            );
            paragraphs += 1;
        }
    }
    assert!(paragraphs > 50, "{paragraphs}");
}

/// The `Language:` header decides; without it the body's letters do, with a hint when
/// they are unclear; an unknown code is a warning and the letters decide.
#[test]
fn the_language_comes_from_the_header_or_the_letters() {
    use crate::language::Language;
    // (text, language, codes of the language diagnostics)
    let table: &[(&str, Language, &[&str])] = &[
        (
            "Source: S\nDate: 2022-10-04\n\nThe minister said on Thursday that no one was called up.\n",
            Language::En,
            &[],
        ),
        (
            "Source: S\nDate: 2022-10-04\nLanguage: uk\n\nThe minister said so.\n",
            Language::Uk,
            &[],
        ),
        (
            "Source: S\nDate: 2022-10-04\n\nМинистр заявил в четверг, что никакой мобилизации в стране не проводится.\n",
            Language::Ru,
            &[],
        ),
        (
            "Source: S\nDate: 2022-10-04\n\nСёння ўрад заявіў, што мабілізацыі ў краіне няма.\n",
            Language::Be,
            &[],
        ),
        (
            "Source: S\nDate: 2022-10-04\nLanguage: russian\n\nМинистр заявил в четверг, что никакой мобилизации в стране не проводится.\n",
            Language::Ru,
            &["invalid-language"],
        ),
        ("Source: S\nDate: 2022-10-04\n\nСегодня.\n", Language::Ru, &["unsure-language"]),
    ];
    for (text, language, codes) in table {
        let article = parse(text);
        assert_eq!(article.language, *language, "{text}");
        let found: Vec<&str> = article
            .diagnostics
            .iter()
            .map(|d| d.code.as_str())
            .filter(|code| code.contains("language"))
            .collect();
        assert_eq!(found, *codes, "{text}");
    }
}

/// A header field holds its key and value as boxed strings: 64 bytes, 16 fewer than with
/// `String`s (an index of 100,000 articles holds 500,000 fields). Encoded for the
/// warm-start cache as before: a boxed string is written as a string is.
#[test]
fn a_header_field_is_64_bytes_and_encoded_as_before() {
    assert_eq!(std::mem::size_of::<HeaderField>(), 64);
    #[derive(serde::Serialize)]
    struct WithStrings {
        key: String,
        key_range: TextRange,
        value: String,
        value_range: TextRange,
    }
    let field = HeaderField {
        key: "Date".into(),
        key_range: TextRange::new(0, 4),
        value: "2022-09-21".into(),
        value_range: TextRange::new(6, 16),
    };
    let before = WithStrings {
        key: "Date".to_string(),
        key_range: field.key_range,
        value: "2022-09-21".to_string(),
        value_range: field.value_range,
    };
    assert_eq!(
        postcard::to_allocvec(&field).unwrap(),
        postcard::to_allocvec(&before).unwrap()
    );
}
