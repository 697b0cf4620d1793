// gRPC keys, and the `google` wire format, without a `grpc-domain`.
errcodes_runtime::errcodes!("ui/grpc-keys-without-domain.yaml");

fn main() {
    let _ = ShopError::RateLimited;
}
