//! Dated claims as the index keeps them for articles no editor has open: the same facts
//! as a [`Claim`] in byte offsets of 32 bits and a shared date value, 88 bytes instead of
//! 184 (at 100,000 articles, 3 million records).

use crate::claims::{Attribution, Claim, ClaimTrigger, Dating, EventForm, Speaker};
use crate::text::TextRange;
use std::sync::Arc;

/// A byte range in 32 bits: articles are read only up to the loader's size limit,
/// far below 4 GiB (a larger offset would be kept as the largest one, never wrapped).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct PackedRange {
    start: u32,
    end: u32,
}

impl PackedRange {
    /// Stands for no range (a speaker or cue the claim does not have).
    const NONE: PackedRange = PackedRange {
        start: u32::MAX,
        end: u32::MAX,
    };

    fn of(range: TextRange) -> Self {
        let bound = |offset: usize| u32::try_from(offset).unwrap_or(u32::MAX);
        PackedRange {
            start: bound(range.start),
            end: bound(range.end),
        }
    }

    fn of_option(range: Option<TextRange>) -> Self {
        range.map_or(Self::NONE, Self::of)
    }

    fn range(self) -> TextRange {
        TextRange::new(self.start as usize, self.end as usize)
    }

    fn option(self) -> Option<TextRange> {
        (self != Self::NONE).then(|| self.range())
    }
}

/// What makes the sentence a claim: a cue, or an event verb of a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
enum PackedTrigger {
    Cue,
    Event(EventForm),
}

/// Who asserts the claim; the ranges are the record's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
enum PackedSpeaker {
    Actor(u32),
    Named,
    Source,
}

/// How the claim is dated; the ranges and value are the record's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
enum PackedDating {
    Dated,
    ByContext,
    Undated,
    Silenced,
}

/// A claim in little room: see the module's comment.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PackedClaim {
    sentence: PackedRange,
    trigger_range: PackedRange,
    speaker_range: PackedRange,
    named: PackedRange,
    cue: PackedRange,
    by: PackedRange,
    context: PackedRange,
    /// The date value, held once for all the claims of a corpus that give it (read back
    /// from the warm-start cache as the copy already held).
    #[serde(deserialize_with = "crate::cache::one_copy_if_any")]
    value: Option<Arc<str>>,
    paragraph: u32,
    trigger: PackedTrigger,
    speaker: PackedSpeaker,
    dating: PackedDating,
    direct: bool,
}

impl PackedClaim {
    /// The claim packed, its date value given by `share` (the corpus's copy of it).
    pub fn pack(claim: &Claim, share: &mut impl FnMut(&str) -> Arc<str>) -> Self {
        let (trigger, trigger_range) = match claim.trigger {
            ClaimTrigger::Cue(range) => (PackedTrigger::Cue, range),
            ClaimTrigger::Event { verb, form } => (PackedTrigger::Event(form), verb),
        };
        let (speaker, speaker_range, named) = match claim.attribution.speaker {
            Speaker::Actor {
                actor,
                range,
                named,
            } => (
                PackedSpeaker::Actor(u32::try_from(actor).unwrap_or(u32::MAX)),
                Some(range),
                Some(named),
            ),
            Speaker::Named(range) => (PackedSpeaker::Named, Some(range), None),
            Speaker::Source => (PackedSpeaker::Source, None, None),
        };
        let (dating, by, context, value) = match &claim.dating {
            Dating::Dated { by, value } => (PackedDating::Dated, Some(*by), None, value.as_deref()),
            Dating::ByContext {
                sentence,
                by,
                value,
            } => (
                PackedDating::ByContext,
                Some(*by),
                Some(*sentence),
                value.as_deref(),
            ),
            Dating::Undated => (PackedDating::Undated, None, None, None),
            Dating::Silenced => (PackedDating::Silenced, None, None, None),
        };
        PackedClaim {
            sentence: PackedRange::of(claim.sentence),
            trigger_range: PackedRange::of(trigger_range),
            speaker_range: PackedRange::of_option(speaker_range),
            named: PackedRange::of_option(named),
            cue: PackedRange::of_option(claim.attribution.cue),
            by: PackedRange::of_option(by),
            context: PackedRange::of_option(context),
            value: value.map(share),
            paragraph: u32::try_from(claim.paragraph).unwrap_or(u32::MAX),
            trigger,
            speaker,
            dating,
            direct: claim.attribution.direct,
        }
    }

    /// The date value (`2022-09-21`), if the claim has one.
    pub fn value(&self) -> Option<&str> {
        self.value.as_deref()
    }

    /// Makes the date value the one `share` gives for the same text.
    pub fn share_value(&mut self, share: impl FnOnce(&str) -> Arc<str>) {
        if let Some(value) = &self.value {
            self.value = Some(share(value));
        }
    }

    /// The claim it was packed from.
    pub fn unpack(&self) -> Claim {
        let none = TextRange::new(0, 0);
        let speaker_range = self.speaker_range.option().unwrap_or(none);
        let by = self.by.option().unwrap_or(none);
        let value = self.value.as_deref().map(str::to_string);
        Claim {
            sentence: self.sentence.range(),
            paragraph: self.paragraph as usize,
            trigger: match self.trigger {
                PackedTrigger::Cue => ClaimTrigger::Cue(self.trigger_range.range()),
                PackedTrigger::Event(form) => ClaimTrigger::Event {
                    verb: self.trigger_range.range(),
                    form,
                },
            },
            attribution: Attribution {
                speaker: match self.speaker {
                    PackedSpeaker::Actor(actor) => Speaker::Actor {
                        actor: actor as usize,
                        range: speaker_range,
                        named: self.named.option().unwrap_or(none),
                    },
                    PackedSpeaker::Named => Speaker::Named(speaker_range),
                    PackedSpeaker::Source => Speaker::Source,
                },
                cue: self.cue.option(),
                direct: self.direct,
            },
            dating: match self.dating {
                PackedDating::Dated => Dating::Dated { by, value },
                PackedDating::ByContext => Dating::ByContext {
                    sentence: self.context.option().unwrap_or(none),
                    by,
                    value,
                },
                PackedDating::Undated => Dating::Undated,
                PackedDating::Silenced => Dating::Silenced,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PackedClaim;
    use std::sync::Arc;

    /// Every claim of the seeds, of every trigger, speaker and dating, comes back as it
    /// was packed.
    #[test]
    fn every_claim_of_the_seeds_unpacks_to_itself() {
        let mut corpus = crate::corpus::Corpus::new(None);
        corpus.set_files(crate::fixture::seed_files());
        let mut claims = 0;
        let mut kinds = std::collections::BTreeSet::new();
        for file in corpus.articles() {
            for claim in &file.claims {
                let packed = PackedClaim::pack(claim, &mut |value| Arc::from(value));
                assert_eq!(&packed.unpack(), claim);
                kinds.insert(format!(
                    "{:?} {:?} {:?}",
                    packed.trigger, packed.speaker, packed.dating
                ));
                claims += 1;
            }
        }
        assert!(claims > 100, "{claims}");
        assert!(kinds.len() > 10, "{kinds:?}");
        assert!(std::mem::size_of::<PackedClaim>() <= 88);
    }
}
