//! Rendering as a renderer does that is not handed a code's prepared
//! fields ([`errcodes_core::render::CodeFields`]): from the stored
//! declarations and template, as a tool reading a catalog at run time
//! renders. What the runtime renders must be the same bytes.

use errcodes_core::render::{Extra, FieldValues, JsonValue, Values as RenderValues};
use errcodes_runtime::{ErrorCode, Occurrence, WireFormat};

/// The body of `code` with `occurrence` in `format`, written with its
/// fields' declarations and template read from their stored texts, as a
/// renderer without the prepared ones reads them.
pub fn render<E: ErrorCode>(code: E, occurrence: &Occurrence, format: WireFormat) -> Vec<u8> {
    let values = occurrence.values();
    let fields = values.extra.fields().map(Stored);
    let extra = StoredExtra(values.extra, fields.as_ref());
    let values = RenderValues {
        extra: &extra,
        ..values
    };
    errcodes_core::render::render(format, &code.facts(), &values).body
}

/// Fields that give no prepared declarations.
struct Stored<'a>(&'a dyn FieldValues);

impl FieldValues for Stored<'_> {
    fn code(&self) -> &str {
        self.0.code()
    }

    fn specs(&self) -> &str {
        self.0.specs()
    }

    fn value(&self, position: usize, value: &mut dyn FnMut(&dyn JsonValue)) -> bool {
        self.0.value(position, value)
    }

    fn plural(&self, number: &str) -> &'static str {
        self.0.plural(number)
    }
}

/// An occurrence's JSON, with its fields as [`Stored`].
struct StoredExtra<'a>(&'a dyn Extra, Option<&'a Stored<'a>>);

impl Extra for StoredExtra<'_> {
    fn has_context(&self) -> bool {
        self.0.has_context()
    }

    fn write_context(&self, out: &mut Vec<u8>) {
        self.0.write_context(out);
    }

    fn members(&self, each: &mut dyn FnMut(&str, &dyn JsonValue)) {
        self.0.members(each);
    }

    fn fields(&self) -> Option<&dyn FieldValues> {
        self.1.map(|fields| fields as &dyn FieldValues)
    }

    fn context_members(&self, each: &mut dyn FnMut(&str, &dyn JsonValue)) {
        self.0.context_members(each);
    }
}
