errcodes_runtime::errcodes!("ui/empty-catalog.yaml");

fn main() {}
