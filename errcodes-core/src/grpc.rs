//! gRPC's canonical status codes (`google.rpc.Code`), with the HTTP status
//! `code.proto` gives each.

vocabulary! {
    /// A canonical gRPC status code, spelled as in `google.rpc.Code`. The
    /// variants are in the order of their numbers, so that
    /// [`number`](Self::number) is the variant's position.
    ///
    /// ```
    /// use errcodes_core::GrpcCode;
    ///
    /// let code: GrpcCode = "RESOURCE_EXHAUSTED".parse().unwrap();
    /// assert_eq!(code.number(), 8);
    /// assert_eq!(code.http_status(), 429);
    /// assert_eq!(GrpcCode::for_status(429), Some(code));
    /// // 400 is the HTTP status of three codes: a catalog says which it means.
    /// assert_eq!(GrpcCode::for_status(400), None);
    /// ```
    pub enum GrpcCode as "gRPC code" {
        /// Not an error.
        Ok = "OK",
        /// The caller cancelled the operation.
        Cancelled = "CANCELLED",
        /// An error with nothing more known about it.
        Unknown = "UNKNOWN",
        /// An argument is wrong whatever the state of the system.
        InvalidArgument = "INVALID_ARGUMENT",
        /// The deadline passed before the operation completed.
        DeadlineExceeded = "DEADLINE_EXCEEDED",
        /// Something the request names does not exist.
        NotFound = "NOT_FOUND",
        /// What the request would create exists already.
        AlreadyExists = "ALREADY_EXISTS",
        /// The caller may not do this.
        PermissionDenied = "PERMISSION_DENIED",
        /// A quota or a resource is used up.
        ResourceExhausted = "RESOURCE_EXHAUSTED",
        /// The system is not in the state the operation needs.
        FailedPrecondition = "FAILED_PRECONDITION",
        /// The operation was aborted, typically by a concurrency conflict.
        Aborted = "ABORTED",
        /// The operation went past the valid range.
        OutOfRange = "OUT_OF_RANGE",
        /// The operation is not implemented or not enabled.
        Unimplemented = "UNIMPLEMENTED",
        /// An invariant of the service is broken.
        Internal = "INTERNAL",
        /// The service cannot answer now; retrying with backoff may work.
        Unavailable = "UNAVAILABLE",
        /// Data was lost or corrupted for good.
        DataLoss = "DATA_LOSS",
        /// The request has no valid credentials.
        Unauthenticated = "UNAUTHENTICATED",
    }
}

impl GrpcCode {
    /// The code's number in `google.rpc.Code`.
    #[must_use]
    pub const fn number(self) -> i32 {
        self as i32
    }

    /// The code numbered `number`, if there is one.
    ///
    /// ```
    /// use errcodes_core::GrpcCode;
    ///
    /// assert_eq!(GrpcCode::from_number(14), Some(GrpcCode::Unavailable));
    /// assert_eq!(GrpcCode::from_number(17), None);
    /// ```
    #[must_use]
    #[allow(clippy::cast_sign_loss)] // checked non-negative
    pub const fn from_number(number: i32) -> Option<Self> {
        if number >= 0 && (number as usize) < Self::ALL.len() {
            Some(Self::ALL[number as usize])
        } else {
            None
        }
    }

    /// The HTTP status `code.proto` maps the code to.
    #[must_use]
    pub const fn http_status(self) -> u16 {
        match self {
            Self::Ok => 200,
            Self::Cancelled => 499,
            Self::InvalidArgument | Self::FailedPrecondition | Self::OutOfRange => 400,
            Self::DeadlineExceeded => 504,
            Self::NotFound => 404,
            Self::AlreadyExists | Self::Aborted => 409,
            Self::PermissionDenied => 403,
            Self::ResourceExhausted => 429,
            Self::Unimplemented => 501,
            Self::Unknown | Self::Internal | Self::DataLoss => 500,
            Self::Unavailable => 503,
            Self::Unauthenticated => 401,
        }
    }

    /// The codes that `code.proto` maps to HTTP status `status`: one for
    /// most statuses it names, several for 400, 409 and 500, none for the
    /// statuses it does not name.
    ///
    /// ```
    /// use errcodes_core::GrpcCode;
    ///
    /// assert_eq!(GrpcCode::for_http(409), [GrpcCode::AlreadyExists, GrpcCode::Aborted]);
    /// assert!(GrpcCode::for_http(422).is_empty());
    /// ```
    #[must_use]
    pub const fn for_http(status: u16) -> &'static [Self] {
        match status {
            200 => &[Self::Ok],
            400 => &[
                Self::InvalidArgument,
                Self::FailedPrecondition,
                Self::OutOfRange,
            ],
            401 => &[Self::Unauthenticated],
            403 => &[Self::PermissionDenied],
            404 => &[Self::NotFound],
            409 => &[Self::AlreadyExists, Self::Aborted],
            429 => &[Self::ResourceExhausted],
            499 => &[Self::Cancelled],
            500 => &[Self::Internal, Self::Unknown, Self::DataLoss],
            501 => &[Self::Unimplemented],
            503 => &[Self::Unavailable],
            504 => &[Self::DeadlineExceeded],
            _ => &[],
        }
    }

    /// The code that stands for HTTP status `status` when nothing else
    /// says: the first that `code.proto` maps to it, else `OK` below 400
    /// and `UNKNOWN` from 400 up.
    ///
    /// ```
    /// use errcodes_core::GrpcCode;
    ///
    /// assert_eq!(GrpcCode::nearest(400), GrpcCode::InvalidArgument);
    /// assert_eq!(GrpcCode::nearest(422), GrpcCode::Unknown);
    /// assert_eq!(GrpcCode::nearest(207), GrpcCode::Ok);
    /// ```
    #[must_use]
    pub const fn nearest(status: u16) -> Self {
        match Self::for_http(status) {
            [first, ..] => *first,
            [] if status < 400 => Self::Ok,
            [] => Self::Unknown,
        }
    }

    /// The one code `code.proto` maps to HTTP status `status`; `None`
    /// when it maps several or none.
    #[must_use]
    pub const fn for_status(status: u16) -> Option<Self> {
        match Self::for_http(status) {
            [only] => Some(*only),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_statuses_agree_both_ways() {
        for (i, &code) in GrpcCode::ALL.iter().enumerate() {
            assert_eq!(usize::try_from(code.number()), Ok(i));
            assert_eq!(GrpcCode::from_number(code.number()), Some(code));
            assert!(GrpcCode::for_http(code.http_status()).contains(&code));
        }
        assert_eq!(GrpcCode::from_number(-1), None);
        let mapped: usize = (100..=599).map(|s| GrpcCode::for_http(s).len()).sum();
        assert_eq!(mapped, GrpcCode::ALL.len());
    }
}
