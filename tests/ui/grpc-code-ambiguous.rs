// Status 400 stands for three gRPC codes and 422 for none: the catalog must say which.
errcodes_runtime::errcodes!("ui/grpc-code-ambiguous.yaml");

fn main() {
    let _ = ShopError::BadInput;
}
