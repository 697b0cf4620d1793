// Two codes with one gRPC reason: clients could not tell them apart.
errcodes_runtime::errcodes!("ui/grpc-reason-duplicate.yaml");

fn main() {
    let _ = ShopError::SoldOut;
}
