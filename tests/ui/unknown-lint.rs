// `allow` names a lint that does not exist: it would silently allow nothing.
errcodes_runtime::errcodes!("ui/unknown-lint.yaml");

fn main() {
    let _ = ShopError::OutOfStock;
}
