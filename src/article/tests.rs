//! Snapshot tests of the article parser: each fixture renders as its structure with the
//! text under every range.

use super::*;
use expect_test::{expect, Expect};

fn render(text: &str) -> String {
    let article = parse(text);
    let mut out = String::new();
    let h = &article.header;
    if h.range.is_empty() && h.fields.is_empty() {
        out.push_str("no header\n");
    } else {
        let fields: Vec<String> = h
            .fields
            .iter()
            .map(|f| format!("{}={:?}", f.key_range.slice(text), f.value_range.slice(text)))
            .collect();
        out.push_str(&format!("header fenced={}: {}\n", h.fenced, fields.join(" ")));
    }
    for (i, p) in article.paragraphs.iter().enumerate() {
        let kind = if p.heading { "heading" } else { "para" };
        let sentences: Vec<String> = p
            .sentences
            .iter()
            .map(|s| format!("[s] {:?}", s.range.slice(text)))
            .collect();
        out.push_str(&format!("{kind} {i}: {}\n", sentences.join(" ")));
    }
    for c in &article.citations {
        let ids: Vec<String> = c
            .ids
            .iter()
            .map(|id| format!("@{} at {}..{}", id.range.slice(text), id.range.start, id.range.end))
            .collect();
        out.push_str(&format!("citation {:?}: {}\n", c.range.slice(text), ids.join(", ")));
    }
    for a in &article.annotations {
        out.push_str(&format!("annotation {:?}: {:?}\n", a.range.slice(text), a.kind));
    }
    for d in &article.diagnostics {
        out.push_str(&format!(
            "{} {} at {:?}: {}\n",
            d.severity.as_str(),
            d.code,
            d.range.slice(text),
            d.message
        ));
    }
    out
}

fn check(fixture: &str, expect: Expect) {
    expect.assert_eq(&render(fixture));
}

#[test]
fn bare_header() {
    check(
        "Source: Euromaidan Press\nDate: 2022-10-15\n\nOn 8 October, the ministry said so. It was late.\n",
        expect![[r#""#]],
    );
}
