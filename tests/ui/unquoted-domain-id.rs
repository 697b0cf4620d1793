errcodes_runtime::errcodes!("ui/unquoted-domain-id.yaml");

fn main() {
    let _ = SqlError::SyntaxError;
}
