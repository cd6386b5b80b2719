//! A document the editor has open: its text (a rope once a part of it is edited), its
//! version, and edits applied strictly in version order even when notifications arrive out
//! of order (a gap the editor never fills, which the protocol allows, is given up on after
//! a moment).

use crate::corpus::DiagnosticsStamp;
use crate::position::{chars_before_column, Encoding, Position};
use ropey::Rope;
use std::collections::BTreeMap;
use std::sync::Arc;

/// One content change as the protocol sends it: a range in editor positions (or none,
/// for the whole text) and the new text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub range: Option<(Position, Position)>,
    pub text: String,
}

/// How many out-of-order versions are held back waiting for a missing one before the
/// document gives up waiting and applies them in order.
const MAX_HELD_BACK: usize = 64;

#[derive(Debug, Clone)]
pub struct OpenDocument {
    pub version: i32,
    content: Content,
    held_back: BTreeMap<i32, Vec<Change>>,
    /// The text has changed since the corpus last saw it.
    pub dirty: bool,
    /// What was last published for this document: a round that would publish the same
    /// again skips it (typing in one article must not recompute, convert and send the
    /// thousands of unchanged diagnostics of another open one).
    pub published: Option<Published>,
    /// Whether the server has said (in the log and a message shown) that the editor is
    /// shown part of this document's findings: once while it is open.
    pub findings_not_shown_said: bool,
}

/// A document's text: as the editor sent it whole until an edit changes a part of it,
/// then a rope. A document only read (hovered, searched) is held once, shared with the
/// corpus, not copied into a rope beside it (5.5 MB more for a 5 MB article).
#[derive(Debug, Clone)]
enum Content {
    Whole(Arc<str>),
    Rope(Rope),
}

/// The diagnostics last published for a document, as what they were made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    pub version: i32,
    /// What the corpus said they depend on (none without a corpus for the document).
    pub stamp: Option<DiagnosticsStamp>,
    /// A hash of the version and the diagnostics, when it was taken: an edited document's
    /// is never taken, since its new version makes it differ anyway.
    pub fingerprint: Option<u64>,
}

/// What became of a versioned batch of changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    /// Applied (with any held-back batches that follow it).
    Applied,
    /// A later version than the next expected: kept until the gap is filled.
    HeldBack,
    /// Not newer than the current version: ignored.
    Stale,
}

impl OpenDocument {
    pub fn new(version: i32, text: impl Into<Arc<str>>) -> Self {
        OpenDocument {
            version,
            content: Content::Whole(text.into()),
            held_back: BTreeMap::new(),
            dirty: true,
            published: None,
            findings_not_shown_said: false,
        }
    }

    /// The text's length in bytes, without building it.
    pub fn len_bytes(&self) -> usize {
        match &self.content {
            Content::Whole(text) => text.len(),
            Content::Rope(rope) => rope.len_bytes(),
        }
    }

    /// The text as the corpus shares it: the one the editor sent, until an edit; then
    /// written straight from the rope's chunks (made as a `String` first, it was copied
    /// once more into its `Arc`: for a moment, 5 MB more at each edit of a 5 MB article).
    pub fn shared_text(&self) -> Arc<str> {
        match &self.content {
            Content::Whole(text) => text.clone(),
            Content::Rope(rope) => rope_shared_text(rope),
        }
    }

    /// Applies the changes of `version` in order, holding them back when earlier
    /// versions have not arrived yet.
    pub fn apply(&mut self, version: i32, changes: Vec<Change>, encoding: Encoding) -> Applied {
        if version <= self.version {
            return Applied::Stale;
        }
        self.held_back.insert(version, changes);
        if self.apply_in_order(encoding, false) {
            Applied::Applied
        } else {
            Applied::HeldBack
        }
    }

    /// Applies every version held back, in order, without waiting any longer for those
    /// missing: the protocol has versions increase but not one by one (Neovim sends its
    /// buffer's change count, which can jump), so a gap may never be filled. Whether any
    /// was applied.
    pub fn apply_held_back(&mut self, encoding: Encoding) -> bool {
        self.apply_in_order(encoding, true)
    }

    /// Applies the versions held back in order, each as long as it is the next one, or
    /// `over_gaps`, or more than [`MAX_HELD_BACK`] wait. Whether any was applied.
    fn apply_in_order(&mut self, encoding: Encoding, over_gaps: bool) -> bool {
        let mut applied = false;
        while let Some(&next) = self.held_back.keys().next() {
            if !(over_gaps || next == self.version + 1 || self.held_back.len() > MAX_HELD_BACK) {
                break;
            }
            let changes = self.held_back.remove(&next).unwrap_or_default();
            for change in changes {
                self.apply_change(change, encoding);
            }
            self.version = next;
            applied = true;
        }
        if applied {
            self.dirty = true;
        }
        applied
    }

    fn apply_change(&mut self, change: Change, encoding: Encoding) {
        let Some((start, end)) = change.range else {
            // The whole text, as editors that send it whole at every change do.
            self.content = Content::Whole(Arc::from(change.text));
            return;
        };
        if let Content::Whole(text) = &self.content {
            self.content = Content::Rope(Rope::from_str(text));
        }
        let Content::Rope(rope) = &mut self.content else {
            return;
        };
        let mut start = char_index(rope, start, encoding);
        let mut end = char_index(rope, end, encoding);
        if end < start {
            std::mem::swap(&mut start, &mut end);
        }
        rope.remove(start..end);
        rope.insert(start, &change.text);
    }
}

/// The text of `rope` in a string of its exact size (the rope's `to_string` grows one by
/// doubling: 8 MB for a 5 MB article).
fn rope_text(rope: &Rope) -> String {
    let mut text = String::with_capacity(rope.len_bytes());
    for chunk in rope.chunks() {
        text.push_str(chunk);
    }
    text
}

/// The text of `rope` in an `Arc<str>`, written straight from its chunks.
fn rope_shared_text(rope: &Rope) -> Arc<str> {
    let length = rope.len_bytes();
    let mut bytes = Arc::<[u8]>::new_uninit_slice(length);
    let Some(slots) = Arc::get_mut(&mut bytes) else {
        return Arc::from(rope_text(rope));
    };
    let mut written = 0;
    for chunk in rope.chunks() {
        let Some(into) = slots.get_mut(written..written + chunk.len()) else {
            return Arc::from(rope_text(rope));
        };
        for (slot, byte) in into.iter_mut().zip(chunk.bytes()) {
            slot.write(byte);
        }
        written += chunk.len();
    }
    if written != length {
        return Arc::from(rope_text(rope));
    }
    // SAFETY: every one of the `length` bytes was written above (the chunks' lengths
    // add up to `length`, checked).
    let bytes = unsafe { bytes.assume_init() };
    // SAFETY: the bytes are the rope's chunks, each a `&str`, one after the other:
    // UTF-8, as `str` requires; `[u8]` and `str` have the same layout.
    unsafe { Arc::from_raw(Arc::into_raw(bytes) as *const str) }
}

/// The character index of an editor position in `rope`, clamped into it.
fn char_index(rope: &Rope, position: Position, encoding: Encoding) -> usize {
    let line = position.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let start = rope.line_to_char(line);
    start + chars_before_column(rope.line(line).chars(), position.character, encoding)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    fn edit(from: (u32, u32), to: (u32, u32), text: &str) -> Vec<Change> {
        vec![Change {
            range: Some((at(from.0, from.1), at(to.0, to.1))),
            text: text.to_string(),
        }]
    }

    #[test]
    fn edits_after_curly_quotes_land_where_the_editor_means() {
        let mut doc = OpenDocument::new(1, "“Hi” — Lukashenko 🇧🇾 said.\nnext\n");
        // Replace "said" (UTF-16 columns 23 to 27: the flag is four units) with "says".
        assert_eq!(
            doc.apply(2, edit((0, 23), (0, 27), "says"), Encoding::Utf16),
            Applied::Applied
        );
        assert_eq!(&*doc.shared_text(), "“Hi” — Lukashenko 🇧🇾 says.\nnext\n");
        assert_eq!(&*doc.shared_text(), rope_text_of(&doc));
    }

    /// The text of `doc`'s rope, read chunk by chunk (the document must have been edited).
    fn rope_text_of(doc: &OpenDocument) -> String {
        match &doc.content {
            Content::Rope(rope) => rope_text(rope),
            Content::Whole(_) => panic!("not edited: no rope"),
        }
    }

    #[test]
    fn the_shared_text_of_a_rope_of_many_chunks_is_its_text() {
        let line = "“Hi” — Лукашэнка 🇧🇾 said.\n";
        let mut doc = OpenDocument::new(1, line.repeat(5_000));
        doc.apply(2, edit((2_500, 5), (2_600, 3), "ок"), Encoding::Utf16);
        assert!(matches!(&doc.content, Content::Rope(rope) if rope.chunks().count() > 100));
        let text = doc.shared_text();
        assert_eq!(text.len(), doc.len_bytes());
        assert_eq!(&*text, rope_text_of(&doc));
        assert_eq!(&*OpenDocument::new(1, "").shared_text(), "");
    }

    /// A document as the editor opened it is held as the text the corpus shares, not
    /// copied into a rope beside it, until an edit changes a part of it; a change of the
    /// whole text is held whole again.
    #[test]
    fn a_document_is_held_whole_until_a_part_of_it_is_edited() {
        let opened: Arc<str> = Arc::from("Lukashenko said it.\nnext\n");
        let mut doc = OpenDocument::new(1, opened.clone());
        assert!(Arc::ptr_eq(&doc.shared_text(), &opened));
        assert!(matches!(doc.content, Content::Whole(_)));
        doc.apply(2, edit((0, 11), (0, 15), "says"), Encoding::Utf16);
        assert!(matches!(doc.content, Content::Rope(_)));
        assert_eq!(&*doc.shared_text(), "Lukashenko says it.\nnext\n");
        assert_eq!(doc.len_bytes(), doc.shared_text().len());
        let whole = vec![Change {
            range: None,
            text: "Replaced.\n".to_string(),
        }];
        doc.apply(3, whole, Encoding::Utf16);
        assert!(matches!(doc.content, Content::Whole(_)));
        assert_eq!(&*doc.shared_text(), "Replaced.\n");
        assert_eq!((doc.len_bytes(), &*doc.shared_text()), (10, "Replaced.\n"));
    }

    #[test]
    fn out_of_order_versions_wait_for_the_missing_one() {
        let mut doc = OpenDocument::new(1, "abc");
        assert_eq!(
            doc.apply(3, edit((0, 2), (0, 2), "2"), Encoding::Utf16),
            Applied::HeldBack
        );
        assert_eq!(&*doc.shared_text(), "abc");
        assert_eq!(
            doc.apply(2, edit((0, 1), (0, 1), "1"), Encoding::Utf16),
            Applied::Applied
        );
        // Version 2 inserts at 1 ("a1bc"), then version 3 inserts at 2 ("a12bc").
        assert_eq!(&*doc.shared_text(), "a12bc");
        assert_eq!(doc.version, 3);
        assert_eq!(
            doc.apply(3, edit((0, 0), (0, 0), "x"), Encoding::Utf16),
            Applied::Stale
        );
    }

    #[test]
    fn versions_held_back_for_a_gap_never_filled_are_applied_in_order() {
        let mut doc = OpenDocument::new(1, "abc");
        assert_eq!(
            doc.apply(3, edit((0, 1), (0, 1), "1"), Encoding::Utf16),
            Applied::HeldBack
        );
        assert_eq!(
            doc.apply(5, edit((0, 2), (0, 2), "2"), Encoding::Utf16),
            Applied::HeldBack
        );
        assert!(doc.apply_held_back(Encoding::Utf16));
        assert_eq!(&*doc.shared_text(), "a12bc");
        assert_eq!(doc.version, 5);
        assert!(!doc.apply_held_back(Encoding::Utf16));
    }

    #[test]
    fn ranges_past_the_end_are_clamped() {
        let mut doc = OpenDocument::new(0, "one\ntwo");
        doc.apply(1, edit((1, 99), (40, 0), "!"), Encoding::Utf16);
        assert_eq!(&*doc.shared_text(), "one\ntwo!");
        doc.apply(2, edit((0, 3), (0, 1), ""), Encoding::Utf16);
        assert_eq!(&*doc.shared_text(), "o\ntwo!");
    }
}
