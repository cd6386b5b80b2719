//! `dateline import FILE|URL... [--out DIR]`: saved web pages, or pages fetched over
//! http(s), made into article files in a folder. The IO around `crate::import`: reading
//! within a size bound, fetching with a timeout and few redirects, writing without ever
//! overwriting.

use crate::import::{decode_page, import_page, Note, MAX_PAGE_BYTES};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The whole fetch of one page, connection and redirects included.
const FETCH_TIMEOUT: Duration = Duration::from_secs(30);
const MAX_REDIRECTS: u32 = 5;

/// A page read or fetched: its bytes, the charset the server declared, and its address.
struct Page {
    bytes: Vec<u8>,
    charset: Option<String>,
    url: Option<String>,
}

pub fn run(inputs: &[String], out: Option<&Path>) -> Result<u8, String> {
    let out: PathBuf = out.map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    if out.exists() && !out.is_dir() {
        return Err(format!("{}: not a folder", out.display()));
    }
    std::fs::create_dir_all(&out).map_err(|error| format!("{}: {error}", out.display()))?;
    let mut failed = false;
    for input in inputs {
        match import_one(input, &out) {
            Ok((path, notes)) => {
                let mut shown = format!("wrote {} (from {input})\n", path.display());
                for note in notes {
                    shown.push_str(&format!("  {}: {}\n", note.kind.label(), note.message));
                }
                super::print(&shown);
            }
            Err(why) => {
                eprintln!("dateline: error: {input}: {why}");
                failed = true;
            }
        }
    }
    Ok(if failed {
        super::EXIT_FINDINGS
    } else {
        super::EXIT_CLEAN
    })
}

/// Imports one page and writes its article; returns where, with the notes.
fn import_one(input: &str, out: &Path) -> Result<(PathBuf, Vec<Note>), String> {
    let page = match input.split_once("://") {
        Some((scheme, _))
            if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") =>
        {
            fetch(input)?
        }
        Some((scheme, _))
            if !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) =>
        {
            return Err(format!(
                "only http and https addresses are fetched, not `{scheme}:`"
            ))
        }
        _ => read_file(Path::new(input))?,
    };
    let (html, decoding_note) = decode_page(&page.bytes, page.charset.as_deref());
    // The parser and the extractor are other crates: a panic in them on a hostile page
    // costs that page, not the others of the run.
    let imported = std::panic::catch_unwind(|| import_page(&html, page.url.as_deref()))
        .map_err(|_| "the page could not be read (the HTML parser failed on it)".to_string())??;
    // Without `--out` the file is named as it is in the current folder, not `./name`.
    let path = if out == Path::new(".") {
        PathBuf::from(&imported.file_name)
    } else {
        out.join(&imported.file_name)
    };
    write_new(&path, &imported.text)?;
    let mut notes: Vec<Note> = decoding_note.into_iter().collect();
    notes.extend(imported.notes);
    Ok((path, notes))
}

fn too_large() -> String {
    format!(
        "larger than {} MiB, the limit for a page",
        MAX_PAGE_BYTES / (1024 * 1024)
    )
}

/// Reads a saved page, at most [`MAX_PAGE_BYTES`] of it (checked as it is read, so that
/// a growing or special file cannot make the read endless).
fn read_file(path: &Path) -> Result<Page, String> {
    let file = std::fs::File::open(path).map_err(|error| error.to_string())?;
    if file.metadata().map_err(|error| error.to_string())?.is_dir() {
        return Err("a folder, not a saved page".to_string());
    }
    let mut bytes = Vec::new();
    file.take(MAX_PAGE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| error.to_string())?;
    if bytes.len() as u64 > MAX_PAGE_BYTES {
        return Err(too_large());
    }
    Ok(Page {
        bytes,
        charset: None,
        url: None,
    })
}

/// Fetches a page over http(s): one overall timeout, at most [`MAX_REDIRECTS`]
/// redirects, a body of at most [`MAX_PAGE_BYTES`] (after decompression), and only
/// what a browser would show as a page.
fn fetch(url: &str) -> Result<Page, String> {
    use ureq::ResponseExt;
    let agent = ureq::Agent::config_builder()
        .timeout_global(Some(FETCH_TIMEOUT))
        .max_redirects(MAX_REDIRECTS)
        .http_status_as_error(false)
        .user_agent(concat!("dateline/", env!("CARGO_PKG_VERSION")))
        .build()
        .new_agent();
    let mut response = agent
        .get(url)
        .header("Accept", "text/html,application/xhtml+xml")
        .call()
        .map_err(|error| match error {
            ureq::Error::TooManyRedirects => {
                format!("more than {MAX_REDIRECTS} redirects")
            }
            ureq::Error::Timeout(_) => format!(
                "no complete answer within {} seconds",
                FETCH_TIMEOUT.as_secs()
            ),
            error => error.to_string(),
        })?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!("the server answered {status}"));
    }
    let final_url = response.get_uri().to_string();
    let mime = response.body().mime_type().map(str::to_ascii_lowercase);
    if let Some(mime) = mime.as_deref() {
        if !(mime.contains("html") || mime.starts_with("text/")) {
            return Err(format!("not a web page but `{mime}`"));
        }
    }
    let charset = response.body().charset().map(str::to_string);
    if response
        .body()
        .content_length()
        .is_some_and(|length| length > MAX_PAGE_BYTES)
    {
        return Err(too_large());
    }
    let bytes = response
        .body_mut()
        .with_config()
        .limit(MAX_PAGE_BYTES)
        .read_to_vec()
        .map_err(|error| match error {
            ureq::Error::BodyExceedsLimit(_) => too_large(),
            ureq::Error::Timeout(_) => format!(
                "no complete answer within {} seconds",
                FETCH_TIMEOUT.as_secs()
            ),
            error => error.to_string(),
        })?;
    Ok(Page {
        bytes,
        charset,
        url: Some(final_url),
    })
}

/// Writes a new file, never over an existing one (nor through a link of that name).
fn write_new(path: &Path, text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|error| {
            if error.kind() == std::io::ErrorKind::AlreadyExists {
                format!(
                    "{} already exists and was left as it is (import never overwrites: move \
                     or rename it to import this page again)",
                    path.display()
                )
            } else {
                format!("{}: {error}", path.display())
            }
        })?;
    file.write_all(text.as_bytes())
        .map_err(|error| format!("{}: {error}", path.display()))
}
