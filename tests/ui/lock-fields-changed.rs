// A field of another type, one made optional, an enum that takes a new
// value and a field removed break the lock; a field added does not.
errcodes_runtime::errcodes!("ui/lock-fields-changed.yaml");

fn main() {}
