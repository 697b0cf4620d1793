// Every mistake in the fields' types, reported together.
errcodes_runtime::errcodes!("ui/fields-types.yaml");

fn main() {}
