// A locked code's variant was renamed; the stand-in enum has the new name.
errcodes_runtime::errcodes!("ui/lock-variant-renamed.yaml");

fn main() {
    let _ = ShopError::TooManyRequests;
}
