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

    /// The members given more than once, to note one more.
    pub(crate) fn repeated_mut(&mut self) -> &mut Vec<Box<str>> {
        &mut self.read_mut().repeated
    }

    /// Keeps `value` as the member `name`: as text while nothing is read.
    pub(crate) fn insert(&mut self, name: String, value: Value) {
        if let Some(read) = self.read.get_mut() {
            read.members.insert(name, value);
        } else {
            self.start(&name);
            // Writing a `Value` into a `Vec` does not fail.
            let _ = serde_json::to_writer(&mut self.text, &value);
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
            // Read already: the member joins the others as reading them
            // would have taken it.
            read.take(name, map)?;
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

impl Read {
    /// Takes the value that `map` gives next as the member `name`: the
    /// first value of a name given twice is kept and the name noted, and
    /// so is a name whose value holds a member given twice.
    fn take<'de, A: MapAccess<'de>>(&mut self, name: &str, map: &mut A) -> Result<(), A::Error> {
        if self.members.contains_key(name) {
            note_repeated(&mut self.repeated, name);
            map.next_value::<IgnoredAny>()?;
            return Ok(());
        }
        let mut found = Vec::new();
        let value = map.next_value_seed(Strict(&mut found))?;
        if !found.is_empty() {
            note_repeated(&mut self.repeated, name);
        }
        self.members.insert(name.to_owned(), value);
        Ok(())
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
        while let Some(Key(name)) = map.next_key_seed(KeySeed)? {
            self.0.take(&name, &mut map)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Copies every member of the object `body` into `kept`.
    fn copy_all(kept: &mut Kept, body: &str) {
        struct All<'k>(&'k mut Kept);
        impl<'de> Visitor<'de> for All<'_> {
            type Value = ();
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
                while let Some(Key(name)) = map.next_key_seed(KeySeed)? {
                    self.0.copy(&name, &mut map)?;
                }
                Ok(())
            }
        }
        let mut deserializer = serde_json::Deserializer::from_str(body);
        deserializer.deserialize_map(All(kept)).unwrap();
    }

    #[test]
    fn members_copied_before_and_after_reading_read_alike() {
        let body = r#"{"a": [1], "n": [{"b": 2, "b": 3}], "c": "é\n", "a": 4, "d": {}}"#;
        let mut unread = Kept::default();
        copy_all(&mut unread, body);
        let mut read = Kept::default();
        assert!(read.members().is_empty());
        copy_all(&mut read, body);
        assert_eq!(unread, read);
        assert_eq!(read.repeated(), ["n".into(), "a".into()]);
        assert_eq!(read.members()["a"], serde_json::json!([1]));
        assert_eq!(read.members()["n"], serde_json::json!([{"b": 2}]));
        assert_eq!(read.members()["c"], "é\n");
    }
}
