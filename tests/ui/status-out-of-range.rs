errcodes_runtime::errcodes!("ui/status-out-of-range.yaml");

fn main() {}
