// A failure cannot be `OK` over gRPC, in an entry or in `grpc-codes`.
errcodes_runtime::errcodes!("ui/grpc-code-ok-failure.yaml");

fn main() {
    let _ = ShopError::Missing;
}
