// A code like `1000-400` gives no identifier, so the entry needs `name:`.
errcodes_runtime::errcodes!("ui/invalid-variant-name.yaml");

fn main() {}
