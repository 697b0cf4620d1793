//! The words a catalog uses for how its codes travel: the wire formats
//! errcodes knows, and where a problem detail carries the code. Each
//! format's facts (media type, body, decoder) belong to its module in
//! `errcodes_runtime::wire`; this is only the list of their names, which
//! the macro checks catalogs against.

vocabulary! {
    /// How an error with the code is sent over HTTP: the payload shapes of
    /// the APIs errcodes knows. A catalog names its usual one; a code may
    /// name another.
    ///
    /// ```
    /// use errcodes_core::WireFormat;
    ///
    /// assert_eq!("pass-xml".parse::<WireFormat>(), Ok(WireFormat::PassXml));
    /// assert_eq!(WireFormat::PassXml.as_str(), "pass-xml");
    /// ```
    pub enum WireFormat as "wire format" {
        /// A problem detail, RFC 9457 (`application/problem+json`).
        Problem = "problem",
        /// Edge Network: a problem detail for a fatal error, a 207
        /// Multi-Status body listing it for a non-fatal one.
        Edge = "edge",
        /// Ad Context Protocol: `{"success": false, "error": {...}}`.
        Acp = "acp",
        /// Adobe Pass: `{"error": {...}}`, in JSON.
        Pass = "pass",
        /// Adobe Pass: `<error>...</error>`, in XML.
        PassXml = "pass-xml",
        /// Experience Platform's gateway: `{"error_code": ..., "message": ...}`.
        Gateway = "gateway",
        /// Google's JSON error model (AIP-193): `{"error": {"code": ...,
        /// "status": ..., "details": [...]}}`, the code in `ErrorInfo`.
        Google = "google",
    }
}

vocabulary! {
    /// Where a problem detail (RFC 9457) carries its code: what a catalog's
    /// `problem-code` key says.
    ///
    /// ```
    /// use errcodes_core::ProblemCode;
    ///
    /// assert_eq!("title".parse::<ProblemCode>(), Ok(ProblemCode::Title));
    /// ```
    pub enum ProblemCode as "problem code place" {
        /// In the `type` URI, built from the catalog's `problem-type`
        /// template (Edge Network).
        Type = "type",
        /// As the `title` (the Experience Platform's content-type problem).
        Title = "title",
        /// In an extension member named `code`.
        Member = "member",
    }
}

/// The shape of an error body on the wire: one per wire format. Edge
/// Network's fatal errors and every other problem detail share
/// [`Problem`](Self::Problem).
///
/// ```
/// use errcodes_core::{ProblemCode, Shape};
///
/// assert_eq!(Shape::Problem.content_type(), "application/problem+json");
/// assert_eq!(Shape::Gateway.name(), "GatewayBody");
/// assert_eq!(Shape::Pass.code_path(ProblemCode::Member), ["error", "code"]);
/// assert_eq!(Shape::Edge.code_path(ProblemCode::Type), ["errors", "type"]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Shape {
    /// A problem detail, RFC 9457: `application/problem+json`.
    Problem,
    /// An Edge Network body of a request that was processed: 207 with
    /// non-fatal errors, or 200.
    Edge,
    /// An ACP envelope.
    Acp,
    /// An Adobe Pass body in JSON.
    Pass,
    /// An Adobe Pass error in XML.
    PassXml,
    /// An Experience Platform gateway body.
    Gateway,
    /// A Google API error (AIP-193).
    Google,
}

impl Shape {
    /// Every shape.
    pub const ALL: &[Shape] = &[
        Shape::Problem,
        Shape::Edge,
        Shape::Acp,
        Shape::Pass,
        Shape::PassXml,
        Shape::Gateway,
        Shape::Google,
    ];

    /// The body's name in exported schemas, such as `PassBody`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Shape::Problem => "Problem",
            Shape::Edge => "EdgeBody",
            Shape::Acp => "AcpEnvelope",
            Shape::Pass => "PassBody",
            Shape::PassXml => "PassXml",
            Shape::Gateway => "GatewayBody",
            Shape::Google => "GoogleBody",
        }
    }

    /// Its media type.
    #[must_use]
    pub const fn content_type(self) -> &'static str {
        match self {
            Shape::Problem => "application/problem+json",
            Shape::PassXml => "application/xml",
            Shape::Edge | Shape::Acp | Shape::Pass | Shape::Gateway | Shape::Google => {
                "application/json"
            }
        }
    }

    /// What it is, in a sentence.
    #[must_use]
    pub const fn description(self) -> &'static str {
        match self {
            Shape::Problem => "A problem detail (RFC 9457).",
            Shape::Edge => {
                "An Edge Network body of a request that was processed, listing its non-fatal errors and warnings."
            }
            Shape::Acp => "An Ad Context Protocol error envelope.",
            Shape::Pass => "An Adobe Pass error body.",
            Shape::PassXml => "An Adobe Pass error in XML.",
            Shape::Gateway => "An Experience Platform gateway error.",
            Shape::Google => {
                "A Google API error (AIP-193): a `google.rpc.Status` whose `ErrorInfo` detail names the code by its reason."
            }
        }
    }

    /// The shape a client expects of a body of a catalog whose wire format
    /// is `format`, in a response of `status`: Edge Network answers a
    /// fatal error (from 400 up) with a problem detail.
    ///
    /// ```
    /// use errcodes_core::{Shape, WireFormat};
    ///
    /// assert_eq!(Shape::expected(WireFormat::Edge, 207), Shape::Edge);
    /// assert_eq!(Shape::expected(WireFormat::Edge, 422), Shape::Problem);
    /// ```
    #[must_use]
    pub const fn expected(format: WireFormat, status: u16) -> Shape {
        match format {
            WireFormat::Problem => Shape::Problem,
            WireFormat::Edge if status >= 400 => Shape::Problem,
            WireFormat::Edge => Shape::Edge,
            WireFormat::Acp => Shape::Acp,
            WireFormat::Pass => Shape::Pass,
            WireFormat::PassXml => Shape::PassXml,
            WireFormat::Gateway => Shape::Gateway,
            WireFormat::Google => Shape::Google,
        }
    }

    /// The members that lead from the body to the value that identifies
    /// the code, for a catalog whose problem details carry it at `place`;
    /// a list on the way holds the error in its first element.
    #[must_use]
    pub const fn code_path(self, place: ProblemCode) -> &'static [&'static str] {
        use crate::render::{acp, edge, gateway, google, pass, problem};
        let in_problem: &'static [&'static str] = match place {
            ProblemCode::Type => &[problem::TYPE],
            ProblemCode::Title => &[problem::TITLE],
            ProblemCode::Member => &[problem::CODE],
        };
        match self {
            Shape::Problem => in_problem,
            Shape::Edge => match place {
                ProblemCode::Type => &[edge::ERRORS, problem::TYPE],
                ProblemCode::Title => &[edge::ERRORS, problem::TITLE],
                ProblemCode::Member => &[edge::ERRORS, problem::CODE],
            },
            Shape::Acp => &[acp::ERROR, acp::CODE],
            Shape::Pass => &[pass::ERROR, pass::CODE],
            Shape::PassXml => &[pass::CODE],
            Shape::Gateway => &[gateway::ERROR_CODE],
            Shape::Google => &[google::ERROR, google::DETAILS, google::REASON],
        }
    }
}
