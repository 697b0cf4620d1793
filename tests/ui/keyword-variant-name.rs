errcodes_runtime::errcodes!("ui/keyword-variant-name.yaml");

fn main() {}
