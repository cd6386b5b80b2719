//! The test scripts' promises: each says first what it needs, a tool that cannot be
//! installed stops it with that tool's name and exit 1 (never a skip reported as success),
//! and the `dateline` binary is built once and handed on.

use std::path::Path;
use std::process::Command;

const SCRIPTS: [&str; 3] = [
    "scripts/test-all.sh",
    "scripts/browser-test.sh",
    "scripts/editors-test.sh",
];

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// A script without its comment lines: what it runs.
fn commands(path: &str) -> String {
    read(path)
        .lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Runs `body` in bash after sourcing the shared prerequisites, with the given shell
/// functions standing in for system commands; returns the exit status and standard error.
fn with_prerequisites(stubs: &str, body: &str) -> (i32, String) {
    let script = format!("source scripts/prerequisites.sh\n{stubs}\n{body}\necho reached\n");
    let output = Command::new("bash")
        .arg("-c")
        .arg(script)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("DATELINE_BIN")
        .output()
        .expect("bash runs");
    assert!(
        !String::from_utf8_lossy(&output.stdout).contains("reached"),
        "the script went on"
    );
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn every_test_script_says_first_what_it_needs_and_never_skips() {
    for path in SCRIPTS {
        let text = commands(path);
        assert!(text.contains("source scripts/prerequisites.sh"), "{path}");
        let first_test_step = ["cargo test", "step \"prerequisites\"", "apt_install"]
            .iter()
            .filter_map(|step| text.find(step))
            .min()
            .unwrap();
        let needs = text.find("needs_installing").expect(path);
        assert!(needs < first_test_step, "{path} installs before saying so");
        assert!(!text.contains("SKIP"), "{path} still skips");
        assert!(!text.contains("exit 0"), "{path} exits 0 early");
    }
}

#[test]
fn the_binary_is_built_once_and_handed_on() {
    let all = commands("scripts/test-all.sh");
    assert!(
        !all.contains("cargo build"),
        "test-all.sh builds besides cargo test"
    );
    assert!(all.contains("export DATELINE_BIN"));
    for path in ["scripts/browser-test.sh", "scripts/editors-test.sh"] {
        let text = commands(path);
        assert!(!text.contains("cargo build"), "{path} builds on its own");
        assert!(text.contains("use_dateline_bin"), "{path}");
    }
}

#[test]
fn a_debian_package_that_cannot_be_installed_stops_the_script_naming_it() {
    let (status, stderr) = with_prerequisites(
        "dpkg() { return 1; }; id() { echo 1000; }; sudo() { return 1; }",
        "apt_install neovim chromium",
    );
    assert_eq!(status, 1, "{stderr}");
    assert!(stderr.contains("cannot run"), "{stderr}");
    assert!(stderr.contains("neovim chromium"), "{stderr}");
    assert!(stderr.contains("root or sudo"), "{stderr}");
}

#[test]
fn an_old_node_or_a_missing_binary_stops_the_script() {
    let (status, stderr) =
        with_prerequisites("node() { echo 18; }; npm() { :; }", "require_node 20");
    assert_eq!(status, 1, "{stderr}");
    assert!(stderr.contains("older than Node 20"), "{stderr}");
    let (status, stderr) =
        with_prerequisites("", "DATELINE_BIN=/nonexistent/dateline use_dateline_bin");
    assert_eq!(status, 1, "{stderr}");
    assert!(stderr.contains("/nonexistent/dateline"), "{stderr}");
}
