// Translations with a mistake of every kind, in the catalog and in its
// Fluent files: each is reported at its place in the file that has it.
errcodes_runtime::errcodes!("ui/translation-mistakes.yaml");

fn main() {
    let _ = ShopError::OutOfStock;
}
