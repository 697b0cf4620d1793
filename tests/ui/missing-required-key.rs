errcodes_runtime::errcodes!("ui/missing-required-key.yaml");

fn main() {}
