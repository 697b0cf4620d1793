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

/// Takes `key` out of `members` when `accept` turns its value into a `T`;
/// a value it refuses goes back where it was. Values are moved, not copied.
fn take_if<T>(
    members: &mut Map<String, Value>,
    key: &str,
    accept: impl FnOnce(Value) -> Result<T, Value>,
) -> Option<T> {
    let (key, value) = members.remove_entry(key)?;
    match accept(value) {
        Ok(taken) => Some(taken),
        Err(value) => {
            members.insert(key, value);
            None
        }
    }
}

pub(crate) fn take_string(members: &mut Map<String, Value>, key: &str) -> Option<String> {
    take_if(members, key, |value| match value {
        Value::String(text) => Ok(text),
        other => Err(other),
    })
}

/// A whole number within `u16`: a status.
pub(crate) fn take_u16(members: &mut Map<String, Value>, key: &str) -> Option<u16> {
    take_if(members, key, |value| {
        value
            .as_u64()
            .and_then(|n| u16::try_from(n).ok())
            .ok_or(value)
    })
}

pub(crate) fn take_u64(members: &mut Map<String, Value>, key: &str) -> Option<u64> {
    take_if(members, key, |value| value.as_u64().ok_or(value))
}

pub(crate) fn take_bool(members: &mut Map<String, Value>, key: &str) -> Option<bool> {
    take_if(members, key, |value| value.as_bool().ok_or(value))
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
    take_if(members, key, |value| match value {
        Value::Object(object) => Ok(object),
        other => Err(other),
    })
}

/// An array whose elements are all objects.
pub(crate) fn take_objects(
    members: &mut Map<String, Value>,
    key: &str,
) -> Option<Vec<Map<String, Value>>> {
    take_if(members, key, |value| match value {
        Value::Array(items) if items.iter().all(Value::is_object) => Ok(items
            .into_iter()
            .filter_map(|item| match item {
                Value::Object(object) => Some(object),
                _ => None,
            })
            .collect()),
        other => Err(other),
    })
}

/// Adds `key` when there is a value.
pub(crate) fn put(members: &mut Map<String, Value>, key: &str, value: Option<impl Into<Value>>) {
    if let Some(value) = value {
        members.insert(key.to_owned(), value.into());
    }
}
