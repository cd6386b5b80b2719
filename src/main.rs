//! The `dateline` binary: parses arguments and hands over to the CLI or the server.

fn main() {
    println!("dateline");
}
