errcodes_runtime::errcodes!("ui/unknown-severity.yaml");

fn main() {}
