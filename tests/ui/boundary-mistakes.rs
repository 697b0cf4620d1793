// `boundary` naming a condition and a code that do not exist, a code that
// is no failure, and a code with a field the boundary cannot fill.
errcodes_runtime::errcodes!("ui/boundary-mistakes.yaml");

fn main() {
    let _ = ShopError::NotFound;
}
