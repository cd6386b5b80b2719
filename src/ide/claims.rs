//! Claims as the front ends show them: every claim of an article with what makes it one,
//! who asserts it and what dates it (for `dateline claims`, the timeline and the claim
//! card), and the claim card itself.

use super::hover::escape;
use crate::claims::{Claim, ClaimTrigger, Dating, Speaker};
use crate::corpus::{ArticleFile, Corpus};

pub use crate::corpus::ClaimTally;
use crate::temporal::readable_value;
use crate::text::TextRange;

/// What makes a sentence a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TriggerView {
    /// `cue` (a statement) or `event`.
    pub kind: &'static str,
    pub text: String,
    pub range: TextRange,
    /// For an event, its verb group's form in words.
    pub form: Option<&'static str>,
}

/// Who asserts a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttributionView {
    /// The speaker as the text names it (`Belarusian president Aliaksandr Lukashenka`,
    /// `he`), or the article's source for an event.
    pub speaker: String,
    pub speaker_range: Option<TextRange>,
    /// The registry actor's id, when the speaker is one.
    pub actor: Option<String>,
    /// The actor's name in the registry, or the words naming the speaker, or the source:
    /// what a card or a timeline shows.
    pub label: String,
    pub cue: Option<String>,
    /// `direct` (quoted), `indirect`, or `source` (an event no one in the text asserts).
    pub quote: &'static str,
}

/// What dates a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateView {
    /// The TimeML value, when it could be resolved.
    pub value: Option<String>,
    /// The date as people write it (`8 October 2022`).
    pub readable: Option<String>,
    /// The words or annotation that date it.
    pub text: String,
    pub range: TextRange,
    /// `sentence`, `context` (an earlier sentence of the paragraph) or `annotation`.
    pub by: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimView {
    pub range: TextRange,
    pub text: String,
    pub trigger: TriggerView,
    pub attribution: AttributionView,
    pub date: Option<DateView>,
    /// `{undated-ok}` or `Lint: undated-ok`.
    pub silenced: bool,
}

/// How many claims the articles at `paths` make, and how many of them are undated
/// (paths that are not articles count nothing).
pub fn tally<'p>(corpus: &Corpus, paths: impl IntoIterator<Item = &'p str>) -> ClaimTally {
    paths
        .into_iter()
        .filter_map(|path| corpus.indexed_article(path))
        .fold(ClaimTally::default(), |sum, file| ClaimTally {
            claims: sum.claims + file.claim_tally.claims,
            undated: sum.undated + file.claim_tally.undated,
        })
}

/// How many articles the corpus holds, and the tally of all their claims.
pub fn corpus_tally(corpus: &Corpus) -> (usize, ClaimTally) {
    corpus.claim_totals()
}

/// The registry name of an actor, or its id when the registry has no such index.
fn actor_names(corpus: &Corpus, actor: usize) -> Option<(String, String)> {
    let entry = corpus.actors().get(actor)?;
    Some((entry.actor.id.value.clone(), entry.actor.name.value.clone()))
}

/// The attribution of `claim` in `file` (whose text is `text`: an article the corpus keeps
/// for the index holds none, see [`Corpus::text_of`]), with names from the registry.
pub fn attribution_view(
    corpus: &Corpus,
    file: &ArticleFile,
    text: &str,
    claim: &Claim,
) -> AttributionView {
    let source = file
        .article
        .header
        .value("source")
        .map(str::trim)
        .filter(|source| !source.is_empty())
        .unwrap_or("the article’s source")
        .to_string();
    let cue = claim.attribution.cue.map(|cue| cue.slice(text).to_string());
    let quote = match (&claim.attribution.speaker, claim.attribution.direct) {
        (Speaker::Source, _) => "source",
        (_, true) => "direct",
        (_, false) => "indirect",
    };
    match claim.attribution.speaker {
        Speaker::Actor {
            actor,
            range,
            named,
        } => {
            let (id, name) = actor_names(corpus, actor)
                .unwrap_or_else(|| (String::new(), named.slice(text).to_string()));
            AttributionView {
                speaker: range.slice(text).to_string(),
                speaker_range: Some(range),
                actor: (!id.is_empty()).then_some(id),
                label: name,
                cue,
                quote,
            }
        }
        Speaker::Named(range) => AttributionView {
            speaker: range.slice(text).to_string(),
            speaker_range: Some(range),
            actor: None,
            label: range.slice(text).to_string(),
            cue,
            quote,
        },
        Speaker::Source => AttributionView {
            speaker: source.clone(),
            speaker_range: None,
            actor: None,
            label: source,
            cue,
            quote,
        },
    }
}

/// Whether the dating expression at `by` is an inline `{date: …}` annotation.
fn is_annotation(file: &ArticleFile, by: TextRange) -> bool {
    file.article
        .annotations
        .iter()
        .any(|annotation| annotation.range == by)
}

/// The view of one claim of `file`.
pub fn claim_view(corpus: &Corpus, file: &ArticleFile, claim: &Claim) -> ClaimView {
    let text = &file.text;
    let trigger = match claim.trigger {
        ClaimTrigger::Cue(range) => TriggerView {
            kind: "cue",
            text: range.slice(text).to_string(),
            range,
            form: None,
        },
        ClaimTrigger::Event { verb, form } => TriggerView {
            kind: "event",
            text: verb.slice(text).to_string(),
            range: verb,
            form: Some(form.describe()),
        },
    };
    let date = match &claim.dating {
        Dating::Dated { by, value } | Dating::ByContext { by, value, .. } => Some(DateView {
            value: value.clone(),
            readable: value.as_deref().and_then(readable_value),
            text: by.slice(text).to_string(),
            range: *by,
            by: if is_annotation(file, *by) {
                "annotation"
            } else if matches!(claim.dating, Dating::ByContext { .. }) {
                "context"
            } else {
                "sentence"
            },
        }),
        Dating::Undated | Dating::Silenced => None,
    };
    ClaimView {
        range: claim.sentence,
        text: claim.sentence.slice(text).to_string(),
        trigger,
        attribution: attribution_view(corpus, file, text, claim),
        date,
        silenced: claim.dating == Dating::Silenced,
    }
}

/// Every claim of the article at `path`, in text order.
pub fn claims_of(corpus: &Corpus, path: &str) -> Vec<ClaimView> {
    let Some(file) = corpus.article(path) else {
        return Vec::new();
    };
    file.claims
        .iter()
        .map(|claim| claim_view(corpus, &file, claim))
        .collect()
}

/// The claim whose sentence holds `offset`, if any.
pub fn claim_at(file: &ArticleFile, offset: usize) -> Option<&Claim> {
    let at = file
        .claims
        .partition_point(|claim| claim.sentence.end < offset);
    file.claims
        .get(at)
        .filter(|claim| claim.sentence.contains_inclusive(offset))
}

/// A readable date with its TimeML value, for cards: `8 October 2022 (2022-10-08)`.
fn date_words(date: &DateView) -> String {
    match (&date.readable, &date.value) {
        (Some(readable), Some(value)) if readable != value => format!("{readable} ({value})"),
        (_, Some(value)) => value.clone(),
        (_, None) => "a date the article’s `Date` cannot resolve".to_string(),
    }
}

/// The claim card: what makes the sentence a claim, who asserts it, its date and where
/// that date comes from, or why it is undated.
pub fn claim_card(corpus: &Corpus, file: &ArticleFile, claim: &Claim) -> String {
    let view = claim_view(corpus, file, claim);
    let mut card = String::from("### Claim\n\n");
    match view.trigger.kind {
        "cue" => card.push_str(&format!(
            "**A statement**: the reporting cue “{}”.\n\n",
            escape(&view.trigger.text)
        )),
        _ => card.push_str(&format!(
            "**An event**: “{}” ({}).\n\n",
            escape(&view.trigger.text),
            view.trigger.form.unwrap_or("event")
        )),
    }
    let attribution = &view.attribution;
    let who = match (&attribution.actor, attribution.quote) {
        (Some(id), _) => format!(
            "{} (actor `{id}`, named “{}”)",
            escape(&attribution.label),
            escape(&attribution.speaker)
        ),
        (None, "source") => format!("{}, the article’s source", escape(&attribution.label)),
        (None, _) => format!("“{}”", escape(&attribution.label)),
    };
    let how = match attribution.quote {
        "direct" => ", quoted directly",
        "indirect" => ", in indirect speech",
        _ => "",
    };
    card.push_str(&format!("**Asserted by** {who}{how}.\n\n"));
    match &view.date {
        Some(date) => {
            let whence = match date.by {
                "annotation" => "its `{date: …}` annotation".to_string(),
                "context" => format!(
                    "an earlier sentence of its paragraph (“{}”)",
                    escape(&date.text)
                ),
                _ => format!("“{}” in the sentence", escape(&date.text)),
            };
            card.push_str(&format!(
                "**Dated** {}, by {whence}.",
                escape(&date_words(date))
            ));
        }
        None if view.silenced => {
            card.push_str("**Undated**, and marked `undated-ok`: no warning.");
        }
        None => {
            card.push_str(
                "**Undated**: neither the sentence nor an earlier one of its paragraph has a \
                 date that anchors it.",
            );
            let side = crate::claims::side_details(
                &file.text,
                claim.sentence,
                claim.trigger,
                &file.timexes,
            );
            for (range, why) in side {
                card.push_str(&format!(
                    "\n\n“{}” does not date it: {}.",
                    escape(range.slice(&file.text)),
                    why.describe()
                ));
            }
        }
    }
    card
}
