//! TimeML evaluation, pure (no IO): parse one `.tml` document into its plain text, its
//! creation date and its gold `TIMEX3` spans; run [`super::find_temporal`] over many documents
//! and score it as TempEval-3 does (strict and relaxed span match, value accuracy).
//!
//! Matching rules: a gold expression is found *strictly* when a system expression has
//! exactly its byte range, *relaxed* when one overlaps it. Precision counts system
//! expressions that match some gold one, recall the gold expressions matched. The value
//! of a relaxed match is compared, as an exact string, with the system expression that
//! overlaps the gold one most; value F1 is relaxed F1 times that accuracy.

use super::{find_temporal_in, CalendarDate, Language, Timex, TimexKind};
use crate::text::TextRange;
use std::fmt;

/// One gold `TIMEX3` with a text span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    /// Byte range into [`TimemlDoc::text`].
    pub range: TextRange,
    /// The TimeML `type`: `DATE`, `TIME`, `DURATION` or `SET`.
    pub kind: String,
    pub value: String,
}

/// A parsed TimeML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimemlDoc {
    pub id: String,
    /// The plain content of `<TEXT>`, tags removed and entities decoded.
    pub text: String,
    /// The document creation time, when its value is an ISO date.
    pub dct: Option<CalendarDate>,
    /// The language of `<LANGUAGE>` (`ru`, `uk`, ...), else guessed from the text.
    pub language: Language,
    pub gold: Vec<GoldTimex>,
}

/// Parses the text of one `.tml` file; `name` is used as the id when `<DOCID>` is absent.
pub fn parse_tml(name: &str, source: &str) -> Result<TimemlDoc, String> {
    let id = between(source, "<DOCID>", "</DOCID>")
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| name.to_string());
    let dct = between(source, "<DCT>", "</DCT>")
        .and_then(|d| attr(d, "value"))
        .and_then(|v| CalendarDate::parse_iso(v.get(..10).unwrap_or(v)).ok());
    let body = between(source, "<TEXT>", "</TEXT>").ok_or("no <TEXT> element")?;
    let (text, gold) = strip_tags(body)?;
    let language = between(source, "<LANGUAGE>", "</LANGUAGE>")
        .and_then(Language::from_code)
        .unwrap_or_else(|| crate::language::detect(&text).language);
    Ok(TimemlDoc {
        id,
        text,
        dct,
        language,
        gold,
    })
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = s.find(open)? + open.len();
    let len = s.get(start..)?.find(close)?;
    s.get(start..start + len)
}

/// The value of `name="..."` inside a tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(pos) = tag.get(from..)?.find(name) {
        let at = from + pos;
        let before_ok = at == 0
            || tag
                .as_bytes()
                .get(at - 1)
                .is_some_and(u8::is_ascii_whitespace);
        let rest = tag.get(at + name.len()..)?;
        if before_ok {
            if let Some(rest) = rest.strip_prefix("=\"") {
                return rest.find('"').and_then(|end| rest.get(..end));
            }
        }
        from = at + name.len();
    }
    None
}

/// The character an XML entity's name (`amp`, `#233`, `#xE9`) stands for.
pub(crate) fn decode_entity(entity: &str) -> Option<char> {
    match entity {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let num = entity.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// Removes the tags of a `<TEXT>` body, keeping the spans of `TIMEX3` elements.
fn strip_tags(body: &str) -> Result<(String, Vec<GoldTimex>), String> {
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open: Vec<(usize, String, String)> = Vec::new();
    let mut rest = body;
    while let Some(c) = rest.chars().next() {
        match c {
            '<' => {
                let end = rest.find('>').ok_or("unclosed tag")?;
                let tag = rest.get(1..end).unwrap_or("");
                if let Some(inner) = tag.strip_prefix("TIMEX3") {
                    if !inner.trim_end().ends_with('/') {
                        let kind = attr(inner, "type").unwrap_or("").to_string();
                        let value = attr(inner, "value").unwrap_or("").to_string();
                        open.push((text.len(), kind, value));
                    }
                } else if tag.starts_with("/TIMEX3") {
                    let (start, kind, value) = open.pop().ok_or("unbalanced </TIMEX3>")?;
                    gold.push(GoldTimex {
                        range: TextRange::new(start, text.len()),
                        kind,
                        value,
                    });
                }
                rest = rest.get(end + 1..).unwrap_or("");
            }
            '&' => {
                let decoded = rest.get(1..).and_then(|r| {
                    let semi = r.find(';').filter(|s| *s <= 8)?;
                    Some((decode_entity(r.get(..semi)?)?, semi + 2))
                });
                match decoded {
                    Some((ch, used)) => {
                        text.push(ch);
                        rest = rest.get(used..).unwrap_or("");
                    }
                    None => {
                        text.push('&');
                        rest = rest.get(1..).unwrap_or("");
                    }
                }
            }
            _ => {
                text.push(c);
                rest = rest.get(c.len_utf8()..).unwrap_or("");
            }
        }
    }
    if !open.is_empty() {
        return Err("unclosed <TIMEX3>".into());
    }
    gold.sort_by_key(|g| (g.range.start, g.range.end));
    Ok((text, gold))
}

/// Counts behind one row of the table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    pub gold: usize,
    pub system: usize,
    /// Gold expressions with a system expression of exactly their range.
    pub strict: usize,
    /// Gold expressions overlapped by some system expression.
    pub relaxed_gold: usize,
    /// System expressions overlapping some gold expression.
    pub relaxed_system: usize,
    /// Relaxed matches whose value is right.
    pub value_correct: usize,
}

/// `a / b`, 0 when `b` is 0 (an empty measure scores nothing).
pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The harmonic mean of a precision and a recall, 0 when both are.
pub(crate) fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl Scores {
    pub fn strict_precision(&self) -> f64 {
        ratio(self.strict, self.system)
    }
    pub fn strict_recall(&self) -> f64 {
        ratio(self.strict, self.gold)
    }
    pub fn strict_f1(&self) -> f64 {
        f1(self.strict_precision(), self.strict_recall())
    }
    pub fn relaxed_precision(&self) -> f64 {
        ratio(self.relaxed_system, self.system)
    }
    pub fn relaxed_recall(&self) -> f64 {
        ratio(self.relaxed_gold, self.gold)
    }
    pub fn relaxed_f1(&self) -> f64 {
        f1(self.relaxed_precision(), self.relaxed_recall())
    }
    pub fn value_accuracy(&self) -> f64 {
        ratio(self.value_correct, self.relaxed_gold)
    }
    pub fn value_f1(&self) -> f64 {
        self.relaxed_f1() * self.value_accuracy()
    }

    fn add(&mut self, other: &Scores) {
        self.gold += other.gold;
        self.system += other.system;
        self.strict += other.strict;
        self.relaxed_gold += other.relaxed_gold;
        self.relaxed_system += other.relaxed_system;
        self.value_correct += other.value_correct;
    }
}

/// What went wrong with one expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// A gold expression nothing overlaps.
    Missed,
    /// A system expression that overlaps no gold one.
    Spurious,
    /// Overlapping, but the span differs.
    Span,
    /// Overlapping, but the value differs.
    Value,
}

/// One error, for tuning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalError {
    pub doc: String,
    pub kind: ErrorKind,
    /// The gold text and `type=value`, when there is a gold expression.
    pub gold: Option<(String, String)>,
    /// The system text and `kind=value`, when there is a system expression.
    pub system: Option<(String, String)>,
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            ErrorKind::Missed => "missed",
            ErrorKind::Spurious => "spurious",
            ErrorKind::Span => "span",
            ErrorKind::Value => "value",
        };
        write!(f, "{kind:8} {}:", self.doc)?;
        if let Some((text, v)) = &self.gold {
            write!(f, " gold «{text}» {v}")?;
        }
        if let Some((text, v)) = &self.system {
            write!(f, " system «{text}» {v}")?;
        }
        Ok(())
    }
}

/// Scores over a set of documents, for all types and for DATE alone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EvalReport {
    pub documents: usize,
    pub all: Scores,
    pub date: Scores,
    pub errors: Vec<EvalError>,
}

/// How much of each document was annotated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EvalOptions {
    /// Score only the first `n` lines of each text (system expressions after them are
    /// ignored). MEANTIME annotated only the headline and the first sentences of each
    /// article: 6 lines in the TimeML conversion (headline, blank line, 4 sentences).
    /// The line break right after `<TEXT>` is not a line.
    pub scope_lines: Option<usize>,
}

/// Runs [`find_temporal_in`] on every document (anchored at its creation date) and scores
/// it over the whole text.
pub fn evaluate(docs: &[TimemlDoc]) -> EvalReport {
    evaluate_with(docs, EvalOptions::default())
}

/// The byte offset where the first `lines` lines of `text` end; the line break right
/// after the `<TEXT>` tag does not count.
fn scope_end(text: &str, lines: Option<usize>) -> usize {
    let Some(n) = lines else {
        return text.len();
    };
    let skip = usize::from(text.starts_with('\n'));
    let Some(last) = n.checked_sub(1) else {
        return skip;
    };
    text.get(skip..)
        .and_then(|rest| rest.match_indices('\n').nth(last))
        .map_or(text.len(), |(i, _)| skip + i)
}

/// [`evaluate`] with options.
pub fn evaluate_with(docs: &[TimemlDoc], options: EvalOptions) -> EvalReport {
    let mut report = EvalReport {
        documents: docs.len(),
        ..EvalReport::default()
    };
    for doc in docs {
        let found = find_temporal_in(&doc.text, doc.dct, doc.language);
        let end = scope_end(&doc.text, options.scope_lines);
        let gold: Vec<&GoldTimex> = doc.gold.iter().collect();
        let sys: Vec<&Timex> = found.iter().filter(|t| t.range.start < end).collect();
        report
            .all
            .add(&score(doc, &gold, &sys, Some(&mut report.errors)));
        let gold_dates: Vec<&GoldTimex> =
            gold.iter().copied().filter(|g| g.kind == "DATE").collect();
        let sys_dates: Vec<&Timex> = sys
            .iter()
            .copied()
            .filter(|t| t.kind == TimexKind::Date)
            .collect();
        report.date.add(&score(doc, &gold_dates, &sys_dates, None));
    }
    report
}

fn kind_name(kind: TimexKind) -> &'static str {
    match kind {
        TimexKind::Date => "DATE",
        TimexKind::Time => "TIME",
        TimexKind::Duration => "DURATION",
        TimexKind::Set => "SET",
    }
}

fn score(
    doc: &TimemlDoc,
    gold: &[&GoldTimex],
    sys: &[&Timex],
    mut errors: Option<&mut Vec<EvalError>>,
) -> Scores {
    let mut s = Scores {
        gold: gold.len(),
        system: sys.len(),
        ..Scores::default()
    };
    let show_gold = |g: &GoldTimex| {
        (
            g.range.slice(&doc.text).to_string(),
            format!("{}={}", g.kind, g.value),
        )
    };
    let show_sys = |t: &Timex| {
        (
            t.range.slice(&doc.text).to_string(),
            format!(
                "{}={}",
                kind_name(t.kind),
                t.value.as_deref().unwrap_or("(none)")
            ),
        )
    };
    for g in gold {
        if sys.iter().any(|t| t.range == g.range) {
            s.strict += 1;
        }
        let best = sys
            .iter()
            .filter(|t| t.range.intersects(g.range))
            .max_by_key(|t| overlap(t.range, g.range));
        let Some(t) = best else {
            if let Some(errs) = errors.as_deref_mut() {
                errs.push(EvalError {
                    doc: doc.id.clone(),
                    kind: ErrorKind::Missed,
                    gold: Some(show_gold(g)),
                    system: None,
                });
            }
            continue;
        };
        s.relaxed_gold += 1;
        let right = t.value.as_deref() == Some(g.value.as_str());
        if right {
            s.value_correct += 1;
        }
        if let Some(errs) = errors.as_deref_mut() {
            let kind = if !right {
                Some(ErrorKind::Value)
            } else if t.range != g.range {
                Some(ErrorKind::Span)
            } else {
                None
            };
            if let Some(kind) = kind {
                errs.push(EvalError {
                    doc: doc.id.clone(),
                    kind,
                    gold: Some(show_gold(g)),
                    system: Some(show_sys(t)),
                });
            }
        }
    }
    for t in sys {
        if gold.iter().any(|g| g.range.intersects(t.range)) {
            s.relaxed_system += 1;
        } else if let Some(errs) = errors.as_deref_mut() {
            errs.push(EvalError {
                doc: doc.id.clone(),
                kind: ErrorKind::Spurious,
                gold: None,
                system: Some(show_sys(t)),
            });
        }
    }
    s
}

fn overlap(a: TextRange, b: TextRange) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} documents; gold {} expressions ({} DATE), system {} ({} DATE)",
            self.documents, self.all.gold, self.date.gold, self.all.system, self.date.system
        )?;
        writeln!(
            f,
            "{:<6} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6}",
            "", "strict", "", "", "relax", "", "", "value", ""
        )?;
        writeln!(
            f,
            "{:<6} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6}",
            "type", "P", "R", "F1", "P", "R", "F1", "acc", "F1"
        )?;
        for (name, s) in [("all", &self.all), ("DATE", &self.date)] {
            writeln!(
                f,
                "{:<6} | {:>6.1} {:>6.1} {:>6.1} | {:>6.1} {:>6.1} {:>6.1} | {:>6.1} {:>6.1}",
                name,
                100.0 * s.strict_precision(),
                100.0 * s.strict_recall(),
                100.0 * s.strict_f1(),
                100.0 * s.relaxed_precision(),
                100.0 * s.relaxed_recall(),
                100.0 * s.relaxed_f1(),
                100.0 * s.value_accuracy(),
                100.0 * s.value_f1(),
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;

    const DOC: &str = r#"<?xml version="1.0"?>
<TimeML>
<DOCID>toy</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-09-29" functionInDocument="CREATION_TIME">September 29, 2022</TIMEX3></DCT>
<TEXT>
Talks &amp; votes on <TIMEX3 tid="t1" type="DATE" value="2022-09-28">Wednesday</TIMEX3>
They lasted <TIMEX3 tid="t2" type="DURATION" value="P2M">two months</TIMEX3> <TIMEX3 tid="t3" type="DATE" value="2022">this year</TIMEX3>, said <TIMEX3 tid="t4" type="DATE" value="PAST_REF">the former</TIMEX3> chief.
It ended in 2019.
</TEXT>
<TIMEX3 tid="t9" type="DATE" value="2022-01-01"/>
</TimeML>"#;

    #[test]
    fn parses_text_dct_and_spans() {
        let doc = parse_tml("file", DOC).unwrap();
        assert_eq!(doc.id, "toy");
        assert_eq!(doc.dct, CalendarDate::day(2022, 9, 29));
        let spans: Vec<String> = doc
            .gold
            .iter()
            .map(|g| format!("{}={} «{}»", g.kind, g.value, g.range.slice(&doc.text)))
            .collect();
        assert_eq!(
            spans,
            [
                "DATE=2022-09-28 «Wednesday»",
                "DURATION=P2M «two months»",
                "DATE=2022 «this year»",
                "DATE=PAST_REF «the former»",
            ]
        );
        assert!(doc.text.starts_with("\nTalks & votes on Wednesday\n"));
    }

    #[test]
    fn scores_strict_relaxed_and_values() {
        let doc = parse_tml("file", DOC).unwrap();
        let report = evaluate(std::slice::from_ref(&doc));
        // Found: Wednesday (right), two months (right), this year (right), 2019 (spurious);
        // missed: `the former`.
        assert_eq!(
            report.all,
            Scores {
                gold: 4,
                system: 4,
                strict: 3,
                relaxed_gold: 3,
                relaxed_system: 3,
                value_correct: 3,
            }
        );
        expect![[r#"
            1 documents; gold 4 expressions (3 DATE), system 4 (3 DATE)
                   | strict               |  relax               |  value       
            type   |      P      R     F1 |      P      R     F1 |    acc     F1
            all    |   75.0   75.0   75.0 |   75.0   75.0   75.0 |  100.0   75.0
            DATE   |   66.7   66.7   66.7 |   66.7   66.7   66.7 |  100.0   66.7
        "#]]
        .assert_eq(&report.to_string());
        let scoped = evaluate_with(
            std::slice::from_ref(&doc),
            EvalOptions {
                scope_lines: Some(2),
            },
        );
        assert_eq!(scoped.all.system, 3);
    }

    #[test]
    fn rejects_broken_markup_without_panicking() {
        assert!(parse_tml("x", "no text here").is_err());
        assert!(parse_tml("x", "<TEXT>a <TIMEX3 type=\"DATE\">b</TEXT>").is_err());
        assert!(parse_tml("x", "<TEXT>a </TIMEX3></TEXT>").is_err());
        assert!(parse_tml("x", "<TEXT>a &bogus; &#xZZ; é</TEXT>").is_ok());
    }
}
