//! JSON values that keep their members in the order they came, for bodies
//! whose nested objects are written back as received (Google's error
//! details), where `serde_json`'s map would sort them.

use core::fmt;
use std::borrow::Cow;
use std::collections::HashSet;

use errcodes_core::render::google::{
    CODE, DESCRIPTION, DETAILS, DOMAIN, ERROR, LINKS, LOCALE, MESSAGE, METADATA, REASON,
    REQUEST_ID, RETRY_DELAY, STATUS, TYPE, URL, types,
};

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Number, Value};

use super::json::{duplicate, name_from};

/// A JSON value whose objects keep their members in order. Objects that
/// give a member name twice are refused, as everywhere in [`wire`](super).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Ordered {
    Null,
    Bool(bool),
    Number(Number),
    String(Text),
    Array(Vec<Ordered>),
    Object(Vec<(Text, Ordered)>),
}

/// A member name or a string: the model's own names and type URLs are
/// borrowed, so that reading a body allocates only for what it says.
pub(crate) type Text = Cow<'static, str>;

/// `text` as a [`Text`], borrowed when it is one of the model's own.
fn text(text: &str) -> Text {
    use types::{ERROR_INFO, HELP, LOCALIZED_MESSAGE, REQUEST_INFO, RETRY_INFO};
    Cow::Borrowed(match text {
        ERROR => ERROR,
        CODE => CODE,
        MESSAGE => MESSAGE,
        STATUS => STATUS,
        DETAILS => DETAILS,
        TYPE => TYPE,
        REASON => REASON,
        DOMAIN => DOMAIN,
        METADATA => METADATA,
        RETRY_DELAY => RETRY_DELAY,
        LINKS => LINKS,
        DESCRIPTION => DESCRIPTION,
        URL => URL,
        REQUEST_ID => REQUEST_ID,
        LOCALE => LOCALE,
        ERROR_INFO => ERROR_INFO,
        RETRY_INFO => RETRY_INFO,
        HELP => HELP,
        REQUEST_INFO => REQUEST_INFO,
        LOCALIZED_MESSAGE => LOCALIZED_MESSAGE,
        _ => return Cow::Owned(text.to_owned()),
    })
}

impl Ordered {
    /// The member `key` of an object.
    pub(crate) fn get(&self, key: &str) -> Option<&Ordered> {
        match self {
            Ordered::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Ordered::String(text) => Some(text),
            _ => None,
        }
    }

    /// The same value as `serde_json` holds it, members sorted.
    pub(crate) fn to_value(&self) -> Value {
        match self {
            Ordered::Null => Value::Null,
            Ordered::Bool(b) => Value::Bool(*b),
            Ordered::Number(n) => Value::Number(n.clone()),
            Ordered::String(s) => Value::String(s.to_string()),
            Ordered::Array(items) => Value::Array(items.iter().map(Ordered::to_value).collect()),
            Ordered::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_value()))
                    .collect::<Map<String, Value>>(),
            ),
        }
    }
}

impl From<Value> for Ordered {
    fn from(value: Value) -> Self {
        match value {
            Value::Null => Ordered::Null,
            Value::Bool(b) => Ordered::Bool(b),
            Value::Number(n) => Ordered::Number(n),
            Value::String(s) => Ordered::String(Cow::Owned(s)),
            Value::Array(items) => Ordered::Array(items.into_iter().map(Ordered::from).collect()),
            Value::Object(members) => Ordered::Object(
                members
                    .into_iter()
                    .map(|(k, v)| (Cow::Owned(k), v.into()))
                    .collect(),
            ),
        }
    }
}

impl Serialize for Ordered {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Ordered::Null => serializer.serialize_unit(),
            Ordered::Bool(b) => serializer.serialize_bool(*b),
            Ordered::Number(n) => n.serialize(serializer),
            Ordered::String(s) => serializer.serialize_str(s),
            Ordered::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Ordered::Object(members) => {
                // A name given twice (only a metadata key is let through)
                // is written once, with its first value, like every body.
                let mut map = serializer.serialize_map(None)?;
                let mut many: Option<HashSet<&str>> = None;
                for (at, (key, value)) in members.iter().enumerate() {
                    let written = match &mut many {
                        Some(names) => !names.insert(key),
                        None => members[..at].iter().any(|(name, _)| name == key),
                    };
                    if !written {
                        map.serialize_entry(key, value)?;
                    }
                    if many.is_none() && at == FEW {
                        many = Some(
                            members[..=at]
                                .iter()
                                .map(|(name, _)| name.as_ref())
                                .collect(),
                        );
                    }
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut found = Vec::new();
        let value = Seed(&mut found).deserialize(deserializer)?;
        match found.first() {
            Some(path) => Err(repeated(path)),
            None => Ok(value),
        }
    }
}

/// Reads a JSON value in order; of a member name given twice in an object,
/// keeps both and notes the name's path in `found`, from the name up.
pub(crate) struct Seed<'f>(pub(crate) &'f mut Vec<Vec<String>>);

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Ordered;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Ordered, D::Error> {
        deserializer.deserialize_any(OrderedVisitor(self.0))
    }
}

/// The error for a member given twice at `path`, as [`Seed`] notes it.
pub(crate) fn repeated<E: de::Error>(path: &[String]) -> E {
    let forward: Vec<&str> = path.iter().rev().map(String::as_str).collect();
    match forward.split_first() {
        Some((key, below)) => duplicate(key, below),
        None => duplicate("", &[]),
    }
}

struct OrderedVisitor<'f>(&'f mut Vec<Vec<String>>);

/// How many members an object may have before its names go in a set.
const FEW: usize = 32;

impl<'de> Visitor<'de> for OrderedVisitor<'_> {
    type Value = Ordered;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Ordered, E> {
        Ok(Ordered::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Ordered, E> {
        Ok(Ordered::Number(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Ordered, E> {
        Ok(Ordered::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Ordered, E> {
        Ok(Number::from_f64(v).map_or(Ordered::Null, Ordered::Number))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Ordered, E> {
        Ok(Ordered::String(text(v)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Ordered, E> {
        Ok(Ordered::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Ordered, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        loop {
            let before = self.0.len();
            let Some(item) = seq.next_element_seed(Seed(self.0))? else {
                break;
            };
            let at = items.len();
            name_from(self.0, before, || at.to_string());
            items.push(item);
        }
        Ok(Ordered::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
        let mut members: Vec<(Text, Ordered)> = Vec::new();
        // A detail has a handful of members, compared one by one; past a
        // few dozen, a set keeps a hostile body from costing their square.
        let mut many: Option<HashSet<Text>> = None;
        while let Some(Name(key)) = map.next_key_seed(Name(Cow::Borrowed("")))? {
            let repeated = match &mut many {
                Some(names) => !names.insert(key.clone()),
                None => members.iter().any(|(name, _)| *name == key),
            };
            if repeated {
                self.0.push(vec![key.to_string()]);
            }
            if many.is_none() && members.len() == FEW {
                let names = members.iter().map(|(name, _)| name.clone());
                many = Some(names.chain([key.clone()]).collect());
            }
            let before = self.0.len();
            let value = map.next_value_seed(Seed(self.0))?;
            name_from(self.0, before, || key.to_string());
            members.push((key, value));
        }
        Ok(Ordered::Object(members))
    }
}

/// A member name, read as a [`Text`].
struct Name(Text);

impl<'de> DeserializeSeed<'de> for Name {
    type Value = Name;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Name, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for Name {
    type Value = Name;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Name, E> {
        Ok(Name(text(v)))
    }
}
