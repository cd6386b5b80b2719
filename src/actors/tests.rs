//! Tests of the registry parser, the cross-registry checks and the alias matcher: small
//! fixtures in, rendered diagnostics (with the source text under each range) and
//! bracketed mentions out, compared with `expect!` snapshots.

use crate::diagnostic::DiagnosticCode;
use expect_test::{expect, Expect};

use super::*;

// ------------------------------------------------------------------- rendering

/// `line:col` (1-based, columns in characters) of a byte offset, for readable snapshots.
fn line_col(text: &str, offset: usize) -> String {
    let before = text.get(..offset).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    format!("{line}:{col}")
}

fn render_diagnostics(text: &str, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&format!(
            "{} {} {} {:?}: {}\n",
            d.severity.as_str(),
            d.code,
            line_col(text, d.range.start),
            d.range.slice(text),
            d.message
        ));
    }
    out
}

fn render_actors(text: &str, actors: &[std::sync::Arc<Actor>]) -> String {
    let mut out = String::new();
    for a in actors {
        out.push_str(&format!(
            "actor {} {:?} {} {}",
            a.id.value,
            a.name.value,
            a.kind.as_str(),
            line_col(text, a.range.start)
        ));
        if !a.aliases.is_empty() {
            let aliases: Vec<&str> = a.aliases.iter().map(|s| s.value.as_str()).collect();
            out.push_str(&format!(" aliases={aliases:?}"));
        }
        if let Some(affiliation) = &a.affiliation {
            out.push_str(&format!(" affiliation={}", affiliation.value));
        }
        out.push('\n');
    }
    out
}

fn check_registry(text: &str, expect: Expect) {
    let registry = parse_registry(text);
    // Every range must be a real piece of the text: in bounds and on char boundaries.
    for d in &registry.diagnostics {
        assert!(text.get(d.range.start..d.range.end).is_some(), "{d:?}");
    }
    for a in &registry.actors {
        for s in std::iter::once(&a.id).chain(a.forms()) {
            assert!(s.range.slice(text).contains(s.value.trim()), "{s:?}");
        }
        assert!(a.range.contains_range(a.id.range));
    }
    let rendered = format!(
        "{}{}",
        render_actors(text, &registry.actors),
        render_diagnostics(text, &registry.diagnostics)
    );
    expect.assert_eq(&rendered);
}

/// Each line of `text`, with every mention written `[as written|actor id]`.
fn annotate(actors: &[&Actor], matcher: &AliasMatcher, text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut last = 0;
        for m in matcher.find(line) {
            out.push_str(line.get(last..m.range.start).unwrap_or("?"));
            let id = actors.get(m.actor).map_or("?", |a| a.id.value.as_str());
            out.push_str(&format!("[{}|{}]", m.range.slice(line), id));
            last = m.range.end;
        }
        out.push_str(line.get(last..).unwrap_or("?"));
        out.push('\n');
    }
    out
}

// ------------------------------------------------------------------- matcher

const FIXTURE: &str = r#"
[[actor]]
id = "lukashenka"
name = "Aliaksandr Lukashenka"
kind = "person"
aliases = ["Lukashenka", "Lukashenko", "Alexander Lukashenko", "Лукашенко", "Лукашэнка"]

[[actor]]
id = "belarus"
name = "Belarus"
kind = "state"

[[actor]]
id = "minsk"
name = "Minsk"
kind = "place"

[[actor]]
id = "minsk-region"
name = "Minsk region"
kind = "place"

[[actor]]
id = "belarus-mod"
name = "Ministry of Defence of Belarus"
kind = "organization"
aliases = ["Belarus’ Defense Ministry", "Defense Ministry"]
affiliation = "belarus"

[[actor]]
id = "nato"
name = "NATO"
kind = "organization"

[[actor]]
id = "united-states"
name = "United States"
kind = "state"
aliases = ["U.S."]
"#;

fn check_mentions(text: &str, expect: Expect) {
    let registry = parse_registry(FIXTURE);
    assert_eq!(registry.diagnostics, vec![]);
    let actors = registry.listed();
    let matcher = AliasMatcher::from_actors(&actors);
    expect.assert_eq(&annotate(&actors, &matcher, text));
}

#[test]
fn mentions_possessives_and_transliterations() {
    check_mentions(
        "Lukashenka’s covert mobilization, Lukashenka's order.
Lukashenko said; Alexander Lukashenko met Aliaksandr Lukashenka.
Belarus’ army and Belarus' army and Belarus's army.
Belarus’ Defense Ministry said, the Defense Ministry said.",
        expect![[r#"
            [Lukashenka|lukashenka]’s covert mobilization, [Lukashenka|lukashenka]'s order.
            [Lukashenko|lukashenka] said; [Alexander Lukashenko|lukashenka] met [Aliaksandr Lukashenka|lukashenka].
            [Belarus|belarus]’ army and [Belarus|belarus]' army and [Belarus|belarus]'s army.
            [Belarus’ Defense Ministry|belarus-mod] said, the [Defense Ministry|belarus-mod] said.
        "#]],
    );
}

#[test]
fn mentions_word_boundaries_and_longest_match() {
    check_mentions(
        "Belarusian troops left Belarus.
In the Minsk region, Minsker cafés, and Minsk.
The Minsk regional office; Minsk-based; (Minsk)
xNATO NATO2 NATO-led NATO_ally «NATO»
the U.S.-led coalition and the U.S. Senate
Aliaksandr Lukashenkas stays unmatched, Lukashenka.",
        expect![[r#"
            Belarusian troops left [Belarus|belarus].
            In the [Minsk region|minsk-region], Minsker cafés, and [Minsk|minsk].
            The [Minsk|minsk] regional office; [Minsk|minsk]-based; ([Minsk|minsk])
            xNATO NATO2 [NATO|nato]-led [NATO|nato]_ally «[NATO|nato]»
            the [U.S.|united-states]-led coalition and the [U.S.|united-states] Senate
            Aliaksandr Lukashenkas stays unmatched, [Lukashenka|lukashenka].
        "#]],
    );
}

#[test]
fn mentions_unicode_emoji_and_case() {
    check_mentions(
        "Президент Лукашенко заявил; Лукашэнка сказаў; Лукашенкоў не.
🇧🇾Lukashenka🔥 and 👉Belarus👈
LUKASHENKA, lukashenka and belarus are not written forms; Lukashenka is.
Ünterbelarus and BelarusÄ stay unmatched; é Belarus é matches.",
        expect![[r#"
            Президент [Лукашенко|lukashenka] заявил; [Лукашэнка|lukashenka] сказаў; Лукашенкоў не.
            🇧🇾[Lukashenka|lukashenka]🔥 and 👉[Belarus|belarus]👈
            LUKASHENKA, lukashenka and belarus are not written forms; [Lukashenka|lukashenka] is.
            Ünterbelarus and BelarusÄ stay unmatched; é [Belarus|belarus] é matches.
        "#]],
    );
}

/// Synthetic forms: a rejected long candidate must neither hide a shorter candidate at
/// the same place nor a later candidate starting inside it.
fn check_forms(forms: &[(usize, &str)], text: &str, expect: Expect) {
    let matcher = AliasMatcher::new(forms.iter().copied());
    let mut out = String::new();
    for m in matcher.find(text) {
        out.push_str(&format!("{} {:?}\n", m.actor, m.range.slice(text)));
    }
    expect.assert_eq(&out);
}

#[test]
fn rejected_candidates_do_not_hide_others() {
    // `Gomel Reg` ends inside `Region`: rejected; `Region Council` starts inside it.
    check_forms(
        &[(0, "Gomel Reg"), (1, "Region Council")],
        "Gomel Region Council",
        expect![[r#"
            1 "Region Council"
        "#]],
    );
    // A shorter form at the same place survives the rejection of the longer one.
    check_forms(
        &[(0, "Gomel Reg"), (2, "Gomel"), (1, "Region Council")],
        "Gomel Region Council",
        expect![[r#"
            2 "Gomel"
            1 "Region Council"
        "#]],
    );
    // Several shorter candidates: the longest one that fits wins.
    check_forms(
        &[(0, "a b c"), (1, "a b"), (2, "a")],
        "a b cd, a bc, a b c",
        expect![[r#"
            1 "a b"
            2 "a"
            0 "a b c"
        "#]],
    );
    // A form claimed twice belongs to the first actor; empty and blank forms are skipped;
    // forms are trimmed.
    check_forms(
        &[
            (0, "Minsk"),
            (1, "Minsk"),
            (2, ""),
            (3, "   "),
            (4, " NATO "),
        ],
        "Minsk and NATO",
        expect![[r#"
            0 "Minsk"
            4 "NATO"
        "#]],
    );
}

#[test]
fn matcher_accessors() {
    let matcher = AliasMatcher::new([(0, "Minsk"), (1, "Minsk"), (1, ""), (2, "NATO")]);
    let forms: Vec<(usize, &str)> = matcher.forms().collect();
    assert_eq!(forms, vec![(0, "Minsk"), (2, "NATO")]);
    assert!(!matcher.is_empty());
    let empty = AliasMatcher::new(std::iter::empty());
    assert!(empty.is_empty());
    assert_eq!(empty.find("Minsk"), vec![]);
    assert_eq!(AliasMatcher::default().find("anything"), vec![]);
}

// ------------------------------------------------------------------- registry

#[test]
fn registry_valid() {
    check_registry(
        r#"# a comment
[[actor]]
id = "lukashenka"
name = "Aliaksandr Lukashenka"
kind = "person"
aliases = ["Lukashenka", 'Lukashenko']
role = "President of Belarus"
affiliation = "belarus"
description = "Rules Belarus."
links = ["https://www.wikidata.org/wiki/Q184"]

[[actor]]   # trailing comment
id = "belarus"
name = "Belarus"
kind = "state"
"#,
        expect![[r#"
            actor lukashenka "Aliaksandr Lukashenka" person 2:1 aliases=["Lukashenka", "Lukashenko"] affiliation=belarus
            actor belarus "Belarus" state 12:1
        "#]],
    );
}

#[test]
fn registry_syntax_error_mid_file() {
    check_registry(
        r#"[[actor]]
id = "a"
name = "A"
kind = "person"

[[actor]]
id = "b
name = "B"
"#,
        expect![[r#"
            error registry-syntax 7:6 "\"": TOML syntax error: invalid basic string (the parser stopped on line 7); the string opened here with `"` is never closed by a matching `"`
        "#]],
    );
}

#[test]
fn registry_not_toml() {
    check_registry(
        "Lukashenka, Putin and NATO\nare the actors.\n",
        expect![[r#"
            error registry-syntax 1:11 ",": this registry is not valid TOML (expected `.`, `=`); a registry is a list of `[[actor]]` tables with `key = "value"` lines
        "#]],
    );
    check_registry(
        "{\"actor\": [{\"id\": \"a\"}]}",
        expect![[r#"
            error registry-syntax 1:1 "{": this registry is not valid TOML (invalid key); a registry is a list of `[[actor]]` tables with `key = "value"` lines
        "#]],
    );
}

#[test]
fn registry_broken_edit() {
    // A key being typed: the file is broken until the `=` and value are there.
    check_registry(
        r#"[[actor]]
id = "a"
name = "A"
kind = "person"
ali
"#,
        expect![[r#"
            error registry-syntax 5:4 "\n": TOML syntax error: expected `.`, `=`
        "#]],
    );
    // An unclosed array in the middle of the file.
    check_registry(
        r#"[[actor]]
id = "a"
name = "A"
aliases = ["x",
kind = "person"
"#,
        expect![[r#"
            error registry-syntax 4:11 "[": TOML syntax error: invalid array; expected `]` (the parser stopped on line 5); the array opened here with `[` is never closed
        "#]],
    );
    // The same key twice in one table.
    check_registry(
        r#"[[actor]]
id = "a"
name = "A"
id = "b"
"#,
        expect![[r#"
            error registry-syntax 4:1 "i": TOML syntax error: duplicate key `id` in table `actor`
        "#]],
    );
}

#[test]
fn registry_missing_fields() {
    check_registry(
        r#"[[actor]]
name = "No Id"
kind = "person"

[[actor]]
id = "no-name"
kind = "person"

[[actor]]
id = "no-kind"
name = "No Kind"

[[actor]]
id = "blank-name"
name = "  "
kind = "person"

[[actor]]
"#,
        expect![[r#"
            actor no-kind "No Kind" other 9:1
            error missing-field 1:1 "[[actor]]": this actor has no `id`; it is ignored until it has one
            error missing-field 5:1 "[[actor]]": this actor has no `name`; it is ignored until it has one
            warning missing-field 9:1 "[[actor]]": this actor has no `kind`; `other` is assumed (one of person, organization, state, media, place, other)
            error missing-field 15:8 "\"  \"": `name` is empty; the actor is ignored until it has one
            error missing-field 18:1 "[[actor]]": this actor has no `id`; it is ignored until it has one
            error missing-field 18:1 "[[actor]]": this actor has no `name`; it is ignored until it has one
        "#]],
    );
}

#[test]
fn registry_invalid_values() {
    check_registry(
        r#"[[actor]]
id = "Lukashenka"
name = "Lukashenka"
kind = "country"

[[actor]]
id = "luka_shenka 2"
name = "Someone"
kind = "Person"

[[actor]]
id = ""
name = "Empty Id"
kind = "other"
affiliation = "Belarus"
links = ["www.example.org", "https://example.org"]

[[actor]]
id = "selfish"
name = "Selfish"
kind = "other"
affiliation = "selfish"
"#,
        expect![[r#"
            actor Lukashenka "Lukashenka" other 1:1
            actor luka_shenka 2 "Someone" other 6:1
            actor  "Empty Id" other 11:1 affiliation=Belarus
            actor selfish "Selfish" other 18:1 affiliation=selfish
            error invalid-id 2:6 "\"Lukashenka\"": `Lukashenka` is not a valid id: use lowercase letters, digits and `-` only (e.g. `lukashenka`)
            error invalid-kind 4:8 "\"country\"": unknown kind `country`; expected one of person, organization, state, media, place, other
            error invalid-id 7:6 "\"luka_shenka 2\"": `luka_shenka 2` is not a valid id: use lowercase letters, digits and `-` only (e.g. `luka-shenka-2`)
            error invalid-kind 9:8 "\"Person\"": unknown kind `Person`; expected one of person, organization, state, media, place, other
            error invalid-id 12:6 "\"\"": the id is empty: use lowercase letters, digits and `-` (e.g. `lukashenka`)
            warning invalid-link 16:10 "\"www.example.org\"": a link should be an `https://` address
            warning self-affiliation 22:15 "\"selfish\"": an actor cannot be affiliated with itself
        "#]],
    );
}

#[test]
fn registry_wrong_types() {
    check_registry(
        r#"[[actor]]
id = "a"
name = "A"
kind = "person"
aliases = "Lukashenko"
links = "https://example.org"

[[actor]]
id = "b"
name = "B"
kind = 3
aliases = ["ok", 3, ["nested"]]
role = true
description = { text = "no" }

[[actor]]
id = 7
name = "Numbered"
kind = "person"

[[actor]]
id = "c"
name = ["C"]
kind = "person"
"#,
        expect![[r#"
            actor a "A" person 1:1
            actor b "B" other 8:1 aliases=["ok"]
            error wrong-type 5:11 "\"Lukashenko\"": `aliases` must be an array of strings, found string (write `aliases = ["..."]`)
            error wrong-type 6:9 "\"https://example.org\"": `links` must be an array of strings, found string (write `links = ["..."]`)
            error wrong-type 11:8 "3": `kind` must be a string, found integer
            error wrong-type 12:18 "3": `aliases` must hold only strings, found integer
            error wrong-type 12:21 "[\"nested\"]": `aliases` must hold only strings, found array
            error wrong-type 13:8 "true": `role` must be a string, found boolean
            error wrong-type 14:15 "{ text = \"no\" }": `description` must be a string, found inline table
            error wrong-type 17:6 "7": `id` must be a string, found integer
            error wrong-type 23:8 "[\"C\"]": `name` must be a string, found array
        "#]],
    );
}

#[test]
fn registry_duplicates_and_empty_aliases() {
    check_registry(
        r#"[[actor]]
id = "minsk"
name = "Minsk"
kind = "place"
aliases = ["Minsk", "", "   ", "Mensk"]

[[actor]]
id = "minsk-city"
name = "Minsk City"
kind = "place"
aliases = ["Mensk", " Minsk "]

[[actor]]
id = "minsk"
name = "Minsk again"
kind = "place"
"#,
        expect![[r#"
            actor minsk "Minsk" place 1:1 aliases=["Minsk", "Mensk"]
            actor minsk-city "Minsk City" place 7:1 aliases=["Mensk", " Minsk "]
            hint duplicate-alias 5:12 "\"Minsk\"": `Minsk` is already listed for this actor (line 3)
            warning empty-alias 5:21 "\"\"": empty alias; it is ignored
            warning empty-alias 5:25 "\"   \"": empty alias; it is ignored
            warning duplicate-alias 11:12 "\"Mensk\"": `Mensk` is already a name or alias of `minsk` (line 5); mentions of it go to `minsk`
            warning duplicate-alias 11:21 "\" Minsk \"": `Minsk` is already a name or alias of `minsk` (line 3); mentions of it go to `minsk`
            error duplicate-actor-id 14:6 "\"minsk\"": the id `minsk` is already used by the actor on line 2; this one is ignored
        "#]],
    );
}

#[test]
fn registry_unknown_keys_and_top_level() {
    check_registry(
        r#"title = "Actors"
version = 2

[[actor]]
id = "a"
name = "A"
kind = "person"
alias = ["Ay"]
Name = "A"
descripton = "typo"
colour = "blue"

[meta]
owner = "me"
"#,
        expect![[r#"
            actor a "A" person 4:1
            warning unexpected-top-level 1:1 "title": `title` is not part of a registry and is ignored; a registry holds only `[[actor]]` tables
            warning unexpected-top-level 2:1 "version": `version` is not part of a registry and is ignored; a registry holds only `[[actor]]` tables
            warning unknown-registry-key 8:1 "alias": `alias` is not an actor key and is ignored; did you mean `aliases`?
            warning unknown-registry-key 9:1 "Name": `Name` is not an actor key and is ignored; did you mean `name`?
            warning unknown-registry-key 10:1 "descripton": `descripton` is not an actor key and is ignored; did you mean `description`?
            warning unknown-registry-key 11:1 "colour": `colour` is not an actor key and is ignored; known keys: id, name, kind, aliases, role, affiliation, description, links
            warning unexpected-top-level 13:2 "meta": `meta` is not part of a registry and is ignored; a registry holds only `[[actor]]` tables
        "#]],
    );
}

#[test]
fn registry_other_shapes() {
    // A single `[actor]` table is read, with a warning.
    check_registry(
        r#"[actor]
id = "a"
name = "A"
kind = "person"
"#,
        expect![[r#"
            actor a "A" person 1:1
            warning wrong-type 1:1 "[actor]": `[actor]` defines a single table; write `[[actor]]` (two brackets) for each actor
        "#]],
    );
    // An inline array of inline tables means the same as `[[actor]]` tables.
    check_registry(
        r#"actor = [
  { id = "a", name = "A", kind = "person" },
  { id = "b", name = "B", kind = "state", aliases = ["Bee"] },
  "stray",
]
"#,
        expect![[r#"
            actor a "A" person 2:3
            actor b "B" state 3:3 aliases=["Bee"]
            error wrong-type 4:3 "\"stray\"": an actor must be a table, found string
        "#]],
    );
    check_registry(
        "actor = \"Lukashenka\"\n",
        expect![[r#"
            error wrong-type 1:9 "\"Lukashenka\"": `actor` must be a list of `[[actor]]` tables, found string
        "#]],
    );
    // Empty file, only comments: no actors, no problems.
    check_registry("", expect![[""]]);
    check_registry("# nothing yet\n", expect![[""]]);
}

#[test]
fn registry_crlf_and_non_ascii_ranges() {
    check_registry(
        "[[actor]]\r\nid = \"lukashenka\"\r\nname = \"Лукашенко\"\r\nkind = \"person\"\r\naliases = [\"Лукашэнка\", \"\"]\r\n",
        expect![[r#"
            actor lukashenka "Лукашенко" person 1:1 aliases=["Лукашэнка"]
            warning empty-alias 5:25 "\"\"": empty alias; it is ignored
        "#]],
    );
}

// ------------------------------------------------------------------- cross check

fn check_cross(files: &[&str], expect: Expect) {
    let registries: Vec<Registry> = files.iter().map(|t| parse_registry(t)).collect();
    let refs: Vec<&Registry> = registries.iter().collect();
    let mut out = String::new();
    for (r, d) in cross_check(&refs) {
        let text = files.get(r).copied().unwrap_or("");
        out.push_str(&format!("file {r}: "));
        out.push_str(&render_diagnostics(text, &[d]));
    }
    let merged: Vec<String> = merged_actors(&refs)
        .iter()
        .map(|(r, a)| format!("{r}:{}", a.id.value))
        .collect();
    out.push_str(&format!("merged: {}\n", merged.join(" ")));
    expect.assert_eq(&out);
}

#[test]
fn cross_registry_checks() {
    check_cross(
        &[
            r#"[[actor]]
id = "belarus"
name = "Belarus"
kind = "state"

[[actor]]
id = "lukashenka"
name = "Aliaksandr Lukashenka"
kind = "person"
aliases = ["Lukashenka"]
affiliation = "belarus"
"#,
            r#"[[actor]]
id = "lukashenka"
name = "Lukashenka"
kind = "person"
aliases = ["Lukashenko"]

[[actor]]
id = "luka"
name = "Luka"
kind = "person"
aliases = ["Lukashenka", "Lukashenka"]
affiliation = "belarrus"

[[actor]]
id = "putin"
name = "Vladimir Putin"
kind = "person"
affiliation = "Russia"
"#,
        ],
        expect![[r#"
            file 1: error duplicate-actor-id 2:6 "\"lukashenka\"": the id `lukashenka` is already defined in another registry; this actor is ignored
            file 1: warning duplicate-alias 11:12 "\"Lukashenka\"": `Lukashenka` is already a name or alias of `lukashenka` in another registry; mentions of it go to `lukashenka`
            file 1: error unknown-affiliation 12:15 "\"belarrus\"": no actor has the id `belarrus`; did you mean `belarus`?
            file 1: error unknown-affiliation 18:15 "\"Russia\"": no actor has the id `Russia`; an affiliation is the id of another actor, not its name
            merged: 0:belarus 0:lukashenka 1:luka 1:putin
        "#]],
    );
    // One file: only affiliations are checked (duplicates are the parser's business).
    check_cross(
        &[r#"[[actor]]
id = "a"
name = "A"
kind = "person"
affiliation = "b"
"#],
        expect![[r#"
            file 0: error unknown-affiliation 5:15 "\"b\"": no actor has the id `b`
            merged: 0:a
        "#]],
    );
    check_cross(
        &[],
        expect![[r#"
        merged: 
    "#]],
    );
}

// ------------------------------------------------------------------- seeds

const SEED_REGISTRY: &str = include_str!("../../seeds/actors.toml");

#[test]
fn seed_registry_is_clean() {
    let registry = parse_registry(SEED_REGISTRY);
    assert_eq!(
        render_diagnostics(SEED_REGISTRY, &registry.diagnostics),
        "",
        "the seed registry must parse without diagnostics"
    );
    assert!(registry.actors.len() > 50, "{}", registry.actors.len());
    assert_eq!(cross_check(&[&registry]), vec![]);
}

/// One or more sentences quoted from each seed article, by file.
const SEED_SENTENCES: [(&str, &str); 5] = [
    (
        "000",
        "The call-ups reportedly began after Belarusian president Aliaksandr Lukashenka on 16 January announced a snap inspection of the country’s armed forces. On 17 February, Belarus’ Defense Ministry said reservists were being gathered within the framework of this “comprehensive readiness check,” primarily in units of the Western Operational Command.
Lithuanian retired NATO colonel Vaidotas Malinionis told Suspilne that mobilization checks are common in reserve-based systems and do not automatically signal preparations for offensive action.",
    ),
    (
        "001",
        "\"Currently, mobilization activities are not carried out in the Armed Forces of the Republic of Belarus,\" said the Belarusian Defense Ministry.
Belarusian soldiers patrol the border as hundreds of migrants try to cross from the Belarus side of the border with Poland near Kuznica Bialostocka, Poland, in this video-grab released by the Polish Defence Ministry, November 8, 2021.
Russian President Vladimir Putin and Belarusian President Alexander Lukashenko shake hands during a joint news conference in Moscow, Russia February 18, 2022.",
    ),
    (
        "002",
        "On 14 October in Kazakhstan’s Astana, Aliaksandr Lukashenka confirmed that “counterterrorism measures” had been implemented in Belarus due to an alleged aggravation of the situation at the country’s borders, according to the Belarusian state-funded news agency Belta.
Earlier Belarusian Foreign Minister Vladimir Makei told the Russian newspaper Izvestia that Lukashenka “held a number of meetings with law enforcement agencies, and a counter-terrorist operation regime was introduced.”
Also, Nasha Niva’s sources in the Belarusian armed forces said that this week the Belarusian military was informed that they aren’t allowed to leave Belarus except for Russia, while the reserve officers are urged to return to active-duty service.",
    ),
    (
        "003",
        "On February 9, 2022, Alexander Lukashenka signed Decree No. 34 on retirement and conscription into the reserve military service.
“In order to carry out operational camouflage measures and demonstrate their presence, units of the Belarusian Armed Forces are placing wooden moults of tanks in the areas bordering Ukraine,” Defence Ministry spokesman Alexander Motuzyanik said.
On June 24, 2022, Ammunition started being exported from Belarus to Russia. “Belaruski Hayun” reported about the loading of ammunition into 100 covered wagons for the transportation of explosive materials, which were leased from BelZhD by the Belarus Military Communications Department and the Central Administration of Military Communications of the Russian Ministry of Defence.",
    ),
    (
        "004",
        "Putin’s mobilization may affect Belarus in other ways. According to Ukrainian Deputy Defense Minister Hanna Malyar, the Kremlin plans to place 20,000 newly mobilized Russian servicemen in Belarus.
Kyiv has denied the accusations and said handing over a diplomatic note could be part of Russia‘s plan to drag Belarus into the conflict.
Oleksiy Danilov, secretary of Ukraine’s National Security and Defense Council, admitted that Kyiv was confident there would be no invasion of Belarus – just two days before it happened.",
    ),
];

#[test]
fn seed_sentences_mention_actors() {
    let registry = parse_registry(SEED_REGISTRY);
    let actors = registry.listed();
    let matcher = AliasMatcher::from_actors(&actors);
    let mut out = String::new();
    for (file, text) in SEED_SENTENCES {
        assert!(
            !matcher.find(text).is_empty(),
            "seed {file} mentions no actor"
        );
        out.push_str(&format!("--- {file}\n"));
        out.push_str(&annotate(&actors, &matcher, text));
    }
    expect![[r#"
        --- 000
        The call-ups reportedly began after Belarusian president [Aliaksandr Lukashenka|lukashenka] on 16 January announced a snap inspection of the country’s armed forces. On 17 February, [Belarus’ Defense Ministry|belarus-defence-ministry] said reservists were being gathered within the framework of this “comprehensive readiness check,” primarily in units of the [Western Operational Command|western-operational-command].
        Lithuanian retired [NATO|nato] colonel [Vaidotas Malinionis|malinionis] told [Suspilne|suspilne] that mobilization checks are common in reserve-based systems and do not automatically signal preparations for offensive action.
        --- 001
        "Currently, mobilization activities are not carried out in the [Armed Forces of the Republic of Belarus|belarus-armed-forces]," said the [Belarusian Defense Ministry|belarus-defence-ministry].
        Belarusian soldiers patrol the border as hundreds of migrants try to cross from the [Belarus|belarus] side of the border with [Poland|poland] near Kuznica Bialostocka, [Poland|poland], in this video-grab released by the [Polish Defence Ministry|polish-defence-ministry], November 8, 2021.
        Russian President [Vladimir Putin|putin] and Belarusian President [Alexander Lukashenko|lukashenka] shake hands during a joint news conference in [Moscow|moscow], [Russia|russia] February 18, 2022.
        --- 002
        On 14 October in [Kazakhstan|kazakhstan]’s [Astana|astana], [Aliaksandr Lukashenka|lukashenka] confirmed that “counterterrorism measures” had been implemented in [Belarus|belarus] due to an alleged aggravation of the situation at the country’s borders, according to the Belarusian state-funded news agency [Belta|belta].
        Earlier Belarusian Foreign Minister [Vladimir Makei|makei] told the Russian newspaper [Izvestia|izvestia] that [Lukashenka|lukashenka] “held a number of meetings with law enforcement agencies, and a counter-terrorist operation regime was introduced.”
        Also, [Nasha Niva|nasha-niva]’s sources in the [Belarusian armed forces|belarus-armed-forces] said that this week the Belarusian military was informed that they aren’t allowed to leave [Belarus|belarus] except for [Russia|russia], while the reserve officers are urged to return to active-duty service.
        --- 003
        On February 9, 2022, [Alexander Lukashenka|lukashenka] signed Decree No. 34 on retirement and conscription into the reserve military service.
        “In order to carry out operational camouflage measures and demonstrate their presence, units of the [Belarusian Armed Forces|belarus-armed-forces] are placing wooden moults of tanks in the areas bordering [Ukraine|ukraine],” [Defence Ministry|belarus-defence-ministry] spokesman [Alexander Motuzyanik|motuzyanik] said.
        On June 24, 2022, Ammunition started being exported from [Belarus|belarus] to [Russia|russia]. “[Belaruski Hayun|belaruski-hayun]” reported about the loading of ammunition into 100 covered wagons for the transportation of explosive materials, which were leased from [BelZhD|belarusian-railway] by the [Belarus|belarus] Military Communications Department and the Central Administration of Military Communications of the [Russian Ministry of Defence|russia-defence-ministry].
        --- 004
        [Putin|putin]’s mobilization may affect [Belarus|belarus] in other ways. According to Ukrainian Deputy Defense Minister [Hanna Malyar|malyar], the [Kremlin|kremlin] plans to place 20,000 newly mobilized Russian servicemen in [Belarus|belarus].
        [Kyiv|kyiv] has denied the accusations and said handing over a diplomatic note could be part of [Russia|russia]‘s plan to drag [Belarus|belarus] into the conflict.
        [Oleksiy Danilov|danilov], secretary of [Ukraine|ukraine]’s [National Security and Defense Council|ukraine-nsdc], admitted that [Kyiv|kyiv] was confident there would be no invasion of [Belarus|belarus] – just two days before it happened.
    "#]].assert_eq(&out);
}

// ------------------------------------------------------------------- hostile inputs

#[test]
fn hostile_registry_texts_do_not_panic() {
    let nested = format!("x = {}1{}", "[".repeat(5000), "]".repeat(5000));
    let inputs = [
        "",
        "\u{feff}",
        "\u{feff}[[actor]]\nid = \"a\"\nname = \"A\"\nkind = \"person\"\n",
        "\0\0\0",
        "[[",
        "[[actor]",
        "[[actor]]\nid = \"é",
        "[[actor]]\nid = \"a\"\nname = \"\u{1F1E7}\u{1F1FE}\"\naliases = [\"\u{1F525}\"]",
        "[[actor]]\r\n\r\n\r\n",
        "actor = []",
        "actor = [[], {}, 1]",
        "[actor.sub]\nx = 1",
        "[[actor.sub]]\nx = 1",
        "[[actor]]\n[actor.extra]\nx = 1",
        "[[actor]]\nname.first = \"A\"",
        nested.as_str(),
    ];
    for input in inputs {
        let registry = parse_registry(input);
        for d in &registry.diagnostics {
            assert!(
                input.get(d.range.start..d.range.end).is_some(),
                "{input:?}: {d:?}"
            );
        }
        let refs = [&registry];
        let _ = cross_check(&refs);
        let actors = registry.listed();
        let _ = AliasMatcher::from_actors(&actors).find(input);
    }
}

#[test]
fn hostile_matcher_inputs_do_not_panic() {
    // 100,000 actors, with a one-letter alias, an empty alias and forms that are all
    // prefixes of one another.
    let mut forms: Vec<(usize, String)> = (0..100_000).map(|i| (i, format!("Actor{i}"))).collect();
    forms.push((100_000, "a".to_owned()));
    forms.push((100_001, String::new()));
    forms.push((100_002, " ".to_owned()));
    for n in 1..50 {
        forms.push((100_003 + n, "b".repeat(n)));
    }
    let matcher = AliasMatcher::new(forms.iter().map(|(i, f)| (*i, f.as_str())));
    let texts = [
        String::new(),
        "a".to_owned(),
        "a a a".to_owned(),
        "aaaa a".to_owned(),
        "b".repeat(10_000),
        "b ".repeat(1_000),
        "Actor1 Actor99999 Actor100000 Actor12x xActor7 Actor0".to_owned(),
        "é🙂a🙂é Ä a".to_owned(),
        "\u{0301}a\u{0301}".to_owned(),
    ];
    for text in &texts {
        for m in matcher.find(text) {
            assert!(text.get(m.range.start..m.range.end).is_some());
        }
    }
    let found: Vec<(usize, &str)> = matcher
        .find(&texts[6])
        .iter()
        .map(|m| (m.actor, m.range.slice(&texts[6])))
        .collect();
    assert_eq!(
        found,
        vec![(1, "Actor1"), (99_999, "Actor99999"), (0, "Actor0")]
    );
    let found: Vec<&str> = matcher
        .find(&texts[5])
        .iter()
        .map(|m| m.range.slice(&texts[5]))
        .collect();
    assert_eq!(found.len(), 1_000);
    assert_eq!(matcher.find(&texts[4]), vec![]);
}

#[test]
fn hostile_registry_with_many_actors() {
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&format!(
            "[[actor]]\nid = \"a{i}\"\nname = \"Name{i}\"\nkind = \"person\"\naliases = [\"x\", \"\"]\n\n"
        ));
    }
    let registry = parse_registry(&text);
    assert_eq!(registry.actors.len(), 20_000);
    // Every actor after the first claims `x` again, and every one has an empty alias.
    let duplicates = registry
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagnosticCode::DuplicateAlias)
        .count();
    let empties = registry
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagnosticCode::EmptyAlias)
        .count();
    assert_eq!((duplicates, empties), (19_999, 20_000));
    let actors = registry.listed();
    let matcher = AliasMatcher::from_actors(&actors);
    let found = matcher.find("Name19999 met x and Name0.");
    let ids: Vec<&str> = found
        .iter()
        .filter_map(|m| actors.get(m.actor).map(|a| a.id.value.as_str()))
        .collect();
    assert_eq!(ids, vec!["a19999", "a0", "a0"]);
}

#[test]
fn registry_with_byte_order_mark() {
    check_registry(
        "\u{feff}[[actor]]\nid = \"a\"\nname = \"A\"\nkind = \"person\"\n",
        expect![[r#"
            actor a "A" person 1:2
        "#]],
    );
}

/// The matcher tries its automaton only where a form's first byte stands outside a word;
/// it finds exactly what trying every form at every character finds: at each place in
/// turn, the longest form standing on word boundaries there, then on after it.
#[test]
fn mentions_agree_with_trying_every_form_everywhere() {
    const FORMS: &[(usize, &str)] = &[
        (0, "Łukaszenka"),
        (1, "Minsk"),
        (2, "Minsk Region"),
        (3, "Region Council"),
        (4, "Gomel Reg"),
        (5, "’Ndrangheta"),
        (6, "a b"),
        (7, "#Belarus"),
        (8, "Ж"),
    ];
    const PIECES: &[&str] = &[
        "Łukaszenka",
        "Minsk",
        " Region",
        " Council",
        "Gomel",
        " Reg",
        "’",
        "Ndrangheta",
        "a",
        " b",
        "#",
        "Belarus",
        "Ж",
        "x",
        " ",
        "’s",
        "-",
        "é",
        "1",
    ];
    let matcher = AliasMatcher::new(FORMS.iter().copied());
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    crate::fixture::for_random_texts(PIECES, |text| {
        let mut expected = Vec::new();
        let mut at = 0;
        while at < text.len() {
            let before = word_char(text[..at].chars().next_back());
            let fitting = FORMS
                .iter()
                .filter(|(_, form)| text[at..].starts_with(form))
                .filter(|(_, form)| {
                    let first = word_char(form.chars().next());
                    let last = word_char(form.chars().next_back());
                    let after = word_char(text[at + form.len()..].chars().next());
                    let inside_a_word = (before && first) || (last && after);
                    !inside_a_word
                })
                .max_by_key(|(actor, form)| (form.len(), std::cmp::Reverse(*actor)));
            match fitting {
                Some((actor, form)) => {
                    expected.push((at, at + form.len(), *actor));
                    at += form.len();
                }
                None => at += text[at..].chars().next().map_or(1, char::len_utf8),
            }
        }
        let found: Vec<(usize, usize, usize)> = matcher
            .find(text)
            .iter()
            .map(|mention| (mention.range.start, mention.range.end, mention.actor))
            .collect();
        proptest::prop_assert_eq!(found, expected, "text {:?}", text);
        Ok(())
    });
}

#[test]
fn registry_syntax_error_points_at_the_construct_left_open() {
    // The `]` missing on line 5; the parser only gives up on line 7.
    check_registry(
        r#"[[actor]]
id = "a"
name = "A"
kind = "person"
aliases = ["x", "y"

role = "r"
"#,
        expect![[r#"
            error registry-syntax 5:11 "[": TOML syntax error: invalid array; expected `]` (the parser stopped on line 7); the array opened here with `[` is never closed
        "#]],
    );
    // An inline table without its `}`.
    check_registry(
        r#"[[actor]]
id = "a"
name = "A"
links = { site = "https://a.example"
kind = "person"
"#,
        expect![[r#"
            error registry-syntax 4:9 "{": TOML syntax error: invalid inline table; expected `}` (the parser stopped on line 4); the inline table opened here with `{` is never closed
        "#]],
    );
    // A multi-line string never closed: the parser reaches the end of the file.
    check_registry(
        r#"[[actor]]
id = "a"
name = "A"
description = """Long

[[actor]]
id = "b"
"#,
        expect![[r#"
            error registry-syntax 4:15 "\"\"\"": TOML syntax error: invalid multiline basic string (the parser stopped on line 8); the string opened here with `"""` is never closed by a matching `"""`
        "#]],
    );
    // A table header without its `]]`.
    check_registry(
        r#"[[actor]]
id = "a"
name = "A"

[[actor
id = "b"
"#,
        expect![[r#"
            error registry-syntax 5:1 "[[": TOML syntax error: invalid table header; expected `.`, `]]` (the parser stopped on line 5); the table header opened here with `[[` is never closed by `]]`
        "#]],
    );
    // A comma missing inside an array that is closed: nothing was left open, so the
    // parser's place stands.
    check_registry(
        r#"[[actor]]
id = "a"
name = "A"
aliases = ["x" "y"]
"#,
        expect![[r#"
            error registry-syntax 4:16 "\"": TOML syntax error: invalid array; expected `]`
        "#]],
    );
}

// ------------------------------------------------------- generated forms by language

/// A registry written in English, as the issue's users keep theirs.
const SLAVIC_FIXTURE: &str = r#"
[[actor]]
id = "lukashenka"
name = "Aliaksandr Lukashenka"
kind = "person"
aliases = ["Lukashenka", "Lukashenko", "Alexander Lukashenko"]

[[actor]]
id = "zelensky"
name = "Volodymyr Zelensky"
kind = "person"
aliases = ["Zelensky"]

[[actor]]
id = "tsikhanouskaya"
name = "Sviatlana Tsikhanouskaya"
kind = "person"
aliases = ["Tsikhanouskaya"]

[[actor]]
id = "putin"
name = "Vladimir Putin"
kind = "person"
aliases = ["Putin"]

[[actor]]
id = "ivanova"
name = "Anna Ivanova"
kind = "person"
aliases = ["Ivanova"]

[[actor]]
id = "shoigu"
name = "Shoigu"
kind = "person"

[[actor]]
id = "belarus"
name = "Belarus"
kind = "state"

[[actor]]
id = "nato"
name = "NATO"
kind = "organization"
"#;

fn check_slavic(registry: &str, text: &str, expect: Expect) {
    let registry = parse_registry(registry);
    assert_eq!(registry.diagnostics, vec![]);
    let actors = registry.listed();
    let matcher = AliasMatcher::from_actors(&actors);
    expect.assert_eq(&annotate(&actors, &matcher, text));
}

#[test]
fn cross_script_keys() {
    let words = [
        "Lukashenka",
        "Lukashenko",
        "Лукашенко",
        "Лукашэнка",
        "Łukaszenka",
        "Łukašenka",
        "Aliaksandr",
        "Alexander",
        "Аляксандр",
        "Александр",
        "Aleksander",
        "Tsikhanouskaya",
        "Ціханоўская",
        "Cichanouska",
        "Zelensky",
        "Zelenskyy",
        "Зеленский",
        "Зеленський",
        "Zełenski",
        "Putin",
        "Пуцін",
        "Shevchenko",
        "Шевченко",
        "Szewczenko",
        "Yuliya",
        "Юлия",
        "Julia",
        "Хрyщёв",
        "Ὅμηρος",
        "",
    ];
    let rendered: Vec<String> = words
        .iter()
        .map(|word| format!("{word} → {:?}", key_of(word)))
        .collect();
    expect![[r#"
        Lukashenka → Some("lukasenka")
        Lukashenko → Some("lukasenko")
        Лукашенко → Some("lukasenko")
        Лукашэнка → Some("lukasenka")
        Łukaszenka → Some("lukasenka")
        Łukašenka → Some("lukasenka")
        Aliaksandr → Some("alaksandr")
        Alexander → Some("aleksandr")
        Аляксандр → Some("alaksandr")
        Александр → Some("aleksandr")
        Aleksander → Some("aleksandr")
        Tsikhanouskaya → Some("ticanouska")
        Ціханоўская → Some("ticanouska")
        Cichanouska → Some("ticanouska")
        Zelensky → Some("zelenski")
        Zelenskyy → Some("zelenski")
        Зеленский → Some("zelenski")
        Зеленський → Some("zelenski")
        Zełenski → Some("zelenski")
        Putin → Some("putin")
        Пуцін → Some("putin")
        Shevchenko → Some("sevcenko")
        Шевченко → Some("sevcenko")
        Szewczenko → Some("sevcenko")
        Yuliya → Some("ula")
        Юлия → Some("ula")
        Julia → Some("ula")
        Хрyщёв → Some("crisev")
        Ὅμηρος → None
         → None"#]]
    .assert_eq(&rendered.join("\n"));
}

#[test]
fn case_forms_in_russian() {
    check_slavic(
        SLAVIC_FIXTURE,
        "Лукашенко сказал; у Лукашенко; с Лукашенко.
Зеленский, Зеленского, Зеленскому, Зеленским, о Зеленском.
Путин, Путина, Путину, Путиным, о Путине.
Иванова, Ивановой, Иванову, Ивановою.
Александр Лукашенко, Александра Лукашенко, Александру Лукашенко, Александром Лукашенко.
Владимир Путин, Владимира Путина, Владимиру Путину, Владимиром Путиным, о Владимире Путине.
Шойгу и НАТО; Беларусь.",
        expect![[r#"
            [Лукашенко|lukashenka] сказал; у [Лукашенко|lukashenka]; с [Лукашенко|lukashenka].
            [Зеленский|zelensky], [Зеленского|zelensky], [Зеленскому|zelensky], [Зеленским|zelensky], о [Зеленском|zelensky].
            [Путин|putin], [Путина|putin], [Путину|putin], [Путиным|putin], о [Путине|putin].
            [Иванова|ivanova], [Ивановой|ivanova], [Иванову|ivanova], [Ивановою|ivanova].
            [Александр Лукашенко|lukashenka], [Александра Лукашенко|lukashenka], [Александру Лукашенко|lukashenka], [Александром Лукашенко|lukashenka].
            [Владимир Путин|putin], [Владимира Путина|putin], [Владимиру Путину|putin], [Владимиром Путиным|putin], о [Владимире Путине|putin].
            [Шойгу|shoigu] и [НАТО|nato]; [Беларусь|belarus].
        "#]],
    );
}

#[test]
fn case_forms_in_ukrainian() {
    check_slavic(
        SLAVIC_FIXTURE,
        "Лукашенко, Лукашенка, Лукашенкові, Лукашенку, Лукашенком.
Зеленський, Зеленського, Зеленському, Зеленським, у Зеленськім.
Володимир Зеленський, Володимира Зеленського, Володимиру Зеленському, Володимиром Зеленським.
Путін, Путіна, Путіну, Путінові, Путіним, Путіні.
Іванова, Іванової, Івановій, Іванову, Івановою.",
        expect![[r#"
            [Лукашенко|lukashenka], [Лукашенка|lukashenka], [Лукашенкові|lukashenka], [Лукашенку|lukashenka], [Лукашенком|lukashenka].
            [Зеленський|zelensky], [Зеленського|zelensky], [Зеленському|zelensky], [Зеленським|zelensky], у [Зеленськім|zelensky].
            [Володимир Зеленський|zelensky], [Володимира Зеленського|zelensky], [Володимиру Зеленському|zelensky], [Володимиром Зеленським|zelensky].
            [Путін|putin], [Путіна|putin], [Путіну|putin], [Путінові|putin], [Путіним|putin], [Путіні|putin].
            [Іванова|ivanova], [Іванової|ivanova], [Івановій|ivanova], [Іванову|ivanova], [Івановою|ivanova].
        "#]],
    );
}

#[test]
fn case_forms_in_belarusian() {
    check_slavic(
        SLAVIC_FIXTURE,
        "Лукашэнка, Лукашэнкі, Лукашэнку, Лукашэнкам.
Аляксандр Лукашэнка, Аляксандра Лукашэнкі, Аляксандру Лукашэнку, Аляксандрам Лукашэнкам.
Ціханоўская, Ціханоўскай, Ціханоўскую, Ціханоўскаю.
Святлана Ціханоўская, Святланы Ціханоўскай, Святлане Ціханоўскай, Святланай Ціханоўскай.
Пуцін, Пуціна, Пуціну, Пуціным, Пуціне.",
        expect![[r#"
            [Лукашэнка|lukashenka], [Лукашэнкі|lukashenka], [Лукашэнку|lukashenka], [Лукашэнкам|lukashenka].
            [Аляксандр Лукашэнка|lukashenka], [Аляксандра Лукашэнкі|lukashenka], [Аляксандру Лукашэнку|lukashenka], [Аляксандрам Лукашэнкам|lukashenka].
            [Ціханоўская|tsikhanouskaya], [Ціханоўскай|tsikhanouskaya], [Ціханоўскую|tsikhanouskaya], [Ціханоўскаю|tsikhanouskaya].
            [Святлана Ціханоўская|tsikhanouskaya], [Святланы Ціханоўскай|tsikhanouskaya], [Святлане Ціханоўскай|tsikhanouskaya], [Святланай Ціханоўскай|tsikhanouskaya].
            [Пуцін|putin], [Пуціна|putin], [Пуціну|putin], [Пуціным|putin], [Пуціне|putin].
        "#]],
    );
}

#[test]
fn case_forms_in_polish() {
    check_slavic(
        SLAVIC_FIXTURE,
        "Łukaszenka, Łukaszenki, Łukaszence, Łukaszenkę, Łukaszenką, Łukaszenko!
Aleksander Łukaszenka, Aleksandra Łukaszenki, Aleksandrowi Łukaszence, Aleksandrem Łukaszenką, o Aleksandrze Łukaszence.
Alaksandr Łukašenka, Alaksandra Łukašenki (Łacinka).
Zełenski, Zełenskiego, Zełenskiemu, Zełenskim; Wołodymyr Zełenski, Wołodymyra Zełenskiego.
Cichanouska, Cichanouskiej, Cichanouską; Swiatłana Cichanouska, Swiatłany Cichanouskiej.
Putin, Putina, Putinowi, Putinem, o Putinie; Władimir Putin, Władimira Putina, Władimirowi Putinowi.
Iwanowa, Iwanowej, Iwanową.",
        expect![[r#"
            [Łukaszenka|lukashenka], [Łukaszenki|lukashenka], [Łukaszence|lukashenka], [Łukaszenkę|lukashenka], [Łukaszenką|lukashenka], [Łukaszenko|lukashenka]!
            [Aleksander Łukaszenka|lukashenka], [Aleksandra Łukaszenki|lukashenka], [Aleksandrowi Łukaszence|lukashenka], [Aleksandrem Łukaszenką|lukashenka], o [Aleksandrze Łukaszence|lukashenka].
            [Alaksandr Łukašenka|lukashenka], [Alaksandra Łukašenki|lukashenka] (Łacinka).
            [Zełenski|zelensky], [Zełenskiego|zelensky], [Zełenskiemu|zelensky], [Zełenskim|zelensky]; [Wołodymyr Zełenski|zelensky], [Wołodymyra Zełenskiego|zelensky].
            [Cichanouska|tsikhanouskaya], [Cichanouskiej|tsikhanouskaya], [Cichanouską|tsikhanouskaya]; [Swiatłana Cichanouska|tsikhanouskaya], [Swiatłany Cichanouskiej|tsikhanouskaya].
            [Putin|putin], [Putina|putin], [Putinowi|putin], [Putinem|putin], o [Putinie|putin]; [Władimir Putin|putin], [Władimira Putina|putin], [Władimirowi Putinowi|putin].
            [Iwanowa|ivanova], [Iwanowej|ivanova], [Iwanową|ivanova].
        "#]],
    );
}

/// States, places and organisations with one-word names, declined without their case
/// forms listed: `-a` names as nouns in `-a`, names in a consonant as both genders.
const PLACES_FIXTURE: &str = r#"
[[actor]]
id = "ukraine"
name = "Ukraine"
kind = "state"
aliases = ["Украина", "Україна", "Ukraina"]

[[actor]]
id = "belarus"
name = "Belarus"
kind = "state"
aliases = ["Białoruś"]

[[actor]]
id = "minsk"
name = "Minsk"
kind = "place"

[[actor]]
id = "pravda"
name = "Ukrainska Pravda"
kind = "organization"
"#;

#[test]
fn case_forms_of_places_states_and_organisations() {
    check_slavic(
        PLACES_FIXTURE,
        "В Украине, из Украины, Украину, Украиной; в Україні, України; w Ukrainie, z Ukrainy, Ukrainę, Ukrainą.
В Беларуси, Беларусью; у Беларусі, Беларуссю; na Białorusi, z Białorusią.
В Минске, из Минска, Минском; у Мінску; w Mińsku.
Украинский, Białoruski, Минщина, Ukrainską Prawdą.",
        expect![[r#"
            В [Украине|ukraine], из [Украины|ukraine], [Украину|ukraine], [Украиной|ukraine]; в [Україні|ukraine], [України|ukraine]; w [Ukrainie|ukraine], z [Ukrainy|ukraine], [Ukrainę|ukraine], [Ukrainą|ukraine].
            В [Беларуси|belarus], [Беларусью|belarus]; у [Беларусі|belarus], [Беларуссю|belarus]; na [Białorusi|belarus], z [Białorusią|belarus].
            В [Минске|minsk], из [Минска|minsk], [Минском|minsk]; у [Мінску|minsk]; w [Mińsku|minsk].
            Украинский, Białoruski, Минщина, [Ukrainską Prawdą|pravda].
        "#]],
    );
}

#[test]
fn generated_forms_stay_out_of_longer_words_and_other_cases_of_letters() {
    check_slavic(
        SLAVIC_FIXTURE,
        "Лукашенковский режим, Łukaszenkowski reżim, путинизм, Путинизм, ПутинаX.
ЛУКАШЕНКО and лукашенко are not names; Шойгуя, Нато; Беларусская, Białoruski, Минскseparate.
«Лукашенко»-style: (Лукашенко) Лукашенко’s Лукашенко-2.",
        expect![[r#"
            Лукашенковский режим, Łukaszenkowski reżim, путинизм, Путинизм, ПутинаX.
            ЛУКАШЕНКО and лукашенко are not names; Шойгуя, Нато; Беларусская, Białoruski, Минскseparate.
            «[Лукашенко|lukashenka]»-style: ([Лукашенко|lukashenka]) [Лукашенко|lukashenka]’s [Лукашенко|lukashenka]-2.
        "#]],
    );
}

#[test]
fn forms_as_written_beat_generated_ones() {
    // `Лукашэнкі` is listed for a second actor: as written it is theirs, and so is its
    // key (`Łukaszenki`); the other case forms stay with the first. Two actors whose
    // generated forms meet (`Kovalenko`, `Kovalenka`) keep their forms as written, and
    // the case forms both would have find nothing.
    let registry = r#"
[[actor]]
id = "lukashenka"
name = "Lukashenka"
kind = "person"

[[actor]]
id = "someone-else"
name = "Лукашэнкі"
kind = "person"

[[actor]]
id = "kovalenko"
name = "Kovalenko"
kind = "person"

[[actor]]
id = "kovalenka"
name = "Kovalenka"
kind = "person"
"#;
    check_slavic(
        registry,
        "Лукашэнкі, Łukaszenki, Лукашэнку, Лукашенко.
Коваленко, Ковалэнка, Коваленкам, Kowalenkę.",
        expect![[r#"
            [Лукашэнкі|someone-else], [Łukaszenki|someone-else], [Лукашэнку|lukashenka], [Лукашенко|lukashenka].
            [Коваленко|kovalenko], [Ковалэнка|kovalenka], Коваленкам, Kowalenkę.
        "#]],
    );
}

#[test]
fn generated_forms_are_explained() {
    let registry = parse_registry(SLAVIC_FIXTURE);
    let actors = registry.listed();
    let matcher = AliasMatcher::from_actors(&actors);
    let rendered: Vec<String> = [
        "Lukashenka",
        "Лукашэнкі",
        "Лукашенко",
        "Аляксандра Лукашэнкі",
        "Zełenskiego",
        "Путинизм",
    ]
    .iter()
    .map(|written| {
        let origin = matcher.origin(written).map(|origin| {
            let cases: Vec<String> = origin
                .cases
                .iter()
                .map(|(language, case)| format!("{} {}", language.name(), case.name()))
                .collect();
            format!(
                "{} of {:?}: {}",
                actors[origin.actor].id.value,
                origin.form,
                cases.join(", ")
            )
        });
        format!("{written} → {origin:?}")
    })
    .collect();
    expect![[r#"
        Lukashenka → None
        Лукашэнкі → Some("lukashenka of \"Lukashenka\": Belarusian genitive, Polish genitive")
        Лукашенко → Some("lukashenka of \"Lukashenko\": ")
        Аляксандра Лукашэнкі → Some("lukashenka of \"Aliaksandr Lukashenka\": Belarusian genitive, Polish genitive")
        Zełenskiego → Some("zelensky of \"Zelensky\": Polish genitive, Polish accusative")
        Путинизм → None"#]].assert_eq(&rendered.join("\n"));
}

#[test]
fn generated_mentions_are_whole_words_in_order_and_explained() {
    const PIECES: &[&str] = &[
        "Лукашэнкі",
        "Лукашенко",
        "Łukaszenka",
        "Aleksandra",
        "Аляксандра",
        "Путина",
        "Putin",
        "NATO",
        "НАТО",
        " ",
        "\u{a0}",
        "  ",
        "-",
        "’s",
        "ов",
        "x",
        "\u{301}",
        "Ж",
        ".",
    ];
    let registry = parse_registry(SLAVIC_FIXTURE);
    let actors = registry.listed();
    let matcher = AliasMatcher::from_actors(&actors);
    let word_char = |c: Option<char>| c.is_some_and(super::generated::is_word_char);
    crate::fixture::for_random_texts(PIECES, |text| {
        let mut last_end = 0;
        for mention in matcher.find(text) {
            let range = mention.range;
            proptest::prop_assert!(range.start >= last_end, "overlap in {:?}", text);
            let written = text.get(range.start..range.end);
            proptest::prop_assert!(written.is_some(), "not on characters in {:?}", text);
            let written = written.unwrap_or("");
            let as_written = matcher.forms().any(|(_, form)| form == written);
            if !as_written {
                // By key: whole words, explained, of the actor found.
                proptest::prop_assert!(!word_char(text[..range.start].chars().next_back()));
                proptest::prop_assert!(!word_char(text[range.end..].chars().next()));
                let origin = matcher.origin(written);
                proptest::prop_assert_eq!(
                    origin.map(|origin| origin.actor),
                    Some(mention.actor),
                    "{:?} in {:?}",
                    written,
                    text
                );
            }
            last_end = range.end;
        }
        Ok(())
    });
}

#[test]
fn an_english_line_quoting_a_name_reads_only_around_it() {
    // Few Cyrillic or Polish letters: only the runs of capitalised words around a word
    // that has one are read (`Putina`, plain ASCII, is not looked up here).
    check_slavic(
        SLAVIC_FIXTURE,
        "In English, Putina is no form, but Łukaszenki and Aleksandra Łukaszenki are read, and nothing else in this long English sentence.
The Cyrillic ‘Лукашенко’ and Putin stay, and so does Belarus.",
        expect![[r#"
            In English, Putina is no form, but [Łukaszenki|lukashenka] and [Aleksandra Łukaszenki|lukashenka] are read, and nothing else in this long English sentence.
            The Cyrillic ‘[Лукашенко|lukashenka]’ and [Putin|putin] stay, and so does [Belarus|belarus].
        "#]],
    );
}

#[test]
fn word_characters_by_hand_agree_with_the_standard_library() {
    for ch in (0..0x2000u32).filter_map(char::from_u32) {
        assert_eq!(
            super::matcher::is_word_char(ch),
            ch.is_alphanumeric(),
            "{ch:?}"
        );
        if ch.is_alphanumeric() {
            assert_eq!(
                super::generated::is_capital(ch),
                ch.is_uppercase(),
                "{ch:?}"
            );
        }
    }
}

#[test]
fn a_bare_form_after_another_countrys_possessive_is_no_mention() {
    check_mentions(
        "The U.S.' Defense Ministry said; Belarus's Defense Ministry said; NATO's Defense Ministry.",
        expect![[r#"
            The [U.S.|united-states]' Defense Ministry said; [Belarus|belarus]'s [Defense Ministry|belarus-mod] said; [NATO|nato]'s [Defense Ministry|belarus-mod].
        "#]],
    );
}
