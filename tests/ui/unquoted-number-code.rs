// Unquoted, these codes are numbers to some YAML readers, so they are
// rejected rather than kept; quoted, they are kept exactly as written.
errcodes_runtime::errcodes!("ui/unquoted-number-code.yaml");

fn main() {}
