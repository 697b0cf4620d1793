errcodes_runtime::errcodes!("ui/duplicate-code-with-invalid-names.yaml");

fn main() {
    let _ = SqlError::DivisionByZero;
}
