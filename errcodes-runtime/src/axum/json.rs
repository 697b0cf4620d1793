//! [`Json`]: a JSON body, read so that a refused one says where it went
//! wrong in the caller's terms (a JSON pointer, a line and column, the
//! limit), which [`Boundary`](super::Boundary) sends as the answering
//! code's fields.

use std::error::Error as _;

use axum_core::RequestExt as _;
use axum_core::body::Body;
use axum_core::extract::{FromRequest, Request};
use axum_core::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, StatusCode, header};
use http_body_util::{BodyExt as _, LengthLimitError, Limited};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_path_to_error::{Path, Segment};

use crate::Condition;
use crate::boundary::Known;

/// A JSON body, taken or sent like axum's `Json`. What it refuses says,
/// beside axum's text, what [`Boundary`](super::Boundary) may send: the
/// JSON pointer of a member that does not fit, the line and column where
/// reading stopped, and the limit a body went over.
///
/// ```
/// use axum::Router;
/// use axum::routing::post;
/// use errcodes_runtime::axum::{Boundary, Json};
///
/// errcodes_runtime::errcodes!("../tests/fixtures/service.yaml");
///
/// // Any `T: DeserializeOwned`, usually a struct of the service's own.
/// type Tags = Vec<String>;
///
/// async fn create(Json(tags): Json<Tags>) -> String {
///     tags.join(", ")
/// }
///
/// let app: Router = Router::new()
///     .route("/items", post(create))
///     .layer(Boundary::<ServiceError>::new().body_limit(64 * 1024).layer());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Json<T>(pub T);

/// The limit [`Boundary::body_limit`](super::Boundary::body_limit) states,
/// carried to the extractor in the request.
#[derive(Clone, Copy, Debug)]
pub(crate) struct BodyLimit(pub(crate) usize);

/// What [`Json`] refused, carried to the boundary in the response.
#[derive(Clone, Debug)]
pub(crate) struct Refused {
    pub(crate) condition: Condition,
    pub(crate) known: Known,
}

/// Why [`Json`] refused a body. Its response, without a
/// [`Boundary`](super::Boundary) around the router, is the framework's
/// plain text, which names the server's own types; with one, the text goes
/// only to the log.
#[derive(Debug)]
pub struct JsonRejection {
    condition: Condition,
    known: Known,
    said: String,
}

impl JsonRejection {
    /// The condition the boundary answers.
    #[must_use]
    pub fn condition(&self) -> Condition {
        self.condition
    }

    fn new(condition: Condition, said: impl Into<String>) -> Self {
        JsonRejection {
            condition,
            known: Known::default(),
            said: said.into(),
        }
    }
}

impl IntoResponse for JsonRejection {
    fn into_response(self) -> Response {
        let status = match self.condition {
            Condition::UnfitBody => StatusCode::UNPROCESSABLE_ENTITY,
            Condition::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Condition::BodyTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            _ => StatusCode::BAD_REQUEST,
        };
        let mut response = (status, self.said).into_response();
        response.extensions_mut().insert(Refused {
            condition: self.condition,
            known: self.known,
        });
        response
    }
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Json<T> {
    type Rejection = JsonRejection;

    async fn from_request(request: Request, _state: &S) -> Result<Self, JsonRejection> {
        if !is_json(request.headers()) {
            return Err(JsonRejection::new(
                Condition::UnsupportedMediaType,
                "the body is not declared `application/json`",
            ));
        }
        let limit = request.extensions().get::<BodyLimit>().map(|limit| limit.0);
        let body = match limit {
            Some(limit) => Body::new(Limited::new(request.into_body(), limit)),
            None => request.into_limited_body(),
        };
        let bytes = match body.collect().await {
            Ok(collected) => collected.to_bytes(),
            Err(error) => {
                let over = over_limit(&error);
                return Err(if over {
                    JsonRejection {
                        known: Known {
                            limit: limit.and_then(|limit| u64::try_from(limit).ok()),
                            ..Known::default()
                        },
                        ..JsonRejection::new(Condition::BodyTooLarge, "the body is over the limit")
                    }
                } else {
                    JsonRejection::new(
                        Condition::MalformedBody,
                        format!(
                            "the body could not be read: {}",
                            error.source().unwrap_or(&error)
                        ),
                    )
                });
            }
        };
        read(&bytes).map(Json)
    }
}

/// Whether reading stopped at a length limit, whoever wrapped its error.
fn over_limit(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut error = Some(error);
    while let Some(cause) = error {
        if cause.is::<LengthLimitError>() {
            return true;
        }
        error = cause.source();
    }
    false
}

/// Reads a `T` from `bytes`: a body that is not JSON is malformed, one
/// that is JSON but not a `T` does not fit.
fn read<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, JsonRejection> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let refused = |condition, pointer, error: &serde_json::Error| JsonRejection {
        condition,
        known: Known {
            position: Some((error.line() as u64, error.column() as u64)),
            pointer,
            ..Known::default()
        },
        said: error.to_string(),
    };
    match serde_path_to_error::deserialize(&mut deserializer) {
        Ok(value) => match deserializer.end() {
            Ok(()) => Ok(value),
            Err(error) => Err(refused(Condition::MalformedBody, None, &error)),
        },
        Err(error) => {
            let pointer = pointer(error.path());
            let said = error.to_string();
            let error = error.into_inner();
            let rejection = if error.is_data() {
                refused(Condition::UnfitBody, Some(pointer), &error)
            } else {
                refused(Condition::MalformedBody, None, &error)
            };
            Err(JsonRejection { said, ..rejection })
        }
    }
}

/// `path` as a JSON pointer (RFC 6901); a segment the path does not know
/// ends it at the member that holds it.
fn pointer(path: &Path) -> String {
    let mut pointer = String::new();
    for segment in path {
        pointer.push('/');
        match segment {
            Segment::Seq { index } => pointer.push_str(&index.to_string()),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                for c in key.chars() {
                    match c {
                        '~' => pointer.push_str("~0"),
                        '/' => pointer.push_str("~1"),
                        c => pointer.push(c),
                    }
                }
            }
            Segment::Unknown => {
                pointer.pop();
                break;
            }
        }
    }
    pointer
}

/// Whether the request says its body is JSON: `application/json` or
/// `application/…+json`, with any parameters.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(content_type) = headers.get(header::CONTENT_TYPE) else {
        return false;
    };
    let Ok(content_type) = content_type.to_str() else {
        return false;
    };
    let essence = content_type.split(';').next().unwrap_or("").trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    kind.eq_ignore_ascii_case("application")
        && (subtype.eq_ignore_ascii_case("json")
            || subtype.len() > 5 && subtype[subtype.len() - 5..].eq_ignore_ascii_case("+json"))
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        match serde_json::to_vec(&self.0) {
            Ok(body) => (
                [(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                )],
                body,
            )
                .into_response(),
            Err(error) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("the response could not be written as JSON: {error}"),
            )
                .into_response(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn media_types() {
        let json = |value: &'static str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(value));
            is_json(&headers)
        };
        assert!(json("application/json"));
        assert!(json("Application/JSON; charset=utf-8"));
        assert!(json("application/problem+json"));
        assert!(!json("text/json"));
        assert!(!json("application/+json"));
        assert!(!json("application/jsonx"));
        assert!(!is_json(&HeaderMap::new()));
    }

    #[test]
    fn pointers_escape_and_stop_at_what_they_do_not_know() {
        // Items by name, each a map of lists of bytes.
        type Items = BTreeMap<String, BTreeMap<String, Vec<u8>>>;
        let refused = |body: &str| {
            let rejection = read::<Items>(body.as_bytes()).unwrap_err();
            (
                rejection.condition,
                rejection.known.pointer,
                rejection.known.position,
            )
        };
        assert_eq!(
            refused(r#"{"a/b~c": {"tags": [1, "x"]}}"#),
            (
                Condition::UnfitBody,
                Some("/a~1b~0c/tags/1".to_owned()),
                Some((1, 26))
            )
        );
        assert_eq!(
            refused(r#"{"a": 5}"#),
            (Condition::UnfitBody, Some("/a".to_owned()), Some((1, 7)))
        );
        assert_eq!(refused("[]").1, Some(String::new()));
        assert_eq!(
            refused(r#"{"a": "#),
            (Condition::MalformedBody, None, Some((1, 6)))
        );
        assert_eq!(refused("{} x").0, Condition::MalformedBody);
    }
}
