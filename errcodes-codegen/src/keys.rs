//! Every key of a catalog, declared once: its name, what its value is,
//! what it means, whether it is required, whether clients depend on it,
//! and who reads it. The reader takes the keys a mapping may have from
//! here; the lock records the keys that are promises; the JSON Schemas,
//! the exports, the pages and `explain` follow these declarations, and
//! tests hold `specs/FORMAT.md` and the schemas to them.
//!
//! ```
//! use errcodes_codegen::keys::{self, Reach};
//!
//! assert!(keys::code::ALL.iter().any(|key| key.name == "status"));
//! assert_eq!(keys::code::STATUS.promise.unwrap().change, "status-changed");
//! assert_eq!(keys::code::DESCRIPTION.reach, Reach::Readers);
//! ```

use errcodes_core::{Action, GrpcCode, Origin, Outcome, Severity, WireFormat};

/// A key of a catalog's mapping.
#[derive(Debug, PartialEq, Eq)]
pub struct Key {
    /// Its name in YAML.
    pub name: &'static str,
    /// What its value is.
    pub kind: Kind,
    /// What it is, in a sentence or two: the schemas' description.
    pub doc: &'static str,
    /// What to add when it is missing; `None` for a key that may be left
    /// out.
    pub required: Option<&'static str>,
    /// Whether the model gives it a value when the catalog does not: a
    /// default, or what another value implies.
    pub defaulted: bool,
    /// Whether clients depend on it, so that the lock records it.
    pub promise: Option<Promise>,
    /// Who reads it.
    pub reach: Reach,
    /// The JSON Schema of its value beyond its type and description, as
    /// JSON: constraints and examples.
    pub schema: &'static str,
}

/// What a key's value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A string.
    Text,
    /// A string, or a list of strings.
    Texts,
    /// A string kept exactly as written, which every YAML reader must read
    /// alike: a code, or a reference to a code or a domain.
    Identifier,
    /// A Rust name: an UpperCamelCase identifier.
    Name,
    /// A whole number.
    Number,
    /// One word of a vocabulary.
    Word(&'static [&'static str]),
    /// `true` or `false`.
    Flag,
    /// Any value: a field's example.
    Value,
    /// A structure of the catalog's own: `defaults`, `domains`, `codes`,
    /// `grpc-codes`, `fields`, whose schema is all in its declaration's
    /// `schema`.
    Structure,
}

/// What a promise to clients is: the lock records the key, and changing
/// its value is a breaking change of class [`change`](Self::change).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Promise {
    /// The class of the change, by which a team allows it: `status-changed`.
    pub change: &'static str,
    /// What the value is called in messages: "status", "variant name".
    pub noun: &'static str,
    /// Why changing it breaks clients.
    pub why: &'static str,
    /// For a code's key that takes the catalog's value when the entry
    /// gives none: that key of the catalog. The lock records the code's
    /// value only where the entry gives one.
    pub inherits: Option<&'static Key>,
    /// Whether the key is one of a catalog that serves gRPC, which a lock
    /// records from format 3 on.
    pub grpc: bool,
}

/// Who reads a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reach {
    /// Only the checks: `allow`.
    Checker,
    /// People and tools: the JSON export, the pages, `explain`.
    Readers,
    /// Clients too: the TypeScript module carries it.
    Clients,
}

/// A declaration with the defaults most keys share.
const fn key(name: &'static str, kind: Kind, doc: &'static str) -> Key {
    Key {
        name,
        kind,
        doc,
        required: None,
        defaulted: false,
        promise: None,
        reach: Reach::Readers,
        schema: "{}",
    }
}

impl Key {
    /// The key, required: `help` says what to add.
    const fn required(self, help: &'static str) -> Key {
        Key {
            required: Some(help),
            ..self
        }
    }

    /// The key, with a value the model gives when the catalog does not.
    const fn defaulted(self) -> Key {
        Key {
            defaulted: true,
            ..self
        }
    }

    /// The key, as a promise whose change is of class `change`.
    const fn promise(self, change: &'static str, noun: &'static str, why: &'static str) -> Key {
        Key {
            promise: Some(Promise {
                change,
                noun,
                why,
                inherits: None,
                grpc: false,
            }),
            ..self
        }
    }

    /// The key, promised as the catalog's `key` when the entry gives none.
    const fn inheriting(self, key: &'static Key) -> Key {
        let Some(promise) = self.promise else {
            return self;
        };
        Key {
            promise: Some(Promise {
                inherits: Some(key),
                ..promise
            }),
            ..self
        }
    }

    /// The key, as a promise of a catalog that serves gRPC.
    const fn grpc(self) -> Key {
        let Some(promise) = self.promise else {
            return self;
        };
        Key {
            promise: Some(Promise {
                grpc: true,
                ..promise
            }),
            ..self
        }
    }

    const fn reach(self, reach: Reach) -> Key {
        Key { reach, ..self }
    }

    const fn schema(self, schema: &'static str) -> Key {
        Key { schema, ..self }
    }

    /// Whether a mapping may leave the key out.
    #[must_use]
    pub const fn is_optional(&self) -> bool {
        self.required.is_none()
    }

    /// Its name in the TypeScript module's data: `replaced-by` is
    /// `replacedBy`.
    #[must_use]
    pub fn camel_name(&self) -> String {
        let mut words = self.name.split('-');
        let mut name = words.next().unwrap_or_default().to_owned();
        for word in words {
            let mut chars = word.chars();
            name.extend(chars.next().map(|c| c.to_ascii_uppercase()));
            name.extend(chars);
        }
        name
    }
}

/// The schema of a URI template with `{code}` where the code goes.
macro_rules! uri_template {
    ($example:literal) => {
        concat!(
            r#"{"minLength": 1, "pattern": "^[^\\s\"<>\\\\^`|]*$", "examples": [""#,
            $example,
            r#""]}"#
        )
    };
}

/// The keys at the top of a catalog.
pub mod catalog {
    use super::{Key, Kind, Reach, key};
    use errcodes_core::{ProblemCode, WireFormat};

    /// `name`: the enum's name.
    pub const NAME: Key = key(
        "name",
        Kind::Name,
        "The name of the generated enum, in UpperCamelCase.",
    )
    .required("add `name: MyError`: it names the generated enum")
    .promise(
        "enum-renamed",
        "enum name",
        "Rust code naming the enum would not compile",
    )
    .schema(r#"{"examples": ["PrivacyError"]}"#);

    /// `description`: what the catalog covers.
    pub const DESCRIPTION: Key = key(
        "description",
        Kind::Text,
        "What the catalog covers: the first paragraph of the enum's documentation and of its reference page.",
    )
    .schema(r#"{"examples": ["Errors of the shop API."]}"#);

    /// `code-format`: the shapes its codes have.
    pub const CODE_FORMAT: Key = key(
        "code-format",
        Kind::Texts,
        "The shape every code has: a case name, or a template where `N` is a digit, `SSS` the HTTP status and any other character itself; one, or a list of which each code matches one.",
    )
    .schema(
        r##"{"oneOf": [{"$ref": "#/$defs/codeFormat"}, {"type": "array", "items": {"$ref": "#/$defs/codeFormat"}, "minItems": 1}], "examples": ["NNNN-SSS", ["SSSNNN", "SSS", "UpperCamelCase"]]}"##,
    );

    /// `wire-format`: how its codes are sent.
    pub const WIRE_FORMAT: Key = key(
        "wire-format",
        Kind::Word(WireFormat::SPELLINGS),
        "How the catalog's errors are written on the wire, unless a code says otherwise. Default: `problem`.",
    )
    .promise(
        "wire-format-changed",
        "wire format",
        "clients pick the decoder by the wire format",
    )
    .reach(Reach::Clients)
    .defaulted()
    .schema(r#"{"examples": ["gateway"]}"#);

    /// `problem-type`: the `type` URI of its problem details.
    pub const PROBLEM_TYPE: Key = key(
        "problem-type",
        Kind::Text,
        "The `type` URI of the catalog's problem details (RFC 9457), with `{code}` where the code goes. Without it, problems are `about:blank`.",
    )
    .promise(
        "problem-type-changed",
        "problem type",
        "clients read the code where the problem type puts it",
    )
    .reach(Reach::Clients)
    .schema(uri_template!("https://ns.adobe.com/aep/errors/{code}"));

    /// `problem-code`: where its problem details carry the code.
    pub const PROBLEM_CODE: Key = key(
        "problem-code",
        Kind::Word(ProblemCode::SPELLINGS),
        "Where problem details carry the code: in `type` (default when `problem-type` has `{code}`), as the `title`, or in a `code` member (default otherwise).",
    )
    .promise(
        "problem-code-changed",
        "problem code place",
        "clients read the code where the problem code place says",
    )
    .reach(Reach::Clients)
    .defaulted()
    .schema(r#"{"examples": ["title"]}"#);

    /// `help-url`: where a client reads more about a code.
    pub const HELP_URL: Key = key(
        "help-url",
        Kind::Text,
        "Where a client reads more about a code: a URL, with `{code}` where the code goes if each code has its own page. Adobe Pass errors carry it as `helpUrl` when the occurrence gives none.",
    )
    .schema(uri_template!("https://example.com/errors#{code}"));

    /// `grpc-domain`: the domain of its gRPC errors' `ErrorInfo`.
    pub const GRPC_DOMAIN: Key = key(
        "grpc-domain",
        Kind::Text,
        "The domain of the `ErrorInfo` that the catalog's errors carry over gRPC and in the `google` wire format: the service's registered name, a DNS name in lowercase. With it, every code has a gRPC reason and a canonical gRPC code, and `grpc-codes`, `grpc-reason` and `grpc-code` may be given.",
    )
    .promise(
        "grpc-domain-changed",
        "gRPC domain",
        "gRPC clients know the catalog's errors by their domain",
    )
    .grpc()
    .reach(Reach::Clients)
    .schema(
        r#"{"maxLength": 253, "pattern": "^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$", "examples": ["shop.example.com"]}"#,
    );

    /// `default-locale`: the language the catalog's texts are written in.
    pub const DEFAULT_LOCALE: Key = key(
        "default-locale",
        Kind::Text,
        "The language of the catalog's own texts, as a language tag (BCP 47): the fallback when a client asks for a language the catalog has no translation in. Default: `en`.",
    )
    .defaulted()
    .reach(Reach::Clients)
    .schema(r#"{"examples": ["en", "en-US"]}"#);

    /// `locales`: the languages the catalog is translated into.
    pub const LOCALES: Key = key(
        "locales",
        Kind::Texts,
        "The languages the catalog is translated into, as language tags (BCP 47). Each has a Fluent file beside the catalog, named after it and the tag: `shop.yaml` is translated into German by `shop.de.ftl`. Default: none.",
    )
    .defaulted()
    .reach(Reach::Clients)
    .schema(r#"{"examples": [["de", "pl"], "de"]}"#);

    /// `grpc-codes`: the canonical gRPC code of each HTTP status.
    pub const GRPC_CODES: Key = key(
        "grpc-codes",
        Kind::Structure,
        "The canonical gRPC code of the codes with each HTTP status, for statuses that `code.proto` maps to several gRPC codes (400, 409, 500) or to none; a code's own `grpc-code` wins. A status from 400 up cannot be `OK`.",
    )
    .schema(
        r##"{"type": "object", "propertyNames": {"pattern": "^[1-5][0-9][0-9]$"}, "additionalProperties": {"$ref": "#/$defs/grpcCode"}, "examples": [{"400": "INVALID_ARGUMENT", "409": "ABORTED", "422": "FAILED_PRECONDITION"}]}"##,
    );

    /// `fields`: fields several codes share.
    pub const FIELDS: Key = key(
        "fields",
        Kind::Structure,
        "Fields that several codes' occurrences carry, defined once by name; a code lists one under its own `fields` with no value to carry it as defined here.",
    )
    .schema(
        r##"{"type": "object", "additionalProperties": {"$ref": "#/$defs/field"}, "examples": [{"segment_id": {"type": "string", "description": "The segment the request named.", "example": "seg_12345"}}]}"##,
    );

    /// `defaults`: classifications for codes that give none.
    pub const DEFAULTS: Key = key(
        "defaults",
        Kind::Structure,
        "Classifications for the codes that do not give their own.",
    )
    .schema(r#"{"examples": [{"action": "none", "origin": "external"}]}"#);

    /// `boundary`: the codes that answer what a service meets without a
    /// handler.
    pub const BOUNDARY: Key = key(
        "boundary",
        Kind::Structure,
        "The code that answers each condition a service meets without a handler (a malformed or unfit body, an unsupported media type, a body too large, a bad parameter, an unknown route, a wrong method, a timeout, an overload, an internal failure), by condition; each a failure of the catalog. A condition left out gets the catalog's first failure of its status.",
    )
    .schema(
        r#"{"type": "object", "propertyNames": {"enum": ["malformed-body", "unfit-body", "unsupported-media-type", "body-too-large", "bad-parameter", "unknown-route", "method-not-allowed", "timeout", "overloaded", "internal"]}, "additionalProperties": {"type": "string", "minLength": 1}, "examples": [{"bad-parameter": "INVALID_PARAMETER", "timeout": "GATEWAY_TIMEOUT"}]}"#,
    );

    /// `allow`: what the catalog allows.
    pub const ALLOW: Key = key(
        "allow",
        Kind::Texts,
        "Lints to allow, by name: warnings that `errcodes check` then does not give; and classes of breaking change to accept against the lock, by name. At the top they apply to every code; in an entry, to that code.",
    )
    .reach(Reach::Checker)
    .schema(
        r##"{"oneOf": [{"$ref": "#/$defs/allowed"}, {"type": "array", "items": {"$ref": "#/$defs/allowed"}}], "examples": [["missing-description"], "name-keeps-digits"]}"##,
    );

    /// `domains`: the groups of codes.
    pub const DOMAINS: Key = key(
        "domains",
        Kind::Structure,
        "Groups of codes, by id; each has a title, given alone or with a description.",
    )
    .schema(
        r##"{"type": "object", "additionalProperties": {"oneOf": [{"type": "string", "minLength": 1}, {"$ref": "#/$defs/domain"}]}, "examples": [{"inventory": {"title": "Inventory", "description": "Stock and availability."}, "payments": "Payments"}]}"##,
    );

    /// `codes`: the list of codes.
    pub const CODES: Key = key(
        "codes",
        Kind::Structure,
        "The codes, one entry each: at least one.",
    )
    .required("add a `codes:` list with one entry per error code")
    .schema(r##"{"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/code"}}"##);

    /// Every key at the top of a catalog, in the order pages and exports
    /// list them.
    pub const ALL: &[&Key] = &[
        &NAME,
        &DESCRIPTION,
        &CODE_FORMAT,
        &WIRE_FORMAT,
        &PROBLEM_TYPE,
        &PROBLEM_CODE,
        &HELP_URL,
        &GRPC_DOMAIN,
        &GRPC_CODES,
        &DEFAULT_LOCALE,
        &LOCALES,
        &FIELDS,
        &DEFAULTS,
        &BOUNDARY,
        &ALLOW,
        &DOMAINS,
        &CODES,
    ];
}

/// The keys of one entry under `codes`.
pub mod code {
    use super::{Action, GrpcCode, Key, Kind, Origin, Outcome, Reach, Severity, WireFormat, key};

    /// `code`: the stable identifier.
    pub const CODE: Key = key(
        "code",
        Kind::Identifier,
        "The stable identifier sent on the wire, kept exactly as written; unique in the catalog.",
    )
    .required("add `code: \"…\"`, the code's stable identifier")
    .reach(Reach::Clients)
    .schema(r#"{"minLength": 1, "maxLength": 65535, "examples": ["OUT_OF_STOCK", "1000-400"]}"#);

    /// `name`: the variant's name.
    pub const NAME: Key = key(
        "name",
        Kind::Name,
        "The variant name, in UpperCamelCase. Default: the code in UpperCamelCase, which codes like `1000-400` need instead.",
    )
    .promise(
        "variant-renamed",
        "variant name",
        "Rust code naming the variant would not compile",
    )
    .defaulted()
    .schema(r#"{"examples": ["FormattingError"]}"#);

    /// `status`: the HTTP status.
    pub const STATUS: Key = key(
        "status",
        Kind::Number,
        "The HTTP status of responses that carry the code.",
    )
    .required("add `status:` with the HTTP status of responses that carry this code")
    .promise(
        "status-changed",
        "status",
        "clients branch on the status of a published code",
    )
    .reach(Reach::Clients)
    .schema(r#"{"minimum": 100, "maximum": 599, "examples": [409]}"#);

    /// `title`: a short summary.
    pub const TITLE: Key = key(
        "title",
        Kind::Text,
        "A short summary on one line; `Display` prints the code, a space, and the title.",
    )
    .required("add `title:` with a short human-readable summary")
    .reach(Reach::Clients)
    .schema(r#"{"minLength": 1, "pattern": "^[^\\n]*\\n?$", "examples": ["Out of stock"]}"#);

    /// `description`: what the code means.
    pub const DESCRIPTION: Key = key("description", Kind::Text, "What the code means.")
        .schema(r#"{"examples": ["The item sold out while the order was being placed."]}"#);

    /// `resolution`: how to resolve it.
    pub const RESOLUTION: Key = key("resolution", Kind::Text, "How to resolve it.")
        .schema(r#"{"examples": ["Lower the submission rate and submit again later."]}"#);

    /// `domain`: the id of its domain.
    pub const DOMAIN: Key = key(
        "domain",
        Kind::Identifier,
        "The id of one of the catalog's domains.",
    )
    .schema(r#"{"minLength": 1, "examples": ["rate-limiting"]}"#);

    /// `action`: what a client should do.
    pub const ACTION: Key = key(
        "action",
        Kind::Word(Action::SPELLINGS),
        "What a client should do about the code. Without it (here and in `defaults`), the status decides: 429 and 503 give `retry-after`, 502 and 504 give `retry`, any other status `none`.",
    )
    .promise(
        "action-changed",
        "action",
        "clients retry or stop by the action of a published code",
    )
    .reach(Reach::Clients)
    .defaulted()
    .schema(r#"{"examples": ["retry-after"]}"#);

    /// `severity`: how serious it is.
    pub const SEVERITY: Key = key(
        "severity",
        Kind::Word(Severity::SPELLINGS),
        "How serious the code is. Default: `fatal` from status 400 up, `info` below.",
    )
    .reach(Reach::Clients)
    .defaulted()
    .schema(r#"{"examples": ["non-fatal"]}"#);

    /// `outcome`: what became of the request.
    pub const OUTCOME: Key = key(
        "outcome",
        Kind::Word(Outcome::SPELLINGS),
        "What became of the request. Default: `failure` from status 400 up, `partial` for 207, `success` otherwise.",
    )
    .reach(Reach::Clients)
    .defaulted()
    .schema(r#"{"examples": ["partial"]}"#);

    /// `origin`: where the fault lies.
    pub const ORIGIN: Key = key(
        "origin",
        Kind::Word(Origin::SPELLINGS),
        "Where the fault lies: in the service, or outside it. No default.",
    )
    .schema(r#"{"examples": ["external"]}"#);

    /// `wire-format`: how the code is sent, when not as the catalog's.
    pub const WIRE_FORMAT: Key = key(
        "wire-format",
        Kind::Word(WireFormat::SPELLINGS),
        "This code's wire format, when not the catalog's.",
    )
    .promise(
        "wire-format-changed",
        "wire format",
        "clients decode a published code's body by its format",
    )
    .inheriting(&super::catalog::WIRE_FORMAT)
    .reach(Reach::Clients)
    .defaulted()
    .schema(r#"{"examples": ["problem"]}"#);

    /// `deprecated`: why the code is deprecated.
    pub const DEPRECATED: Key = key(
        "deprecated",
        Kind::Text,
        "Why the code is deprecated, and what to use instead. A deprecated code still decodes and renders; its Rust variant carries `#[deprecated]` with this text.",
    )
    .reach(Reach::Clients)
    .schema(
        r#"{"minLength": 1, "pattern": "\\S", "examples": ["Clients could not tell it from OUT_OF_STOCK."]}"#,
    );

    /// `replaced-by`: the code to use instead.
    pub const REPLACED_BY: Key = key(
        "replaced-by",
        Kind::Identifier,
        "The code clients should use instead; another code of this catalog. Alone, it deprecates the code with a sentence naming the replacement.",
    )
    .reach(Reach::Clients)
    .schema(r#"{"minLength": 1, "examples": ["OUT_OF_STOCK"]}"#);

    /// `grpc-reason`: its `ErrorInfo` reason.
    pub const GRPC_REASON: Key = key(
        "grpc-reason",
        Kind::Text,
        "The `reason` of the code's `ErrorInfo`, unique in the catalog: UPPER_SNAKE_CASE, 3 to 63 characters (AIP-193). Default: the code in UPPER_SNAKE_CASE, or, when that is not a reason, the variant name so. Needs `grpc-domain`.",
    )
    .promise(
        "grpc-reason-changed",
        "gRPC reason",
        "gRPC clients know the code by its reason",
    )
    .grpc()
    .reach(Reach::Clients)
    .schema(r#"{"pattern": "^[A-Z][A-Z0-9_]{1,61}[A-Z0-9]$", "examples": ["RATE_LIMITED"]}"#);

    /// `grpc-code`: its canonical gRPC code.
    pub const GRPC_CODE: Key = key(
        "grpc-code",
        Kind::Word(GrpcCode::SPELLINGS),
        "The code's canonical gRPC code. Default: the catalog's `grpc-codes` for its status, else the one `code.proto` maps its status to; a status it maps to several or none needs one of the two. Needs `grpc-domain`.",
    )
    .promise(
        "grpc-code-changed",
        "gRPC code",
        "gRPC clients branch on the canonical code",
    )
    .grpc()
    .reach(Reach::Clients)
    .schema(r#"{"examples": ["RESOURCE_EXHAUSTED"]}"#);

    /// `fields`: what its occurrences carry.
    pub const FIELDS: Key = key(
        "fields",
        Kind::Structure,
        "The fields one occurrence of the code carries, by their names on the wire: each a type, or a mapping with `type` and more; with no value, the catalog's shared field of that name. Each wire format writes them where it has room: ACP's `details`, a problem's extension members, the members of Pass's and the gateway's objects, Google's `ErrorInfo` metadata.",
    )
    .promise(
        "field-type-changed",
        "fields",
        "typed clients refuse a value of another type, or an enum value they do not know",
    )
    .reach(Reach::Clients)
    .schema(
        r##"{"type": "object", "additionalProperties": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/fieldType"}, {"$ref": "#/$defs/field"}, {"type": "object", "description": "A shared field, with what this code says of it.", "properties": {"optional": {"type": "boolean"}, "description": {"type": "string"}, "example": {}}, "additionalProperties": false}]}, "examples": [{"field": "string", "segment_id": null, "suggestion": {"example": "Use get_audiences"}, "provided_value": {"type": "any", "example": 100}}]}"##,
    );

    /// `message`: its message template.
    pub const MESSAGE: Key = key(
        "message",
        Kind::Text,
        "The message for people that an occurrence carries, in Fluent's syntax: text, with `{ $name }` where the field `name` goes and `{ \"{\" }` for a brace; a select (`{ $count ->`, then each form on a line of its own, `[one] …`, `*[other] …`, and `}`) chooses words by a field's value or plural category, which needs the runtime's `locales` feature. Default: the title. An occurrence that gives its own message, or leaves out a field the template names, sends that message, or the title.",
    )
    .reach(Reach::Clients)
    .schema(r#"{"minLength": 1, "examples": ["{ $field } must be in { $expected_format } format"]}"#);

    /// `allow`: what the entry allows.
    pub const ALLOW: Key = super::catalog::ALLOW;

    /// Every key of a code entry, in the order pages and exports list them.
    pub const ALL: &[&Key] = &[
        &CODE,
        &NAME,
        &STATUS,
        &TITLE,
        &DESCRIPTION,
        &RESOLUTION,
        &DOMAIN,
        &ACTION,
        &SEVERITY,
        &OUTCOME,
        &ORIGIN,
        &WIRE_FORMAT,
        &DEPRECATED,
        &REPLACED_BY,
        &GRPC_REASON,
        &GRPC_CODE,
        &MESSAGE,
        &FIELDS,
        &ALLOW,
    ];

    /// The keys `defaults` may give for every code.
    pub const DEFAULTS: &[&Key] = &[&ACTION, &SEVERITY, &OUTCOME, &ORIGIN];
}

/// The keys of one domain under `domains`.
pub mod domain {
    use super::{Key, Kind, key};

    /// `title`: the domain's title.
    pub const TITLE: Key = key("title", Kind::Text, "The domain's human-readable title.")
        .required("give the domain a title")
        .schema(r#"{"minLength": 1, "examples": ["Rate limiting"]}"#);

    /// `description`: what the domain covers.
    pub const DESCRIPTION: Key = key("description", Kind::Text, "What the domain covers.")
        .schema(r#"{"examples": ["Submissions exceed the platform's limits."]}"#);

    /// Every key of a domain.
    pub const ALL: &[&Key] = &[&TITLE, &DESCRIPTION];
}

/// The keys of one field, under a catalog's or a code's `fields`.
pub mod field {
    use errcodes_core::fields::FieldType;

    use super::{Key, Kind, Reach, key};

    /// `type`: what the value is.
    pub const TYPE: Key = key(
        "type",
        Kind::Word(&FieldType::SPELLINGS),
        "What the value is: `string`, `integer`, `number`, `boolean`, `timestamp` (RFC 3339), `duration` (seconds with an `s`, as in `\"1.5s\"`), `uri`, `enum` (one of `values`), `any` (any JSON value), or `list of` one of these.",
    )
    .required("add `type:`, for example `type: string`")
    .reach(Reach::Clients)
    .schema(r#"{"examples": ["string", "list of string"]}"#);

    /// `values`: the values of an `enum` field.
    pub const VALUES: Key = key(
        "values",
        Kind::Texts,
        "The values an `enum` field takes: at least one, each a string without control characters.",
    )
    .reach(Reach::Clients)
    .schema(r#"{"examples": [["cpm", "revenue_share"]]}"#);

    /// `optional`: whether an occurrence may leave it out.
    pub const OPTIONAL: Key = key(
        "optional",
        Kind::Flag,
        "Whether an occurrence may leave the field out. Default: false, the field is always there.",
    )
    .reach(Reach::Clients)
    .defaulted()
    .schema(r#"{"examples": [true]}"#);

    /// `description`: what the field says.
    pub const DESCRIPTION: Key = key("description", Kind::Text, "What the field says.")
        .schema(r#"{"examples": ["The request field at fault."]}"#);

    /// `example`: a value, for the docs.
    pub const EXAMPLE: Key = key(
        "example",
        Kind::Value,
        "A value the field may have, of its type: the reference pages fill their example responses with it.",
    )
    .schema(r#"{"examples": ["max_results"]}"#);

    /// Every key of a field.
    pub const ALL: &[&Key] = &[&TYPE, &VALUES, &OPTIONAL, &DESCRIPTION, &EXAMPLE];
}

/// The names of `keys`, for messages.
pub(crate) fn names(keys: &[&Key]) -> Vec<&'static str> {
    keys.iter().map(|key| key.name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_in_each_place() {
        for keys in [catalog::ALL, code::ALL, domain::ALL, field::ALL] {
            let mut names = names(keys);
            names.sort_unstable();
            let count = names.len();
            names.dedup();
            assert_eq!(names.len(), count, "{names:?}");
        }
    }

    #[test]
    fn camel_names() {
        assert_eq!(code::REPLACED_BY.camel_name(), "replacedBy");
        assert_eq!(code::GRPC_CODE.camel_name(), "grpcCode");
        assert_eq!(code::STATUS.camel_name(), "status");
    }
}
