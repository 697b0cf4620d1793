// Templates that name no field, do not parse, or use what templates cannot.
errcodes_runtime::errcodes!("ui/message-template.yaml");

fn main() {}
