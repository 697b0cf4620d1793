//! errcodes' own log events, captured as their fields' names and text,
//! for the tests that hold a service to one event per answer.

use std::sync::{Arc, Mutex};

use tracing::field::{Field, Visit};
use tracing_subscriber::Layer;
use tracing_subscriber::layer::Context;

/// An event's fields, as names and text, and its level as `level`.
pub(crate) type Event = Vec<(String, String)>;

/// The fields of every event.
#[derive(Clone, Default)]
pub(crate) struct Captured(pub(crate) Arc<Mutex<Vec<Event>>>);

struct Fields<'a>(&'a mut Event);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.push((field.name().to_owned(), format!("{value:?}")));
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push((field.name().to_owned(), value.to_owned()));
    }

    fn record_u64(&mut self, field: &Field, value: u64) {
        self.0.push((field.name().to_owned(), value.to_string()));
    }
}

/// Only errcodes' own events: the HTTP stack logs too.
impl<S: tracing::Subscriber> Layer<S> for Captured {
    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        if !event.metadata().target().starts_with("errcodes_runtime") {
            return;
        }
        let mut fields = Vec::new();
        event.record(&mut Fields(&mut fields));
        fields.push(("level".to_owned(), event.metadata().level().to_string()));
        self.0.lock().unwrap().push(fields);
    }
}

/// The text of the field `name` of `event`; empty when it has none.
pub(crate) fn field<'a>(event: &'a [(String, String)], name: &str) -> &'a str {
    event
        .iter()
        .find(|(n, _)| n == name)
        .map_or("", |(_, v)| v.as_str())
}
