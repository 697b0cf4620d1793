errcodes_runtime::errcodes!("ui/malformed-yaml.yaml");

fn main() {}
