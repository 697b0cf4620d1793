// Every mistake in the catalog is reported by one build.
errcodes_runtime::errcodes!("ui/several-mistakes.yaml");

fn main() {}
