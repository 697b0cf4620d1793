// `grpc-codes` keys that are not HTTP statuses, and a status without a code.
errcodes_runtime::errcodes!("ui/grpc-codes-malformed.yaml");

fn main() {
    let _ = ShopError::RateLimited;
}
