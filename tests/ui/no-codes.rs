errcodes_runtime::errcodes!("ui/no-codes.yaml");

fn main() {}
