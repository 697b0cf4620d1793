//! The `errcodes` command; see the `errcodes_cli` library.

#![forbid(unsafe_code)]

use std::process::ExitCode;

fn main() -> ExitCode {
    let (stdout, stderr, stdin) = (std::io::stdout(), std::io::stderr(), std::io::stdin());
    let mut io = errcodes_cli::Io {
        out: &mut stdout.lock(),
        err: &mut stderr.lock(),
        input: &mut stdin.lock(),
    };
    errcodes_cli::run(std::env::args_os(), &mut io)
}
