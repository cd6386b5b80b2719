//! Quick fixes: date or silence an undated claim, add a missing header line, add an
//! unknown name to the registry, add an alias the corpus uses to a registry entry.

use crate::corpus::{ArticleFile, Corpus};
use crate::diagnostic::DiagnosticCode;
use crate::text::TextRange;

pub use super::rename::FileEdit;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKind {
    QuickFix,
    Refactor,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub title: String,
    pub kind: ActionKind,
    pub edits: Vec<FileEdit>,
    /// Files the edits create (a registry that does not exist yet).
    pub creates: Vec<String>,
    /// The diagnostic code the action fixes, if any.
    pub fixes: Option<DiagnosticCode>,
    /// The range of the diagnostic it fixes.
    pub fixes_range: Option<TextRange>,
    pub preferred: bool,
}

/// Actions for the cursor or selection `range` of a file.
pub fn code_actions(corpus: &Corpus, path: &str, range: TextRange) -> Vec<Action> {
    if let Some(file) = corpus.article(path) {
        return article_actions(corpus, &file, range);
    }
    if corpus.registry(path).is_some() {
        return registry_actions(corpus, path, range);
    }
    Vec::new()
}

fn edit(path: &str, range: TextRange, new_text: impl Into<String>) -> FileEdit {
    FileEdit {
        path: path.to_string(),
        range,
        new_text: new_text.into(),
    }
}

fn article_actions(corpus: &Corpus, file: &ArticleFile, range: TextRange) -> Vec<Action> {
    let mut actions = Vec::new();
    for diagnostic in corpus.diagnostics(&file.path) {
        let touches = diagnostic.range.intersects(range)
            || diagnostic.range.contains_inclusive(range.start)
            || range.contains_range(diagnostic.range);
        if !touches {
            continue;
        }
        let end = TextRange::empty(diagnostic.range.end);
        match diagnostic.code {
            DiagnosticCode::UndatedClaim | DiagnosticCode::ClaimDatedByContext => {
                let context_value = file
                    .claims
                    .iter()
                    .find(|claim| claim.sentence == diagnostic.range)
                    .and_then(|claim| match &claim.dating {
                        crate::claims::Dating::ByContext { value, .. } => value.clone(),
                        _ => None,
                    })
                    .filter(|value| crate::temporal::CalendarDate::parse_iso(value).is_ok());
                let date = context_value.or_else(|| file.date.map(|date| date.to_string()));
                if let Some(date) = date {
                    actions.push(Action {
                        title: format!("Date this claim: insert {{date: {date}}}"),
                        kind: ActionKind::QuickFix,
                        edits: vec![edit(&file.path, end, format!(" {{date: {date}}}"))],
                        creates: Vec::new(),
                        fixes: Some(diagnostic.code),
                        fixes_range: Some(diagnostic.range),
                        preferred: diagnostic.code == DiagnosticCode::UndatedClaim,
                    });
                }
                if diagnostic.code == DiagnosticCode::UndatedClaim {
                    actions.push(Action {
                        title: "Silence for this sentence: insert {undated-ok}".into(),
                        kind: ActionKind::QuickFix,
                        edits: vec![edit(&file.path, end, " {undated-ok}")],
                        creates: Vec::new(),
                        fixes: Some(diagnostic.code),
                        fixes_range: Some(diagnostic.range),
                        preferred: false,
                    });
                }
            }
            DiagnosticCode::MissingSource | DiagnosticCode::MissingDate => {
                let (key, value) = if diagnostic.code == DiagnosticCode::MissingSource {
                    ("Source", String::new())
                } else {
                    (
                        "Date",
                        corpus.today().map(|d| d.to_string()).unwrap_or_default(),
                    )
                };
                let header = &file.article.header;
                let at = match header.fields.last() {
                    // After the last field's line.
                    Some(last) => {
                        line_end_after(&file.text, last.value_range.end.max(last.key_range.end))
                    }
                    None => 0,
                };
                let (prefix, suffix) = match header.fields.last() {
                    Some(_) => ("\n", ""),
                    // No header at all: a new header block before the body.
                    None => ("", "\n\n"),
                };
                let needs_blank = header.fields.is_empty() && file.text.starts_with(['\n', '\r']);
                let suffix = if needs_blank { "\n" } else { suffix };
                actions.push(Action {
                    title: format!("Add the missing `{key}:` line"),
                    kind: ActionKind::QuickFix,
                    edits: vec![edit(
                        &file.path,
                        TextRange::empty(at),
                        format!("{prefix}{key}: {value}{suffix}"),
                    )],
                    creates: Vec::new(),
                    fixes: Some(diagnostic.code),
                    fixes_range: Some(diagnostic.range),
                    preferred: true,
                });
            }
            DiagnosticCode::UnknownActor => {
                let name = diagnostic.range.slice(&file.text).to_string();
                actions.push(add_actor_action(corpus, &name, diagnostic.range));
            }
            _ => {}
        }
    }
    actions
}

/// The offset at the end of the line that holds `offset` (before its line break).
fn line_end_after(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text[offset..]
        .find(['\n', '\r'])
        .map(|i| offset + i)
        .unwrap_or(text.len())
}

/// A registry id made from a name: `Vladimir Makei` → `vladimir-makei`.
pub fn id_from_name(name: &str) -> String {
    let mut id = String::new();
    for ch in name.chars() {
        if ch.is_ascii_alphanumeric() {
            id.push(ch.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() {
        "actor".to_string()
    } else {
        id
    }
}

fn toml_string(value: &str) -> String {
    let mut out = String::from("\"");
    for ch in value.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            ch if ch.is_control() => out.push_str(&format!("\\u{:04X}", ch as u32)),
            ch => out.push(ch),
        }
    }
    out.push('"');
    out
}

fn add_actor_action(corpus: &Corpus, name: &str, diagnostic: TextRange) -> Action {
    let registry = corpus
        .config()
        .registries
        .first()
        .cloned()
        .unwrap_or_else(|| "actors.toml".to_string());
    let mut id = id_from_name(name);
    let base = id.clone();
    let mut suffix = 2;
    while corpus.actor_index(&id).is_some() {
        id = format!("{base}-{suffix}");
        suffix += 1;
    }
    let table = format!(
        "[[actor]]\nid = {}\nname = {}\nkind = \"other\"\naliases = []\n",
        toml_string(&id),
        toml_string(name)
    );
    let (edits, creates) = match corpus.text(&registry) {
        Some(text) => {
            let separator = if text.is_empty() || text.ends_with("\n\n") {
                ""
            } else if text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            (
                vec![edit(
                    &registry,
                    TextRange::empty(text.len()),
                    format!("{separator}{table}"),
                )],
                Vec::new(),
            )
        }
        None => (
            vec![edit(&registry, TextRange::empty(0), table)],
            vec![registry.clone()],
        ),
    };
    Action {
        title: format!("Add “{name}” to {registry}"),
        kind: ActionKind::QuickFix,
        edits,
        creates,
        fixes: Some(DiagnosticCode::UnknownActor),
        fixes_range: Some(diagnostic),
        preferred: false,
    }
}

/// Levenshtein distance over characters, bounded: `None` when above `limit`.
fn edit_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            current[j + 1] = (previous[j] + cost)
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
        }
        previous = current;
    }
    let distance = previous[b.len()];
    (distance <= limit).then_some(distance)
}

/// Whether an unknown name looks like another spelling of one of an actor's forms:
/// a small edit of it (Lukashenko / Lukashenka), or the same surname with another
/// given name (Alexander / Aliaksandr Lukashenka).
pub fn looks_like_variant(name: &str, forms: &[&str]) -> bool {
    forms.iter().any(|form| {
        if form == &name {
            return false;
        }
        let long_enough = name.chars().count() >= 5 && form.chars().count() >= 5;
        let near = long_enough && edit_distance(name, form, 2).is_some();
        let same_surname = name.contains(' ')
            && form.contains(' ')
            && name.rsplit(' ').next() == form.rsplit(' ').next();
        let same_surname_near = name.contains(' ')
            && name
                .rsplit(' ')
                .next()
                .zip(form.rsplit(' ').next())
                .is_some_and(|(a, b)| a.chars().count() >= 5 && edit_distance(a, b, 1).is_some());
        near || same_surname || same_surname_near
    })
}

fn registry_actions(corpus: &Corpus, path: &str, range: TextRange) -> Vec<Action> {
    let Some(registry) = corpus.registry(path) else {
        return Vec::new();
    };
    let mut actions = Vec::new();
    for actor in &registry.in_use().actors {
        if !(actor.range.intersects(range) || actor.range.contains_inclusive(range.start)) {
            continue;
        }
        let forms: Vec<&str> = std::iter::once(actor.name.value.as_str())
            .chain(actor.aliases.iter().map(|alias| alias.value.as_str()))
            .collect();
        for (name, articles) in corpus.frequent_unknown_names(1) {
            if !looks_like_variant(name, &forms) {
                continue;
            }
            let text = corpus.text(path).unwrap_or("");
            let edit_here = match actor.aliases.last() {
                Some(last) => edit(
                    path,
                    TextRange::empty(last.range.end),
                    format!(", {}", toml_string(name)),
                ),
                None => {
                    let after_name = line_end_after(text, actor.name.range.end);
                    edit(
                        path,
                        TextRange::empty(after_name),
                        format!("\naliases = [{}]", toml_string(name)),
                    )
                }
            };
            actions.push(Action {
                title: format!(
                    "Add alias “{name}” to `{}` (used in {articles} article{})",
                    actor.id.value,
                    if articles == 1 { "" } else { "s" }
                ),
                kind: ActionKind::Refactor,
                edits: vec![edit_here],
                creates: Vec::new(),
                fixes: None,
                fixes_range: None,
                preferred: false,
            });
        }
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_names_are_valid_registry_ids() {
        assert_eq!(id_from_name("Vladimir Makei"), "vladimir-makei");
        assert_eq!(id_from_name("Nasha Niva’s"), "nasha-niva-s");
        assert_eq!(id_from_name("Лукашенко"), "actor");
        assert!(crate::ide::rename::is_valid_id(&id_from_name("A.B. C")));
    }

    #[test]
    fn variants_are_near_spellings_or_the_same_surname() {
        assert!(looks_like_variant("Lukashenko", &["Lukashenka"]));
        assert!(looks_like_variant(
            "Alexander Lukashenka",
            &["Aliaksandr Lukashenka"]
        ));
        assert!(!looks_like_variant("Putin", &["Lukashenka"]));
        assert!(!looks_like_variant("Lukashenka", &["Lukashenka"]));
    }
}
