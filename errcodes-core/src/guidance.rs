//! What a client does about a code: one rule, from its action and its
//! outcome, so that the runtime's retry advice, the reference pages,
//! `errcodes explain`, the exports and the TypeScript module cannot
//! disagree.

use core::fmt;

use crate::{Action, Outcome};

/// Whether a client sends the same request again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Resend {
    /// Again, after the delay the response gives; backing off when it gives
    /// none.
    AfterDelay,
    /// Again, backing off.
    Backoff,
    /// Not as it is.
    No,
}

impl Resend {
    /// The word the exports use: `after-delay`, `backoff` or `no`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Resend::AfterDelay => "after-delay",
            Resend::Backoff => "backoff",
            Resend::No => "no",
        }
    }
}

/// What a client does about a code with an action and an outcome.
///
/// A request is sent again only when it failed and the action says so:
/// after a partial success (Edge Network's 207), sending the same request
/// again would repeat the part that succeeded, so only what failed is
/// worth sending, on its own.
///
/// ```
/// use errcodes_core::{Action, Guidance, Outcome, Resend};
///
/// let limited = Guidance::new(Action::RetryAfter, Outcome::Failure);
/// assert_eq!(limited.resend(), Resend::AfterDelay);
/// let partly = Guidance::new(Action::Retry, Outcome::Partial);
/// assert_eq!(partly.resend(), Resend::No);
/// assert_eq!(
///     partly.to_string(),
///     "part of the work was done, so do not send the same request again; for what failed: send it again on its own, backing off",
/// );
/// assert_eq!(
///     Guidance::new(Action::None, Outcome::Failure).to_string(),
///     "no predefined remedy: do not send the same request again unchanged",
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Guidance {
    /// What the code asks of a client.
    pub action: Action,
    /// What became of the request.
    pub outcome: Outcome,
}

impl Guidance {
    /// The guidance for a code with `action` and `outcome`.
    #[must_use]
    pub const fn new(action: Action, outcome: Outcome) -> Self {
        Guidance { action, outcome }
    }

    /// The guidance for a response of which only the status is known: the
    /// action and outcome the status implies.
    #[must_use]
    pub const fn for_status(status: u16) -> Self {
        Guidance::new(Action::for_status(status), Outcome::for_status(status))
    }

    /// Whether to send the same request again.
    #[must_use]
    pub const fn resend(self) -> Resend {
        match (self.outcome, self.action) {
            (Outcome::Failure, Action::RetryAfter) => Resend::AfterDelay,
            (Outcome::Failure, Action::Retry) => Resend::Backoff,
            _ => Resend::No,
        }
    }
}

impl fmt::Display for Guidance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let done = match self.outcome {
            Outcome::Failure => return f.write_str(after_failure(self.action)),
            Outcome::Success => "the request was carried out",
            Outcome::Partial => "part of the work was done, so do not send the same request again",
            Outcome::NotApplicable => "the request did not apply, so nothing was done",
        };
        match (self.outcome, self.action) {
            (Outcome::Partial, Action::None) => write!(f, "{done}; what failed says why"),
            (_, Action::None) => write!(f, "nothing to do: {done}"),
            (_, action) => write!(f, "{done}; for what failed: {}", for_the_rest(action)),
        }
    }
}

/// What to do after a failure.
const fn after_failure(action: Action) -> &'static str {
    match action {
        Action::None => "no predefined remedy: do not send the same request again unchanged",
        Action::Configuration => {
            "change the integration's configuration, or ask support to; sending the request again unchanged will not help"
        }
        Action::ApplicationRegistration => "register the application again, then retry",
        Action::Authentication => "have the user authenticate again, then retry",
        Action::Authorization => "have the user obtain authorization for the resource, then retry",
        Action::Degradation => "apply the degraded service the integration provides for this case",
        Action::Retry => "send the same request again, backing off; it may succeed",
        Action::RetryAfter => {
            "send the same request again after the delay the response gives (Retry-After), backing off when it gives none"
        }
    }
}

/// What to do about the part that failed, when some of the work was done.
const fn for_the_rest(action: Action) -> &'static str {
    match action {
        Action::None => "nothing predefined",
        Action::Configuration => "change the integration's configuration, or ask support to",
        Action::ApplicationRegistration => "register the application again",
        Action::Authentication => "have the user authenticate again",
        Action::Authorization => "have the user obtain authorization for the resource",
        Action::Degradation => "apply the degraded service the integration provides for this case",
        Action::Retry => "send it again on its own, backing off",
        Action::RetryAfter => "send it again on its own, after the delay the response gives",
    }
}

#[cfg(test)]
mod tests {
    use alloc::string::ToString;

    use super::*;

    #[test]
    fn only_a_failure_with_a_retrying_action_is_sent_again() {
        for action in Action::ALL {
            for outcome in Outcome::ALL {
                let resend = Guidance::new(*action, *outcome).resend();
                let expected = match (outcome, action) {
                    (Outcome::Failure, Action::Retry) => Resend::Backoff,
                    (Outcome::Failure, Action::RetryAfter) => Resend::AfterDelay,
                    _ => Resend::No,
                };
                assert_eq!(resend, expected, "{action} {outcome}");
            }
        }
    }

    #[test]
    fn every_guidance_reads_as_one_sentence_that_agrees_with_its_resend() {
        for action in Action::ALL {
            for outcome in Outcome::ALL {
                let guidance = Guidance::new(*action, *outcome);
                let text = guidance.to_string();
                assert!(!text.ends_with('.') && !text.contains(".."), "{text}");
                let sends_again = text.contains("send the same request again")
                    && !text.contains("do not send the same request again");
                assert_eq!(
                    sends_again,
                    guidance.resend() != Resend::No,
                    "{action} {outcome}: {text}"
                );
            }
        }
    }
}
