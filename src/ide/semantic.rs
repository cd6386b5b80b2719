//! Semantic tokens: what each stretch of an article is (actors by kind, temporal
//! expressions, claim cues, citations, header keys, annotations), for themes to colour.

use crate::actors::ActorKind;
use crate::claims::ClaimTrigger;
use crate::corpus::Corpus;
use crate::text::TextRange;

/// Token types, in legend order. Names are the protocol's standard ones so that every
/// theme already has a colour for them; the comment says what each stands for here.
pub const TOKEN_TYPES: &[&str] = &[
    "variable",   // a person
    "class",      // an organization
    "namespace",  // a state
    "interface",  // a media outlet
    "enumMember", // a place
    "type",       // another actor
    "number",     // a temporal expression
    "keyword",    // a claim cue
    "macro",      // a citation
    "property",   // a header key
    "decorator",  // an inline annotation
    "string",     // a header value
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Actor(ActorKind),
    Temporal,
    Cue,
    Citation,
    HeaderKey,
    Annotation,
    HeaderValue,
}

impl TokenKind {
    /// The index of the token type in [`TOKEN_TYPES`].
    pub fn legend_index(self) -> u32 {
        match self {
            TokenKind::Actor(ActorKind::Person) => 0,
            TokenKind::Actor(ActorKind::Organization) => 1,
            TokenKind::Actor(ActorKind::State) => 2,
            TokenKind::Actor(ActorKind::Media) => 3,
            TokenKind::Actor(ActorKind::Place) => 4,
            TokenKind::Actor(ActorKind::Other) => 5,
            TokenKind::Temporal => 6,
            TokenKind::Cue => 7,
            TokenKind::Citation => 8,
            TokenKind::HeaderKey => 9,
            TokenKind::Annotation => 10,
            TokenKind::HeaderValue => 11,
        }
    }
}

/// Tokens of one file in text order, not overlapping, within `range` when given.
pub fn semantic_tokens(
    corpus: &Corpus,
    path: &str,
    range: Option<TextRange>,
) -> Vec<(TextRange, TokenKind)> {
    let Some(file) = corpus.article(path) else {
        return Vec::new();
    };
    let mut tokens = Vec::new();
    for field in &file.article.header.fields {
        tokens.push((field.key_range, TokenKind::HeaderKey));
        if !field.value_range.is_empty() {
            tokens.push((field.value_range, TokenKind::HeaderValue));
        }
    }
    for mention in &file.mentions {
        if let Some(entry) = corpus.actors().get(mention.actor()) {
            tokens.push((mention.range(), TokenKind::Actor(entry.actor.kind)));
        }
    }
    for timex in &file.timexes {
        tokens.push((timex.range, TokenKind::Temporal));
    }
    for claim in &file.claims {
        if let ClaimTrigger::Cue(cue) = claim.trigger {
            tokens.push((cue, TokenKind::Cue));
        }
    }
    for citation in &file.article.citations {
        tokens.push((citation.range, TokenKind::Citation));
    }
    for annotation in &file.article.annotations {
        tokens.push((annotation.range, TokenKind::Annotation));
    }
    tokens.sort_by_key(|(range, _)| (range.start, std::cmp::Reverse(range.end)));
    // Keep the first of overlapping tokens: a mention inside a cue phrase, say.
    let mut kept: Vec<(TextRange, TokenKind)> = Vec::with_capacity(tokens.len());
    for (token_range, kind) in tokens {
        if token_range.is_empty() {
            continue;
        }
        if kept
            .last()
            .is_some_and(|(last, _)| last.end > token_range.start)
        {
            continue;
        }
        if range.is_some_and(|visible| !visible.intersects(token_range)) {
            continue;
        }
        kept.push((token_range, kind));
    }
    kept
}
