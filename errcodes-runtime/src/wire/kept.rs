//! The members of a body that its format does not model, read when first
//! asked for.
//!
//! Decoding a body from text copies each such member's JSON text, as it
//! came, into one buffer instead of building its value: a client that
//! reads only the code, the status and the message never pays for the
//! extension members' maps and strings. The first call to
//! [`Kept::members`] reads them, and finds any member given twice, as
//! decoding would have.

use core::fmt;
use std::sync::OnceLock;

use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::{Map, Value};

use super::json::{Key, KeySeed, Strict, note_repeated};

/// Members kept as received: text not read yet, or read.
#[derive(Clone, Default)]
pub(crate) struct Kept {
    /// The members not read yet, as a JSON object; empty when there are
    /// none.
    text: String,
    read: OnceLock<Read>,
}

/// Kept members once read.
#[derive(Clone, Debug, Default, PartialEq)]
struct Read {
    members: Map<String, Value>,
    /// Members given more than once, or holding a member given more than
    /// once, in the order they came.
    repeated: Vec<Box<str>>,
}

impl Kept {
    /// The members, read now if they were not yet.
    pub(crate) fn members(&self) -> &Map<String, Value> {
        &self.read().members
    }

    /// The members given more than once, or holding a member given more
    /// than once.
    pub(crate) fn repeated(&self) -> &[Box<str>] {
        &self.read().repeated
    }

    /// The members to change, read now if they were not yet.
    pub(crate) fn members_mut(&mut self) -> &mut Map<String, Value> {
        &mut self.read_mut().members
    }

    /// Notes `name` as given more than once.
    pub(crate) fn note_repeated(&mut self, name: &str) -> bool {
        note_repeated(&mut self.read_mut().repeated, name)
    }

    /// Keeps `value` as the member `name`: as text while nothing is read.
    pub(crate) fn insert(&mut self, name: String, value: &Value) {
        if let Some(read) = self.read.get_mut() {
            read.members.insert(name, value.clone());
        } else {
            self.start(&name);
            self.text.push_str(&value.to_string());
            self.text.push('}');
        }
    }

    /// Keeps `raw`, the JSON text of a value that parsed, as the member
    /// `name`, to be read when asked for.
    pub(crate) fn insert_text(&mut self, name: &str, raw: &str) {
        if let Some(read) = self.read.get_mut() {
            let value = serde_json::from_str(raw).unwrap_or(Value::Null);
            read.members.insert(name.to_owned(), value);
        } else {
            self.start(name);
            self.text.push_str(raw);
            self.text.push('}');
        }
    }

    /// Opens the text for one more member, `name`; its value and the
    /// closing brace are to follow.
    fn start(&mut self, name: &str) {
        if self.text.pop().is_some() {
            self.text.push(',');
        } else {
            // Most bodies' extension members fit: the text grows once at most.
            self.text.reserve(256);
            self.text.push('{');
        }
        if name
            .bytes()
            .any(|byte| byte < 0x20 || byte == b'"' || byte == b'\\')
        {
            self.text.push_str(&Value::from(name).to_string());
        } else {
            self.text.push('"');
            self.text.push_str(name);
            self.text.push('"');
        }
        self.text.push(':');
    }

    fn read(&self) -> &Read {
        self.read.get_or_init(|| read(&self.text))
    }

    fn read_mut(&mut self) -> &mut Read {
        if self.read.get().is_none() {
            self.read = OnceLock::from(read(&self.text));
            self.text = String::new();
        }
        self.read.get_mut().expect("read just above")
    }
}

impl fmt::Debug for Kept {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.members().fmt(f)
    }
}

impl PartialEq for Kept {
    fn eq(&self, other: &Self) -> bool {
        self.read() == other.read()
    }
}

/// Reads the text of kept members: the first value of a name given twice
/// is kept and the name noted, as [`Object::repeated`](super::json::Object)
/// does for an error's fields.
fn read(text: &str) -> Read {
    let mut read = Read::default();
    if !text.is_empty() {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        // The text is made of values that parsed, nested no deeper than
        // they may be: it reads back.
        let _ = deserializer.deserialize_map(Reader(&mut read));
    }
    read
}

struct Reader<'r>(&'r mut Read);

impl<'de> Visitor<'de> for Reader<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("kept members")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Read { members, repeated } = self.0;
        let mut found = Vec::new();
        while let Some(Key(name)) = map.next_key_seed(KeySeed)? {
            if members.contains_key(name.as_ref()) {
                note_repeated(repeated, &name);
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let value = map.next_value_seed(Strict(&mut found))?;
            if !found.is_empty() {
                found.clear();
                note_repeated(repeated, &name);
            }
            members.insert(name.into_owned(), value);
        }
        Ok(())
    }
}
