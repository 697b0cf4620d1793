// A locked code's action changed.
errcodes_runtime::errcodes!("ui/lock-action-changed.yaml");

fn main() {
    let _ = ShopError::RateLimited;
}
