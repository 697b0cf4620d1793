//! The per-code metadata packed into one `u64`, so that every accessor of a
//! generated enum is a single table load. The macro packs; the runtime
//! unpacks; both through this type.
//!
//! | bits   | field                                                |
//! |--------|------------------------------------------------------|
//! | 0..10  | HTTP status (100..=599)                              |
//! | 10..13 | [`Action`]                                           |
//! | 13..15 | [`Severity`]                                         |
//! | 15..17 | [`Outcome`]                                          |
//! | 17..19 | [`Origin`]: 0 none, 1 + its index                    |
//! | 19..22 | [`WireFormat`]                                       |
//! | 22     | deprecated                                           |
//! | 23..28 | [`GrpcCode`]: 0 none, 1 + its number                 |
//! | 28..64 | unused, zero                                         |
//!
//! Positions (a code's domain, its replacement) are in the tables' numbers
//! ([`Number`](crate::layout::Number)), which can grow.

use crate::{Action, GrpcCode, Origin, Outcome, Severity, WireFormat};

/// Where a field sits in the word.
struct Bits {
    shift: u32,
    width: u32,
}

impl Bits {
    const fn mask(&self) -> u64 {
        (1 << self.width) - 1
    }

    const fn get(&self, word: u64) -> u64 {
        word >> self.shift & self.mask()
    }

    /// The value in place, or `None` when it does not fit.
    const fn put(&self, value: u64) -> Option<u64> {
        if value > self.mask() {
            None
        } else {
            Some(value << self.shift)
        }
    }

    #[allow(clippy::cast_possible_truncation)] // at most 5 bits
    const fn get_index(&self, word: u64) -> Option<usize> {
        match self.get(word) {
            0 => None,
            n => Some(n as usize - 1),
        }
    }

    const fn end(&self) -> u32 {
        self.shift + self.width
    }
}

const STATUS: Bits = Bits {
    shift: 0,
    width: 10,
};
const ACTION: Bits = Bits {
    shift: STATUS.end(),
    width: 3,
};
const SEVERITY: Bits = Bits {
    shift: ACTION.end(),
    width: 2,
};
const OUTCOME: Bits = Bits {
    shift: SEVERITY.end(),
    width: 2,
};
const ORIGIN: Bits = Bits {
    shift: OUTCOME.end(),
    width: 2,
};
const WIRE_FORMAT: Bits = Bits {
    shift: ORIGIN.end(),
    width: 3,
};
const DEPRECATED: Bits = Bits {
    shift: WIRE_FORMAT.end(),
    width: 1,
};
const GRPC_CODE: Bits = Bits {
    shift: DEPRECATED.end(),
    width: 5,
};

// Every vocabulary fits its bits (origin and gRPC code keep 0 for "none"), and
// the fields fit the word.
const _: () = {
    assert!(Action::ALL.len() as u64 <= ACTION.mask() + 1);
    assert!(Severity::ALL.len() as u64 <= SEVERITY.mask() + 1);
    assert!(Outcome::ALL.len() as u64 <= OUTCOME.mask() + 1);
    assert!(Origin::ALL.len() as u64 <= ORIGIN.mask());
    assert!(WireFormat::ALL.len() as u64 <= WIRE_FORMAT.mask() + 1);
    assert!(599 <= STATUS.mask());
    assert!(GrpcCode::ALL.len() as u64 <= GRPC_CODE.mask());
    assert!(GRPC_CODE.end() <= u64::BITS);
};

/// One code's status and classifications.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Meta(pub u64);

/// What [`Meta::pack`] packs: one code's metadata, unpacked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fields {
    /// The HTTP status.
    pub status: u16,
    /// The recommended action.
    pub action: Action,
    /// The severity.
    pub severity: Severity,
    /// The outcome.
    pub outcome: Outcome,
    /// The origin, if the catalog gives one.
    pub origin: Option<Origin>,
    /// How the code is sent.
    pub wire_format: WireFormat,
    /// Whether the code is deprecated.
    pub deprecated: bool,
    /// Its canonical gRPC code, when the catalog serves gRPC.
    pub grpc_code: Option<GrpcCode>,
}

/// The field that did not fit its bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overflow {
    /// A status from 1024 up.
    Status(u16),
}

impl Meta {
    /// Packs the fields.
    ///
    /// # Errors
    ///
    /// Names the first field that does not fit its bits.
    pub const fn pack(fields: &Fields) -> Result<Self, Overflow> {
        let Some(status) = STATUS.put(fields.status as u64) else {
            return Err(Overflow::Status(fields.status));
        };
        let origin = match fields.origin {
            Some(origin) => (origin as u64 + 1) << ORIGIN.shift,
            None => 0,
        };
        let grpc_code = match fields.grpc_code {
            Some(code) => (code as u64 + 1) << GRPC_CODE.shift,
            None => 0,
        };
        // The vocabularies fit by the assertions above.
        Ok(Self(
            status
                | (fields.action as u64) << ACTION.shift
                | (fields.severity as u64) << SEVERITY.shift
                | (fields.outcome as u64) << OUTCOME.shift
                | origin
                | (fields.wire_format as u64) << WIRE_FORMAT.shift
                | (fields.deprecated as u64) << DEPRECATED.shift
                | grpc_code,
        ))
    }

    /// The HTTP status.
    #[must_use]
    #[allow(clippy::cast_possible_truncation)] // ten bits
    pub const fn status(self) -> u16 {
        STATUS.get(self.0) as u16
    }

    /// The recommended action.
    #[must_use]
    #[allow(clippy::cast_possible_truncation)] // three bits
    pub const fn action(self) -> Action {
        Action::ALL[ACTION.get(self.0) as usize]
    }

    /// The severity.
    #[must_use]
    #[allow(clippy::cast_possible_truncation)] // two bits
    pub const fn severity(self) -> Severity {
        Severity::ALL[SEVERITY.get(self.0) as usize]
    }

    /// The outcome.
    #[must_use]
    #[allow(clippy::cast_possible_truncation)] // two bits
    pub const fn outcome(self) -> Outcome {
        Outcome::ALL[OUTCOME.get(self.0) as usize]
    }

    /// The origin, if the catalog gives one.
    #[must_use]
    pub const fn origin(self) -> Option<Origin> {
        match ORIGIN.get(self.0) {
            1 => Some(Origin::Internal),
            2 => Some(Origin::External),
            _ => None,
        }
    }

    /// How the code is sent.
    #[must_use]
    #[allow(clippy::cast_possible_truncation)] // three bits
    pub const fn wire_format(self) -> WireFormat {
        match WIRE_FORMAT.get(self.0) as usize {
            n if n < WireFormat::ALL.len() => WireFormat::ALL[n],
            _ => WireFormat::Problem,
        }
    }

    /// Whether the code is deprecated.
    #[must_use]
    pub const fn deprecated(self) -> bool {
        DEPRECATED.get(self.0) == 1
    }

    /// The canonical gRPC code, when the catalog serves gRPC.
    #[must_use]
    pub const fn grpc_code(self) -> Option<GrpcCode> {
        match GRPC_CODE.get_index(self.0) {
            Some(n) if n < GrpcCode::ALL.len() => Some(GrpcCode::ALL[n]),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> Fields {
        Fields {
            status: 400,
            action: Action::None,
            severity: Severity::Fatal,
            outcome: Outcome::Failure,
            origin: None,
            wire_format: WireFormat::Problem,
            deprecated: false,
            grpc_code: None,
        }
    }

    #[test]
    fn every_field_survives_packing() {
        let others = [
            (100, false, None),
            (207, true, Some(GrpcCode::Ok)),
            (599, true, Some(GrpcCode::Unauthenticated)),
        ];
        for &action in Action::ALL {
            for &severity in Severity::ALL {
                for &outcome in Outcome::ALL {
                    for origin in [None, Some(Origin::Internal), Some(Origin::External)] {
                        for &wire_format in WireFormat::ALL {
                            for (status, deprecated, grpc_code) in others {
                                let fields = Fields {
                                    status,
                                    action,
                                    severity,
                                    outcome,
                                    origin,
                                    wire_format,
                                    deprecated,
                                    grpc_code,
                                };
                                let meta = Meta::pack(&fields).unwrap();
                                assert_eq!(meta.status(), status);
                                assert_eq!(meta.action(), action);
                                assert_eq!(meta.severity(), severity);
                                assert_eq!(meta.outcome(), outcome);
                                assert_eq!(meta.origin(), origin);
                                assert_eq!(meta.wire_format(), wire_format);
                                assert_eq!(meta.deprecated(), deprecated);
                                assert_eq!(meta.grpc_code(), grpc_code);
                                assert_eq!(meta.0 >> GRPC_CODE.end(), 0);
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn out_of_range_fields_are_named() {
        let pack = |change: fn(&mut Fields)| {
            let mut fields = fields();
            change(&mut fields);
            Meta::pack(&fields)
        };
        assert!(pack(|_| {}).is_ok());
        assert_eq!(pack(|f| f.status = 1024), Err(Overflow::Status(1024)));
    }
}
