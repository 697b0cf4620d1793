// A canonical gRPC code spelt wrong, in an entry and in `grpc-codes`.
errcodes_runtime::errcodes!("ui/grpc-code-unknown.yaml");

fn main() {
    let _ = ShopError::RateLimited;
}
