//! A page's main text as paragraphs: the page furniture removed (navigation, cookie
//! banners, ads, share bars, related links, footers, captions), the main article chosen
//! among several, the main text found by `dom_smoothie` (a port of Mozilla's Readability),
//! and its blocks turned into plain paragraphs and headings.

use super::metadata::clean_text;
use dom_query::{Document, NodeRef, Selection};
use dom_smoothie::{Config, Readability, ReadabilityError};

/// Elements that are never article text, whatever their class: they go before the main
/// text is looked for.
const FURNITURE_ELEMENTS: &str = "nav, footer, aside, form, figcaption, figure, script, style, \
     noscript, iframe, button, svg, template, dialog, select, input, textarea, object, embed, \
     [role=navigation], [role=banner], [role=contentinfo], [role=complementary], \
     [role=dialog], [role=alertdialog], [role=search], [hidden], [aria-hidden=true]";

/// Words of `class` and `id` values (split at `-`, `_` and spaces) that mark furniture:
/// `cookie-banner`, `share_bar`, `related-links`, `ad-slot`, `newsletter-signup`.
const FURNITURE_WORDS: [&str; 34] = [
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "newsletter",
    "subscribe",
    "subscription",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sponsor",
    "sponsored",
    "comments",
    "breadcrumb",
    "breadcrumbs",
    "paywall",
    "popup",
    "modal",
    "outbrain",
    "taboola",
    "caption",
    "credit",
    "credits",
    "byline",
    "sidebar",
    "widget",
    "tags",
];

/// Elements that end one paragraph and start another.
const BLOCK_ELEMENTS: [&str; 24] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "hr",
];

/// More elements than this and the page is refused rather than searched: readability
/// scores every element, and a page of news has a few thousand.
const MAX_ELEMENTS: usize = 200_000;

/// Pages nested deeper than this are refused: the parser and the main-text search both
/// cost more with depth (the parser its square). News pages nest a few dozen deep.
pub(crate) const MAX_DEPTH: usize = 512;

/// A container with this many paragraphs of at least this many characters holds prose,
/// whatever its class says.
const PROSE_PARAGRAPHS: usize = 3;
const PROSE_PARAGRAPH_CHARS: usize = 80;

/// A link-only paragraph shorter than this is a `Read also` or related link.
const LINK_PARAGRAPH_CHARS: usize = 200;

/// At most this much text beside a `<time>` and its element is a date line (`Posted`,
/// `Updated on`, `Published:`), not a sentence.
const DATE_LINE_WORDS_CHARS: usize = 20;

/// The main text of a page.
pub(crate) struct MainText {
    /// Paragraphs and headings, each one line of plain text (a `<br>` inside a paragraph
    /// is kept as a line break).
    pub paragraphs: Vec<String>,
    /// The page had no container readability could take for the article, so every block
    /// of text left after the furniture was taken.
    pub whole_page: bool,
}

/// The main text, or why there is none.
pub(crate) fn main_text(document: Document) -> Result<MainText, String> {
    let elements = document.select("*").length();
    if elements > MAX_ELEMENTS {
        return Err(format!(
            "the page has {elements} elements, more than the {MAX_ELEMENTS} an article page has"
        ));
    }
    remove_furniture(&document);
    let fallback = document.select("body").html().to_string();
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        // Short news items (a few paragraphs) are articles too: readability's default
        // asks for 500 characters before it trusts a container.
        char_threshold: 250,
        ..Config::default()
    };
    // No page URL: it only resolves links, and only text is kept.
    let mut readability =
        Readability::with_document(document, None, Some(config)).map_err(|e| e.to_string())?;
    let extracted = match readability.parse() {
        Ok(article) => Some(article.content.to_string()),
        Err(ReadabilityError::GrabFailed) => None,
        Err(error) => return Err(error.to_string()),
    };
    let (html, whole_page) = match extracted {
        Some(html) => (html, false),
        None => (fallback, true),
    };
    let paragraphs = paragraphs_of(&Document::from(html));
    Ok(MainText {
        paragraphs,
        whole_page,
    })
}

/// Elements whose end tag pages leave out (the parser closes them) or that have none:
/// not counted as nesting by [`tag_depth`].
const UNCOUNTED_ELEMENTS: [&str; 24] = [
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "rt", "rp",
    "br", "img", "meta", "link", "input", "hr", "wbr", "source", "area", "col", "embed",
];

/// How deep a page's tags nest, read from its text before it is parsed: start tags less
/// end tags, of elements that need their end tag. An estimate (a `<` in a script may
/// count), made because the HTML parser's own cost grows with the square of the depth.
pub(crate) fn tag_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    for at in memchr::memchr_iter(b'<', bytes) {
        let closing = bytes.get(at + 1) == Some(&b'/');
        let start = at + 1 + usize::from(closing);
        let name_len = bytes[start.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !bytes[start].is_ascii_alphabetic() {
            continue;
        }
        let name = html
            .get(start..start + name_len)
            .unwrap_or("")
            .to_ascii_lowercase();
        if UNCOUNTED_ELEMENTS.contains(&name.as_str()) {
            continue;
        }
        let self_closing = bytes[start + name_len..]
            .iter()
            .position(|&b| b == b'>')
            .is_some_and(|end| end > 0 && bytes[start + name_len + end - 1] == b'/');
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closing {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// The `<article>` elements not inside another one, when there are several: the page is
/// a front page, a live blog or an article followed by teasers.
pub(crate) fn top_level_articles<'a>(document: &'a Document) -> Vec<Selection<'a>> {
    document
        .select("article")
        .iter()
        .filter(|article| !article.ancestors(None).is("article"))
        .collect()
}

/// The number of characters of text of an element, white space collapsed.
pub(crate) fn text_length(selection: &Selection) -> usize {
    clean_text(&selection.text()).chars().count()
}

/// Removes what is never the article's text.
fn remove_furniture(document: &Document) {
    document.select(FURNITURE_ELEMENTS).remove();
    // A page's own header (logo, menu) goes; an article's header holds its headline.
    for header in document.select("header").iter() {
        if !header.ancestors(None).is("article, main") {
            header.remove();
        }
    }
    remove_date_lines(document);
    let marked: Vec<Selection> = document
        .select("[class], [id]")
        .iter()
        .filter(|element| !element.is("html, body, main, article") && is_marked_furniture(element))
        .collect();
    for element in marked {
        element.remove();
    }
}

/// A `<time>` standing alone (`Posted <time>2 November 2023</time>`) is the page's date
/// line, read into the header already; a `<time>` inside a sentence is the sentence's.
fn remove_date_lines(document: &Document) {
    for time in document.select("time").iter() {
        let parent = time.parent();
        let own = text_length(&time);
        let around = text_length(&parent).saturating_sub(own);
        if parent.is("article, section, header, main, body") {
            time.remove();
        } else if around <= DATE_LINE_WORDS_CHARS {
            parent.remove();
        }
    }
}

/// Whether an element's `class` or `id` names it furniture. A container of several
/// paragraphs of prose is kept all the same (`article-body share-scope` is the article),
/// unless it is named for comments, which are prose and still not the article.
fn is_marked_furniture(element: &Selection) -> bool {
    let class = element.attr("class").unwrap_or_default();
    let id = element.attr("id").unwrap_or_default();
    let words: Vec<String> = class
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .chain(id.split(|c: char| c.is_whitespace() || c == '-' || c == '_'))
        .map(str::to_ascii_lowercase)
        .collect();
    let marked = words
        .iter()
        .any(|word| FURNITURE_WORDS.contains(&word.as_str()));
    if !marked || words.iter().any(|word| word.starts_with("comment")) {
        return marked;
    }
    let prose = element
        .select("p")
        .iter()
        .filter(|paragraph| text_length(paragraph) >= PROSE_PARAGRAPH_CHARS)
        .take(PROSE_PARAGRAPHS)
        .count();
    prose < PROSE_PARAGRAPHS
}

/// One block being read: its lines, and how much of its text stands in links.
#[derive(Default)]
struct Block {
    lines: Vec<String>,
    chars: usize,
    link_chars: usize,
}

impl Block {
    fn push_text(&mut self, text: &str, in_link: bool) {
        if self.lines.is_empty() {
            self.lines.push(String::new());
        }
        let line = self.lines.last_mut().expect("a line was pushed");
        line.push_str(text);
        let count = text.chars().filter(|c| !c.is_whitespace()).count();
        self.chars += count;
        if in_link {
            self.link_chars += count;
        }
    }

    fn line_break(&mut self) {
        self.lines.push(String::new());
    }

    /// The block's paragraphs: its lines cleaned, split where a blank line stands (two
    /// `<br>` in a row, as pages without `<p>` separate paragraphs).
    fn finish(&mut self, paragraphs: &mut Vec<String>) {
        let block = std::mem::take(self);
        if block.chars == 0 {
            return;
        }
        // A short block that is all link: a `Read also` line or a related story.
        if block.link_chars == block.chars && block.chars < LINK_PARAGRAPH_CHARS {
            return;
        }
        let mut current: Vec<String> = Vec::new();
        for line in block.lines.iter().map(|line| clean_text(line)) {
            if line.is_empty() {
                if !current.is_empty() {
                    paragraphs.push(current.join("\n"));
                    current.clear();
                }
            } else {
                current.push(line);
            }
        }
        if !current.is_empty() {
            paragraphs.push(current.join("\n"));
        }
    }
}

enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave(NodeRef<'a>),
}

/// The paragraphs of extracted HTML, read without recursion (a hostile page may nest
/// elements a hundred thousand deep).
fn paragraphs_of(document: &Document) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut block = Block::default();
    let mut link_depth = 0usize;
    let mut steps = vec![Step::Enter(document.root())];
    while let Some(step) = steps.pop() {
        match step {
            Step::Enter(node) => {
                if node.is_text() {
                    block.push_text(&node.text(), link_depth > 0);
                    continue;
                }
                let name = node.node_name().map(|n| n.to_ascii_lowercase());
                let name = name.as_deref().unwrap_or("");
                if node.is_element() && node.is(FURNITURE_ELEMENTS) {
                    continue;
                }
                if name == "br" {
                    block.line_break();
                    continue;
                }
                if BLOCK_ELEMENTS.contains(&name) {
                    block.finish(&mut paragraphs);
                }
                if name == "a" {
                    link_depth += 1;
                }
                steps.push(Step::Leave(node));
                steps.extend(node.children_it(true).map(Step::Enter));
            }
            Step::Leave(node) => {
                let name = node.node_name().map(|n| n.to_ascii_lowercase());
                let name = name.as_deref().unwrap_or("");
                if name == "a" {
                    link_depth = link_depth.saturating_sub(1);
                }
                if BLOCK_ELEMENTS.contains(&name) {
                    block.finish(&mut paragraphs);
                }
            }
        }
    }
    block.finish(&mut paragraphs);
    paragraphs
}
