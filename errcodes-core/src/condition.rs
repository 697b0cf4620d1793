//! The conditions a service meets without a handler, which a catalog
//! names codes for under `boundary:`, and the safe facts a boundary
//! knows about each.

use crate::fields::{FieldKind, FieldType};

vocabulary! {
    /// A condition the framework, not a handler, answers: a request it
    /// cannot hand to one, or a handler that did not answer.
    ///
    /// ```
    /// use errcodes_core::Condition;
    ///
    /// let condition: Condition = "body-too-large".parse().unwrap();
    /// assert_eq!(condition.statuses(), &[413, 400]);
    /// assert!(condition.is_client_error());
    /// assert!(!Condition::Timeout.is_client_error());
    /// ```
    pub enum Condition as "condition" {
        /// The body is not well-formed (malformed JSON).
        MalformedBody = "malformed-body",
        /// The body is well-formed but does not fit the handler's type.
        UnfitBody = "unfit-body",
        /// The body's media type is missing or not one the route takes.
        UnsupportedMediaType = "unsupported-media-type",
        /// The body is larger than the limit.
        BodyTooLarge = "body-too-large",
        /// A path or query parameter could not be read.
        BadParameter = "bad-parameter",
        /// No route matches the path.
        UnknownRoute = "unknown-route",
        /// The route does not take the method.
        MethodNotAllowed = "method-not-allowed",
        /// The request took longer than the service allows.
        Timeout = "timeout",
        /// The service sheds load, or is not ready.
        Overloaded = "overloaded",
        /// A handler panicked, or the service failed without saying why.
        Internal = "internal",
    }
}

impl Condition {
    /// The statuses whose code answers the condition when the catalog
    /// names none for it: the catalog's first failure with the first of
    /// them it has.
    #[must_use]
    pub const fn statuses(self) -> &'static [u16] {
        match self {
            Condition::MalformedBody | Condition::BadParameter => &[400],
            Condition::UnfitBody => &[422, 400],
            Condition::UnsupportedMediaType => &[415, 400],
            Condition::BodyTooLarge => &[413, 400],
            Condition::UnknownRoute => &[404, 400],
            Condition::MethodNotAllowed => &[405, 404, 400],
            Condition::Timeout => &[504, 503, 408, 500],
            Condition::Overloaded => &[503, 429, 500],
            Condition::Internal => &[500],
        }
    }

    /// Whether the client is at fault: every condition but a timeout, an
    /// overload and an internal failure.
    #[must_use]
    pub const fn is_client_error(self) -> bool {
        !matches!(
            self,
            Condition::Timeout | Condition::Overloaded | Condition::Internal
        )
    }
}

/// A fact a service boundary may know about a condition, safe to send: it
/// says where the request went wrong in the caller's own terms, never in
/// the server's. The answering code carries it when it declares an
/// optional field of this name and type.
///
/// ```
/// use errcodes_core::Condition;
///
/// let keys: Vec<&str> = Condition::UnfitBody.facts().iter().map(|fact| fact.key).collect();
/// assert_eq!(keys, ["pointer", "line", "column"]);
/// assert!(Condition::Timeout.facts().is_empty());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fact {
    /// The field's name on the wire.
    pub key: &'static str,
    /// The field's type.
    pub ty: FieldType,
    /// What it says.
    pub about: &'static str,
}

const LINE: Fact = Fact {
    key: "line",
    ty: FieldType::one(FieldKind::Integer),
    about: "the line of the body where reading stopped, from 1",
};

const COLUMN: Fact = Fact {
    key: "column",
    ty: FieldType::one(FieldKind::Integer),
    about: "the column of that line where reading stopped, from 1",
};

const POINTER: Fact = Fact {
    key: "pointer",
    ty: FieldType::one(FieldKind::String),
    about: "the JSON pointer (RFC 6901) of the member that does not fit, empty for the whole body",
};

const LIMIT: Fact = Fact {
    key: "limit",
    ty: FieldType::one(FieldKind::Integer),
    about: "the largest body the service takes, in bytes",
};

impl Condition {
    /// The facts a boundary may know about the condition. None is always
    /// known (a body cut off by the network has no line, a limit may not
    /// be stated), so each is sent as an optional field.
    #[must_use]
    pub const fn facts(self) -> &'static [Fact] {
        match self {
            Condition::MalformedBody => &[LINE, COLUMN],
            Condition::UnfitBody => &[POINTER, LINE, COLUMN],
            Condition::BodyTooLarge => &[LIMIT],
            Condition::UnsupportedMediaType
            | Condition::MethodNotAllowed
            | Condition::BadParameter
            | Condition::UnknownRoute
            | Condition::Timeout
            | Condition::Overloaded
            | Condition::Internal => &[],
        }
    }

    /// The fact of the condition with the wire name `key`.
    #[must_use]
    pub fn fact(self, key: &str) -> Option<&'static Fact> {
        self.facts().iter().find(|fact| fact.key == key)
    }
}

impl Condition {
    /// Where the code that answers the condition by default is, among a
    /// catalog's codes given as `(status, is a failure)` in its order: the
    /// first failure with the first of [`statuses`](Self::statuses) that
    /// the catalog has; else the first failure of the same class (4xx for
    /// a client's fault, 5xx otherwise); else the first failure. The flag
    /// is true when the code has one of the condition's statuses; `None`
    /// when the catalog has no failure.
    ///
    /// ```
    /// use errcodes_core::Condition;
    ///
    /// let codes = [(200, false), (400, true), (404, true), (500, true)];
    /// assert_eq!(Condition::UnknownRoute.default_among(&codes), Some((2, true)));
    /// assert_eq!(Condition::Timeout.default_among(&codes), Some((3, true)));
    /// assert_eq!(Condition::BodyTooLarge.default_among(&codes), Some((1, true)));
    /// assert_eq!(Condition::Overloaded.default_among(&[(400, true)]), Some((0, false)));
    /// ```
    #[must_use]
    pub fn default_among(self, codes: &[(u16, bool)]) -> Option<(usize, bool)> {
        let failures = || {
            codes
                .iter()
                .enumerate()
                .filter(|(_, (_, failure))| *failure)
                .map(|(i, &(status, _))| (i, status))
        };
        if let Some(found) = self
            .statuses()
            .iter()
            .find_map(|&wanted| failures().find(|&(_, status)| status == wanted))
        {
            return Some((found.0, true));
        }
        let class = |status: u16| {
            if self.is_client_error() {
                (400..500).contains(&status)
            } else {
                status >= 500
            }
        };
        failures()
            .find(|&(_, status)| class(status))
            .or_else(|| failures().next())
            .map(|(i, _)| (i, false))
    }
}
