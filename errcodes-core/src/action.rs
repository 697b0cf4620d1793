vocabulary! {
    /// How the client should react to an error code: the recommended action.
    ///
    /// The vocabulary and its three groups come from Adobe Pass's enhanced
    /// error codes: actions that repair the request ([`Retry`](Self::Retry),
    /// [`RetryAfter`](Self::RetryAfter)), the user's context in the
    /// application ([`ApplicationRegistration`](Self::ApplicationRegistration),
    /// [`Authentication`](Self::Authentication),
    /// [`Authorization`](Self::Authorization)), or the integration between the
    /// application and its partners ([`Configuration`](Self::Configuration),
    /// [`Degradation`](Self::Degradation)).
    ///
    /// ```
    /// use errcodes_core::Action;
    ///
    /// assert!(Action::Retry.is_retryable());
    /// assert!(!Action::Authentication.is_retryable());
    /// assert_eq!(Action::for_status(503), Action::RetryAfter);
    /// ```
    pub enum Action as "action" {
        /// No predefined remedy: a client does not send the same request again
        /// unchanged.
        None = "none",
        /// Change the configuration of the integration, or ask support to.
        Configuration = "configuration",
        /// The application must register itself again.
        ApplicationRegistration = "application-registration",
        /// The user must authenticate, or authenticate again.
        Authentication = "authentication",
        /// The user must obtain authorization for the resource.
        Authorization = "authorization",
        /// Apply some form of degraded service.
        Degradation = "degradation",
        /// Sending the same request again may succeed.
        Retry = "retry",
        /// Sending the same request again after the indicated delay may succeed.
        RetryAfter = "retry-after",
    }
}

impl Action {
    /// Whether repeating the same request may succeed: true for
    /// [`Retry`](Self::Retry) and [`RetryAfter`](Self::RetryAfter).
    #[must_use]
    pub const fn is_retryable(self) -> bool {
        matches!(self, Self::Retry | Self::RetryAfter)
    }

    /// The action an HTTP status implies when nothing more is known.
    ///
    /// These are the Edge Network rules for handling responses: client errors
    /// are not retried, except 429 Too Many Requests, which is retried after
    /// the `Retry-After` delay; 500 is not retried; 502 and 504 may be retried;
    /// 503 is retried respecting `Retry-After`. Every other status gets
    /// [`None`](Self::None).
    ///
    /// A catalog entry without an `action` key gets this action.
    ///
    /// ```
    /// use errcodes_core::Action;
    ///
    /// assert_eq!(Action::for_status(429), Action::RetryAfter);
    /// assert_eq!(Action::for_status(502), Action::Retry);
    /// assert_eq!(Action::for_status(500), Action::None);
    /// assert_eq!(Action::for_status(404), Action::None);
    /// ```
    #[must_use]
    pub const fn for_status(status: u16) -> Self {
        match status {
            429 | 503 => Self::RetryAfter,
            502 | 504 => Self::Retry,
            _ => Self::None,
        }
    }
}
