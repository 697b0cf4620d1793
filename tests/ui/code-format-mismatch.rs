errcodes_runtime::errcodes!("ui/code-format-mismatch.yaml");

fn main() {}
