errcodes_runtime::errcodes!("ui/unknown-key.yaml");

fn main() {}
