//! When a failure captures a backtrace: only where std's environment
//! enables them, by default for server errors only and at most ten a
//! second, and as the process-wide policy says. std reads its environment
//! once per process, so the checks under `RUST_LIB_BACKTRACE=1` run in a
//! child process of this test.

#![forbid(unsafe_code)]

use std::process::Command;

use errcodes_runtime::Failure;
use errcodes_runtime::backtraces::{self, Backtraces};
use errcodes_tests::pass::PassError;

/// Set in the child process.
const CHILD: &str = "ERRCODES_BACKTRACES_CHILD";

fn cause() -> std::io::Error {
    std::io::Error::other("pool exhausted")
}

/// How many of `n` failures of `code` with a cause captured a backtrace.
fn captured(code: PassError, n: usize) -> usize {
    (0..n)
        .filter(|_| Failure::new(code).caused_by(cause()).backtrace().is_some())
        .count()
}

#[test]
fn failures_capture_backtraces_as_the_policy_and_the_environment_say() {
    match std::env::var(CHILD).as_deref() {
        Ok("0") => {
            // Without the environment's leave: none, whatever the policy.
            backtraces::set_policy(Backtraces {
                client_errors: true,
                per_second: u32::MAX,
            });
            assert_eq!(captured(PassError::InternalError, 3), 0);
            return;
        }
        Ok(_) => {}
        Err(_) => {
            for enabled in ["0", "1"] {
                let child = Command::new(std::env::current_exe().unwrap())
                    .args([
                        "--exact",
                        "failures_capture_backtraces_as_the_policy_and_the_environment_say",
                        "--nocapture",
                    ])
                    .env(CHILD, enabled)
                    .env("RUST_BACKTRACE", "1")
                    .env("RUST_LIB_BACKTRACE", enabled)
                    .output()
                    .unwrap();
                assert!(
                    child.status.success(),
                    "RUST_LIB_BACKTRACE={enabled}: {}{}",
                    String::from_utf8_lossy(&child.stdout),
                    String::from_utf8_lossy(&child.stderr)
                );
            }
            return;
        }
    }
    assert_eq!(backtraces::policy(), Backtraces::DEFAULT);
    // A client error says all there is to say in its code.
    assert_eq!(captured(PassError::BadRequest, 3), 0);
    // Server errors, at most ten in a second: a flood costs ten captures.
    // (Twenty when the loop happens to cross into the next second.)
    let before = backtraces::captured();
    let server = captured(PassError::InternalError, 40);
    assert!((10..=20).contains(&server), "{server}");
    assert_eq!(
        backtraces::captured() - before,
        u32::try_from(server).unwrap()
    );
    // Written out, a backtrace names the frames it was captured in.
    backtraces::set_policy(Backtraces {
        client_errors: true,
        per_second: u32::MAX,
    });
    assert_eq!(captured(PassError::BadRequest, 30), 30);
    let failure = Failure::new(PassError::InternalError).caused_by(cause());
    let written = format!("{failure:?}");
    assert!(
        written.contains("backtrace:") && written.contains("failures_capture_backtraces"),
        "{written}"
    );
    backtraces::set_policy(Backtraces::OFF);
    assert_eq!(captured(PassError::InternalError, 3), 0);
}
