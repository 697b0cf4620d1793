// A new code takes the gRPC reason of a retired one.
errcodes_runtime::errcodes!("ui/lock-grpc-reason-reused.yaml");

fn main() {
    let _ = ShopError::SoldOut;
}
