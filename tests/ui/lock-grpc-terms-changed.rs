// A locked code changes its gRPC reason and code: gRPC clients would no longer know it.
errcodes_runtime::errcodes!("ui/lock-grpc-terms-changed.yaml");

fn main() {
    let _ = ShopError::OutOfStock;
}
