//! The vocabulary shared by the `errcodes!` macro and `errcodes-runtime`.
//!
//! Users reach these types through `errcodes_runtime`, which re-exports them.
//! They live in this dependency-free crate so that the macro, which checks the
//! spellings in a YAML catalog at compile time, and the runtime, which hands
//! the values to clients, agree by construction.
//!
//! ```
//! use errcodes_core::Action;
//!
//! let action: Action = "retry-after".parse().unwrap();
//! assert_eq!(action, Action::RetryAfter);
//! assert!(action.is_retryable());
//! assert_eq!(action.to_string(), "retry-after");
//! ```
#![no_std]
#![forbid(unsafe_code)]

extern crate alloc;

#[macro_use]
mod vocabulary;

mod action;
mod condition;
pub mod facts;
pub mod fields;
mod grpc;
mod guidance;
mod kinds;
#[doc(hidden)]
pub mod layout;
pub mod localized;
#[doc(hidden)]
pub mod meta;
#[doc(hidden)]
pub mod phf;
pub mod render;
pub mod status;
mod timestamp;
#[doc(hidden)]
pub mod uri;
mod wire_format;

pub use crate::action::Action;
pub use crate::condition::{Condition, Fact};
pub use crate::grpc::GrpcCode;
pub use crate::guidance::{Guidance, Resend};
pub use crate::kinds::{Origin, Outcome, Severity};
pub use crate::timestamp::{BadTimestamp, Timestamp};
pub use crate::vocabulary::UnknownWord;
pub use crate::wire_format::{ProblemCode, Shape, WireFormat};
