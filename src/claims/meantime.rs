//! MEANTIME in CAT XML, pure (no IO): one annotated news article read into a rebuilt
//! plain text with its gold events, speakers and dates ([`parse_cat`]); plain predictions
//! (event verbs, claims with their cue, speaker and date) scored against them ([`score`]).
//! Nothing here knows how claims are found: callers turn whatever finder they have into
//! [`Predictions`] over [`CatDocument::text`].
//!
//! The rebuilt text. CAT keeps one token per element and no spacing, and no paragraphs:
//! the headline (sentence 0) is the first line, the Wikinews dateline (sentence 1) the
//! second, then, after a blank line, every later sentence on ONE line, as one paragraph,
//! joined by single spaces, so that "an earlier sentence of the same paragraph" is
//! meaningful context to a finder that dates claims by context. Inside a sentence, tokens
//! are joined by single spaces except before closing punctuation (`.,;:!?)]}%` and closing
//! quotes), before clitics (`'s`, `n't`, `'re`, ...) and after opening punctuation (`(`,
//! opening quotes, currency signs). The Penn Treebank quotes of the corpus are written as
//! curly quotes (`` `` `` → `“`, `''` → `”`, `` ` `` → `‘`) so that a finder looking for
//! quotations sees ordinary ones; straight `"` tokens open and close in turn.
//!
//! Scoring covers the annotated sentences after the dateline only (MEANTIME annotated the
//! headline, the dateline and, in nearly every file, the next four sentences). A prediction is in scope
//! when its range starts inside one of them; a gold item when it lies in one of them.
//! Predictions and gold items are paired one to one by overlap (see [`Detection`]).

use crate::temporal::timeml::{f1, ratio};
use crate::text::TextRange;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

/// One token of the rebuilt text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatToken {
    /// The CAT `t_id`.
    pub id: String,
    pub sentence: u32,
    /// Byte range into [`CatDocument::text`].
    pub range: TextRange,
}

/// One `EVENT_MENTION` with token anchors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldEvent {
    /// The CAT `m_id`.
    pub id: String,
    /// From the start of its first token to the end of its last one (a discontinuous
    /// mention such as `pushes ... back` covers the words between).
    pub range: TextRange,
    /// The sentence of its first token.
    pub sentence: u32,
    /// `pred`, the lemma; empty when absent, as for the other attributes.
    pub lemma: String,
    /// `VERB`, `NOUN`, `OTHER`, or empty: many mentions of the corpus leave it empty.
    pub pos: String,
    pub tense: String,
    pub aspect: String,
    /// The `class` of the `EVENT` instance the mention refers to (`SPEECH_COGNITIVE`,
    /// `GRAMMATICAL`, `OTHER`, `MIX`). A mention referring to several instances takes
    /// `SPEECH_COGNITIVE` if any of them has it (a reporting use is what the cue measure
    /// asks about), else the first one's class.
    pub class: Option<String>,
}

impl GoldEvent {
    pub fn is_speech(&self) -> bool {
        self.class.as_deref() == Some(SPEECH_COGNITIVE)
    }
}

/// One `ENTITY_MENTION` with token anchors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldEntityMention {
    pub id: String,
    pub range: TextRange,
    pub sentence: u32,
    /// `NAM`, `NOM`, `PRO`, `PRE.NAM`, ...; empty when absent.
    pub syntactic_type: String,
    /// The `m_id` of the `ENTITY` instance it refers to (the first, when several).
    pub entity: Option<String>,
}

/// One `TIMEX3`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    pub id: String,
    /// `None` for the timexes CAT keeps without tokens (times the annotators inferred,
    /// with only a `TAG_DESCRIPTOR`).
    pub range: Option<TextRange>,
    pub sentence: Option<u32>,
    /// `type`: `DATE`, `TIME`, `DURATION`, `SET`.
    pub kind: String,
    pub value: String,
    /// The document creation time: `functionInDocument="CREATION_TIME"`, or, in a
    /// document without one, the first timex lying wholly in the dateline.
    pub is_dct: bool,
}

/// One MEANTIME article in CAT XML, read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatDocument {
    /// `doc_id` (or `doc_name` when it is absent).
    pub id: String,
    /// The text rebuilt from the tokens (layout in the module documentation).
    pub text: String,
    /// In document order.
    pub tokens: Vec<CatToken>,
    /// Each sentence number with its range, in document order.
    pub sentences: Vec<(u32, TextRange)>,
    /// The value of the document creation time.
    pub dct: Option<String>,
    /// Sorted by position.
    pub events: Vec<GoldEvent>,
    /// Sorted by position.
    pub entity_mentions: Vec<GoldEntityMention>,
    /// Event mention id → the ids of its `Arg0` participants' entity mentions: the
    /// `Arg0` mentions themselves first, then every other mention of the same entity
    /// instances (through `REFERS_TO`) in text order, so that a pronoun speaker is also
    /// found under its named antecedent and the other way round.
    pub speakers: BTreeMap<String, Vec<String>>,
    /// Sorted by position, unanchored ones last.
    pub timexes: Vec<GoldTimex>,
    /// Event mention id → (timex id, relation), each `TLINK` between an event mention and
    /// a timex read from the event's side: a link from the timex is inverted
    /// (`t INCLUDES e` becomes `e IS_INCLUDED t`).
    pub tlinks: BTreeMap<String, Vec<(String, String)>>,
    /// The sentences holding any markable with tokens.
    pub annotated_sentences: BTreeSet<u32>,
}

impl CatDocument {
    pub fn entity_mention(&self, id: &str) -> Option<&GoldEntityMention> {
        self.entity_mentions.iter().find(|mention| mention.id == id)
    }

    pub fn timex(&self, id: &str) -> Option<&GoldTimex> {
        self.timexes.iter().find(|timex| timex.id == id)
    }

    /// The ranges of every mention of the `Arg0` participants of an event mention.
    pub fn speaker_ranges(&self, event_id: &str) -> Vec<TextRange> {
        self.speakers
            .get(event_id)
            .into_iter()
            .flatten()
            .filter_map(|id| self.entity_mention(id))
            .map(|mention| mention.range)
            .collect()
    }

    /// The timexes other than the creation time (with tokens or not) that a `TLINK` ties
    /// to an event mention, with the relation read from the event's side.
    pub fn dating_timexes(&self, event_id: &str) -> Vec<(&GoldTimex, &str)> {
        self.tlinks
            .get(event_id)
            .into_iter()
            .flatten()
            .filter_map(|(timex, relation)| Some((self.timex(timex)?, relation.as_str())))
            .filter(|(timex, _)| !timex.is_dct)
            .collect()
    }

    /// The range of the sentence holding byte `offset`.
    fn sentence_at(&self, offset: usize) -> Option<TextRange> {
        self.sentences
            .iter()
            .map(|(_, range)| *range)
            .find(|range| range.start <= offset && offset < range.end)
    }
}

const SPEECH_COGNITIVE: &str = "SPEECH_COGNITIVE";

// ---------------------------------------------------------------------------------------
// XML

/// Deeper nesting than CAT's four levels is not CAT; the bound also keeps a hostile file
/// from overflowing the stack when the tree is dropped.
const MAX_DEPTH: usize = 32;

/// One XML element: its attributes with entities decoded, its children, and the text
/// directly inside it.
#[derive(Debug, Default)]
struct Element<'a> {
    name: &'a str,
    attributes: Vec<(&'a str, String)>,
    children: Vec<Element<'a>>,
    text: String,
}

impl<'a> Element<'a> {
    fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.as_str())
    }

    fn attribute_or_empty(&self, name: &str) -> String {
        self.attribute(name).unwrap_or("").to_string()
    }

    fn children_named<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s Element<'a>> {
        self.children.iter().filter(move |child| child.name == name)
    }

    /// The `m_id` of the first `<source>` or `<target>` child.
    fn first_reference(&self, name: &str) -> Option<&str> {
        self.children
            .iter()
            .filter(|child| child.name == name)
            .find_map(|child| child.attribute("m_id"))
    }
}

/// Where the tag starting at `tag` (on its `<`) ends, on its `>`; a `>` inside a quoted
/// attribute value does not end it.
fn tag_end(tag: &str) -> Option<usize> {
    let mut quote = None;
    for (at, byte) in tag.bytes().enumerate() {
        match (quote, byte) {
            (None, b'"' | b'\'') => quote = Some(byte),
            (Some(open), _) if open == byte => quote = None,
            (None, b'>') => return Some(at),
            _ => {}
        }
    }
    None
}

/// Appends `raw` to `out` with its entities decoded; an unknown or broken entity is kept
/// as written.
fn push_decoded(out: &mut String, raw: &str) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = after
            .find(';')
            .filter(|&semicolon| semicolon <= 10)
            .and_then(|semicolon| {
                Some((
                    crate::temporal::timeml::decode_entity(&after[..semicolon])?,
                    semicolon + 1,
                ))
            });
        match decoded {
            Some((ch, used)) => {
                out.push(ch);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// Reads a start tag's inside (between `<` and `>` or `/>`): its name and attributes.
fn parse_start_tag(inside: &str) -> Result<Element<'_>, String> {
    let name_end = inside
        .find(|ch: char| ch.is_ascii_whitespace())
        .unwrap_or(inside.len());
    let name = &inside[..name_end];
    if name.is_empty() {
        return Err("a tag without a name".into());
    }
    let mut element = Element {
        name,
        ..Element::default()
    };
    let mut rest = &inside[name_end..];
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return Ok(element);
        }
        let equals = rest
            .find('=')
            .ok_or_else(|| format!("<{name}>: an attribute without a value"))?;
        let key = rest[..equals].trim();
        if key.is_empty() || key.contains(|ch: char| ch.is_ascii_whitespace()) {
            return Err(format!("<{name}>: a malformed attribute"));
        }
        let after = rest[equals + 1..].trim_start();
        let quote = after
            .chars()
            .next()
            .filter(|ch| matches!(ch, '"' | '\''))
            .ok_or_else(|| format!("<{name}>: attribute {key} is not quoted"))?;
        let value_and_rest = &after[1..];
        let close = value_and_rest
            .find(quote)
            .ok_or_else(|| format!("<{name}>: attribute {key} is never closed"))?;
        let mut value = String::new();
        push_decoded(&mut value, &value_and_rest[..close]);
        element.attributes.push((key, value));
        rest = &value_and_rest[close + 1..];
    }
}

/// Puts a finished element under its parent, or makes it the root.
fn attach<'a>(
    element: Element<'a>,
    open: &mut [Element<'a>],
    root: &mut Option<Element<'a>>,
) -> Result<(), String> {
    match open.last_mut() {
        Some(parent) => parent.children.push(element),
        None if root.is_none() => *root = Some(element),
        None => return Err("more than one root element".into()),
    }
    Ok(())
}

/// When `rest` starts with `opening`, how many bytes to skip to get past `closing`.
fn skip_between(rest: &str, opening: &str, closing: &str) -> Option<Result<usize, String>> {
    let after = rest.strip_prefix(opening)?;
    Some(
        after
            .find(closing)
            .map(|end| opening.len() + end + closing.len())
            .ok_or_else(|| format!("{opening} is never closed (truncated?)")),
    )
}

/// Reads an XML document into its root element. Comments, processing instructions and
/// declarations are skipped; a truncated or mismatched document is an error.
fn parse_xml(source: &str) -> Result<Element<'_>, String> {
    let mut open: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut rest = source;
    while let Some(lt) = rest.find('<') {
        if let Some(parent) = open.last_mut() {
            push_decoded(&mut parent.text, &rest[..lt]);
        }
        rest = &rest[lt..];
        if let Some(skip) = skip_between(rest, "<!--", "-->") {
            rest = &rest[skip?..];
            continue;
        }
        if let Some(skip) = skip_between(rest, "<![CDATA[", "]]>") {
            let skip = skip?;
            if let Some(parent) = open.last_mut() {
                parent
                    .text
                    .push_str(&rest["<![CDATA[".len()..skip - "]]>".len()]);
            }
            rest = &rest[skip..];
            continue;
        }
        if let Some(skip) = skip_between(rest, "<?", "?>").or_else(|| skip_between(rest, "<!", ">"))
        {
            rest = &rest[skip?..];
            continue;
        }
        let end = tag_end(rest).ok_or("a tag is never closed (truncated?)")?;
        let inside = &rest[1..end];
        rest = &rest[end + 1..];
        if let Some(closing) = inside.strip_prefix('/') {
            let closing = closing.trim_end();
            let element = open
                .pop()
                .ok_or_else(|| format!("</{closing}> closes nothing"))?;
            if element.name != closing {
                return Err(format!("</{closing}> closes <{}>", element.name));
            }
            attach(element, &mut open, &mut root)?;
        } else if let Some(inside) = inside.strip_suffix('/') {
            attach(parse_start_tag(inside)?, &mut open, &mut root)?;
        } else {
            if open.len() >= MAX_DEPTH {
                return Err("elements nested too deep".into());
            }
            open.push(parse_start_tag(inside)?);
        }
    }
    if let Some(element) = open.last() {
        return Err(format!("<{}> is never closed (truncated?)", element.name));
    }
    root.ok_or_else(|| "no root element".into())
}

// ---------------------------------------------------------------------------------------
// Text

/// The token as the rebuilt text shows it: Penn Treebank quotes become curly ones.
fn shown_form(token: &str) -> &str {
    match token {
        "``" => "“",
        "''" => "”",
        "`" => "‘",
        _ => token,
    }
}

/// Punctuation written against the word before it.
fn is_closing(token: &str) -> bool {
    !token.is_empty()
        && token.chars().all(|ch| {
            matches!(
                ch,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '%' | '”' | '’' | '\'' | '…'
            )
        })
}

/// Punctuation and signs written against the word after them (`US$` included; `#` is how
/// the corpus writes `£`, lost to its encoding: `# 13 billion`).
fn is_opening(token: &str) -> bool {
    !token.is_empty()
        && (token
            .chars()
            .all(|ch| matches!(ch, '(' | '[' | '{' | '“' | '‘' | '$' | '£' | '€' | '#'))
            || token.ends_with('$'))
}

/// `'s`, `'re`, `n't` and the like, which the tokenizer split off their word.
fn is_clitic(token: &str) -> bool {
    let after_apostrophe = token.strip_prefix('\'').or_else(|| token.strip_prefix('’'));
    match after_apostrophe {
        Some(rest) => {
            (1..=2).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_alphabetic())
        }
        None => token.eq_ignore_ascii_case("n't") || token.eq_ignore_ascii_case("n’t"),
    }
}

/// The rest of a contraction split after its apostrophe (`I'` `ll`, `Wayne ’` `s`).
fn continues_contraction(previous: &str, token: &str) -> bool {
    (previous.ends_with('\'') || previous.ends_with('’'))
        && ["s", "t", "ll", "m", "d", "re", "ve"]
            .iter()
            .any(|rest| token.eq_ignore_ascii_case(rest))
}

/// A token as read from the XML, before layout.
struct RawToken<'a> {
    id: &'a str,
    sentence: u32,
    text: String,
}

/// Lays the tokens out (see the module documentation) into the text, the tokens' ranges
/// and the sentences' ranges.
fn lay_out(raw_tokens: &[RawToken<'_>]) -> (String, Vec<CatToken>, Vec<(u32, TextRange)>) {
    let mut text = String::new();
    let mut tokens = Vec::with_capacity(raw_tokens.len());
    let mut sentences: Vec<(u32, TextRange)> = Vec::new();
    let mut previous: Option<(&str, u32)> = None;
    let mut glue_next = false;
    let mut straight_quote_open = false;
    for raw in raw_tokens {
        let shown = shown_form(raw.text.trim());
        let is_straight_quote = shown == "\"";
        let separator = match previous {
            None => "",
            // A sentence break overrides `glue_next`, which the next token resets.
            Some((_, sentence)) if sentence != raw.sentence => {
                match (sentence >= 2, raw.sentence >= 2) {
                    (true, true) => " ",
                    (false, true) => "\n\n",
                    _ => "\n",
                }
            }
            Some((before, _)) => {
                let closes_quote = is_straight_quote && straight_quote_open;
                let glued = glue_next
                    || shown.is_empty()
                    || closes_quote
                    || is_closing(shown)
                    || is_clitic(shown)
                    || continues_contraction(before, shown);
                if glued {
                    ""
                } else {
                    " "
                }
            }
        };
        text.push_str(separator);
        let start = text.len();
        text.push_str(shown);
        let range = TextRange::new(start, text.len());
        glue_next = is_opening(shown) || (is_straight_quote && !straight_quote_open);
        if is_straight_quote {
            straight_quote_open = !straight_quote_open;
        }
        match sentences.last_mut() {
            // The last sentence is the previous token's.
            Some((number, sentence)) if *number == raw.sentence => {
                sentence.end = range.end;
            }
            _ => sentences.push((raw.sentence, range)),
        }
        tokens.push(CatToken {
            id: raw.id.to_string(),
            sentence: raw.sentence,
            range,
        });
        previous = Some((shown, raw.sentence));
    }
    if !text.is_empty() {
        text.push('\n');
    }
    (text, tokens, sentences)
}

// ---------------------------------------------------------------------------------------
// Document

/// The inverse of a TimeML relation, to read a link from its other end.
fn inverse_relation(relation: &str) -> &str {
    match relation {
        "BEFORE" => "AFTER",
        "AFTER" => "BEFORE",
        "IBEFORE" => "IAFTER",
        "IAFTER" => "IBEFORE",
        "INCLUDES" => "IS_INCLUDED",
        "IS_INCLUDED" => "INCLUDES",
        "BEGINS" => "BEGUN_BY",
        "BEGUN_BY" => "BEGINS",
        "ENDS" => "ENDED_BY",
        "ENDED_BY" => "ENDS",
        "DURING" => "DURING_INV",
        "DURING_INV" => "DURING",
        // SIMULTANEOUS, IDENTITY, MEASURE and anything unknown read the same both ways.
        other => other,
    }
}

/// Where a markable lies: its range from its first to its last known token, the
/// sentence of its first token, and every sentence it touches.
struct Anchoring {
    range: TextRange,
    sentence: u32,
    sentences: Vec<u32>,
}

fn anchoring(
    markable: &Element<'_>,
    tokens: &[CatToken],
    token_index: &HashMap<&str, usize>,
) -> Option<Anchoring> {
    let anchored: Vec<&CatToken> = markable
        .children_named("token_anchor")
        .filter_map(|anchor| anchor.attribute("t_id"))
        .filter_map(|id| token_index.get(id).map(|&index| &tokens[index]))
        .collect();
    let first = anchored.iter().min_by_key(|token| token.range.start)?;
    let end = anchored.iter().map(|token| token.range.end).max()?;
    Some(Anchoring {
        range: TextRange::new(first.range.start, end),
        sentence: first.sentence,
        sentences: anchored.iter().map(|token| token.sentence).collect(),
    })
}

/// Reads one CAT XML file of MEANTIME. Broken XML (truncated, mismatched tags, unquoted
/// attributes) and a root other than `<Document>` are errors; tokens without an id or a
/// sentence number, anchors to unknown tokens and relations to unknown markables are
/// skipped.
pub fn parse_cat(xml: &str) -> Result<CatDocument, String> {
    let root = parse_xml(xml)?;
    if root.name != "Document" {
        return Err(format!(
            "the root element is <{}>, not <Document>",
            root.name
        ));
    }
    let id = root
        .attribute("doc_id")
        .or_else(|| root.attribute("doc_name"))
        .unwrap_or("")
        .to_string();

    let raw_tokens: Vec<RawToken> = root
        .children_named("token")
        .filter_map(|token| {
            Some(RawToken {
                id: token.attribute("t_id")?,
                sentence: token.attribute("sentence")?.trim().parse().ok()?,
                text: token.text.clone(),
            })
        })
        .collect();
    let (text, tokens, sentences) = lay_out(&raw_tokens);
    let mut token_index: HashMap<&str, usize> = HashMap::new();
    for (index, token) in tokens.iter().enumerate() {
        token_index.entry(token.id.as_str()).or_insert(index);
    }

    let markables: Vec<&Element> = root
        .children_named("Markables")
        .flat_map(|section| section.children.iter())
        .collect();
    let relations: Vec<&Element> = root
        .children_named("Relations")
        .flat_map(|section| section.children.iter())
        .collect();
    let mut by_id: HashMap<&str, &Element> = HashMap::new();
    for markable in &markables {
        if let Some(id) = markable.attribute("m_id") {
            by_id.entry(id).or_insert(markable);
        }
    }
    let kind_of = |id: &str| by_id.get(id).map(|markable| markable.name);

    // Coreference both ways: mention → instances, instance → mentions, in file order.
    let mut instances_of: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut mentions_of: HashMap<&str, Vec<&str>> = HashMap::new();
    for relation in relations.iter().filter(|r| r.name == "REFERS_TO") {
        let targets: Vec<&str> = relation
            .children_named("target")
            .filter_map(|target| target.attribute("m_id"))
            .collect();
        for source in relation
            .children_named("source")
            .filter_map(|source| source.attribute("m_id"))
        {
            for &target in &targets {
                instances_of.entry(source).or_default().push(target);
                mentions_of.entry(target).or_default().push(source);
            }
        }
    }

    let mut annotated_sentences = BTreeSet::new();
    let mut events = Vec::new();
    let mut entity_mentions = Vec::new();
    let mut timexes = Vec::new();
    for markable in &markables {
        let anchored = anchoring(markable, &tokens, &token_index);
        if let Some(anchored) = &anchored {
            annotated_sentences.extend(anchored.sentences.iter().copied());
        }
        let Some(id) = markable.attribute("m_id") else {
            continue;
        };
        let instances = instances_of.get(id).map(Vec::as_slice).unwrap_or_default();
        match (markable.name, anchored) {
            ("EVENT_MENTION", Some(anchored)) => {
                let classes: Vec<&str> = instances
                    .iter()
                    .filter_map(|instance| by_id.get(instance))
                    .filter(|instance| instance.name == "EVENT")
                    .filter_map(|instance| instance.attribute("class"))
                    .filter(|class| !class.is_empty())
                    .collect();
                let class = classes
                    .iter()
                    .find(|class| **class == SPEECH_COGNITIVE)
                    .or(classes.first())
                    .map(|class| class.to_string());
                events.push(GoldEvent {
                    id: id.to_string(),
                    range: anchored.range,
                    sentence: anchored.sentence,
                    lemma: markable.attribute_or_empty("pred"),
                    pos: markable.attribute_or_empty("pos"),
                    tense: markable.attribute_or_empty("tense"),
                    aspect: markable.attribute_or_empty("aspect"),
                    class,
                });
            }
            ("ENTITY_MENTION", Some(anchored)) => {
                let entity = instances
                    .iter()
                    .find(|instance| kind_of(instance) == Some("ENTITY"))
                    .map(|instance| instance.to_string());
                entity_mentions.push(GoldEntityMention {
                    id: id.to_string(),
                    range: anchored.range,
                    sentence: anchored.sentence,
                    syntactic_type: markable.attribute_or_empty("syntactic_type"),
                    entity,
                });
            }
            ("TIMEX3", anchored) => timexes.push(GoldTimex {
                id: id.to_string(),
                range: anchored.as_ref().map(|anchored| anchored.range),
                sentence: anchored.as_ref().map(|anchored| anchored.sentence),
                kind: markable.attribute_or_empty("type"),
                value: markable.attribute_or_empty("value"),
                is_dct: markable.attribute("functionInDocument") == Some("CREATION_TIME"),
            }),
            _ => {}
        }
    }
    events.sort_by_key(|event| (event.range.start, event.range.end));
    entity_mentions.sort_by_key(|mention| (mention.range.start, mention.range.end));
    timexes.sort_by_key(|timex| (timex.range.is_none(), timex.range));

    // Two files of the corpus mark no creation time; their dateline holds it all the same.
    if !timexes.iter().any(|timex| timex.is_dct) {
        let in_dateline = |range: Option<TextRange>| {
            sentences.iter().any(|(number, sentence)| {
                *number == 1 && range.is_some_and(|range| sentence.contains_range(range))
            })
        };
        if let Some(timex) = timexes.iter_mut().find(|timex| in_dateline(timex.range)) {
            timex.is_dct = true;
        }
    }
    let dct = timexes
        .iter()
        .find(|timex| timex.is_dct && !timex.value.is_empty())
        .map(|timex| timex.value.clone());

    // Links and participants count only for the event mentions read (those with tokens).
    let event_ids: BTreeSet<&str> = events.iter().map(|event| event.id.as_str()).collect();
    let is_event = |id: &str| event_ids.contains(id);
    let is_timex = |id: &str| kind_of(id) == Some("TIMEX3");
    let mut speakers: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut tlinks: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for relation in &relations {
        let (Some(source), Some(target)) = (
            relation.first_reference("source"),
            relation.first_reference("target"),
        ) else {
            continue;
        };
        match relation.name {
            "HAS_PARTICIPANT"
                if relation
                    .attribute("sem_role")
                    .is_some_and(|role| role.eq_ignore_ascii_case("Arg0"))
                    && is_event(source)
                    && kind_of(target) == Some("ENTITY_MENTION") =>
            {
                speakers
                    .entry(source.to_string())
                    .or_default()
                    .push(target.to_string());
            }
            "TLINK" => {
                let relation_type = relation.attribute("reltype").unwrap_or("");
                let link = if is_event(source) && is_timex(target) {
                    Some((source, target, relation_type))
                } else if is_timex(source) && is_event(target) {
                    Some((target, source, inverse_relation(relation_type)))
                } else {
                    None
                };
                if let Some((event, timex, relation_type)) = link {
                    tlinks
                        .entry(event.to_string())
                        .or_default()
                        .push((timex.to_string(), relation_type.to_string()));
                }
            }
            _ => {}
        }
    }

    // Each speaker's coreferent mentions, after the Arg0 mentions themselves.
    let position: HashMap<&str, TextRange> = entity_mentions
        .iter()
        .map(|mention| (mention.id.as_str(), mention.range))
        .collect();
    for arg0_mentions in speakers.values_mut() {
        let mut coreferent: Vec<&str> = arg0_mentions
            .iter()
            .flat_map(|mention| instances_of.get(mention.as_str()).into_iter().flatten())
            .filter(|instance| kind_of(instance) == Some("ENTITY"))
            .flat_map(|instance| mentions_of.get(instance).into_iter().flatten())
            .copied()
            .filter(|mention| position.contains_key(mention))
            .filter(|mention| !arg0_mentions.iter().any(|arg0| arg0 == mention))
            .collect();
        coreferent.sort_by_key(|mention| (position.get(mention).copied(), *mention));
        coreferent.dedup();
        let mut seen = BTreeSet::new();
        arg0_mentions.retain(|mention| seen.insert(mention.clone()));
        arg0_mentions.extend(coreferent.into_iter().map(str::to_string));
    }

    Ok(CatDocument {
        id,
        text,
        tokens,
        sentences,
        dct,
        events,
        entity_mentions,
        speakers,
        timexes,
        tlinks,
        annotated_sentences,
    })
}

// ---------------------------------------------------------------------------------------
// Scoring

/// One claim as some finder predicted it, as byte ranges into [`CatDocument::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PredictedClaim {
    /// The claim's sentence as the finder split it; not scored (the gold sentences are
    /// the tokens' own), kept so that a claim can be passed as the finder gives it.
    pub sentence: TextRange,
    /// The word that makes it a claim: a reporting cue, or the verb of a reported event.
    pub trigger: TextRange,
    /// Whether the trigger is a reporting cue (`said`, `according to`).
    pub is_cue: bool,
    /// Who made the statement, when the finder found someone.
    pub speaker: Option<TextRange>,
    /// The expression that dates the claim (in its sentence or an earlier one), if any.
    pub date: Option<TextRange>,
}

/// Everything predicted for one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Predictions {
    pub claims: Vec<PredictedClaim>,
    /// The heads of the verbs found as events.
    pub event_verbs: Vec<TextRange>,
}

/// Detection counts. Predictions, in text order, are paired one to one with the gold item
/// they overlap most among those still unpaired: a pair is a true positive, an unpaired
/// prediction a false positive, an unpaired gold item a false negative. A prediction that
/// pairs with nothing but overlaps an item the measure neither asks for nor rules out (an
/// event whose part of speech the corpus left empty) is `ignored`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Detection {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
    pub ignored: usize,
    /// `doc: missed|spurious KIND: the sentence with «the word» marked`.
    pub errors: Vec<String>,
}

impl Detection {
    pub fn gold(&self) -> usize {
        self.true_positives + self.false_negatives
    }
    pub fn predicted(&self) -> usize {
        self.true_positives + self.false_positives + self.ignored
    }
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }
    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.gold())
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

/// Attribution, over the predicted cue claims whose trigger pairs with a gold speech
/// event that has an `Arg0`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerScores {
    /// The predicted speaker overlaps a mention of the `Arg0` entity.
    pub correct: usize,
    /// It overlaps none of them.
    pub wrong: usize,
    /// No speaker was predicted (counted as wrong in the accuracy).
    pub missing: usize,
    pub errors: Vec<String>,
}

impl SpeakerScores {
    pub fn judged(&self) -> usize {
        self.correct + self.wrong + self.missing
    }
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct, self.judged())
    }
}

/// Dating, over the predicted claims (cue or not) whose trigger overlaps a gold event.
/// The gold event is *dated* when a `TLINK` ties it to an anchored timex other than the
/// creation time (a link to the creation time alone does not date it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DatingScores {
    /// Dated, and the predicted date overlaps one of its timexes.
    pub dated_correct: usize,
    /// Dated, but the predicted date is elsewhere.
    pub dated_wrong: usize,
    /// Dated, but no date was predicted.
    pub dated_missing: usize,
    /// Not dated, and no date was predicted.
    pub undated_correct: usize,
    /// Not dated, but a date was predicted.
    pub undated_spurious: usize,
    /// Not judged: the event's only timexes are ones the annotators inferred, without
    /// tokens, so no expression of the text could be the right date.
    pub implicit_only: usize,
    pub errors: Vec<String>,
}

impl DatingScores {
    pub fn judged(&self) -> usize {
        self.dated_correct
            + self.dated_wrong
            + self.dated_missing
            + self.undated_correct
            + self.undated_spurious
    }
    pub fn accuracy(&self) -> f64 {
        ratio(self.dated_correct + self.undated_correct, self.judged())
    }
}

/// How many scored sentences holding a gold verb event hold a predicted claim (a claim
/// belongs to the sentence its trigger starts in).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SentenceCoverage {
    pub sentences: usize,
    pub with_claim: usize,
    pub errors: Vec<String>,
}

impl SentenceCoverage {
    pub fn share(&self) -> f64 {
        ratio(self.with_claim, self.sentences)
    }
}

/// All the measures over a set of documents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventScores {
    pub documents: usize,
    /// Annotated sentences after the dateline.
    pub scored_sentences: usize,
    /// `event_verbs` against gold event mentions with `pos="VERB"`.
    pub events: Detection,
    /// Cue claims' triggers against gold `SPEECH_COGNITIVE` verb and noun mentions.
    pub cues: Detection,
    pub speakers: SpeakerScores,
    pub dating: DatingScores,
    pub sentences: SentenceCoverage,
}

impl EventScores {
    /// Every error line, measure by measure.
    pub fn errors(&self) -> impl Iterator<Item = &str> {
        self.events
            .errors
            .iter()
            .chain(&self.cues.errors)
            .chain(&self.speakers.errors)
            .chain(&self.dating.errors)
            .chain(&self.sentences.errors)
            .map(String::as_str)
    }
}

fn overlap(a: TextRange, b: TextRange) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// The sentence holding `range` with the range marked `«like this»`, for error lines;
/// the range alone when it is in no sentence, `«?»` when it does not fit the text.
fn marked(doc: &CatDocument, range: TextRange) -> String {
    let text = doc.text.as_str();
    let sentence = doc.sentence_at(range.start).map_or(range, |sentence| {
        TextRange::new(sentence.start, sentence.end.max(range.end))
    });
    let pieces = (
        text.get(sentence.start..range.start),
        text.get(range.start..range.end),
        text.get(range.end..sentence.end),
    );
    match pieces {
        (Some(before), Some(word), Some(after)) => format!("{before}«{word}»{after}"),
        _ => "«?»".to_string(),
    }
}

fn text_of(doc: &CatDocument, range: TextRange) -> &str {
    range.slice(&doc.text)
}

/// Pairs predictions with gold ranges one to one (see [`Detection`]): for each
/// prediction, the index of its gold range.
fn pair_by_overlap(gold: &[TextRange], predicted: &[TextRange]) -> Vec<Option<usize>> {
    let mut order: Vec<usize> = (0..predicted.len()).collect();
    order.sort_by_key(|&index| (predicted[index].start, predicted[index].end));
    let mut gold_taken = vec![false; gold.len()];
    let mut pairs = vec![None; predicted.len()];
    for index in order {
        let best = gold
            .iter()
            .enumerate()
            .filter(|(at, range)| !gold_taken[*at] && range.intersects(predicted[index]))
            .max_by_key(|(at, range)| (overlap(**range, predicted[index]), usize::MAX - at));
        if let Some((at, _)) = best {
            gold_taken[at] = true;
            pairs[index] = Some(at);
        }
    }
    pairs
}

/// Scores one detection measure of one document into `into`.
fn detect(
    doc: &CatDocument,
    what: &str,
    gold: &[TextRange],
    neutral: &[TextRange],
    predicted: &[TextRange],
    into: &mut Detection,
) {
    let pairs = pair_by_overlap(gold, predicted);
    for (range, pair) in predicted.iter().zip(&pairs) {
        if pair.is_some() {
            into.true_positives += 1;
        } else if neutral.iter().any(|neutral| neutral.intersects(*range)) {
            into.ignored += 1;
        } else {
            into.false_positives += 1;
            into.errors.push(format!(
                "{}: spurious {what}: {}",
                doc.id,
                marked(doc, *range)
            ));
        }
    }
    for (at, range) in gold.iter().enumerate() {
        if !pairs.contains(&Some(at)) {
            into.false_negatives += 1;
            into.errors.push(format!(
                "{}: missed {what}: {}",
                doc.id,
                marked(doc, *range)
            ));
        }
    }
}

/// The gold event in `candidates` that `trigger` overlaps most (the first on a tie).
fn best_overlap<'e>(candidates: &[&'e GoldEvent], trigger: TextRange) -> Option<&'e GoldEvent> {
    candidates
        .iter()
        .enumerate()
        .filter(|(_, event)| event.range.intersects(trigger))
        .max_by_key(|(at, event)| (overlap(event.range, trigger), usize::MAX - at))
        .map(|(_, event)| *event)
}

/// Speech events of other parts of speech (`according`, or none given) are not asked of a
/// cue finder, nor held against it.
fn is_verb_or_noun(event: &GoldEvent) -> bool {
    matches!(event.pos.as_str(), "VERB" | "NOUN")
}

fn score_document(doc: &CatDocument, predictions: &Predictions, scores: &mut EventScores) {
    let scoped_sentences: Vec<(u32, TextRange)> = doc
        .sentences
        .iter()
        .copied()
        .filter(|(number, _)| *number >= 2 && doc.annotated_sentences.contains(number))
        .collect();
    scores.scored_sentences += scoped_sentences.len();
    let in_scope = |range: &TextRange| {
        scoped_sentences
            .iter()
            .any(|(_, sentence)| sentence.start <= range.start && range.start < sentence.end)
    };
    let is_scored_sentence = |number: u32| number >= 2 && doc.annotated_sentences.contains(&number);
    let gold_events: Vec<&GoldEvent> = doc
        .events
        .iter()
        .filter(|event| is_scored_sentence(event.sentence))
        .collect();
    let claims: Vec<&PredictedClaim> = predictions
        .claims
        .iter()
        .filter(|claim| in_scope(&claim.trigger))
        .collect();

    // Events.
    let gold_verbs: Vec<TextRange> = gold_events
        .iter()
        .filter(|event| event.pos == "VERB")
        .map(|event| event.range)
        .collect();
    let unknown_pos: Vec<TextRange> = gold_events
        .iter()
        .filter(|event| event.pos.is_empty())
        .map(|event| event.range)
        .collect();
    let predicted_verbs: Vec<TextRange> = predictions
        .event_verbs
        .iter()
        .copied()
        .filter(|range| in_scope(range))
        .collect();
    detect(
        doc,
        "event",
        &gold_verbs,
        &unknown_pos,
        &predicted_verbs,
        &mut scores.events,
    );

    // Cues.
    let speech_events: Vec<&GoldEvent> = gold_events
        .iter()
        .copied()
        .filter(|event| event.is_speech())
        .collect();
    let gold_cues: Vec<TextRange> = speech_events
        .iter()
        .filter(|event| is_verb_or_noun(event))
        .map(|event| event.range)
        .collect();
    let other_speech: Vec<TextRange> = speech_events
        .iter()
        .filter(|event| !is_verb_or_noun(event))
        .map(|event| event.range)
        .collect();
    let predicted_cues: Vec<TextRange> = claims
        .iter()
        .filter(|claim| claim.is_cue)
        .map(|claim| claim.trigger)
        .collect();
    detect(
        doc,
        "cue",
        &gold_cues,
        &other_speech,
        &predicted_cues,
        &mut scores.cues,
    );

    // Speakers.
    let spoken: Vec<&GoldEvent> = speech_events
        .iter()
        .copied()
        .filter(|event| doc.speakers.get(&event.id).is_some_and(|s| !s.is_empty()))
        .collect();
    for claim in claims.iter().filter(|claim| claim.is_cue) {
        let Some(event) = best_overlap(&spoken, claim.trigger) else {
            continue;
        };
        let gold = doc.speaker_ranges(&event.id);
        let gold_name = gold
            .first()
            .map_or("?", |range| text_of(doc, *range))
            .to_string();
        let speakers = &mut scores.speakers;
        match claim.speaker {
            Some(speaker) if gold.iter().any(|range| range.intersects(speaker)) => {
                speakers.correct += 1;
            }
            Some(speaker) => {
                speakers.wrong += 1;
                speakers.errors.push(format!(
                    "{}: wrong speaker: {} (gold «{gold_name}», predicted «{}»)",
                    doc.id,
                    marked(doc, claim.trigger),
                    text_of(doc, speaker)
                ));
            }
            None => {
                speakers.missing += 1;
                speakers.errors.push(format!(
                    "{}: no speaker: {} (gold «{gold_name}»)",
                    doc.id,
                    marked(doc, claim.trigger)
                ));
            }
        }
    }

    // Dating.
    for claim in &claims {
        let Some(event) = best_overlap(&gold_events, claim.trigger) else {
            continue;
        };
        let linked = doc.dating_timexes(&event.id);
        let anchored: Vec<(TextRange, &str)> = linked
            .iter()
            .filter_map(|(timex, relation)| Some((timex.range?, *relation)))
            .collect();
        let dating = &mut scores.dating;
        if anchored.is_empty() && !linked.is_empty() {
            dating.implicit_only += 1;
            continue;
        }
        let gold_dates = || {
            anchored
                .iter()
                .map(|(range, relation)| format!("{relation} «{}»", text_of(doc, *range)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let line = |kind: &str, detail: String| {
            format!(
                "{}: {kind}: {} ({detail})",
                doc.id,
                marked(doc, claim.trigger)
            )
        };
        match (anchored.is_empty(), claim.date) {
            (false, Some(date)) if anchored.iter().any(|(range, _)| range.intersects(date)) => {
                dating.dated_correct += 1;
            }
            (false, Some(date)) => {
                dating.dated_wrong += 1;
                let detail = format!("gold {}, predicted «{}»", gold_dates(), text_of(doc, date));
                dating.errors.push(line("wrong date", detail));
            }
            (false, None) => {
                dating.dated_missing += 1;
                let detail = format!("gold {}", gold_dates());
                dating.errors.push(line("no date", detail));
            }
            (true, None) => dating.undated_correct += 1,
            (true, Some(date)) => {
                dating.undated_spurious += 1;
                let detail = format!("no gold date, predicted «{}»", text_of(doc, date));
                dating.errors.push(line("spurious date", detail));
            }
        }
    }

    // Claims per sentence.
    for (_, sentence) in &scoped_sentences {
        let first_verb = gold_verbs
            .iter()
            .find(|verb| sentence.contains_range(**verb));
        let Some(first_verb) = first_verb else {
            continue;
        };
        let coverage = &mut scores.sentences;
        coverage.sentences += 1;
        let has_claim = claims.iter().any(|claim| {
            sentence.start <= claim.trigger.start && claim.trigger.start < sentence.end
        });
        if has_claim {
            coverage.with_claim += 1;
        } else {
            coverage.errors.push(format!(
                "{}: sentence without a claim: {}",
                doc.id,
                marked(doc, *first_verb)
            ));
        }
    }
}

/// Scores predictions against the gold annotation of their documents, over the
/// annotated sentences after the dateline.
pub fn score(docs: &[(CatDocument, Predictions)]) -> EventScores {
    let mut scores = EventScores {
        documents: docs.len(),
        ..EventScores::default()
    };
    for (doc, predictions) in docs {
        score_document(doc, predictions, &mut scores);
    }
    scores
}

impl fmt::Display for EventScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} documents, {} scored sentences (annotated, after the dateline)",
            self.documents, self.scored_sentences
        )?;
        writeln!(
            f,
            "{:<9} | {:>5} {:>5} | {:>5} {:>5} {:>5} {:>5} | {:>6} {:>6} {:>6}",
            "measure", "gold", "pred", "tp", "fp", "fn", "ign", "P", "R", "F1"
        )?;
        for (name, detection) in [("events", &self.events), ("cues", &self.cues)] {
            writeln!(
                f,
                "{:<9} | {:>5} {:>5} | {:>5} {:>5} {:>5} {:>5} | {:>6.1} {:>6.1} {:>6.1}",
                name,
                detection.gold(),
                detection.predicted(),
                detection.true_positives,
                detection.false_positives,
                detection.false_negatives,
                detection.ignored,
                100.0 * detection.precision(),
                100.0 * detection.recall(),
                100.0 * detection.f1(),
            )?;
        }
        let speakers = &self.speakers;
        writeln!(
            f,
            "{:<9} | {:.1}% of {} cues on a gold speech event with a speaker: {} right, {} wrong, {} none",
            "speakers",
            100.0 * speakers.accuracy(),
            speakers.judged(),
            speakers.correct,
            speakers.wrong,
            speakers.missing,
        )?;
        let dating = &self.dating;
        writeln!(
            f,
            "{:<9} | {:.1}% of {} claims on a gold event: dated {} right, {} wrong, {} none; \
             undated {} right, {} dated; {} skipped (implicit time only)",
            "dating",
            100.0 * dating.accuracy(),
            dating.judged(),
            dating.dated_correct,
            dating.dated_wrong,
            dating.dated_missing,
            dating.undated_correct,
            dating.undated_spurious,
            dating.implicit_only,
        )?;
        writeln!(
            f,
            "{:<9} | {:.1}% of {} sentences with a gold verb event hold a claim ({})",
            "sentences",
            100.0 * self.sentences.share(),
            self.sentences.sentences,
            self.sentences.with_claim,
        )
    }
}

#[cfg(test)]
#[path = "meantime_tests.rs"]
mod tests;
