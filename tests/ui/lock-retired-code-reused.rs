// A retired code comes back with a new meaning.
errcodes_runtime::errcodes!("ui/lock-retired-code-reused.yaml");

fn main() {
    let _ = ShopError::RateLimited;
}
