//! The pieces of the import that pages do not show one by one: file names, dates,
//! addresses, decoding.

use super::*;

#[test]
fn file_names_keep_letters_of_any_script_and_nothing_else() {
    let cases = [
        (
            Some("2024-03-15"),
            Some("Belarus calls up reservists"),
            "2024-03-15-belarus-calls-up-reservists.article",
        ),
        (
            None,
            Some("Лукашенко объявил мобилизацию"),
            "undated-лукашенко-объявил-мобилизацию.article",
        ),
        (
            Some("2024-03"),
            Some("../../etc/passwd"),
            "2024-03-etc-passwd.article",
        ),
        (Some("2024"), Some("“…” — !!"), "2024-article.article"),
        (Some("2024-03-15"), None, "2024-03-15-article.article"),
        (Some("2024/../x"), Some("A"), "undated-a.article"),
        (
            Some("2024-03-15"),
            Some("C:\\Windows\\a b"),
            "2024-03-15-c-windows-a-b.article",
        ),
    ];
    for (date, title, expected) in cases {
        assert_eq!(file_name(date, title), expected, "{title:?}");
    }
    let long = "Слово ".repeat(100);
    let name = file_name(Some("2024-03-15"), Some(&long));
    assert!(name.len() <= 11 + MAX_SLUG_BYTES + 8, "{name}");
    assert!(name.ends_with("слово.article"), "{name}");
}

#[test]
fn dates_keep_the_published_day_and_refuse_what_is_not_iso() {
    let cases = [
        ("2024-03-15T23:30:00-05:00", Some("2024-03-15")),
        ("2024-03-15", Some("2024-03-15")),
        (" 2024-03-15 08:00 ", Some("2024-03-15")),
        ("2024-03", Some("2024-03")),
        ("2024", Some("2024")),
        ("2024-02-30T10:00:00Z", None),
        ("March 15, 2024", None),
        ("2024-03-150", None),
        ("", None),
    ];
    for (raw, expected) in cases {
        assert_eq!(header_date(raw).as_deref(), expected, "{raw}");
    }
}

#[test]
fn addresses_give_hosts_and_resolve_against_the_page() {
    assert_eq!(
        host_of("https://www.Example.com:8080/a?b").as_deref(),
        Some("example.com")
    );
    assert_eq!(
        host_of("http://user@news.example/x").as_deref(),
        Some("news.example")
    );
    assert_eq!(host_of("ftp://example.com"), None);
    assert_eq!(host_of("https:///path"), None);
    let page = Some("https://news.example/2024/03/story?x=1");
    assert_eq!(
        absolute_url("/a/b", page).as_deref(),
        Some("https://news.example/a/b")
    );
    assert_eq!(
        absolute_url("//cdn.example/a", page).as_deref(),
        Some("https://cdn.example/a")
    );
    assert_eq!(absolute_url("story.html", page), None);
    assert_eq!(absolute_url("/a", None), None);
    assert_eq!(absolute_url("javascript:alert(1)", page), None);
}

#[test]
fn pages_are_decoded_by_bom_header_meta_utf8_then_windows_1252() {
    let cyrillic = encoding_rs::WINDOWS_1251.encode("Привет").0;
    let mut page = b"<html><head><meta charset=\"windows-1251\"></head><body>".to_vec();
    page.extend_from_slice(&cyrillic);
    let (text, note) = decode_page(&page, None);
    assert!(text.ends_with("Привет"), "{text}");
    assert_eq!(note, None);
    let (text, _) = decode_page(&cyrillic, Some("windows-1251"));
    assert_eq!(text, "Привет");
    let (text, note) = decode_page("é".as_bytes(), None);
    assert_eq!((text.as_str(), note), ("é", None));
    let (text, note) = decode_page(b"caf\xe9", None);
    assert_eq!(text, "café");
    assert_eq!(note.map(|n| n.kind), Some(NoteKind::Note));
    let (text, note) = decode_page(b"caf\xff\xfe", Some("utf-8"));
    assert_eq!(text, "caf\u{fffd}\u{fffd}");
    assert!(note.is_some());
    let (_, note) = decode_page(b"<meta charset=\"nonsense\"> charset=utf-8 ok", None);
    assert_eq!(note, None);
}

#[test]
fn a_page_without_text_is_refused_and_hostile_pages_do_not_panic() {
    assert!(import_page("", None).is_err());
    assert!(import_page("<html><body><nav>Home</nav></body></html>", None).is_err());
    let deep = format!("{}<p>Deep text.</p>", "<div>".repeat(100_000));
    let refused = import_page(&deep, None).expect_err("too deep");
    assert!(refused.contains("deeper than the 512"), "{refused}");
    let nested = format!("{}<p>Text at depth four hundred.</p>", "<div>".repeat(400));
    assert!(import_page(&nested, None).is_ok());
    // Unclosed paragraphs, void and self-closed elements and end tags do not count.
    let flat = "<div><p>a<p>b<br><img src=x/><span/></div>".repeat(10_000);
    assert_eq!(body::tag_depth(&flat), 1);
    assert_eq!(body::tag_depth("<div><section></section></div><a>"), 2);
    assert_eq!(body::tag_depth("< div> a <3 </ <"), 0);
    let broken = "<script type=application/ld+json>{\"@type\": [[[[[[[[</script><p>\0x</p>";
    let imported = import_page(broken, None).expect("some text");
    assert!(!imported.text.contains('\0'));
}

#[test]
fn a_container_of_prose_is_kept_whatever_its_class_and_comments_go() {
    let sentence =
        "The council met on Monday and voted on the budget for the coming year, members said.";
    let page = format!(
        "<html><body><div class=\"article-body social-tools\"><p>{sentence}</p><p>{sentence}</p><p>{sentence}</p></div>\
         <div class=\"comments-share\"><p>A reader wrote a long comment that goes on about many unrelated things at length.</p>\
         <p>A reader wrote a long comment that goes on about many unrelated things at length.</p>\
         <p>A reader wrote a long comment that goes on about many unrelated things at length.</p></div>\
         <div class=\"share-bar\"><p>Share this story</p></div></body></html>"
    );
    let imported = import_page(&page, None).expect("an article");
    assert_eq!(
        imported.text.matches(sentence).count(),
        3,
        "{}",
        imported.text
    );
    assert!(
        !imported.text.contains("A reader wrote"),
        "{}",
        imported.text
    );
    assert!(!imported.text.contains("Share this"), "{}", imported.text);
}
