// A `grpc-reason` that is not UPPER_SNAKE_CASE, and one over 63 characters.
errcodes_runtime::errcodes!("ui/grpc-reason-invalid.yaml");

fn main() {
    let _ = ShopError::OutOfStock;
}
