//! Reading JSON objects member by member without losing any: a member is
//! taken out only when it has the type the format gives it, and whatever is
//! left is kept and written back. This is how RFC 9457 asks clients to
//! treat members of the wrong type, applied to every format.

use serde_json::{Map, Value};

use super::{DecodeError, Limits};

/// Parses `body` as a JSON object, within `limits`.
pub(crate) fn object(body: &[u8], limits: Limits) -> Result<Map<String, Value>, DecodeError> {
    if body.len() > limits.max_bytes {
        return Err(DecodeError::too_large(body.len(), limits));
    }
    match serde_json::from_slice(body) {
        Ok(Value::Object(members)) => Ok(members),
        Ok(other) => Err(DecodeError::new(format!(
            "the body is {}, not an object",
            kind(&other)
        ))),
        Err(error) => Err(DecodeError::new(format!("the body is not JSON: {error}"))),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "JSON null",
        Value::Bool(_) => "a JSON boolean",
        Value::Number(_) => "a JSON number",
        Value::String(_) => "a JSON string",
        Value::Array(_) => "a JSON array",
        Value::Object(_) => "a JSON object",
    }
}

/// Takes `key` out of `members` when `accept` takes its value.
fn take_if<T>(
    members: &mut Map<String, Value>,
    key: &str,
    accept: impl FnOnce(&Value) -> Option<T>,
) -> Option<T> {
    let taken = accept(members.get(key)?)?;
    members.remove(key);
    Some(taken)
}

pub(crate) fn take_string(members: &mut Map<String, Value>, key: &str) -> Option<String> {
    take_if(members, key, |value| value.as_str().map(str::to_owned))
}

/// A whole number within `u16`: a status.
pub(crate) fn take_u16(members: &mut Map<String, Value>, key: &str) -> Option<u16> {
    take_if(members, key, |value| {
        value.as_u64().and_then(|n| u16::try_from(n).ok())
    })
}

pub(crate) fn take_u64(members: &mut Map<String, Value>, key: &str) -> Option<u64> {
    take_if(members, key, Value::as_u64)
}

pub(crate) fn take_bool(members: &mut Map<String, Value>, key: &str) -> Option<bool> {
    take_if(members, key, Value::as_bool)
}

/// Any value, as it is.
pub(crate) fn take(members: &mut Map<String, Value>, key: &str) -> Option<Value> {
    members.remove(key)
}

/// An object, when the value is one.
pub(crate) fn take_object(
    members: &mut Map<String, Value>,
    key: &str,
) -> Option<Map<String, Value>> {
    take_if(members, key, |value| value.as_object().cloned())
}

/// An array whose elements are all objects.
pub(crate) fn take_objects(
    members: &mut Map<String, Value>,
    key: &str,
) -> Option<Vec<Map<String, Value>>> {
    take_if(members, key, |value| {
        value
            .as_array()?
            .iter()
            .map(|item| item.as_object().cloned())
            .collect()
    })
}

/// Adds `key` when there is a value.
pub(crate) fn put(members: &mut Map<String, Value>, key: &str, value: Option<impl Into<Value>>) {
    if let Some(value) = value {
        members.insert(key.to_owned(), value.into());
    }
}
