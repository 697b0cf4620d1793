errcodes_runtime::errcodes!("ui/replaced-by-unknown-code.yaml");

fn main() {}
