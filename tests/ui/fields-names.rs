// Field names that cannot be written, that collide, that redefine a
// shared field or refer to none.
errcodes_runtime::errcodes!("ui/fields-names.yaml");

fn main() {}
