// The enum is still generated next to the error, so this use of it adds no
// error of its own.
errcodes_runtime::errcodes!("ui/duplicate-code.yaml");

fn main() {
    let _ = ShopError::PaymentDeclined;
}
