//! What a load of a folder could not serve as usual, said as plain lines: files it left
//! out and a corpus past `[server] claims-limit-mb` (the language server logs the lines
//! and shows the message; see `Corpus::over_claims_limit`).

use crate::corpus::{Corpus, OverClaimsLimit};

/// What of a folder's load is not served as usual.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadNotice {
    /// How far the folder's articles go past `[server] claims-limit-mb`, if they do.
    pub over_limit: Option<OverClaimsLimit>,
    /// Files not taken in, with why.
    pub skipped: Vec<(String, String)>,
}

/// What is said of a [`LoadNotice`]: lines for the log, and one message to show.
#[derive(Debug, PartialEq, Eq)]
pub struct Said {
    /// Warnings for the log, one a line.
    pub log: Vec<String>,
    /// One message to show, if there is anything to say.
    pub shown: Option<String>,
}

impl LoadNotice {
    /// How many skipped files are named one by one in the log: a folder of 10,000 binary
    /// files would fill it.
    pub const NAMED: usize = 20;

    /// What of `corpus`'s load is not served as usual.
    pub fn of(corpus: &Corpus) -> LoadNotice {
        LoadNotice {
            over_limit: corpus.over_claims_limit(),
            skipped: corpus
                .skipped()
                .map(|(path, why)| (path.to_string(), why.to_string()))
                .collect(),
        }
    }

    /// What to say of the load of the folder shown as `folder`.
    pub fn said(&self, folder: &str) -> Said {
        let mut log = Vec::new();
        let mut shown = Vec::new();
        if let Some(OverClaimsLimit { bytes, limit }) = self.over_limit {
            let mib = |bytes: u64| thousands((bytes / (1024 * 1024)) as usize);
            log.push(format!(
                "dateline: {folder}: its articles ({} MiB) are more than `[server] claims-limit-mb` ({} MiB) in dateline.toml: claims and dates are analysed in open articles only; references, definitions, hover and completion cover every article",
                mib(bytes),
                mib(limit)
            ));
            shown.push(format!(
                "{} MiB of articles, more than the {} MiB of `[server] claims-limit-mb`: claims are analysed in open articles only (references and hover cover all). Raise the limit in dateline.toml to analyse every article.",
                mib(bytes),
                mib(limit)
            ));
        }
        if !self.skipped.is_empty() {
            let why = |why: &'_ str| why.strip_prefix("skipped: ").unwrap_or(why).to_string();
            for (path, reason) in self.skipped.iter().take(Self::NAMED) {
                log.push(format!("dateline: {path}: not indexed: {}", why(reason)));
            }
            if self.skipped.len() > Self::NAMED {
                log.push(format!(
                    "dateline: and {} more files not indexed",
                    thousands(self.skipped.len() - Self::NAMED)
                ));
            }
            shown.push(match &self.skipped[..] {
                [(path, reason)] => format!("{path} was not indexed ({}).", why(reason)),
                _ => format!(
                    "{} files were not indexed (too large, binary or not UTF-8); the log names them.",
                    thousands(self.skipped.len())
                ),
            });
        }
        Said {
            log,
            shown: (!shown.is_empty()).then(|| format!("dateline: {folder}: {}", shown.join(" "))),
        }
    }
}

/// `1234567` → `"1,234,567"`, for messages.
pub fn thousands(number: usize) -> String {
    crate::temporal::readable::with_thousands_commas(number as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_load_past_the_limit_or_with_files_left_out_is_said_in_the_log_and_shown() {
        let nothing = LoadNotice {
            over_limit: None,
            skipped: Vec::new(),
        };
        assert_eq!(
            nothing.said("news"),
            Said {
                log: Vec::new(),
                shown: None
            }
        );

        let one_skipped = LoadNotice {
            over_limit: None,
            skipped: vec![(
                "huge.article".to_string(),
                "skipped: 70 MiB is larger than the 64 MiB limit".to_string(),
            )],
        };
        assert_eq!(
            one_skipped.said("news"),
            Said {
                log: vec![
                    "dateline: huge.article: not indexed: 70 MiB is larger than the 64 MiB limit"
                        .to_string()
                ],
                shown: Some(
                    "dateline: news: huge.article was not indexed (70 MiB is larger than the 64 MiB limit)."
                        .to_string()
                ),
            }
        );

        let mib = 1024 * 1024;
        let many = LoadNotice {
            over_limit: Some(OverClaimsLimit {
                bytes: 2500 * mib,
                limit: 1024 * mib,
            }),
            skipped: (0..25)
                .map(|n| (format!("{n}.article"), "skipped: a binary file".to_string()))
                .collect(),
        };
        let said = many.said("archive");
        // The limit's line, twenty files by name, and how many more.
        assert_eq!(said.log.len(), 1 + LoadNotice::NAMED + 1, "{:?}", said.log);
        assert!(said.log[0]
            .contains("(2,500 MiB) are more than `[server] claims-limit-mb` (1,024 MiB)"));
        assert_eq!(
            said.log[1],
            "dateline: 0.article: not indexed: a binary file"
        );
        assert_eq!(said.log[21], "dateline: and 5 more files not indexed");
        let shown = said.shown.expect("shown");
        assert!(
            shown.starts_with("dateline: archive: 2,500 MiB of articles"),
            "{shown}"
        );
        assert!(
            shown.ends_with(
                "25 files were not indexed (too large, binary or not UTF-8); the log names them."
            ),
            "{shown}"
        );
    }
}
