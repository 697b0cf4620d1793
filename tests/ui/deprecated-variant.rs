// The generated code itself names every variant without a warning; a user
// who names the deprecated one is told why, and what replaces it.
#![deny(deprecated)]

use errcodes_runtime::ErrorCode;

errcodes_runtime::errcodes!("ui/deprecated-variant.yaml");

fn main() {
    // Found by its code, a deprecated code still works.
    let old = ShopError::from_code("SOLD_OUT").unwrap();
    assert_eq!(old.replaced_by(), Some(ShopError::OutOfStock));
    let _ = ShopError::SoldOut;
}
