//! A saved or fetched web page made into an article file: the header from the page's
//! metadata, the body from its main text, a file name from its date and title, and notes
//! on what had to be guessed or was not found. Pure: it is handed the page's bytes or
//! text (and the address it came from) and returns text; `cli/import.rs` does the IO.

mod body;
mod metadata;

use crate::temporal::CalendarDate;
use dom_query::Document;
use metadata::{clean_text, JsonLdArticle, PageMetadata};

/// Pages larger than this are refused (read from disk or the network): a news page is a
/// few hundred kilobytes, and the parser holds the whole page in memory several times.
pub const MAX_PAGE_BYTES: u64 = 20 * 1024 * 1024;

/// At most this many bytes of the title go into a file name (file systems allow 255).
const MAX_SLUG_BYTES: usize = 100;

/// What the import had to guess, could not find, or wants the user to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// A field was taken from a weaker source than the page's own metadata.
    Guessed,
    /// A field the page does not give.
    Missing,
    /// Anything else worth a look (several articles on the page, text read as markup).
    Note,
}

impl NoteKind {
    pub fn label(self) -> &'static str {
        match self {
            NoteKind::Guessed => "guessed",
            NoteKind::Missing => "missing",
            NoteKind::Note => "note",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub kind: NoteKind,
    pub message: String,
}

/// A page made into an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The article file's text: the header block, a blank line, the paragraphs.
    pub text: String,
    /// A file name made of the date and the title: letters and digits of any script and
    /// `-`, ending in `.article`; never empty, never a path.
    pub file_name: String,
    pub notes: Vec<Note>,
}

/// The header fields of the article, in the order they are written.
#[derive(Debug, Default)]
struct Fields {
    source: Option<String>,
    date: Option<String>,
    title: Option<String>,
    url: Option<String>,
    author: Option<String>,
    language: Option<String>,
}

/// Makes an article of a page's HTML. `page_url` is the address the page was fetched
/// from (after redirects), if it was. Fails only when the page holds no text.
pub fn import_page(html: &str, page_url: Option<&str>) -> Result<Imported, String> {
    let depth = body::tag_depth(html);
    if depth > body::MAX_DEPTH {
        return Err(format!(
            "the page nests elements {depth} deep, deeper than the {} an article page needs",
            body::MAX_DEPTH
        ));
    }
    let document = Document::from(html);
    let page = metadata::read(&document);
    let mut notes = Vec::new();
    let note = |notes: &mut Vec<Note>, kind, message: String| notes.push(Note { kind, message });

    // Several top-level `<article>` elements: the one with the most text is the article,
    // the others (teasers, related stories, other posts) are removed before its text is
    // looked for.
    let articles = body::top_level_articles(&document);
    let several = articles.len() > 1;
    let (heading, time) = if several {
        let lengths: Vec<usize> = articles.iter().map(body::text_length).collect();
        let longest = (0..articles.len())
            .max_by_key(|&i| (lengths[i], std::cmp::Reverse(i)))
            .unwrap_or(0);
        let chosen = &articles[longest];
        let heading = first_heading(chosen);
        let time = metadata::time_datetime(chosen);
        note(
            &mut notes,
            NoteKind::Note,
            format!(
                "the page holds {} articles (`<article>` elements); the longest{} was imported",
                articles.len(),
                heading
                    .as_deref()
                    .map(|h| format!(", “{h}”,"))
                    .unwrap_or_default()
            ),
        );
        for (i, other) in articles.iter().enumerate() {
            if i != longest {
                other.remove();
            }
        }
        (heading, time)
    } else {
        let scope = articles
            .first()
            .cloned()
            .unwrap_or_else(|| document.select("body"));
        (
            first_heading(&scope).or_else(|| first_heading(&document.select("body"))),
            metadata::time_datetime(&scope),
        )
    };
    let json_ld = choose_json_ld(&page, heading.as_deref(), several, &mut notes);
    if page.broken_json_ld > 0 {
        note(
            &mut notes,
            NoteKind::Note,
            format!(
                "{} JSON-LD block{} of the page {} not valid JSON and {} skipped",
                page.broken_json_ld,
                if page.broken_json_ld == 1 { "" } else { "s" },
                if page.broken_json_ld == 1 {
                    "is"
                } else {
                    "are"
                },
                if page.broken_json_ld == 1 {
                    "was"
                } else {
                    "were"
                },
            ),
        );
    }
    let fields = resolve_fields(
        &page,
        json_ld.as_ref(),
        heading.as_deref(),
        time.as_deref(),
        several,
        page_url,
        &mut notes,
    );

    let main = body::main_text(document)?;
    if main.whole_page {
        note(
            &mut notes,
            NoteKind::Note,
            "no container of the page reads as its main text: every block of text left \
             after the navigation, banners and footers was taken; check the body"
                .to_string(),
        );
    }
    let paragraphs = drop_repeated_header(main.paragraphs, &fields);
    if paragraphs.is_empty() {
        return Err("the page holds no text to import".to_string());
    }
    let text = article_text(&fields, &paragraphs);
    notes.extend(markup_notes(&text));
    let file_name = file_name(fields.date.as_deref(), fields.title.as_deref());
    if !file_name.is_ascii() {
        note(
            &mut notes,
            NoteKind::Note,
            "the title is not in Latin letters, so neither is the file name, which is the \
             article's `Id`; citations `[@id]` take ASCII ids: add an `Id:` line to cite it"
                .to_string(),
        );
    }
    Ok(Imported {
        text,
        file_name,
        notes,
    })
}

/// The first `h1`, else the first `h2`, of a part of the page.
fn first_heading(scope: &dom_query::Selection) -> Option<String> {
    ["h1", "h2"].iter().find_map(|tag| {
        let text = clean_text(&scope.select(tag).first().text());
        Some(text).filter(|t| !t.is_empty())
    })
}

/// Two titles name the same article: equal letters and digits, or one the other with the
/// site's name added (`Title | Outlet`).
fn same_title(a: &str, b: &str) -> bool {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a, b) = (key(a), key(b));
    !a.is_empty() && !b.is_empty() && (a.starts_with(&b) || b.starts_with(&a))
}

/// The JSON-LD article object that describes the imported article: the only one, or the
/// one whose headline is the article's heading. On a page of several articles, only a
/// headline that matches is trusted.
fn choose_json_ld(
    page: &PageMetadata,
    heading: Option<&str>,
    several: bool,
    notes: &mut Vec<Note>,
) -> Option<JsonLdArticle> {
    let matching = heading.and_then(|heading| {
        page.json_ld.iter().find(|article| {
            article
                .headline
                .as_deref()
                .is_some_and(|headline| same_title(headline, heading))
        })
    });
    if let Some(found) = matching {
        return Some(found.clone());
    }
    match page.json_ld.as_slice() {
        [] => None,
        [only] if !several => Some(only.clone()),
        _ if several => {
            notes.push(Note {
                kind: NoteKind::Note,
                message: "the page's JSON-LD describes no article with the imported one's \
                          heading, so it was not read"
                    .to_string(),
            });
            None
        }
        [first, ..] => {
            notes.push(Note {
                kind: NoteKind::Note,
                message: format!(
                    "the page's JSON-LD describes {} articles; the first was read",
                    page.json_ld.len()
                ),
            });
            Some(first.clone())
        }
    }
}

/// A date as the header writes it: the date part of an ISO 8601 date or timestamp
/// (`2024-03-15T08:00:00+02:00` → `2024-03-15`, the day where it was published, not
/// converted to UTC), or a year-month or year; `None` for anything else.
fn header_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let bytes = raw.as_bytes();
    let is_digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|b| b.iter().all(u8::is_ascii_digit))
    };
    let full_date = is_digits(0..4)
        && bytes.get(4) == Some(&b'-')
        && is_digits(5..7)
        && bytes.get(7) == Some(&b'-')
        && is_digits(8..10)
        && !bytes.get(10).is_some_and(u8::is_ascii_digit);
    let candidate = if full_date { raw.get(..10)? } else { raw };
    CalendarDate::parse_iso(candidate).ok()?;
    Some(candidate.to_string())
}

/// `http(s)://host/...` → `host` without a leading `www.`.
fn host_of(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = match host.strip_prefix('[') {
        Some(_) => host,
        None => host.split(':').next()?,
    };
    let host = host
        .strip_prefix("www.")
        .unwrap_or(host)
        .to_ascii_lowercase();
    Some(host).filter(|h| !h.is_empty())
}

/// An absolute http(s) address, or a path resolved against the page's own address.
fn absolute_url(candidate: &str, page_url: Option<&str>) -> Option<String> {
    let candidate = candidate.trim();
    if candidate.contains(char::is_whitespace) {
        return None;
    }
    if host_of(candidate).is_some() {
        return Some(candidate.to_string());
    }
    let page_url = page_url?;
    let scheme_end = page_url.find("://")? + 3;
    let origin_end = page_url[scheme_end..]
        .find(['/', '?', '#'])
        .map_or(page_url.len(), |at| scheme_end + at);
    let origin = &page_url[..origin_end];
    if let Some(path) = candidate.strip_prefix("//") {
        let scheme = &page_url[..scheme_end];
        Some(format!("{scheme}{path}")).filter(|url| host_of(url).is_some())
    } else if candidate.starts_with('/') {
        Some(format!("{origin}{candidate}"))
    } else {
        None
    }
}

/// Each header field from the best source that gives it, with a note when the source is
/// a guess or when nothing gives it.
#[allow(clippy::too_many_arguments)]
fn resolve_fields(
    page: &PageMetadata,
    json_ld: Option<&JsonLdArticle>,
    heading: Option<&str>,
    time: Option<&str>,
    several: bool,
    page_url: Option<&str>,
    notes: &mut Vec<Note>,
) -> Fields {
    let meta = |key: &str| page.meta.get(key).map(String::as_str);
    let mut push = |kind, message: String| notes.push(Note { kind, message });
    let mut fields = Fields::default();

    // Title. On a page of several articles the page's own title names the page, not the
    // article: the chosen article's heading comes first there.
    let og_title = meta("og:title").or_else(|| meta("twitter:title"));
    let mut titles: Vec<(Option<&str>, Option<&str>)> = vec![
        (json_ld.and_then(|a| a.headline.as_deref()), None),
        (og_title, None),
        (heading, None),
        (
            page.title_element.as_deref(),
            Some("Title from the page's `<title>`, which may carry the site's name"),
        ),
    ];
    if several {
        titles.swap(0, 2);
        titles.swap(1, 2);
    }
    for (title, guess) in titles {
        if let Some(title) = title.map(clean_text).filter(|t| !t.is_empty()) {
            if let Some(guess) = guess {
                push(NoteKind::Guessed, guess.to_string());
            }
            fields.title = Some(title);
            break;
        }
    }
    if fields.title.is_none() {
        push(
            NoteKind::Missing,
            "Title: the page has no headline, `og:title`, heading or `<title>`".to_string(),
        );
    }

    // Date.
    let time_guess = "Date from the page's first `<time datetime>`: check that it is the \
                      publication date";
    let mut dates: Vec<(Option<&str>, &str, Option<&str>)> = vec![
        (
            json_ld.and_then(|a| a.date_published.as_deref()),
            "JSON-LD `datePublished`",
            None,
        ),
        (
            meta("article:published_time"),
            "`article:published_time`",
            None,
        ),
        (meta("datepublished"), "`datePublished`", None),
        (time, "`<time datetime>`", Some(time_guess)),
    ];
    if several {
        // The page's `<meta>` dates describe the page, not one of its articles: the
        // article's JSON-LD (only kept when its headline is the article's) and its own
        // `<time>` are read, nothing else.
        dates.drain(1..3);
    }
    for (raw, what, guess) in dates {
        let Some(raw) = raw else { continue };
        match header_date(raw) {
            Some(date) => {
                if let Some(guess) = guess {
                    push(NoteKind::Guessed, guess.to_string());
                }
                fields.date = Some(date);
                break;
            }
            None => push(
                NoteKind::Note,
                format!(
                    "{what} `{}` is not an ISO 8601 date; not used",
                    clean_text(raw)
                ),
            ),
        }
    }
    if fields.date.is_none() {
        push(
            NoteKind::Missing,
            "Date: the page gives no publication date (no `datePublished`, \
             `article:published_time` or `<time datetime>`); the header's `Date:` is left \
             empty, and `dateline check` reports it until it is filled in"
                .to_string(),
        );
    }

    // URL, before the source, which may be guessed from its host.
    let mut urls = vec![
        (page.canonical.as_deref(), None),
        (meta("og:url"), None),
        (json_ld.and_then(|a| a.url.as_deref()), None),
        (
            page_url,
            Some("URL: the address the page was fetched from (it names no canonical address)"),
        ),
    ];
    if several {
        // The canonical address and `og:url` of a page of several articles are the
        // page's; only the article's JSON-LD says where the article itself is.
        urls = vec![urls[2]];
    }
    for (url, guess) in urls {
        if let Some(url) = url.and_then(|url| absolute_url(url, page_url)) {
            if let Some(guess) = guess {
                push(NoteKind::Guessed, guess.to_string());
            }
            fields.url = Some(url);
            break;
        }
    }

    // Source.
    let named_source = json_ld
        .and_then(|a| a.publisher.clone())
        .or_else(|| meta("og:site_name").map(str::to_string))
        .or_else(|| meta("application-name").map(str::to_string))
        .map(|s| clean_text(&s))
        .filter(|s| !s.is_empty());
    fields.source = match named_source {
        Some(source) => Some(source),
        None => match fields.url.as_deref().or(page_url).and_then(host_of) {
            Some(host) => {
                push(
                    NoteKind::Guessed,
                    format!(
                        "Source `{host}`: the host name of the address (the page names no \
                         publisher or `og:site_name`)"
                    ),
                );
                Some(host)
            }
            None => {
                push(
                    NoteKind::Missing,
                    "Source: the page names no publisher or `og:site_name` and has no \
                     address; the header's `Source:` is left empty, and `dateline check` \
                     reports it until it is filled in"
                        .to_string(),
                );
                None
            }
        },
    };

    let authors = json_ld.map(|a| a.authors.join(", ")).unwrap_or_default();
    fields.author = Some(authors)
        .filter(|a| !a.is_empty())
        .or_else(|| meta("author").map(clean_text))
        .filter(|a| !a.is_empty() && host_of(a).is_none());
    fields.language = page
        .language
        .clone()
        .or_else(|| json_ld.and_then(|a| a.language.clone()))
        .map(|l| clean_text(&l))
        .filter(|l| !l.is_empty());
    fields
}

/// Leading paragraphs that repeat the header (the headline, the byline) are dropped.
fn drop_repeated_header(paragraphs: Vec<String>, fields: &Fields) -> Vec<String> {
    let repeats = |paragraph: &str| -> bool {
        let title = fields
            .title
            .as_deref()
            .is_some_and(|t| same_title(t, paragraph) && paragraph.len() <= t.len() + 2);
        let byline = fields.author.as_deref().is_some_and(|author| {
            let paragraph = paragraph.trim();
            let bare = paragraph
                .strip_prefix("By ")
                .or_else(|| paragraph.strip_prefix("by "))
                .unwrap_or(paragraph);
            bare == author
        });
        title || byline
    };
    let leading = paragraphs
        .iter()
        .take(3)
        .take_while(|paragraph| repeats(paragraph))
        .count();
    paragraphs.into_iter().skip(leading).collect()
}

/// The article file: a fenced header (as `dateline init` writes it), a blank line, and
/// the paragraphs separated by blank lines. A missing `Source` or `Date` is written
/// empty, so that `dateline check` shows the user where to fill it in.
fn article_text(fields: &Fields, paragraphs: &[String]) -> String {
    let mut text = String::from("---\n");
    let lines = [
        ("Source", fields.source.as_deref().or(Some(""))),
        ("Date", fields.date.as_deref().or(Some(""))),
        ("Title", fields.title.as_deref()),
        ("URL", fields.url.as_deref()),
        ("Author", fields.author.as_deref()),
        ("Language", fields.language.as_deref()),
    ];
    for (key, value) in lines {
        if let Some(value) = value {
            text.push_str(key);
            text.push(':');
            if !value.is_empty() {
                text.push(' ');
                text.push_str(value);
            }
            text.push('\n');
        }
    }
    text.push_str("---\n");
    for paragraph in paragraphs {
        text.push('\n');
        text.push_str(paragraph);
        text.push('\n');
    }
    text
}

/// The page's words that dateline reads as its own markup: a `[@id]` reads as a
/// citation, `{date: …}` and `{undated-ok}` as annotations.
fn markup_notes(text: &str) -> Vec<Note> {
    let article = crate::article::parse(text);
    let mut notes = Vec::new();
    if !article.citations.is_empty() {
        notes.push(Note {
            kind: NoteKind::Note,
            message: format!(
                "the text holds {} `[@…]` that dateline reads as citations of other articles",
                article.citations.len()
            ),
        });
    }
    if !article.annotations.is_empty() {
        notes.push(Note {
            kind: NoteKind::Note,
            message: format!(
                "the text holds {} `{{…}}` that dateline reads as date annotations",
                article.annotations.len()
            ),
        });
    }
    notes
}

/// `2024-03-15-the-headline-in-lower-case.article`: the date (`undated` without one) and
/// the title's letters and digits, in any script, the rest turned into single `-`, cut
/// at a word to at most [`MAX_SLUG_BYTES`] bytes; `article` when the title has none.
pub fn file_name(date: Option<&str>, title: Option<&str>) -> String {
    let mut slug = String::new();
    for c in title.unwrap_or("").chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    if slug.len() > MAX_SLUG_BYTES {
        let mut cut = MAX_SLUG_BYTES;
        while !slug.is_char_boundary(cut) {
            cut -= 1;
        }
        slug.truncate(cut);
        if let Some(word_end) = slug.rfind('-').filter(|&at| at > MAX_SLUG_BYTES / 2) {
            slug.truncate(word_end);
        }
    }
    let slug = slug.trim_matches('-');
    let slug = if slug.is_empty() { "article" } else { slug };
    // Only digits and `-` pass from the date: it came from the page.
    let date = date
        .filter(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit() || c == '-'))
        .unwrap_or("undated");
    format!("{date}-{slug}.article")
}

/// The page's bytes as text: a byte-order mark first, then the charset the server
/// declared, then a `<meta charset>` of the page's first kilobytes, then UTF-8, and
/// windows-1252 (what browsers assume) for bytes that are none of these. Returns a note
/// when the text had to be guessed or held bytes that were not characters.
pub fn decode_page(bytes: &[u8], declared_charset: Option<&str>) -> (String, Option<Note>) {
    use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
    let note = |message: String| Note {
        kind: NoteKind::Note,
        message,
    };
    let (encoding, guessed) = if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        (encoding, false)
    } else if let Some(encoding) =
        declared_charset.and_then(|c| Encoding::for_label(c.trim().as_bytes()))
    {
        (encoding, false)
    } else if let Some(encoding) = meta_charset(bytes) {
        (encoding, false)
    } else if std::str::from_utf8(bytes).is_ok() {
        (UTF_8, false)
    } else {
        (WINDOWS_1252, true)
    };
    let (text, _, had_errors) = encoding.decode(bytes);
    let note = if guessed {
        Some(note(
            "the page is not UTF-8 and declares no charset; it was read as windows-1252"
                .to_string(),
        ))
    } else if had_errors {
        Some(note(format!(
            "the page holds bytes that are not {}; each was read as �",
            encoding.name()
        )))
    } else {
        None
    };
    (text.into_owned(), note)
}

/// The charset a page declares in its first 1024 bytes: `<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`.
fn meta_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("charset") {
        rest = &rest[at + "charset".len()..];
        let Some(value) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start().trim_start_matches(['"', '\'']);
        let end = value
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(value.len());
        if let Some(encoding) = encoding_rs::Encoding::for_label(&value.as_bytes()[..end]) {
            // A page that says UTF-16 in ASCII is not UTF-16 (the HTML standard's rule).
            return Some(if encoding.name().starts_with("UTF-16") {
                encoding_rs::UTF_8
            } else {
                encoding
            });
        }
    }
    None
}

#[cfg(test)]
mod tests;
