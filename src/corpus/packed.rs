//! Dated claims and claim diagnostics as the index keeps them for articles no editor has
//! open: all of an article's in one byte string, each a few varint-coded numbers with its
//! ranges counted from a range before it. A dated claim takes about 31 bytes, against 184
//! for a [`Claim`] and 88 for the fixed-width record this replaced; a diagnostic about 6
//! bytes beside its message, against 40 for a [`Diagnostic`]. At 100,000 articles there
//! are some 3 million of each.

use crate::claims::{Attribution, Claim, ClaimTrigger, Dating, EventForm, Speaker};
use crate::diagnostic::{Diagnostic, DiagnosticCode, Severity};
use crate::text::TextRange;
use std::sync::Arc;

/// A range near a claim's sentence: where it starts counted from the sentence's start
/// (before it, for an earlier sentence that dates the claim), and how long it is. Both
/// are small, so each takes a byte or two as a varint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Near {
    from_sentence: i64,
    len: u64,
}

impl Near {
    fn of(range: TextRange, sentence: TextRange) -> Self {
        Near {
            from_sentence: offset(range.start).wrapping_sub(offset(sentence.start)),
            len: range.end.saturating_sub(range.start) as u64,
        }
    }

    /// The range it stands for, or none when the numbers cannot be one (bytes that were
    /// not written by [`PackedClaims::pack`]).
    fn range(self, sentence: TextRange) -> Option<TextRange> {
        let start = offset(sentence.start).checked_add(self.from_sentence)?;
        let start = usize::try_from(start).ok()?;
        let end = start.checked_add(usize::try_from(self.len).ok()?)?;
        Some(TextRange::new(start, end))
    }
}

/// A byte offset as a signed number (offsets are far below `i64::MAX`).
fn offset(value: usize) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

/// What makes the sentence a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
enum TriggerRecord {
    Cue(Near),
    Event { verb: Near, form: EventForm },
}

/// Who asserts the claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
enum SpeakerRecord {
    Actor {
        actor: u64,
        range: Near,
        named: Near,
    },
    Named(Near),
    Source,
}

/// How the claim is dated; the date value is borrowed from the bytes when read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
enum DatingRecord<'a> {
    Dated {
        by: Near,
        value: Option<&'a str>,
    },
    ByContext {
        sentence: Near,
        by: Near,
        value: Option<&'a str>,
    },
    Undated,
    Silenced,
}

/// One claim as written: its sentence and paragraph counted from the claim before it
/// (claims come in text order, so both are small), every other range from its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct ClaimRecord<'a> {
    sentence_from_previous: i64,
    sentence_len: u64,
    paragraph_from_previous: i64,
    trigger: TriggerRecord,
    speaker: SpeakerRecord,
    cue: Option<Near>,
    direct: bool,
    #[serde(borrow)]
    dating: DatingRecord<'a>,
}

/// The dated claims of an analysis kept for the index: see the module's comment.
/// Written once ([`PackedClaims::pack`]) and read claim by claim ([`PackedClaims::iter`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PackedClaims {
    bytes: PackedBytes,
}

impl PackedClaims {
    /// The claims packed, in the order given.
    pub fn pack<'a>(claims: impl IntoIterator<Item = &'a Claim>) -> Self {
        let mut bytes = Vec::new();
        let mut previous = (0, 0);
        for claim in claims {
            let record = ClaimRecord::of(claim, previous);
            previous = (claim.sentence.start, claim.paragraph);
            // Writing into a vector cannot fail: postcard fails only when out of room.
            bytes = postcard::to_extend(&record, bytes).unwrap_or_default();
        }
        PackedClaims {
            bytes: PackedBytes(bytes.into_boxed_slice()),
        }
    }

    /// The claims as they were packed. Reading stops at bytes that are not a claim
    /// (never met in what [`PackedClaims::pack`] wrote; the cache's bytes are checked by
    /// their checksum before they are read).
    pub fn iter(&self) -> impl Iterator<Item = Claim> + '_ {
        let mut rest = &self.bytes.0[..];
        let mut previous = (0, 0);
        std::iter::from_fn(move || {
            if rest.is_empty() {
                return None;
            }
            let Ok((record, after)) = postcard::take_from_bytes::<ClaimRecord>(rest) else {
                rest = &[];
                return None;
            };
            rest = after;
            let Some(claim) = record.claim(previous) else {
                rest = &[];
                return None;
            };
            previous = (claim.sentence.start, claim.paragraph);
            Some(claim)
        })
    }

    /// Whether no claim is packed.
    pub fn is_empty(&self) -> bool {
        self.bytes.0.is_empty()
    }

    /// How many bytes the claims take.
    pub fn byte_len(&self) -> usize {
        self.bytes.0.len()
    }
}

impl<'a> ClaimRecord<'a> {
    /// The record of `claim`, whose predecessor's sentence starts and paragraph are
    /// `previous`.
    fn of(claim: &'a Claim, previous: (usize, usize)) -> Self {
        let sentence = claim.sentence;
        let near = |range: TextRange| Near::of(range, sentence);
        ClaimRecord {
            sentence_from_previous: offset(sentence.start).wrapping_sub(offset(previous.0)),
            sentence_len: sentence.end.saturating_sub(sentence.start) as u64,
            paragraph_from_previous: offset(claim.paragraph).wrapping_sub(offset(previous.1)),
            trigger: match claim.trigger {
                ClaimTrigger::Cue(range) => TriggerRecord::Cue(near(range)),
                ClaimTrigger::Event { verb, form } => TriggerRecord::Event {
                    verb: near(verb),
                    form,
                },
            },
            speaker: match claim.attribution.speaker {
                Speaker::Actor {
                    actor,
                    range,
                    named,
                } => SpeakerRecord::Actor {
                    actor: actor as u64,
                    range: near(range),
                    named: near(named),
                },
                Speaker::Named(range) => SpeakerRecord::Named(near(range)),
                Speaker::Source => SpeakerRecord::Source,
            },
            cue: claim.attribution.cue.map(near),
            direct: claim.attribution.direct,
            dating: match &claim.dating {
                Dating::Dated { by, value } => DatingRecord::Dated {
                    by: near(*by),
                    value: value.as_deref(),
                },
                Dating::ByContext {
                    sentence: context,
                    by,
                    value,
                } => DatingRecord::ByContext {
                    sentence: near(*context),
                    by: near(*by),
                    value: value.as_deref(),
                },
                Dating::Undated => DatingRecord::Undated,
                Dating::Silenced => DatingRecord::Silenced,
            },
        }
    }

    /// The claim written, or none when the numbers are not offsets.
    fn claim(self, previous: (usize, usize)) -> Option<Claim> {
        let start =
            usize::try_from(offset(previous.0).checked_add(self.sentence_from_previous)?).ok()?;
        let sentence = TextRange::new(
            start,
            start.checked_add(usize::try_from(self.sentence_len).ok()?)?,
        );
        let paragraph =
            usize::try_from(offset(previous.1).checked_add(self.paragraph_from_previous)?).ok()?;
        let near = |near: Near| near.range(sentence);
        Some(Claim {
            sentence,
            paragraph,
            trigger: match self.trigger {
                TriggerRecord::Cue(range) => ClaimTrigger::Cue(near(range)?),
                TriggerRecord::Event { verb, form } => ClaimTrigger::Event {
                    verb: near(verb)?,
                    form,
                },
            },
            attribution: Attribution {
                speaker: match self.speaker {
                    SpeakerRecord::Actor {
                        actor,
                        range,
                        named,
                    } => Speaker::Actor {
                        actor: usize::try_from(actor).ok()?,
                        range: near(range)?,
                        named: near(named)?,
                    },
                    SpeakerRecord::Named(range) => Speaker::Named(near(range)?),
                    SpeakerRecord::Source => Speaker::Source,
                },
                cue: match self.cue {
                    Some(cue) => Some(near(cue)?),
                    None => None,
                },
                direct: self.direct,
            },
            dating: match self.dating {
                DatingRecord::Dated { by, value } => Dating::Dated {
                    by: near(by)?,
                    value: value.map(str::to_string),
                },
                DatingRecord::ByContext {
                    sentence: context,
                    by,
                    value,
                } => Dating::ByContext {
                    sentence: near(context)?,
                    by: near(by)?,
                    value: value.map(str::to_string),
                },
                DatingRecord::Undated => Dating::Undated,
                DatingRecord::Silenced => Dating::Silenced,
            },
        })
    }
}

/// One diagnostic as written: its range counted from the one before it (they come in
/// text order, so both numbers are small) and its message as a number in the article's
/// table of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct DiagnosticRecord {
    start_from_previous: i64,
    len: u64,
    severity: Severity,
    code: DiagnosticCode,
    message: u32,
}

/// Diagnostics of an analysis kept for the index (its claims' ones, the bulk of them):
/// the records in one byte string, and each different message once. The messages are
/// the corpus's shared copies ([`PackedDiagnostics::messages_mut`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PackedDiagnostics {
    records: PackedBytes,
    #[serde(deserialize_with = "crate::cache::one_copies")]
    messages: Box<[Arc<str>]>,
}

impl PackedDiagnostics {
    /// The diagnostics packed, in the order given.
    pub fn pack(diagnostics: &[Diagnostic]) -> Self {
        let mut bytes = Vec::new();
        let mut messages: Vec<Arc<str>> = Vec::new();
        // An article says a few different things: looking back through them is cheaper
        // than hashing each message.
        let mut previous = 0;
        for diagnostic in diagnostics {
            let message = match messages
                .iter()
                .rposition(|held| **held == *diagnostic.message)
            {
                Some(index) => index,
                None => {
                    messages.push(diagnostic.message.clone());
                    messages.len() - 1
                }
            };
            let record = DiagnosticRecord {
                start_from_previous: offset(diagnostic.range.start).wrapping_sub(offset(previous)),
                len: diagnostic.range.end.saturating_sub(diagnostic.range.start) as u64,
                severity: diagnostic.severity,
                code: diagnostic.code,
                message: u32::try_from(message).unwrap_or(u32::MAX),
            };
            previous = diagnostic.range.start;
            bytes = postcard::to_extend(&record, bytes).unwrap_or_default();
        }
        PackedDiagnostics {
            records: PackedBytes(bytes.into_boxed_slice()),
            messages: messages.into_boxed_slice(),
        }
    }

    /// The diagnostics as they were packed. Reading stops at bytes that are not a
    /// diagnostic (as for [`PackedClaims::iter`]).
    pub fn iter(&self) -> impl Iterator<Item = Diagnostic> + '_ {
        let mut rest = &self.records.0[..];
        let mut previous: usize = 0;
        std::iter::from_fn(move || {
            let record = match postcard::take_from_bytes::<DiagnosticRecord>(rest) {
                Ok((record, after)) if !rest.is_empty() => {
                    rest = after;
                    record
                }
                _ => return None,
            };
            let diagnostic = (|| {
                let start = offset(previous).checked_add(record.start_from_previous)?;
                let start = usize::try_from(start).ok()?;
                let end = start.checked_add(usize::try_from(record.len).ok()?)?;
                let message = self.messages.get(record.message as usize)?;
                Some(Diagnostic::new(
                    TextRange::new(start, end),
                    record.severity,
                    record.code,
                    message.clone(),
                ))
            })();
            match diagnostic {
                Some(diagnostic) => {
                    previous = diagnostic.range.start;
                    Some(diagnostic)
                }
                None => {
                    rest = &[];
                    None
                }
            }
        })
    }

    /// Whether no diagnostic is packed.
    pub fn is_empty(&self) -> bool {
        self.records.0.is_empty()
    }

    /// How many bytes the records take (not the messages).
    pub fn byte_len(&self) -> usize {
        self.records.0.len()
    }

    /// Each different message once.
    pub fn messages(&self) -> &[Arc<str>] {
        &self.messages
    }

    /// Each different message once, to be made the corpus's shared copy.
    pub fn messages_mut(&mut self) -> &mut [Arc<str>] {
        &mut self.messages
    }
}

/// Bytes written as one byte string (postcard: their length, then the bytes), not byte
/// by byte.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct PackedBytes(
    #[serde(
        serialize_with = "crate::cache::byte_string",
        deserialize_with = "crate::cache::byte_string_back"
    )]
    Box<[u8]>,
);

#[cfg(test)]
mod tests {
    use super::PackedClaims;
    use crate::claims::{Attribution, Claim, ClaimTrigger, Dating, Speaker};
    use crate::text::TextRange;

    /// Every claim of the seeds, of every trigger, speaker and dating, comes back as it
    /// was packed, in a fraction of a claim's room.
    #[test]
    fn every_claim_of_the_seeds_unpacks_to_itself() {
        let mut corpus = crate::corpus::Corpus::new(None);
        corpus.set_files(crate::fixture::seed_files());
        let mut claims = 0;
        let mut bytes = 0;
        let mut kinds = std::collections::BTreeSet::new();
        for file in corpus.articles() {
            let packed = PackedClaims::pack(&file.claims);
            assert_eq!(packed.iter().collect::<Vec<_>>(), file.claims);
            for claim in &file.claims {
                kinds.insert(format!(
                    "{:?} {:?} {:?}",
                    std::mem::discriminant(&claim.trigger),
                    std::mem::discriminant(&claim.attribution.speaker),
                    std::mem::discriminant(&claim.dating)
                ));
            }
            claims += file.claims.len();
            bytes += packed.byte_len();
        }
        assert!(claims > 100, "{claims}");
        assert!(kinds.len() > 10, "{kinds:?}");
        // The fixed-width record this replaced took 88 bytes.
        assert!(bytes < claims * 40, "{bytes} bytes for {claims} claims");
    }

    /// Ranges before their sentence (an earlier sentence that dates a claim), claims out
    /// of text order and offsets beyond 32 bits come back too, and bytes that are not
    /// claims end the reading rather than panic.
    #[test]
    fn claims_far_apart_and_out_of_order_come_back_and_bad_bytes_end_the_reading() {
        let far = 5_000_000_000_usize;
        let claim = |start: usize, paragraph: usize, dating: Dating| Claim {
            sentence: TextRange::new(start, start + 40),
            paragraph,
            trigger: ClaimTrigger::Cue(TextRange::new(start + 10, start + 14)),
            attribution: Attribution {
                speaker: Speaker::Actor {
                    actor: 4_000,
                    range: TextRange::new(start, start + 9),
                    named: TextRange::new(start, start + 9),
                },
                cue: Some(TextRange::new(start + 10, start + 14)),
                direct: true,
            },
            dating,
        };
        let claims = vec![
            claim(
                far,
                9,
                Dating::ByContext {
                    sentence: TextRange::new(far - 300, far - 200),
                    by: TextRange::new(far - 250, far - 240),
                    value: Some("2022-09-21".to_string()),
                },
            ),
            claim(
                120,
                2,
                Dating::Dated {
                    by: TextRange::new(150, 159),
                    value: None,
                },
            ),
            claim(0, 0, Dating::Undated),
        ];
        let packed = PackedClaims::pack(&claims);
        assert_eq!(packed.iter().collect::<Vec<_>>(), claims);

        let mut damaged = packed.clone();
        let half = damaged.bytes.0.len() / 2;
        damaged.bytes.0[half..].fill(0xff);
        let read: Vec<Claim> = damaged.iter().collect();
        assert!(read.len() < claims.len());
        assert_eq!(read[..], claims[..read.len()]);
    }

    /// Every diagnostic of the seeds comes back as it was packed, each different message
    /// held once; ranges out of text order come back too, and a message number with no
    /// message ends the reading.
    #[test]
    fn diagnostics_unpack_to_themselves_with_each_message_once() {
        use super::PackedDiagnostics;
        use crate::diagnostic::{Diagnostic, DiagnosticCode, Severity};
        let mut corpus = crate::corpus::Corpus::new(None);
        corpus.set_files(crate::fixture::seed_files());
        let mut diagnostics = 0;
        for file in corpus.articles() {
            let packed = PackedDiagnostics::pack(&file.diagnostics);
            assert_eq!(packed.iter().collect::<Vec<_>>(), file.diagnostics);
            let different = crate::fixture::count_different(
                file.diagnostics
                    .iter()
                    .map(|diagnostic| &*diagnostic.message),
            );
            assert_eq!(packed.messages().len(), different);
            diagnostics += file.diagnostics.len();
        }
        assert!(diagnostics > 20, "{diagnostics}");

        let said = |start: usize, message: &str| {
            Diagnostic::new(
                TextRange::new(start, start + 7),
                Severity::Warning,
                DiagnosticCode::UndatedClaim,
                message,
            )
        };
        let unordered = vec![said(5_000_000_000, "a"), said(90, "b"), said(3, "a")];
        let mut packed = PackedDiagnostics::pack(&unordered);
        assert_eq!(packed.iter().collect::<Vec<_>>(), unordered);
        assert_eq!(packed.messages().len(), 2);
        packed.messages = packed.messages[..1].into();
        assert_eq!(packed.iter().collect::<Vec<_>>(), unordered[..1]);
    }
}
