//! What a server knows about one occurrence of an error, beyond its code.

use std::time::Duration;

use serde_json::{Map, Value};

use super::DEFAULT_RETRY_AFTER;
use crate::Action;

/// What a server knows about one occurrence of an error, beyond its code:
/// the data each format has room for. Everything is optional; a renderer
/// uses what its format carries and the code's metadata for the rest.
///
/// ```
/// use std::time::Duration;
/// use errcodes_runtime::wire::Occurrence;
///
/// let occurrence = Occurrence::new()
///     .detail("The catalog service is restarting")
///     .trace("12f6fef9-d2e0-422b-a9d7-60d799abe353")
///     .retry_after(Duration::from_secs(30));
/// assert_eq!(occurrence.retry_after, Some(Duration::from_secs(30)));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Occurrence {
    /// The HTTP status of this occurrence, when not the code's own: the
    /// response's (Edge's input errors are any 4xx), or, for an error
    /// embedded in an Edge 207 body, the upstream service's.
    pub status: Option<u16>,
    /// A message for people in place of the code's title: ACP's, Pass's and
    /// the gateway's `message`, and a problem's `title` where the title is
    /// the code's.
    pub message: Option<String>,
    /// An explanation of this occurrence (a problem's `detail`, Pass's
    /// `details`).
    pub detail: Option<String>,
    /// A URI for this occurrence (a problem's `instance`).
    pub instance: Option<String>,
    /// An identifier to quote to support (Pass's `trace`, Edge's
    /// `requestId`, a problem detail's `trace` extension member). A
    /// [`Failure`](crate::Failure) that has none gets a fresh one.
    pub trace: Option<String>,
    /// Where to read about the error (Pass's `helpUrl`); without it, the
    /// catalog's `help-url`.
    pub help_url: Option<String>,
    /// Structured data about this occurrence (ACP's `details` object).
    pub context: Option<Value>,
    /// How long the client should wait before trying again: the
    /// `Retry-After` header, and ACP's `retry_after`. A code whose action
    /// is `retry-after` gets [`DEFAULT_RETRY_AFTER`] when this is `None`.
    pub retry_after: Option<Duration>,
    /// More members for the body, such as Edge's `report`. One named like
    /// a member of the format's own is written only where the format
    /// leaves that member out. Over gRPC and in Google errors they are the
    /// `ErrorInfo`'s metadata, under keys that follow AIP-193's rule (see
    /// [`google`](super::google)).
    pub members: Map<String, Value>,
}

impl Occurrence {
    /// Nothing known beyond the code.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets [`status`](Self::status).
    #[must_use]
    pub fn status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// Sets [`message`](Self::message).
    #[must_use]
    pub fn message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// Sets [`detail`](Self::detail).
    #[must_use]
    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Sets [`instance`](Self::instance).
    #[must_use]
    pub fn instance(mut self, instance: impl Into<String>) -> Self {
        self.instance = Some(instance.into());
        self
    }

    /// Sets [`trace`](Self::trace).
    #[must_use]
    pub fn trace(mut self, trace: impl Into<String>) -> Self {
        self.trace = Some(trace.into());
        self
    }

    /// Sets [`help_url`](Self::help_url).
    #[must_use]
    pub fn help_url(mut self, help_url: impl Into<String>) -> Self {
        self.help_url = Some(help_url.into());
        self
    }

    /// Sets [`context`](Self::context).
    #[must_use]
    pub fn context(mut self, context: Value) -> Self {
        self.context = Some(context);
        self
    }

    /// Sets [`retry_after`](Self::retry_after).
    #[must_use]
    pub fn retry_after(mut self, delay: Duration) -> Self {
        self.retry_after = Some(delay);
        self
    }

    /// Sets [`retry_after`](Self::retry_after) in seconds.
    #[must_use]
    pub fn retry_after_secs(self, seconds: u64) -> Self {
        self.retry_after(Duration::from_secs(seconds))
    }

    /// Adds a member to the body.
    #[must_use]
    pub fn member(mut self, name: impl Into<String>, value: Value) -> Self {
        self.members.insert(name.into(), value);
        self
    }

    /// The occurrence's message, or else the code's title.
    pub(crate) fn message_or<'a>(&'a self, title: &'a str) -> &'a str {
        self.message.as_deref().unwrap_or(title)
    }

    /// The delay to send for a code with `action`: the occurrence's, or the
    /// default for a code that says to retry after a delay.
    pub(crate) fn delay_for(&self, action: Action) -> Option<Duration> {
        self.retry_after
            .or((action == Action::RetryAfter).then_some(DEFAULT_RETRY_AFTER))
    }
}

/// A delay in whole seconds, rounded up, so that a sub-second delay is
/// never sent as zero.
#[must_use]
pub(crate) fn whole_seconds(delay: Duration) -> u64 {
    delay.as_secs() + u64::from(delay.subsec_nanos() > 0)
}
