errcodes_runtime::errcodes!("ui/unknown-action.yaml");

fn main() {}
