//! Hover cards, as Markdown: actors (who they are and what the corpus knows of them),
//! temporal expressions (how they were resolved), citations and header fields.

use super::symbol::{symbol_at, Symbol};
use crate::corpus::{ArticleFile, Corpus};
use crate::temporal::{CalendarDate, Precision, Resolution, TimexKind};
use crate::text::TextRange;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoverCard {
    pub range: TextRange,
    pub markdown: String,
}

pub fn hover(corpus: &Corpus, path: &str, offset: usize) -> Option<HoverCard> {
    let Some((range, symbol, _)) = symbol_at(corpus, path, offset) else {
        // Anywhere else in a claim's sentence: the claim card.
        let file = corpus.article(path)?;
        let claim = super::claims::claim_at(&file, offset)?;
        return Some(HoverCard {
            range: claim.sentence,
            markdown: super::claims::claim_card(corpus, &file, claim),
        });
    };
    let markdown = match symbol {
        Symbol::Actor(actor) => match corpus.article(path) {
            Some(file) => {
                generated_form_line(corpus, &file, range, actor) + &actor_card(corpus, actor)?
            }
            None => actor_card(corpus, actor)?,
        },
        Symbol::Article(id) => citation_card(corpus, &id),
        Symbol::Timex(index) => timex_card(&*corpus.article(path)?, index)?,
        Symbol::HeaderField { index, on_key } => {
            header_card(corpus, corpus.indexed_article(path)?, index, on_key)?
        }
    };
    Some(HoverCard { range, markdown })
}

/// For a mention that no registry lists as written, how it was found: "*Лукашэнкі* —
/// genitive (Belarusian, Polish) of “Lukashenka”, generated". Empty otherwise.
fn generated_form_line(
    corpus: &Corpus,
    file: &ArticleFile,
    range: TextRange,
    actor: usize,
) -> String {
    let written = range.slice(&file.text);
    let Some(origin) = corpus
        .matcher()
        .origin(written)
        .filter(|origin| origin.actor == actor)
    else {
        return String::new();
    };
    let how = if origin.cases.is_empty() {
        "spelled in another script".to_string()
    } else {
        // Cases in the order of the paradigms, each with the languages that have it.
        let mut by_case: Vec<(crate::actors::Case, Vec<&str>)> = Vec::new();
        for (language, case) in &origin.cases {
            match by_case.iter_mut().find(|(known, _)| known == case) {
                Some((_, languages)) => languages.push(language.name()),
                None => by_case.push((*case, vec![language.name()])),
            }
        }
        by_case.sort_by_key(|(case, _)| *case as usize);
        let cases: Vec<String> = by_case
            .iter()
            .map(|(case, languages)| format!("{} ({})", case.name(), languages.join(", ")))
            .collect();
        cases.join(", ")
    };
    format!(
        "*{}* — {how} of “{}”, generated\n\n",
        escape(written),
        escape(&origin.form)
    )
}

/// Markdown control characters in user text would change the card's layout.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// Whether `phrase` (an actor's role) names `name` (a name or alias of another actor) as
/// whole words: case, spacing and the apostrophe's form aside, so that "Spokesman of the
/// Belarusian Defence Ministry" names "Defence Ministry" and "President of Belarus" names
/// "Belarus", but "Belarusian journalist" does not name "Belarus".
fn names_within(phrase: &str, name: &str) -> bool {
    fn normalise(text: &str) -> String {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
            .replace('’', "'")
    }
    let (phrase, name) = (normalise(phrase), normalise(name));
    if name.is_empty() {
        return false;
    }
    phrase.match_indices(&name).any(|(start, found)| {
        let before = phrase[..start].chars().next_back();
        let after = phrase[start + found.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The card of an actor: who it is, then what the corpus knows.
pub fn actor_card(corpus: &Corpus, actor: usize) -> Option<String> {
    let entry = corpus.actors().get(actor)?;
    let actor_data = &entry.actor;
    let mut card = format!("### {}\n\n", escape(&actor_data.name.value));
    let mut facts = vec![format!("*{}*", actor_data.kind.as_str())];
    if let Some(role) = &actor_data.role {
        facts.push(escape(role));
    }
    if let Some(affiliation) = &actor_data.affiliation {
        match corpus
            .actor_index(&affiliation.value)
            .and_then(|index| corpus.actors().get(index))
        {
            Some(other) => {
                let named_by_role = actor_data.role.as_deref().is_some_and(|role| {
                    other
                        .actor
                        .forms()
                        .any(|form| names_within(role, &form.value))
                });
                // "President of Belarus · of Belarus" says it twice.
                if !named_by_role {
                    facts.push(format!("of {}", escape(&other.actor.name.value)));
                }
            }
            None => facts.push(format!("of {} (unknown)", escape(&affiliation.value))),
        }
    }
    card.push_str(&facts.join(" · "));
    card.push_str("\n\n");
    if let Some(description) = &actor_data.description {
        card.push_str(&escape(description));
        card.push_str("\n\n");
    }
    if !actor_data.aliases.is_empty() {
        let aliases: Vec<String> = actor_data
            .aliases
            .iter()
            .map(|alias| format!("“{}”", escape(&alias.value)))
            .collect();
        card.push_str(&format!("Also written: {}\n\n", aliases.join(", ")));
    }
    let stats = corpus.actor_stats(actor);
    if stats.mentions == 0 {
        card.push_str("No mentions in the corpus yet.\n");
    } else {
        card.push_str(&format!(
            "**{} mention{}** in **{} article{}**",
            stats.mentions,
            if stats.mentions == 1 { "" } else { "s" },
            stats.articles,
            if stats.articles == 1 { "" } else { "s" },
        ));
        match (stats.first, stats.last) {
            (Some(first), Some(last)) if first == last => {
                card.push_str(&format!(", dated {first}"))
            }
            (Some(first), Some(last)) => card.push_str(&format!(", first {first}, last {last}")),
            _ => {}
        }
        card.push_str("\n\n");
        if !stats.top_sources.is_empty() {
            let top: Vec<String> = stats
                .top_sources
                .iter()
                .take(crate::corpus::TOP_SOURCES)
                .map(|(source, count)| format!("{} ({count})", escape(source)))
                .collect();
            card.push_str(&format!("Most mentioned by: {}\n\n", top.join(", ")));
        }
    }
    if !actor_data.links.is_empty() {
        let links: Vec<String> = actor_data
            .links
            .iter()
            .map(|link| format!("<{link}>"))
            .collect();
        card.push_str(&links.join(" · "));
        card.push_str("\n\n");
    }
    card.push_str(&format!("`{}` in {}", actor_data.id.value, entry.registry));
    Some(card)
}

fn citation_card(corpus: &Corpus, id: &str) -> String {
    let Some(file) = corpus.article_by_id(id) else {
        return format!(
            "**Unknown article** `{}`: no file in the corpus has this id.",
            id
        );
    };
    article_summary(file)
}

/// Title, source and date of an article, as a card.
pub fn article_summary(file: &ArticleFile) -> String {
    let title = file.title().unwrap_or("(untitled)");
    let mut card = format!("### {}\n\n", escape(title));
    let mut facts = Vec::new();
    if let Some(source) = file.source() {
        facts.push(escape(source));
    }
    if let Some(date) = file.date {
        facts.push(date.to_string());
    }
    if let Some(kind) = file.article.header.value("kind") {
        facts.push(format!("*{}*", escape(kind)));
    }
    if !facts.is_empty() {
        card.push_str(&facts.join(" · "));
        card.push_str("\n\n");
    }
    if let Some(url) = file.url() {
        card.push_str(&format!("<{url}>\n\n"));
    }
    card.push_str(&format!("`{}` — {}", file.id, file.path));
    card
}

fn precision_name(value: &str) -> &'static str {
    match CalendarDate::parse_iso(value).map(|date| date.precision()) {
        Ok(Precision::Day) => "a day",
        Ok(Precision::Month) => "a month",
        Ok(Precision::Year) => "a year",
        Err(_) if value.contains("-W") => "a week",
        Err(_) if value.contains('/') => "a span",
        Err(_) => "a period",
    }
}

fn timex_card(file: &ArticleFile, index: usize) -> Option<String> {
    let timex = file.timexes.get(index)?;
    let text = timex.range.slice(&file.text);
    let kind = match timex.kind {
        TimexKind::Date => "date",
        TimexKind::Time => "time",
        TimexKind::Duration => "duration",
        TimexKind::Set => "recurring time",
    };
    let mut card = format!("**“{}”** — {kind}\n\n", escape(text));
    if let Some(words) = timex
        .value
        .as_deref()
        .filter(|_| timex.resolution != Resolution::Vague)
        .and_then(crate::temporal::readable_value)
    {
        card.push_str(&format!("**{}**\n\n", escape(&words)));
    }
    match (&timex.value, &timex.resolution) {
        (Some(value), Resolution::Absolute) => {
            card.push_str(&format!(
                "`{value}` ({}), as written",
                precision_name(value)
            ));
        }
        (Some(value), Resolution::Relative { explanation }) => {
            card.push_str(&format!(
                "`{value}` ({}): {}",
                precision_name(value),
                escape(explanation)
            ));
        }
        (_, Resolution::Unresolved { reason }) => {
            card.push_str(&format!("Not resolved: {}", escape(reason)));
        }
        (value, Resolution::Vague) => {
            card.push_str(&format!(
                "Vague (`{}`): it does not date the sentence",
                value.as_deref().unwrap_or("?")
            ));
        }
        (None, _) => card.push_str("No value"),
    }
    if matches!(timex.kind, TimexKind::Duration | TimexKind::Set) {
        card.push_str(
            "\n\nA length or a repetition of time, not a point: it does not date the sentence.",
        );
    }
    if let Some(date) = file.date {
        card.push_str(&format!("\n\nArticle date: {date}"));
    }
    Some(card)
}

/// What each known header key means.
pub const HEADER_KEYS: &[(&str, &str)] = &[
    ("Source", "The outlet or author that published the article. Required."),
    ("Date", "Publication date, ISO 8601 with reduced precision allowed: `2022-10-15`, `2022-10` or `2022`. Required; relative dates in the text are resolved against it."),
    ("Title", "The headline."),
    ("URL", "Where the article was published. Two files with the same URL are an error."),
    ("Id", "The id other files cite this article by, as `[@id]`. Defaults to the file name without extension."),
    ("Kind", "`article` (default) or `summary` (a note written by the corpus keeper)."),
    ("Author", "Free text."),
    ("Language", "Free text."),
    ("Tags", "Comma-separated tags."),
    ("Lint", "`undated-ok` silences undated-claim warnings for the whole file."),
];

fn header_card(corpus: &Corpus, file: &ArticleFile, index: usize, on_key: bool) -> Option<String> {
    let field = file.article.header.fields.get(index)?;
    let known = HEADER_KEYS
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(&field.key));
    let mut card = match known {
        Some((key, meaning)) => format!("**{key}** — {meaning}"),
        None => format!(
            "**{}** — not a key dateline knows; kept as written.",
            escape(&field.key)
        ),
    };
    let problems: Vec<String> = corpus
        .diagnostics(&file.path)
        .into_iter()
        .filter(|diagnostic| {
            diagnostic.range.intersects(field.value_range)
                || diagnostic.range.intersects(field.key_range)
                || diagnostic.range == field.value_range
        })
        .map(|diagnostic| format!("- {} `{}`", escape(&diagnostic.message), diagnostic.code))
        .collect();
    if !on_key && field.key.eq_ignore_ascii_case("date") {
        if let Some(date) = file.date {
            card.push_str(&format!(
                "\n\nMeans {} to {}.",
                date.first_day(),
                date.last_day()
            ));
        }
    }
    if !problems.is_empty() {
        card.push_str("\n\n**Problems:**\n");
        card.push_str(&problems.join("\n"));
    }
    Some(card)
}

#[cfg(test)]
mod tests {
    use super::names_within;

    #[test]
    fn a_role_names_an_affiliation_as_whole_words_only() {
        assert!(names_within("President of Belarus", "Belarus"));
        assert!(names_within("Head of  Our House", "our house"));
        assert!(names_within(
            "Chair of the Organization of Soldiers' Mothers",
            "Organization of Soldiers’ Mothers"
        ));
        assert!(!names_within("Belarusian journalist", "Belarus"));
        assert!(!names_within(
            "Minister of Foreign Affairs",
            "Foreign Ministry"
        ));
        assert!(!names_within("President", ""));
    }
}
