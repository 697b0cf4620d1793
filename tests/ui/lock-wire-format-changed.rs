// A locked catalog's wire format changed: clients pick their decoder by it.
errcodes_runtime::errcodes!("ui/lock-wire-format-changed.yaml");

fn main() {
    let _ = ShopError::RateLimited;
}
