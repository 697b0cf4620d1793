//! The list of wire formats: the one place that names them all. Each
//! format's facts (its body, media type, where the code sits, how it
//! renders and decodes, its schema) live in its own module; the renderer,
//! the client's entry point and tools reach them through this list. A new
//! format is a new module, a word in `errcodes_core::WireFormat`, and one
//! entry here.

use std::time::Duration;

use serde_json::Value;

use super::{Code, CodeFacts, DecodeError, EncodeError, Json, Limits, Occurrence, Rendered};
use super::{acp, edge, gateway, google, pass, problem};
use crate::{Action, ErrorCode, ProblemCode, WireFormat};

/// What a format's module knows of its body.
pub(crate) struct ShapeFacts {
    /// The body's name in exported schemas.
    pub(crate) name: &'static str,
    /// Its media type.
    pub(crate) content_type: &'static str,
    /// What it is, in a sentence.
    pub(crate) description: &'static str,
    /// The members that lead to the value identifying the code.
    pub(crate) code_path: fn(ProblemCode) -> &'static [&'static str],
    /// Its JSON Schema.
    pub(crate) schema: fn(&SchemaParts<'_>) -> Value,
}

/// What a body's JSON Schema is built from: see [`Shape::schema`].
#[derive(Clone, Copy, Debug)]
pub struct SchemaParts<'a> {
    /// The schema of the catalog's codes, or a reference to it.
    pub code: &'a Value,
    /// Where the catalog's problem details carry the code.
    pub place: ProblemCode,
    /// The values that identify the catalog's codes in bodies of this
    /// shape where they are not the codes themselves: the `type` URIs of
    /// problem details whose code sits there, the reasons of Google errors.
    pub values: &'a [&'a str],
}

impl SchemaParts<'_> {
    /// The schema of a string from a vocabulary that grows: each known
    /// value listed, and any other string accepted, so that a client
    /// validating against an older schema still accepts what a newer server
    /// sends. `x-extensible-enum` names the same values for generators that
    /// read it.
    ///
    /// ```
    /// use errcodes_runtime::wire::SchemaParts;
    ///
    /// let schema = SchemaParts::open_enum(&["retry", "none"]);
    /// assert_eq!(schema["anyOf"][0]["enum"][1], "none");
    /// assert_eq!(schema["anyOf"][1]["type"], "string");
    /// ```
    #[must_use]
    pub fn open_enum(values: &[&str]) -> Value {
        serde_json::json!({
            "anyOf": [{"type": "string", "enum": values}, {"type": "string"}],
            "x-extensible-enum": values,
        })
    }
}

/// What a received body answers, whatever its format.
pub(crate) trait Answers<E> {
    /// The code: the first error's, when the body lists several.
    fn code(&self) -> Option<Code<E>>;

    /// What to do, for a response with HTTP status `status`.
    fn action_at(&self, status: u16) -> Action;

    /// The message for people.
    fn message(&self) -> Option<&str>;

    /// A delay the body gives, which wins over `Retry-After`.
    fn delay(&self) -> Option<Duration> {
        None
    }
}

/// Implements [`Answers`] for bodies that answer each question with a
/// method of their own; `with` names the method of a body that gives a
/// delay.
macro_rules! answers_by_itself {
    ($($body:ident $(with $delay:ident)?),* $(,)?) => {$(
        impl<E: ErrorCode> Answers<E> for $body<E> {
            fn code(&self) -> Option<Code<E>> {
                self.code()
            }

            fn action_at(&self, status: u16) -> Action {
                self.action_at(status)
            }

            fn message(&self) -> Option<&str> {
                self.message()
            }

            $(
                fn delay(&self) -> Option<::std::time::Duration> {
                    self.$delay()
                }
            )?
        }
    )*};
}

pub(crate) use answers_by_itself;

/// The list. Each entry names the wire format (the same word as in
/// `WireFormat`), its body type, and its module's facts, decoder and
/// renderer.
macro_rules! formats {
    ($(
        $(#[$doc:meta])*
        $format:ident($body:ty) = $facts:path, decode $decode:expr, render $render:path,
            says $says:literal;
    )*) => {
        /// The shape of an error body on the wire: one per wire format.
        /// Edge Network's fatal errors and every other problem detail share
        /// [`Problem`](Self::Problem).
        ///
        /// ```
        /// use errcodes_runtime::wire::Shape;
        ///
        /// assert_eq!(Shape::Problem.content_type(), "application/problem+json");
        /// assert_eq!(Shape::Gateway.name(), "GatewayBody");
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Shape {
            $($(#[$doc])* $format,)*
        }

        /// An error body, in the shape it came in.
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub enum Payload<E> {
            $($(#[$doc])* $format($body),)*
        }

        impl Shape {
            /// Every shape.
            pub const ALL: &[Shape] = &[$(Shape::$format),*];

            fn facts(self) -> &'static ShapeFacts {
                match self {
                    $(Shape::$format => &$facts,)*
                }
            }
        }

        impl<E> Payload<E> {
            /// The body's shape.
            #[must_use]
            pub fn shape(&self) -> Shape {
                match self {
                    $(Payload::$format(_) => Shape::$format,)*
                }
            }
        }

        impl<E: ErrorCode> Payload<E> {
            /// Decodes `body` as a body of `shape`, within `limits`.
            ///
            /// # Errors
            ///
            /// When the body is too large, or not of that shape.
            pub fn decode(shape: Shape, body: &[u8], limits: Limits) -> Result<Self, DecodeError> {
                match shape {
                    $(Shape::$format => ($decode)(body, limits).map(Payload::$format),)*
                }
            }

            fn answers(&self) -> &dyn Answers<E> {
                match self {
                    $(Payload::$format(body) => body,)*
                }
            }
        }

        /// How codes of `format` are sent, in words, for pages and tools.
        ///
        /// ```
        /// use errcodes_runtime::WireFormat;
        ///
        /// assert_eq!(
        ///     errcodes_runtime::wire::describe(WireFormat::PassXml),
        ///     "Adobe Pass error objects in XML (`application/xml`)"
        /// );
        /// ```
        #[must_use]
        pub fn describe(format: WireFormat) -> &'static str {
            match format {
                $(WireFormat::$format => $says,)*
            }
        }

        /// Renders a code in `format`.
        pub(crate) fn render(
            format: WireFormat,
            facts: &CodeFacts<'_>,
            occurrence: &Occurrence,
        ) -> Result<Rendered, EncodeError> {
            match format {
                $(WireFormat::$format => $render(facts, occurrence),)*
            }
        }
    };
}

formats! {
    /// A problem detail, RFC 9457: `application/problem+json`.
    Problem(problem::Problem<E>) = problem::SHAPE, decode Json::decode_with, render problem::render,
        says "problem details (RFC 9457, `application/problem+json`)";
    /// An Edge Network body of a request that was processed: 207 with
    /// non-fatal errors, or 200.
    Edge(edge::EdgeBody<E>) = edge::SHAPE, decode Json::decode_with, render edge::render,
        says "problem details for fatal errors, and Edge Network response bodies that list non-fatal errors (207) and warnings (200)";
    /// An ACP envelope.
    Acp(acp::Envelope<E>) = acp::SHAPE, decode Json::decode_with, render acp::render,
        says "Ad Context Protocol envelopes, `{\"success\": false, \"error\": {…}}`";
    /// An Adobe Pass body in JSON.
    Pass(pass::PassBody<E>) = pass::SHAPE, decode Json::decode_with, render pass::render,
        says "Adobe Pass error objects in JSON, `{\"error\": {…}}`";
    /// An Adobe Pass error in XML.
    PassXml(pass::ErrorObject<E>) = pass::XML_SHAPE, decode pass::decode_xml, render pass::render_xml,
        says "Adobe Pass error objects in XML (`application/xml`)";
    /// An Experience Platform gateway body.
    Gateway(gateway::GatewayBody<E>) = gateway::SHAPE, decode Json::decode_with, render gateway::render,
        says "Experience Platform gateway errors, `{\"error_code\": …, \"message\": …}`";
    /// A Google API error (AIP-193).
    Google(google::GoogleBody<E>) = google::SHAPE, decode Json::decode_with, render google::render,
        says "Google API errors (AIP-193), `{\"error\": {\"code\": …, \"status\": …, \"details\": […]}}`, the code in `ErrorInfo`";
}

impl Shape {
    /// The body's name in exported schemas, such as `PassBody`.
    #[must_use]
    pub fn name(self) -> &'static str {
        self.facts().name
    }

    /// Its media type.
    #[must_use]
    pub fn content_type(self) -> &'static str {
        self.facts().content_type
    }

    /// What it is, in a sentence.
    #[must_use]
    pub fn description(self) -> &'static str {
        self.facts().description
    }

    /// The members that lead from the body to the value that identifies
    /// the code, for a catalog whose problem details carry it at `place`;
    /// a list on the way holds the error in its first element.
    ///
    /// ```
    /// use errcodes_runtime::ProblemCode;
    /// use errcodes_runtime::wire::Shape;
    ///
    /// assert_eq!(Shape::Pass.code_path(ProblemCode::Member), ["error", "code"]);
    /// assert_eq!(Shape::Edge.code_path(ProblemCode::Type), ["errors", "type"]);
    /// ```
    #[must_use]
    pub fn code_path(self, place: ProblemCode) -> &'static [&'static str] {
        (self.facts().code_path)(place)
    }

    /// The JSON Schema of bodies of this shape, for tools that describe a
    /// catalog's responses (`errcodes export`).
    #[must_use]
    pub fn schema(self, parts: &SchemaParts<'_>) -> Value {
        (self.facts().schema)(parts)
    }
}

impl<E: ErrorCode> Payload<E> {
    /// The body's code: the first error's, when it lists several; `None`
    /// when it names none.
    #[must_use]
    pub fn code(&self) -> Option<Code<E>> {
        self.answers().code()
    }

    /// What a client should do after a response with HTTP status `status`
    /// that carries this body: the code's action, the action the body
    /// names (Adobe Pass), or, without a known code, the one the status
    /// implies ([`Action::for_status`]).
    #[must_use]
    pub fn action_at(&self, status: u16) -> Action {
        self.answers().action_at(status)
    }

    /// The message for people the body carries: a problem's `detail` or
    /// else its `title`, or the format's `message`.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.answers().message()
    }

    /// A delay the body gives (ACP's `retry_after`), which wins over the
    /// `Retry-After` header.
    #[must_use]
    pub fn delay(&self) -> Option<Duration> {
        self.answers().delay()
    }
}
