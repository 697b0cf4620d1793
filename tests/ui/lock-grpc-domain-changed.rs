// The locked catalog moves to another gRPC domain.
errcodes_runtime::errcodes!("ui/lock-grpc-domain-changed.yaml");

fn main() {
    let _ = ShopError::OutOfStock;
}
