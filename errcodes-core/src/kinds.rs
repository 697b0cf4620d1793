//! The classifications of a code other than its action.

vocabulary! {
    /// How serious an occurrence of the code is, from least to most severe.
    ///
    /// Edge Network splits errors into fatal ones, which stop the request,
    /// and non-fatal ones, which let it finish with partial results; warnings
    /// report a condition that may have reduced the result's accuracy.
    ///
    /// ```
    /// use errcodes_core::Severity;
    ///
    /// assert!(Severity::Fatal > Severity::NonFatal);
    /// assert_eq!(Severity::for_status(503), Severity::Fatal);
    /// assert_eq!(Severity::for_status(200), Severity::Info);
    /// ```
    pub enum Severity as "severity" {
        /// Informational: reports how a request ended, nothing went wrong.
        Info = "info",
        /// Something may have reduced the quality of the result.
        Warning = "warning",
        /// An error that did not stop the request; the rest was processed.
        NonFatal = "non-fatal",
        /// An error that stopped the request.
        Fatal = "fatal",
    }
}

impl Severity {
    /// The severity an HTTP status implies when the catalog says nothing:
    /// [`Fatal`](Self::Fatal) from 400 up, [`Info`](Self::Info) below.
    #[must_use]
    pub const fn for_status(status: u16) -> Self {
        if status >= 400 {
            Self::Fatal
        } else {
            Self::Info
        }
    }
}

vocabulary! {
    /// What became of the request or job that the code reports on.
    ///
    /// Some catalogs use codes for outcomes as well as for failures: a
    /// privacy job finishes with a code that says whether it succeeded, only
    /// partly succeeded, or did not apply. Generic code tells them apart with
    /// this value instead of reading titles.
    ///
    /// ```
    /// use errcodes_core::Outcome;
    ///
    /// assert_eq!(Outcome::for_status(200), Outcome::Success);
    /// assert_eq!(Outcome::for_status(207), Outcome::Partial);
    /// assert_eq!(Outcome::for_status(400), Outcome::Failure);
    /// assert!(Outcome::Partial.is_success());
    /// ```
    pub enum Outcome as "outcome" {
        /// Everything was done.
        Success = "success",
        /// Some of the work was done; the rest failed or did not apply.
        Partial = "partial",
        /// Nothing was done because the request did not apply.
        NotApplicable = "not-applicable",
        /// The request failed.
        Failure = "failure",
    }
}

impl Outcome {
    /// The outcome an HTTP status implies when the catalog says nothing:
    /// [`Failure`](Self::Failure) from 400 up, [`Partial`](Self::Partial) for
    /// 207 Multi-Status, [`Success`](Self::Success) otherwise.
    #[must_use]
    pub const fn for_status(status: u16) -> Self {
        match status {
            207 => Self::Partial,
            400.. => Self::Failure,
            _ => Self::Success,
        }
    }

    /// True for [`Success`](Self::Success) and [`Partial`](Self::Partial):
    /// at least some of the work was done.
    #[must_use]
    pub const fn is_success(self) -> bool {
        matches!(self, Self::Success | Self::Partial)
    }
}

vocabulary! {
    /// Where the fault lies: in the service itself, or outside it (the
    /// request, the configuration, an upstream service).
    ///
    /// ```
    /// use errcodes_core::Origin;
    ///
    /// assert_eq!("internal".parse::<Origin>(), Ok(Origin::Internal));
    /// ```
    pub enum Origin as "origin" {
        /// The service failed on its own.
        Internal = "internal",
        /// The cause is outside the service: input, configuration or upstream.
        External = "external",
    }
}
