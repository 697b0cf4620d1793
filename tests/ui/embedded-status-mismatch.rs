errcodes_runtime::errcodes!("ui/embedded-status-mismatch.yaml");

fn main() {}
