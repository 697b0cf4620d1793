errcodes_runtime::errcodes!("ui/unknown-domain.yaml");

fn main() {}
