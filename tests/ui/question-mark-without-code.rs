// `?` on an error that is not a code: the message says how to give it one.
use errcodes_runtime::Failure;

errcodes_runtime::errcodes!("ui/question-mark-without-code.yaml");

fn pay() -> Result<(), Failure<ShopError>> {
    Err(std::io::Error::other("card declined"))?;
    Ok(())
}

fn main() {
    let _ = pay();
}
