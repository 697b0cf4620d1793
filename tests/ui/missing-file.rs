// An absolute path, so that the path in the message is the same on every
// machine; a relative path is reported joined to the crate's directory.
errcodes_runtime::errcodes!("/nonexistent/errcodes/catalog.yaml");

fn main() {}
