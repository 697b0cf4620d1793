// Translations whose Fluent goes beyond what a catalog's texts are, and
// the languages a catalog lists but does not have: each is reported at
// its place in the file that has it.
errcodes_runtime::errcodes!("ui/translation-forms.yaml");

fn main() {
    let _ = ShopError::OutOfStock;
}
