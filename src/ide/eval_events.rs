//! The claim finder scored against MEANTIME's annotation of events, speakers and temporal
//! links (`dateline eval-events`): each annotated document is analysed as an article
//! dated by its creation date, and its claims and event verbs handed to the scorer of
//! `claims::meantime`.

use crate::actors::AliasMatcher;
use crate::claims::meantime::{score, CatDocument, EventScores, PredictedClaim, Predictions};
use crate::claims::Dating;
use crate::config::Config;
use crate::corpus::analyze_article;
use crate::text::TextRange;
use std::sync::Arc;

pub use crate::claims::meantime::parse_cat;

/// The article header put before a document's text: its creation date as `Date`.
fn header(document: &CatDocument) -> String {
    let date = document
        .dct
        .as_deref()
        .map(|dct| dct.get(..10).unwrap_or(dct))
        .unwrap_or("");
    format!("Source: Wikinews\nDate: {date}\n\n")
}

/// What the claim finder predicts for one document, in the document's own offsets.
pub fn predict(document: &CatDocument, config: &Config) -> Predictions {
    let header = header(document);
    let shift = header.len();
    let text: Arc<str> = Arc::from(format!("{header}{}", document.text));
    let matcher = AliasMatcher::new(std::iter::empty());
    let file = analyze_article("eval.article", text.clone(), config, &matcher, None);
    let back = |range: TextRange| {
        TextRange::new(
            range.start.saturating_sub(shift),
            range.end.saturating_sub(shift),
        )
    };
    let claims = file
        .claims
        .iter()
        .map(|claim| PredictedClaim {
            sentence: back(claim.sentence),
            trigger: back(claim.trigger.range()),
            is_cue: claim.trigger.is_statement(),
            speaker: claim.attribution.speaker.range().map(back),
            // MEANTIME links an event to a time of its own sentence (or to the creation
            // date): a date taken from an earlier sentence has nothing to match there.
            date: match &claim.dating {
                Dating::Dated { by, .. } => Some(back(*by)),
                Dating::ByContext { .. } | Dating::Undated | Dating::Silenced => None,
            },
        })
        .collect();
    let event_verbs = crate::claims::event_verbs(&text, &file.article, config)
        .into_iter()
        .map(back)
        .collect();
    Predictions {
        claims,
        event_verbs,
    }
}

/// Scores the claim finder on parsed documents.
pub fn evaluate_events(documents: Vec<CatDocument>, config: &Config) -> EventScores {
    let scored: Vec<(CatDocument, Predictions)> = documents
        .into_iter()
        .map(|document| {
            let predictions = predict(&document, config);
            (document, predictions)
        })
        .collect();
    score(&scored)
}
