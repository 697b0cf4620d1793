// Neither the code nor the variant name gives a gRPC reason.
errcodes_runtime::errcodes!("ui/grpc-reason-underivable.yaml");

fn main() {
    let _ = ShopError::Ok;
}
