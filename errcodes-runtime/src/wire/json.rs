//! Reading and writing JSON objects member by member without losing any.
//!
//! A format takes a member only when it has the type the format gives it;
//! whatever is left is kept and written back, which is how RFC 9457 asks
//! clients to treat members of the wrong type, applied to every format.
//!
//! A member name given twice in one object is refused
//! ([`DecodeErrorKind::DuplicateMember`]) wherever the format reads it: RFC
//! 8259 leaves such objects to each parser, and a proxy that reads the first
//! `code` while the client reads the last would see another error. Inside
//! an error's fields (a problem's extension members, ACP's `details`…) the
//! first value is kept and the field is told repeated, so that reading that
//! one field fails and the rest of the body still reads.
//!
//! A byte-order mark before the JSON is skipped, as RFC 8259 lets parsers
//! do. When writing, a kept member named like one of the format's own is
//! left out whenever the format writes that member itself: the format's own
//! value wins, so no name is ever written twice.

use core::fmt;
use core::marker::PhantomData;
use std::borrow::Cow;

use serde::de::{self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use super::kept::Kept;
use super::{DecodeError, DecodeErrorKind, EncodeError, Limits};

/// A JSON body of one of the formats: every body type decodes and encodes
/// the same way.
///
/// ```
/// use errcodes_runtime::wire::{Json, gateway::GatewayBody};
///
/// errcodes_runtime::errcodes!("../specs/platform.yaml");
///
/// let body = GatewayBody::<PlatformError>::decode(br#"{"error_code": "403010", "message": "Oauth token is missing."}"#).unwrap();
/// assert_eq!(body.encode().unwrap(), br#"{"error_code":"403010","message":"Oauth token is missing."}"#);
/// ```
pub trait Json: Serialize + DeserializeOwned {
    /// Decodes a body within the default [`Limits`].
    ///
    /// # Errors
    ///
    /// When the body is too large, is not JSON, or is not of the format's
    /// shape; [`DecodeError::kind`] says which.
    fn decode(body: &[u8]) -> Result<Self, DecodeError> {
        Self::decode_with(body, Limits::default())
    }

    /// Decodes a body within `limits`.
    ///
    /// # Errors
    ///
    /// As [`decode`](Self::decode).
    fn decode_with(body: &[u8], limits: Limits) -> Result<Self, DecodeError> {
        self::decode(body, limits)
    }

    /// The body as JSON bytes.
    ///
    /// # Errors
    ///
    /// When serialization fails, which bodies of this crate do not.
    fn encode(&self) -> Result<Vec<u8>, EncodeError> {
        self::encode(self)
    }
}

/// Implements `Deserialize` for body types that read as [`Object`]s.
macro_rules! deserialize_as_object {
    ($($body:ident),* $(,)?) => {$(
        impl<'de, E> ::serde::Deserialize<'de> for $body<E> {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::wire::json::deserialize(deserializer)
            }
        }
    )*};
}

pub(crate) use deserialize_as_object;

/// An object of one of the formats, as the decoder fills it.
pub(crate) trait Object: Sized {
    /// What the object is called in messages: "a problem detail".
    const WHAT: &'static str;

    /// The names of the members it models, at most 64.
    const NAMES: &'static [&'static str];

    /// An object with no member yet.
    fn empty() -> Self;

    /// Takes `value` as the member `key` when it is one of the object's
    /// members and has its type; otherwise gives the value back, to be kept.
    /// Each member's slot is cleared first, so the last of a repeated member
    /// wins.
    fn take(&mut self, key: &str, value: Value) -> Option<Value>;

    /// The members kept as they came.
    fn members(&self) -> &Map<String, Value>;

    /// The members kept as they came, to change.
    fn kept(&mut self) -> &mut Map<String, Value>;

    /// Keeps `value` as the member `key`.
    fn keep(&mut self, key: String, value: Value) {
        self.kept().insert(key, value);
    }

    /// Where the members the object does not model go as text, to be read
    /// when asked for; `None` for an object that reads them at once (one
    /// that refuses a member given twice inside them must).
    fn unread(&mut self) -> Option<&mut Kept> {
        None
    }

    /// Takes note that the member `key` was given twice (`path` empty) or
    /// holds, at `path` below it, a member given twice; `false` refuses the
    /// body. Only the objects that hold an error's fields accept.
    fn repeated(&mut self, key: &str, path: &[&str]) -> bool {
        let _ = (key, path);
        false
    }
}

/// Notes the field `name` as repeated in `names`, once.
pub(crate) fn note_repeated(names: &mut Vec<Box<str>>, name: &str) -> bool {
    if !names.iter().any(|known| &**known == name) {
        names.push(name.into());
    }
    true
}

/// [`Object::repeated`] of an object whose kept members are its error's
/// fields: a field, or a member inside one, given twice is noted.
pub(crate) fn repeated_in_kept<T: Object>(names: &mut Vec<Box<str>>, key: &str) -> bool {
    !T::NAMES.contains(&key) && note_repeated(names, key)
}

/// [`Object::repeated`] through the object held in `slot`.
pub(crate) fn repeated_in<T: Object>(slot: Option<&mut T>, path: &[&str]) -> bool {
    match (slot, path) {
        (Some(object), [key, rest @ ..]) => object.repeated(key, rest),
        _ => false,
    }
}

/// [`Object::repeated`] through the list of objects held in `slot`.
pub(crate) fn repeated_in_items<T: Object>(slot: Option<&mut Vec<Item<T>>>, path: &[&str]) -> bool {
    let [index, key, rest @ ..] = path else {
        return false;
    };
    let item = slot.and_then(|items| items.get_mut(index.parse::<usize>().ok()?));
    match item {
        Some(Item::Read(object)) => object.repeated(key, rest),
        _ => false,
    }
}

/// Reads an object from the members of a JSON object.
pub(crate) fn from_map<T: Object>(members: Map<String, Value>) -> T {
    let mut object = T::empty();
    for (key, value) in members {
        object.kept().remove(&key);
        if let Some(value) = object.take(&key, value) {
            object.kept().insert(key, value);
        }
    }
    object
}

/// The object that a renderer wrote: how the typed constructors are built
/// from what rendering writes, so that the two always agree.
pub(crate) fn from_rendered<T: Object>(body: &[u8]) -> T {
    match serde_json::from_slice(body) {
        Ok(Value::Object(members)) => from_map(members),
        // The renderers write objects.
        _ => T::empty(),
    }
}

/// Declares how a body's members are read and written back, each member
/// once: the field that holds it, its name (one of the constants of the
/// format's module in `errcodes_core::render`), and how it is read. The
/// members an object does not model are kept in `kept` and written after.
macro_rules! members {
    (@kept $kept:ident) => {
        fn members(&self) -> &::serde_json::Map<String, ::serde_json::Value> {
            &self.$kept
        }

        fn kept(&mut self) -> &mut ::serde_json::Map<String, ::serde_json::Value> {
            &mut self.$kept
        }
    };
    (@kept lazy $kept:ident) => {
        fn members(&self) -> &::serde_json::Map<String, ::serde_json::Value> {
            self.$kept.members()
        }

        fn kept(&mut self) -> &mut ::serde_json::Map<String, ::serde_json::Value> {
            self.$kept.members_mut()
        }

        fn keep(&mut self, key: String, value: ::serde_json::Value) {
            self.$kept.insert(key, value);
        }

        fn unread(&mut self) -> Option<&mut $crate::wire::kept::Kept> {
            Some(&mut self.$kept)
        }
    };
    (
        $body:ident as $what:literal {
            $($field:ident: $name:expr => $read:path,)*
        }
        kept $kept:ident $([$lazy:ident])? $(, also { $($other:ident: $value:expr),* })?
        $(, repeated($this:ident, $key:ident, $path:ident) $repeated:block)?
    ) => {
        impl<E> $crate::wire::json::Object for $body<E> {
            const WHAT: &'static str = $what;
            const NAMES: &'static [&'static str] = &[$($name),*];

            fn empty() -> Self {
                $body {
                    $($field: None,)*
                    $kept: ::core::default::Default::default(),
                    $($($other: $value,)*)?
                }
            }

            fn take(&mut self, key: &str, value: ::serde_json::Value) -> Option<::serde_json::Value> {
                $(if key == $name {
                    return $read(&mut self.$field, value);
                })*
                Some(value)
            }

            $crate::wire::json::members!(@kept $($lazy)? $kept);

            $(
                fn repeated(&mut self, $key: &str, $path: &[&str]) -> bool {
                    let $this = self;
                    $repeated
                }
            )?
        }

        impl<E> ::serde::Serialize for $body<E> {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut writer = $crate::wire::json::Writer::new(serializer)?;
                $(writer.own($name, self.$field.as_ref())?;)*
                writer.end($crate::wire::json::Object::members(self))
            }
        }
    };
}

pub(crate) use members;

/// Deserializes an object, reading members as they come, without building
/// a map of them first.
pub(crate) fn deserialize<'de, T: Object, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_map(Members(PhantomData))
}

/// Reads an object's members.
struct Members<T>(PhantomData<T>);

impl<'de, T: Object> Visitor<'de> for Members<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, as a JSON object", T::WHAT)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        const { assert!(T::NAMES.len() <= 64) };
        let mut object = T::empty();
        // A modelled member is told seen by its bit, whatever its
        // value; any other is kept, and found there when it comes back.
        let mut seen = 0_u64;
        // Members given twice below this object, each as its path from
        // the deepest name up.
        let mut found = Vec::new();
        while let Some(Key(key)) = map.next_key_seed(KeySeed)? {
            let repeated = match T::NAMES.iter().position(|name| *name == key) {
                Some(at) => {
                    let before = seen;
                    seen |= 1 << at;
                    before == seen
                }
                None => match object.unread() {
                    Some(kept) => {
                        kept.copy(&key, &mut map)?;
                        continue;
                    }
                    None => object.kept().contains_key(key.as_ref()),
                },
            };
            if repeated {
                if !object.repeated(&key, &[]) {
                    return Err(duplicate(&key, &[]));
                }
                map.next_value::<de::IgnoredAny>()?;
                continue;
            }
            let value = map.next_value_seed(Strict(&mut found))?;
            let kept = object.take(&key, value);
            if !found.is_empty() {
                for path in found.drain(..) {
                    let path: Vec<&str> = path.iter().rev().map(String::as_str).collect();
                    if !object.repeated(&key, &path) {
                        return Err(duplicate(&key, &path));
                    }
                }
            }
            if let Some(value) = kept {
                object.keep(key.into_owned(), value);
            }
        }
        Ok(object)
    }
}

/// How a duplicate member name is told from other data errors.
const DUPLICATE: &str = "duplicate member name ";

/// The member `key`, or the one at `path` below it, given twice: the
/// name, or a JSON pointer to a deeper one.
pub(crate) fn duplicate<E: de::Error>(key: &str, path: &[&str]) -> E {
    if path.is_empty() {
        E::custom(format_args!("{DUPLICATE}`{key}`"))
    } else {
        E::custom(format_args!("{DUPLICATE}`/{key}/{}`", path.join("/")))
    }
}

/// Reads any JSON value; of a member name given twice in an object, keeps
/// the first value and notes the name's path in `found`, from the name up.
pub(crate) struct Strict<'f>(pub(crate) &'f mut Vec<Vec<String>>);

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        loop {
            let before = self.0.len();
            let Some(item) = seq.next_element_seed(Strict(self.0))? else {
                break;
            };
            let at = items.len();
            name_from(self.0, before, || at.to_string());
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(Key(key)) = map.next_key_seed(KeySeed)? {
            if members.contains_key(key.as_ref()) {
                self.0.push(vec![key.into_owned()]);
                map.next_value::<de::IgnoredAny>()?;
                continue;
            }
            let before = self.0.len();
            let value = map.next_value_seed(Strict(self.0))?;
            name_from(self.0, before, || key.to_string());
            members.insert(key.into_owned(), value);
        }
        Ok(Value::Object(members))
    }
}

/// Adds the name of the member or item just read to the paths found inside
/// it, those from `before` on.
#[inline]
pub(crate) fn name_from(found: &mut [Vec<String>], before: usize, name: impl Fn() -> String) {
    if let Some(paths) = found.get_mut(before..) {
        for path in paths {
            path.push(name());
        }
    }
}

/// A member name, borrowed from the input when it has no escapes.
pub(crate) struct Key<'de>(pub(crate) Cow<'de, str>);

pub(crate) struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key<'de>, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(v)))
    }
}

/// Decodes a JSON body within `limits`.
pub(crate) fn decode<T: DeserializeOwned>(body: &[u8], limits: Limits) -> Result<T, DecodeError> {
    if body.len() > limits.max_bytes {
        return Err(DecodeError::too_large(body.len(), limits));
    }
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let parsed = match core::str::from_utf8(body) {
        // Checked once as a whole, the text is not checked string by string.
        Ok(text) => serde_json::from_str(text),
        // Not JSON either way: serde_json says where.
        Err(_) => serde_json::from_slice(body),
    };
    parsed.map_err(|error| {
        let (kind, reason) = match error.classify() {
            serde_json::error::Category::Data if error.to_string().starts_with(DUPLICATE) => (
                DecodeErrorKind::DuplicateMember,
                format!("the body gives a member twice: {error}"),
            ),
            serde_json::error::Category::Data => (
                DecodeErrorKind::WrongShape,
                format!("the body is not of the expected shape: {error}"),
            ),
            _ => (
                DecodeErrorKind::NotJson,
                format!("the body is not JSON: {error}"),
            ),
        };
        DecodeError::new(kind, reason)
    })
}

/// Encodes a value as JSON bytes.
pub(crate) fn encode<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, EncodeError> {
    let mut out = Vec::with_capacity(256);
    serde_json::to_writer(&mut out, value).map_err(EncodeError::new)?;
    Ok(out)
}

/// Stores `value` in `slot` when it is a string; gives it back otherwise.
pub(crate) fn string(slot: &mut Option<String>, value: Value) -> Option<Value> {
    *slot = None;
    match value {
        Value::String(text) => {
            *slot = Some(text);
            None
        }
        other => Some(other),
    }
}

/// Stores `value` in `slot` when it is a whole number within `u16`: a status.
pub(crate) fn u16(slot: &mut Option<u16>, value: Value) -> Option<Value> {
    *slot = value.as_u64().and_then(|n| u16::try_from(n).ok());
    slot.is_none().then_some(value)
}

/// Stores `value` in `slot` when it is a whole number within `u64`.
pub(crate) fn u64(slot: &mut Option<u64>, value: Value) -> Option<Value> {
    *slot = value.as_u64();
    slot.is_none().then_some(value)
}

/// Stores `value` in `slot` when it is a boolean.
pub(crate) fn bool(slot: &mut Option<bool>, value: Value) -> Option<Value> {
    *slot = value.as_bool();
    slot.is_none().then_some(value)
}

/// Stores `value`, whatever it is.
pub(crate) fn any(slot: &mut Option<Value>, value: Value) -> Option<Value> {
    *slot = Some(value);
    None
}

/// Reads `value` as an object of type `T` when it is a JSON object.
pub(crate) fn object<T: Object>(slot: &mut Option<T>, value: Value) -> Option<Value> {
    *slot = None;
    match value {
        Value::Object(members) => {
            *slot = Some(from_map(members));
            None
        }
        other => Some(other),
    }
}

/// One element of a list that a format fills with objects: read, or kept as
/// it came when it is not an object.
#[derive(Clone, Debug, PartialEq)]
pub enum Item<T> {
    /// An object, read.
    Read(T),
    /// Anything else, kept to be written back.
    Kept(Value),
}

impl<T> Item<T> {
    /// The object, when it was one.
    #[must_use]
    pub fn read(&self) -> Option<&T> {
        match self {
            Item::Read(object) => Some(object),
            Item::Kept(_) => None,
        }
    }
}

impl<T: Serialize> Serialize for Item<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Item::Read(object) => object.serialize(serializer),
            Item::Kept(value) => value.serialize(serializer),
        }
    }
}

/// Reads `value` as a list of objects of type `T` when it is an array; an
/// element that is not an object is kept in its place.
pub(crate) fn items<T: Object>(slot: &mut Option<Vec<Item<T>>>, value: Value) -> Option<Value> {
    *slot = None;
    match value {
        Value::Array(elements) => {
            let items = elements.into_iter().map(|element| match element {
                Value::Object(members) => Item::Read(from_map(members)),
                other => Item::Kept(other),
            });
            *slot = Some(items.collect());
            None
        }
        other => Some(other),
    }
}

/// Writes an object's own members, then the kept ones whose names it did
/// not write.
pub(crate) struct Writer<M: SerializeMap> {
    map: M,
    written: Vec<&'static str>,
}

impl<M: SerializeMap> Writer<M> {
    pub(crate) fn new<S>(serializer: S) -> Result<Self, M::Error>
    where
        S: Serializer<SerializeMap = M, Error = M::Error>,
    {
        Ok(Writer {
            map: serializer.serialize_map(None)?,
            written: Vec::with_capacity(8),
        })
    }

    /// Writes a member of the format's own, when it has a value.
    pub(crate) fn own<V: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: Option<&V>,
    ) -> Result<(), M::Error> {
        if let Some(value) = value {
            self.map.serialize_entry(key, value)?;
            self.written.push(key);
        }
        Ok(())
    }

    /// Writes the kept members and ends the object.
    pub(crate) fn end(mut self, kept: &Map<String, Value>) -> Result<M::Ok, M::Error> {
        for (key, value) in kept {
            if !self.written.contains(&key.as_str()) {
                self.map.serialize_entry(key, value)?;
            }
        }
        self.map.end()
    }
}
