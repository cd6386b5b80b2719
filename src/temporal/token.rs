//! The tokenizer under the recognizer: words, numbers and single punctuation characters
//! with their byte ranges, and whether white space or a line break precedes each.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits, possibly with inner `,` or `.` groups (`20,000`, `2.7`).
    Num,
    /// Any other single character that is not white space.
    Punct,
}

#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Lower-cased text, what the word lists are matched against: the text itself when
    /// it has no upper case, which is most tokens, or a piece of the tokenizer's buffer.
    pub lower: &'a str,
    pub kind: TokKind,
    /// White space separates this token from the previous one.
    pub space_before: bool,
    /// A line break separates this token from the previous one (matches never cross it).
    pub nl_before: bool,
    /// The value of a plain digit run of at most nine digits, or [`Token::NO_INT`]: found
    /// as the digits are scanned, since every matcher that meets a number asks for it
    /// ([`Token::int`] reads it). A sentinel, not an `Option`, keeps a token 56 bytes.
    int_value: u32,
}

impl Token<'_> {
    /// What [`Token::int_value`] holds for a token that is no plain digit run of at most
    /// nine digits (none of which has this value).
    const NO_INT: u32 = u32::MAX;

    /// The integer value of a plain digit run (no separators, at most nine digits).
    pub fn int(&self) -> Option<u32> {
        (self.int_value != Self::NO_INT).then_some(self.int_value)
    }

    /// Whether the token starts with a capital letter (`May`, `MAY`, not `may`).
    pub fn capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// `char::is_alphabetic`, answered without the Unicode table for the blocks of the
/// languages read (Latin-1 and Latin Extended-A letters, Cyrillic): the table lookup was
/// a third of the work of checking a Cyrillic corpus. A test holds the two equal.
fn is_letter(c: char) -> bool {
    match c {
        '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{17F}' => true,
        '\u{400}'..='\u{481}' | '\u{48A}'..='\u{52F}' => true,
        _ => c.is_alphabetic(),
    }
}

/// Splits `text` into tokens; never panics, every range lies on character boundaries.
/// Lower-cased forms that differ from the text are written into `lowered` (cleared
/// first), which the tokens borrow: one buffer instead of a string per capitalised word.
///
/// ASCII bytes (most of a text) are classified one by one; other characters are decoded.
pub fn tokenize<'a>(text: &'a str, lowered: &'a mut String) -> Vec<Token<'a>> {
    lowered.clear();
    let bytes = text.as_bytes();
    // The character at a byte offset and its width.
    let char_at = |at: usize| -> (char, usize) {
        match bytes.get(at) {
            Some(&byte) if byte.is_ascii() => (byte as char, 1),
            _ => text
                .get(at..)
                .and_then(|rest| rest.chars().next())
                .map_or(('\0', 1), |ch| (ch, ch.len_utf8())),
        }
    };
    let mut tokens = Vec::with_capacity(text.len() / 5);
    // Tokens whose lower-cased form is in `lowered`, and where.
    let mut lowered_at: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    let mut space_before = false;
    let mut nl_before = false;
    let mut at = 0;
    while at < bytes.len() {
        let start = at;
        let byte = bytes[at];
        let kind;
        let mut end;
        // Whether the piece may hold upper case, and whether it is all ASCII.
        let mut upper = false;
        let mut ascii = true;
        let mut int_value = Token::NO_INT;
        if byte.is_ascii_alphabetic() {
            kind = TokKind::Word;
            upper = byte.is_ascii_uppercase();
            end = at + 1;
            while end < bytes.len() {
                let next = bytes[end];
                if next.is_ascii_alphabetic() {
                    upper |= next.is_ascii_uppercase();
                    end += 1;
                } else if next.is_ascii() {
                    break;
                } else {
                    let (d, width) = char_at(end);
                    if crate::text::is_general_punctuation(d) || !is_letter(d) {
                        break;
                    }
                    ascii = false;
                    end += width;
                }
            }
        } else if byte.is_ascii_digit() {
            kind = TokKind::Num;
            end = at + 1;
            let mut plain = true;
            while end < bytes.len() {
                let d = bytes[end];
                // A separator joins two digit groups only when a digit follows it.
                let joins =
                    (d == b',' || d == b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
                if d.is_ascii_digit() || joins {
                    plain &= !joins;
                    end += 1;
                } else {
                    break;
                }
            }
            if plain && end - start <= 9 {
                int_value = bytes[start..end]
                    .iter()
                    .fold(0, |value, digit| value * 10 + u32::from(digit - b'0'));
            }
        } else if byte.is_ascii() {
            // `char::is_whitespace` in ASCII: tab, line feed, vertical tab, form feed,
            // carriage return and space.
            if matches!(byte, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
                space_before = true;
                nl_before |= byte == b'\n' || byte == b'\r';
                at += 1;
                continue;
            }
            kind = TokKind::Punct;
            end = at + 1;
        } else {
            let (c, width) = char_at(at);
            if c.is_whitespace() {
                space_before = true;
                at += width;
                continue;
            }
            ascii = false;
            end = start + width;
            // (Dashes and curly quotes, asked about most here, are not looked up.)
            if !crate::text::is_general_punctuation(c) && is_letter(c) {
                kind = TokKind::Word;
                while end < bytes.len() {
                    let (d, width) = char_at(end);
                    if crate::text::is_general_punctuation(d) || !is_letter(d) {
                        break;
                    }
                    end += width;
                }
            } else {
                kind = TokKind::Punct;
            }
        }
        at = end;
        let piece = text.get(start..end).unwrap_or("");
        // An ASCII piece without capitals, or any piece without upper case, is its own
        // lower-cased form.
        let needs_lowering = if ascii {
            upper
        } else {
            piece.chars().any(char::is_uppercase)
        };
        if needs_lowering {
            let from = lowered.len();
            crate::text::push_lowercase(lowered, piece);
            lowered_at.push((tokens.len(), from..lowered.len()));
        }
        tokens.push(Token {
            start,
            end,
            text: piece,
            lower: piece,
            kind,
            space_before,
            nl_before,
            int_value,
        });
        space_before = false;
        nl_before = false;
    }
    let lowered: &'a String = lowered;
    for (index, range) in lowered_at {
        if let (Some(token), Some(lower)) = (tokens.get_mut(index), lowered.get(range)) {
            token.lower = lower;
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_punctuation() {
        let mut lowered = String::new();
        let toks = tokenize("On 20,000 May 4, 2022\nmid-2022 p.m. 1st", &mut lowered);
        let shown: Vec<String> = toks
            .iter()
            .map(|t| format!("{}{}", if t.nl_before { "|" } else { "" }, t.text))
            .collect();
        assert_eq!(
            shown,
            [
                "On", "20,000", "May", "4", ",", "2022", "|mid", "-", "2022", "p", ".", "m", ".",
                "1", "st"
            ]
        );
        assert_eq!(toks[1].int(), None);
        assert_eq!(toks[5].int(), Some(2022));
    }

    /// The number's value fits in the token's padding (a sentinel, not an `Option`): a
    /// token is seven words on a 64-bit machine, as before the value was kept.
    #[cfg(target_pointer_width = "64")]
    #[test]
    fn a_token_is_seven_words() {
        assert_eq!(std::mem::size_of::<Token<'_>>(), 56);
    }

    /// The tokenizer as first written, a character at a time: the reference the byte-wise
    /// one must agree with. Each token comes with its lower-cased form, which its `lower`
    /// does not hold here.
    fn reference_tokenize(text: &str) -> Vec<(Token<'_>, String)> {
        let mut tokens = Vec::new();
        let mut chars = text.char_indices().peekable();
        let mut space_before = false;
        let mut nl_before = false;
        while let Some(&(start, c)) = chars.peek() {
            if c.is_whitespace() {
                space_before = true;
                if c == '\n' || c == '\r' {
                    nl_before = true;
                }
                chars.next();
                continue;
            }
            let kind;
            let mut end = start + c.len_utf8();
            chars.next();
            if c.is_alphabetic() {
                kind = TokKind::Word;
                while let Some(&(i, d)) = chars.peek() {
                    if !d.is_alphabetic() {
                        break;
                    }
                    end = i + d.len_utf8();
                    chars.next();
                }
            } else if c.is_ascii_digit() {
                kind = TokKind::Num;
                while let Some(&(i, d)) = chars.peek() {
                    if d.is_ascii_digit() {
                        end = i + 1;
                        chars.next();
                        continue;
                    }
                    // A separator joins two digit groups only when a digit follows it.
                    let next_is_digit = text
                        .get(i + 1..)
                        .and_then(|rest| rest.bytes().next())
                        .is_some_and(|b| b.is_ascii_digit());
                    if (d == ',' || d == '.') && next_is_digit {
                        end = i + 1;
                        chars.next();
                        continue;
                    }
                    break;
                }
            } else {
                kind = TokKind::Punct;
            }
            let piece = text.get(start..end).unwrap_or("");
            let lower = if piece.chars().any(char::is_uppercase) {
                piece.to_lowercase()
            } else {
                piece.to_string()
            };
            // The value as first found: the piece parsed, when it is digits alone.
            let plain_digits = kind == TokKind::Num
                && piece.len() <= 9
                && piece.bytes().all(|b| b.is_ascii_digit());
            let int_value = if plain_digits {
                piece.parse().unwrap_or(Token::NO_INT)
            } else {
                Token::NO_INT
            };
            let token = Token {
                start,
                end,
                text: piece,
                lower: piece,
                kind,
                space_before,
                nl_before,
                int_value,
            };
            tokens.push((token, lower));
            space_before = false;
            nl_before = false;
        }
        tokens
    }

    #[test]
    fn the_letter_shortcut_agrees_with_unicode() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn the_bytewise_tokenizer_agrees_with_the_reference() {
        const PIECES: &[&str] = &[
            "May", "a", "Ł", "é", "\u{301}", " ", "\n", "\r\n", "\u{a0}", "\u{2003}", "1", "20",
            ",", ".", "-", "–", "’", "“", "Ⅻ", "٣", "ß", "İ", "ǅ", "\t", "👍", "\u{b}", "\u{1c}",
            "\u{85}", "\u{2028}", "Σ", "ΟΣ", "Ⓐ", "x", "Q", "2022", "99999", "0", "Ж", "ў", "ї",
            "ą", "Ł", "×", "\u{483}", "’",
        ];
        let show = |t: &Token<'_>, lower: &str| {
            format!(
                "{}..{} {:?} {:?} {:?} {} {} {:?}",
                t.start,
                t.end,
                t.text,
                lower,
                t.kind,
                t.space_before,
                t.nl_before,
                t.int()
            )
        };
        crate::fixture::for_random_texts(PIECES, |text| {
            let mut lowered = String::new();
            let made: Vec<String> = tokenize(text, &mut lowered)
                .iter()
                .map(|t| show(t, t.lower))
                .collect();
            let expected: Vec<String> = reference_tokenize(text)
                .iter()
                .map(|(t, lower)| show(t, lower))
                .collect();
            proptest::prop_assert_eq!(made, expected);
            Ok(())
        });
    }
}
