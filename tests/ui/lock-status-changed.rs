// A locked code's status changed.
errcodes_runtime::errcodes!("ui/lock-status-changed.yaml");

fn main() {
    let _ = ShopError::RateLimited;
}
