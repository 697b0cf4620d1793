//! Turns what passed the rules into the checked model: defaults applied,
//! texts trimmed, each value paired with where it came from, and stand-ins
//! for values that were refused, so that a catalog with mistakes still
//! yields an enum to generate next to its errors and the user sees the real
//! mistakes, not every use of a missing variant.

use errcodes_core::{Action, GrpcCode, Outcome, ProblemCode, Severity, WireFormat};

use crate::check::{CodeSource, Passed, PassedClasses, PassedCode};
use crate::diagnostic::Location;
use crate::lint::Lint;
use crate::model::{CheckedCatalog, CheckedCode, CheckedDomain, CheckedGrpc, Located, Provenance};
use crate::spec::{WrittenClasses, WrittenText};

/// The status of a code whose status was refused: any valid one will do,
/// since the catalog does not compile.
const STAND_IN_STATUS: u16 = 500;

/// The model of what passed; `None` when the catalog has no usable name,
/// since then not even a stand-in enum can be generated.
pub(crate) fn lower(passed: &Passed<'_>) -> Option<CheckedCatalog> {
    let spec = passed.spec;
    let wire_format = choice(
        passed.wire_format,
        spec.wire_format.as_ref(),
        WireFormat::Problem,
    );
    let problem_type = passed.problem_type.and_then(optional);
    // In the type URI when it has room for the code, else in a member.
    let implied_place = match &problem_type {
        Some(template) if template.value.contains("{code}") => ProblemCode::Type,
        _ => ProblemCode::Member,
    };
    Some(CheckedCatalog {
        name: Located::written(passed.name?.value.clone(), passed.name?.at),
        description: spec.description.as_ref().and_then(optional),
        code_formats: passed
            .code_formats
            .iter()
            .map(|format| Located::written(format.value.clone(), format.at))
            .collect(),
        problem_code: choice(
            passed.problem_code,
            spec.problem_code.as_ref(),
            implied_place,
        ),
        problem_type,
        help_url: passed.help_url.and_then(optional),
        grpc_domain: passed.grpc.as_ref().map(|grpc| match grpc.domain {
            Some(domain) => Located::written(domain.value.clone(), domain.at),
            None => stand_in(String::new()),
        }),
        allow: allowed(&passed.allow),
        domains: passed
            .domains
            .iter()
            .map(|domain| CheckedDomain {
                id: Located::written(domain.id.value.clone(), domain.id.at),
                title: domain
                    .title
                    .as_ref()
                    .and_then(optional)
                    .unwrap_or_else(|| Located {
                        value: String::new(),
                        from: Provenance::StandIn,
                    }),
                description: domain.description.as_ref().and_then(optional),
            })
            .collect(),
        codes: passed
            .codes
            .iter()
            .map(|entry| code(entry, passed, &wire_format))
            .collect(),
        refused: passed.refused.iter().map(|&code| code.to_owned()).collect(),
        wire_format,
    })
}

/// A code: its own classifications, else the catalog's `defaults`, else
/// what its status implies.
fn code(
    entry: &PassedCode<'_>,
    passed: &Passed<'_>,
    wire_format: &Located<WireFormat>,
) -> CheckedCode {
    let spec = entry.spec;
    let status = match (entry.status, spec.status) {
        (Some(status), Some(written)) => Located::written(status, written.at),
        _ => Located {
            value: STAND_IN_STATUS,
            from: Provenance::StandIn,
        },
    };
    let classes = Classes {
        own: (&entry.classes, &spec.classes),
        defaults: (&passed.defaults, &passed.spec.defaults),
        // What the status implies stands in when the status does.
        implied_from: if status.is_stand_in() {
            Provenance::StandIn
        } else {
            Provenance::Derived
        },
    };
    let title = spec.title.as_ref().and_then(optional).unwrap_or(Located {
        value: String::new(),
        from: Provenance::StandIn,
    });
    CheckedCode {
        at: spec.at,
        code: Located::written(entry.code.value.clone(), entry.code.at),
        name: match &spec.name {
            Some(name) => Located::written(entry.name.clone(), name.at),
            None => Located::derived(entry.name.clone()),
        },
        title,
        description: spec.description.as_ref().and_then(optional),
        resolution: spec.resolution.as_ref().and_then(optional),
        action: classes.pick(
            |c| c.action,
            |w| w.action.as_ref(),
            Action::for_status(status.value),
        ),
        severity: classes.pick(
            |c| c.severity,
            |w| w.severity.as_ref(),
            Severity::for_status(status.value),
        ),
        outcome: classes.pick(
            |c| c.outcome,
            |w| w.outcome.as_ref(),
            Outcome::for_status(status.value),
        ),
        origin: classes.pick_optional(|c| c.origin, |w| w.origin.as_ref()),
        domain: entry
            .domain
            .zip(spec.domain.as_ref())
            .map(|(index, written)| Located::written(index, written.at)),
        wire_format: match (entry.wire_format, spec.wire_format.as_ref()) {
            (Some(format), Some(written)) => Located::written(format, written.at),
            (None, Some(_)) => Located {
                value: wire_format.value,
                from: Provenance::StandIn,
            },
            (_, None) => Located::derived(wire_format.value),
        },
        deprecated: spec.deprecated.as_ref().and_then(optional).or_else(|| {
            let replacement = passed.codes.get(entry.replaced_by?)?;
            Some(Located::derived(format!(
                "Replaced by `{}`.",
                replacement.code.value
            )))
        }),
        replaced_by: entry
            .replaced_by
            .zip(spec.replaced_by.as_ref())
            .map(|(index, written)| Located::written(index, written.at)),
        allow: allowed(&entry.allow),
        grpc: entry.grpc.as_ref().map(|grpc| CheckedGrpc {
            reason: match (&grpc.reason, &spec.grpc_reason) {
                (Some(reason), Some(written)) => Located::written(reason.clone(), written.at),
                (Some(reason), None) => Located::derived(reason.clone()),
                (None, _) => stand_in(entry.code.value.clone()),
            },
            code: match grpc.code {
                Some((code, CodeSource::Written(at))) => Located::written(code, at),
                Some((code, CodeSource::Table(at))) => Located {
                    value: code,
                    from: Provenance::Defaults(at),
                },
                Some((code, CodeSource::Implied)) => Located::derived(code),
                None => stand_in(GrpcCode::Unknown),
            },
        }),
        status,
    }
}

fn stand_in<T>(value: T) -> Located<T> {
    Located {
        value,
        from: Provenance::StandIn,
    }
}

/// Where a code's classifications come from: its entry, else the
/// catalog's `defaults`, each as it passed and as it was written.
struct Classes<'a> {
    own: (&'a PassedClasses, &'a WrittenClasses),
    defaults: (&'a PassedClasses, &'a WrittenClasses),
    /// Where a value implied by the status comes from.
    implied_from: Provenance,
}

impl Classes<'_> {
    /// A classification the entry may give, else `defaults`, else the
    /// status implies. A value written but refused makes what takes its
    /// place a stand-in.
    fn pick<T: Copy>(
        &self,
        passed: fn(&PassedClasses) -> Option<T>,
        written: fn(&WrittenClasses) -> Option<&WrittenText>,
        implied: T,
    ) -> Located<T> {
        let implied = Located {
            value: implied,
            from: self.implied_from,
        };
        let fallback = match (passed(self.defaults.0), written(self.defaults.1)) {
            (Some(value), Some(at)) => Located {
                value,
                from: Provenance::Defaults(at.at),
            },
            (None, Some(_)) => Located {
                from: Provenance::StandIn,
                ..implied
            },
            _ => implied,
        };
        match (passed(self.own.0), written(self.own.1)) {
            (Some(value), Some(at)) => Located::written(value, at.at),
            (None, Some(_)) => Located {
                from: Provenance::StandIn,
                ..fallback
            },
            _ => fallback,
        }
    }

    /// A classification without a default: the entry's, else `defaults`'.
    fn pick_optional<T: Copy>(
        &self,
        passed: fn(&PassedClasses) -> Option<T>,
        written: fn(&WrittenClasses) -> Option<&WrittenText>,
    ) -> Option<Located<T>> {
        match (
            (passed(self.own.0), written(self.own.1)),
            (passed(self.defaults.0), written(self.defaults.1)),
        ) {
            ((Some(value), Some(at)), _) => Some(Located::written(value, at.at)),
            ((None, Some(_)), _) => None,
            (_, (Some(value), Some(at))) => Some(Located {
                value,
                from: Provenance::Defaults(at.at),
            }),
            _ => None,
        }
    }
}

/// A word of a vocabulary that passed, or the default; a refused word gets
/// the default as a stand-in.
fn choice<T: Copy>(passed: Option<T>, written: Option<&WrittenText>, default: T) -> Located<T> {
    match (passed, written) {
        (Some(value), Some(written)) => Located::written(value, written.at),
        (_, Some(_)) => Located {
            value: default,
            from: Provenance::StandIn,
        },
        (_, None) => Located::derived(default),
    }
}

fn allowed(lints: &[(Lint, Location)]) -> Vec<Located<Lint>> {
    lints
        .iter()
        .map(|&(lint, at)| Located::written(lint, at))
        .collect()
}

/// A text without surrounding whitespace; `None` when nothing is left.
fn optional(text: &WrittenText) -> Option<Located<String>> {
    let trimmed = text.value.trim();
    (!trimmed.is_empty()).then(|| Located::written(trimmed.to_owned(), text.at))
}
