// The gRPC domain must be a DNS name in lowercase.
errcodes_runtime::errcodes!("ui/grpc-domain-invalid.yaml");

fn main() {
    let _ = ShopError::RateLimited;
}
