// One mistake, one error: no second one about the variant name the empty
// code cannot give.
errcodes_runtime::errcodes!("ui/empty-code.yaml");

fn main() {
    let _ = ShopError::OutOfStock;
}
