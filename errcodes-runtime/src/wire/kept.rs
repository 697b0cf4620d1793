//! The members of a body that its format does not model, read when first
//! asked for.
//!
//! Decoding copies each such member's JSON text, compact, into one buffer
//! instead of building its value: a client that reads only the code, the
//! status and the message never pays for the extension members' maps and
//! strings. The copy is made as the parser reads the value, so a value the
//! parser refuses (nested too deeply, a number out of range) fails the
//! body as building it would. The first call to [`Kept::members`] reads
//! the text, and finds any member given twice, as decoding would have.

use core::fmt;
use std::sync::OnceLock;

use errcodes_core::render::escape;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::json::{Key, KeySeed, Strict, note_repeated};

/// Members kept as received: text not read yet, or read.
#[derive(Clone, Default)]
pub(crate) struct Kept {
    /// The members not read yet, as a compact JSON object; empty when there
    /// are none.
    text: Vec<u8>,
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
            // Writing a `Value` into a `Vec` does not fail.
            let _ = serde_json::to_writer(&mut self.text, value);
            self.text.push(b'}');
        }
    }

    /// Keeps the value that `map` gives next as the member `name`: copied
    /// as text while nothing is read.
    pub(crate) fn copy<'de, A: MapAccess<'de>>(
        &mut self,
        name: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        if let Some(read) = self.read.get_mut() {
            let value = map.next_value::<Value>()?;
            read.members.insert(name.to_owned(), value);
        } else {
            self.start(name);
            map.next_value_seed(Copy(&mut self.text))?;
            self.text.push(b'}');
        }
        Ok(())
    }

    /// Opens the text for one more member, `name`; its value and the
    /// closing brace are to follow.
    fn start(&mut self, name: &str) {
        if self.text.pop().is_some() {
            self.text.push(b',');
        } else {
            // Most bodies' extension members fit: the text grows once at most.
            self.text.reserve(256);
            self.text.push(b'{');
        }
        escape(name, &mut self.text);
        self.text.push(b':');
    }

    fn read(&self) -> &Read {
        self.read.get_or_init(|| read(&self.text))
    }

    fn read_mut(&mut self) -> &mut Read {
        if self.read.get().is_none() {
            self.read = OnceLock::from(read(&self.text));
            self.text = Vec::new();
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
fn read(text: &[u8]) -> Read {
    let mut read = Read::default();
    if !text.is_empty() {
        let mut deserializer = serde_json::Deserializer::from_slice(text);
        // The text was written from values that parsed: it reads back.
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

/// Copies a JSON value as compact text while the parser reads it, so that
/// it refuses what it would refuse when building the value.
struct Copy<'o>(&'o mut Vec<u8>);

impl<'de> DeserializeSeed<'de> for Copy<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Copy<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.0.extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.number(&v)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.number(&v)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        // As a built value writes it: `null` for what JSON cannot hold.
        self.number(&Value::from(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        escape(v, self.0);
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.0.extend_from_slice(b"null");
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.0.push(b'[');
        loop {
            if seq.next_element_seed(Copy(self.0))?.is_none() {
                break;
            }
            self.0.push(b',');
        }
        close(self.0, b']');
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.0.push(b'{');
        while let Some(Key(name)) = map.next_key_seed(KeySeed)? {
            escape(&name, self.0);
            self.0.push(b':');
            map.next_value_seed(Copy(self.0))?;
            self.0.push(b',');
        }
        close(self.0, b'}');
        Ok(())
    }
}

impl Copy<'_> {
    fn number<E: de::Error, N: serde::Serialize>(self, number: &N) -> Result<(), E> {
        serde_json::to_writer(&mut *self.0, number).map_err(E::custom)
    }
}

/// Ends an array or object whose every item was followed by a comma.
fn close(out: &mut Vec<u8>, bracket: u8) {
    if out.last() == Some(&b',') {
        out.pop();
    }
    out.push(bracket);
}
