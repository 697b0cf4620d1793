//! The list of wire formats: the one place that names them all, each with
//! its body type, its decoder, the schema of its body, and its description.
//! How each renders is `errcodes_core::render`'s; what each body answers is
//! its own module's. A new format is a word in `errcodes_core::WireFormat`
//! and `Shape`, a renderer in `errcodes_core::render`, a module here, and
//! one entry in this list.

use std::time::Duration;

use serde_json::Value;

use super::contract::{Answers, SchemaParts};
use super::{DecodeError, Json, Limits};
use super::{acp, edge, gateway, google, pass, problem};
use crate::fields::Untyped;
use crate::{Action, Code, ErrorCode, Shape, WireFormat};

/// The list. Each entry names the wire format and its body's shape (the
/// same word in `WireFormat` and `Shape`), its body type, its decoder and
/// its schema.
macro_rules! formats {
    ($(
        $(#[$doc:meta])*
        $format:ident($body:ty), decode $decode:expr, schema $schema:path, says $says:literal;
    )*) => {
        /// An error body, in the shape it came in.
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub enum Payload<E> {
            $($(#[$doc])* $format($body),)*
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
                    // `Shape` may grow; every shape of this release is listed.
                    _ => Err(DecodeError::new(
                        super::DecodeErrorKind::WrongShape,
                        "no decoder reads this shape",
                    )),
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

        /// The JSON Schema of bodies of `shape`, for tools that describe a
        /// catalog's responses (`errcodes export`).
        ///
        /// ```
        /// use errcodes_runtime::ProblemCode;
        /// use errcodes_runtime::wire::{SchemaParts, Shape, schema};
        ///
        /// let code = serde_json::json!({"type": "string"});
        /// let parts = SchemaParts { code: &code, place: ProblemCode::Member, values: &[] };
        /// assert_eq!(schema(Shape::Gateway, &parts)["required"][0], "error_code");
        /// ```
        #[must_use]
        pub fn schema(shape: Shape, parts: &SchemaParts<'_>) -> Value {
            match shape {
                $(Shape::$format => $schema(parts),)*
                // `Shape` may grow; every shape of this release is listed.
                _ => Value::Null,
            }
        }
    };
}

formats! {
    /// A problem detail, RFC 9457: `application/problem+json`.
    Problem(problem::Problem<E>), decode Json::decode_with, schema problem::schema,
        says "problem details (RFC 9457, `application/problem+json`)";
    /// An Edge Network body of a request that was processed: 207 with
    /// non-fatal errors, or 200.
    Edge(edge::EdgeBody<E>), decode Json::decode_with, schema edge::schema,
        says "problem details for fatal errors, and Edge Network response bodies that list non-fatal errors (207) and warnings (200)";
    /// An ACP envelope.
    Acp(acp::Envelope<E>), decode Json::decode_with, schema acp::schema,
        says "Ad Context Protocol envelopes, `{\"success\": false, \"error\": {…}}`";
    /// An Adobe Pass body in JSON.
    Pass(pass::PassBody<E>), decode Json::decode_with, schema pass::schema,
        says "Adobe Pass error objects in JSON, `{\"error\": {…}}`";
    /// An Adobe Pass error in XML.
    PassXml(pass::ErrorObject<E>), decode pass::decode_xml, schema pass::xml_schema,
        says "Adobe Pass error objects in XML (`application/xml`)";
    /// An Experience Platform gateway body.
    Gateway(gateway::GatewayBody<E>), decode Json::decode_with, schema gateway::schema,
        says "Experience Platform gateway errors, `{\"error_code\": …, \"message\": …}`";
    /// A Google API error (AIP-193).
    Google(google::GoogleBody<E>), decode Json::decode_with, schema google::schema,
        says "Google API errors (AIP-193), `{\"error\": {\"code\": …, \"status\": …, \"details\": […]}}`, the code in `ErrorInfo`";
}

impl<E: ErrorCode> Payload<E> {
    /// The body's code: the first error's, when it lists several; `None`
    /// when it names none.
    #[must_use]
    pub fn code(&self) -> Option<Code<E>> {
        self.answers().code()
    }

    /// The fields of the error that answers, as received.
    #[must_use]
    pub fn untyped_fields(&self) -> Untyped<'_> {
        self.answers().untyped_fields().settled()
    }

    /// What a typed reader reads: see [`Answers::field_source`].
    pub(crate) fn field_source(&self) -> (Untyped<'_>, &[Box<str>]) {
        self.answers().field_source()
    }

    /// The fields of the error that answers that it gives more than once:
    /// reading them fails, with [`Problem::Repeated`](crate::fields::Problem::Repeated).
    #[must_use]
    pub fn repeated_fields(&self) -> &[Box<str>] {
        self.answers().repeated_fields()
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

    /// The trace id the body carries, to quote to support: a problem's or
    /// a Pass error's `trace`, Edge's `requestId`, a Google error's
    /// `RequestInfo` request id; `None` in formats that carry none (ACP,
    /// the gateway's).
    #[must_use]
    pub fn trace_id(&self) -> Option<&str> {
        match self {
            Payload::Problem(problem) => problem.trace(),
            Payload::Edge(body) => body.request_id(),
            Payload::Pass(body) => body.error()?.trace(),
            Payload::PassXml(error) => error.trace(),
            Payload::Google(body) => body.error()?.request_id(),
            Payload::Acp(_) | Payload::Gateway(_) => None,
        }
    }
}
