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
//! Until then, a typed reader finds its fields in the text in one pass
//! ([`Kept::pick`]), and the code is found without building anything
//! ([`Kept::first_text`]): neither reads the other members.

use core::fmt;
use std::borrow::Cow;
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
    /// The first [`first_text`](Self::first_text) looked up in the text:
    /// the name and where its value is, kept for a problem's code, which a
    /// client asks for again and again.
    first: OnceLock<(&'static str, Option<Spot>)>,
}

/// Where a string value is: in the text, or, when it has escapes, read.
#[derive(Clone, Debug)]
enum Spot {
    In(core::ops::Range<usize>),
    Escaped(Box<str>),
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

    /// Whether the members were read.
    pub(crate) fn is_read(&self) -> bool {
        self.read.get().is_some()
    }

    /// The first value of the member `name` when it is a string, found in
    /// the text without reading the others: borrowed when it has no
    /// escapes.
    pub(crate) fn first_text(&self, name: &'static str) -> Option<Cow<'_, str>> {
        if let Some(read) = self.read.get() {
            return read.members.get(name)?.as_str().map(Cow::Borrowed);
        }
        let (named, spot) = self.first.get_or_init(|| (name, self.find_text(name)));
        if *named != name {
            return walk(&self.text, FirstText(name)).flatten();
        }
        match spot.as_ref()? {
            Spot::In(range) => core::str::from_utf8(self.text.get(range.clone())?)
                .ok()
                .map(Cow::Borrowed),
            Spot::Escaped(text) => Some(Cow::Borrowed(text)),
        }
    }

    /// Where the first value of the member `name` is, when it is a string.
    fn find_text(&self, name: &str) -> Option<Spot> {
        Some(match walk(&self.text, FirstText(name)).flatten()? {
            Cow::Borrowed(text) => {
                let start = text
                    .as_ptr()
                    .addr()
                    .checked_sub(self.text.as_ptr().addr())?;
                Spot::In(start..start + text.len())
            }
            Cow::Owned(text) => Spot::Escaped(text.into_boxed_str()),
        })
    }

    /// The `count` members that `position` gives a place to, found in the
    /// text in one pass without reading the others: for each, its first
    /// value and whether it is given more than once or holds a member given
    /// more than once, as [`repeated`](Self::repeated) would say.
    pub(crate) fn pick(
        &self,
        count: usize,
        position: &dyn Fn(&str) -> Option<usize>,
    ) -> Vec<Found> {
        if let Some(read) = self.read.get() {
            let mut found = vec![Found::default(); count];
            for (name, value) in &read.members {
                if let Some(slot) = position(name).and_then(|at| found.get_mut(at)) {
                    slot.value = Some(value.clone());
                }
            }
            for name in &read.repeated {
                if let Some(slot) = position(name).and_then(|at| found.get_mut(at)) {
                    slot.repeated = true;
                }
            }
            return found;
        }
        let mut finder = Finder::new(count, position);
        walk(&self.text, &mut finder);
        finder.found
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
        self.first = OnceLock::new();
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
    walk(text, Reader(&mut read));
    read
}

/// Walks the members of kept text with `visitor`; `None` when there are
/// none. The text was written from values that parsed: it reads back.
fn walk<'t, V: Visitor<'t>>(text: &'t [u8], visitor: V) -> Option<V::Value> {
    if text.is_empty() {
        return None;
    }
    let mut deserializer = serde_json::Deserializer::from_slice(text);
    deserializer.deserialize_map(visitor).ok()
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

/// A member [`Kept::pick`] looked for.
#[derive(Clone, Debug, Default)]
pub(crate) struct Found {
    /// Its first value; `None` when it is not there, or was taken.
    pub(crate) value: Option<Value>,
    /// Whether it is given more than once, or holds a member given more
    /// than once.
    pub(crate) repeated: bool,
    /// Whether its value was taken.
    pub(crate) taken: bool,
}

/// Finds members in kept text: each one's first value, and whether it is
/// repeated.
struct Finder<'p> {
    /// The place of a wanted member's name among those found.
    position: &'p dyn Fn(&str) -> Option<usize>,
    found: Vec<Found>,
}

impl<'p> Finder<'p> {
    fn new(count: usize, position: &'p dyn Fn(&str) -> Option<usize>) -> Self {
        Finder {
            position,
            found: vec![Found::default(); count],
        }
    }
}

/// Finds the first value of a member in kept text, when it is a string.
struct FirstText<'n>(&'n str);

impl<'de> Visitor<'de> for FirstText<'_> {
    type Value = Option<Cow<'de, str>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("kept members")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut found = None;
        while let Some(Key(name)) = map.next_key_seed(KeySeed)? {
            if found.is_none() && name == self.0 {
                found = Some(map.next_value_seed(AnyText)?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found.flatten())
    }
}

/// A JSON value, kept when it is a string.
struct AnyText;

impl<'de> DeserializeSeed<'de> for AnyText {
    type Value = Option<Cow<'de, str>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for AnyText {
    type Value = Option<Cow<'de, str>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Some(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(v.to_owned())))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

impl<'de> Visitor<'de> for &mut Finder<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("kept members")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(Key(name)) = map.next_key_seed(KeySeed)? {
            let place = (self.position)(&name).and_then(|at| self.found.get_mut(at));
            let Some(found) = place else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            if found.value.is_some() {
                found.repeated = true;
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let mut inside = Vec::new();
            found.value = Some(map.next_value_seed(Strict(&mut inside))?);
            found.repeated |= !inside.is_empty();
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
