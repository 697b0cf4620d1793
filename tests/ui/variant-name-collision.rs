errcodes_runtime::errcodes!("ui/variant-name-collision.yaml");

fn main() {}
