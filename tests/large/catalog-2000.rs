// A generated catalog of 2,000 codes, compiled through the macro, so that a
// regression in the shape of the generated code shows up in CI as a failing
// or slow build. The harness writes `large/catalog-2000.yaml`.
errcodes_runtime::errcodes!("large/catalog-2000.yaml");

fn main() {
    use errcodes_runtime::{Action, ErrorCode};

    assert_eq!(BigError::ALL.len(), 2000);
    for (index, code) in BigError::ALL.iter().enumerate() {
        assert_eq!(code.code(), format!("E{index:05}"));
        assert_eq!(BigError::from_code(code.code()), Some(*code));
    }
    let last = BigError::from_code("E01999").unwrap();
    assert_eq!(last, BigError::E01999);
    assert_eq!(last.title(), "Generated error number 1999");
    assert_eq!(last.action(), Action::Configuration);
    assert_eq!(BigError::from_code("E02000"), None);
}
