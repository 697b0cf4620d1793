// RATE_LIMITED is locked in lock-removed-code.lock but gone from the catalog.
errcodes_runtime::errcodes!("ui/lock-removed-code.yaml");

fn main() {
    let _ = ShopError::OutOfStock;
}
