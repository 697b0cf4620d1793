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
//! | 19..29 | domain: 0 none, 1 + its index                        |
//! | 29..32 | [`WireFormat`]                                       |
//! | 32     | deprecated                                           |
//! | 33..50 | replacement: 0 none, 1 + the replacing code's index  |
//! | 50..55 | [`GrpcCode`]: 0 none, 1 + its number                 |
//! | 55..64 | unused, zero                                         |

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

    /// A position counted from 1, so that 0 can mean none.
    const fn put_index(&self, index: Option<usize>) -> Result<u64, usize> {
        match index {
            Some(index) => match self.put(index as u64 + 1) {
                Some(bits) => Ok(bits),
                None => Err(index),
            },
            None => Ok(0),
        }
    }

    #[allow(clippy::cast_possible_truncation)] // at most 17 bits
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
const DOMAIN: Bits = Bits {
    shift: ORIGIN.end(),
    width: 10,
};
const WIRE_FORMAT: Bits = Bits {
    shift: DOMAIN.end(),
    width: 3,
};
const DEPRECATED: Bits = Bits {
    shift: WIRE_FORMAT.end(),
    width: 1,
};
const REPLACED_BY: Bits = Bits {
    shift: DEPRECATED.end(),
    width: 17,
};
const GRPC_CODE: Bits = Bits {
    shift: REPLACED_BY.end(),
    width: 5,
};

// Every vocabulary fits its bits (origin and domain keep 0 for "none"), and
// the fields fit the word.
const _: () = {
    assert!(Action::ALL.len() as u64 <= ACTION.mask() + 1);
    assert!(Severity::ALL.len() as u64 <= SEVERITY.mask() + 1);
    assert!(Outcome::ALL.len() as u64 <= OUTCOME.mask() + 1);
    assert!(Origin::ALL.len() as u64 <= ORIGIN.mask());
    assert!(WireFormat::ALL.len() as u64 <= WIRE_FORMAT.mask() + 1);
    assert!(MAX_DOMAINS as u64 == DOMAIN.mask());
    assert!(599 <= STATUS.mask());
    // Any position in a catalog of 2^16 codes.
    assert!(REPLACED_BY.mask() >= 1 << 16);
    assert!(GrpcCode::ALL.len() as u64 <= GRPC_CODE.mask());
    assert!(GRPC_CODE.end() <= u64::BITS);
};

/// The most domains a catalog may declare.
pub const MAX_DOMAINS: usize = (1 << 10) - 1;

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
    /// The index of the code's domain in the catalog's list.
    pub domain: Option<usize>,
    /// How the code is sent.
    pub wire_format: WireFormat,
    /// Whether the code is deprecated.
    pub deprecated: bool,
    /// The position of the code that replaces it.
    pub replaced_by: Option<usize>,
    /// Its canonical gRPC code, when the catalog serves gRPC.
    pub grpc_code: Option<GrpcCode>,
}

/// The field that did not fit its bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overflow {
    /// A status from 1024 up.
    Status(u16),
    /// A domain index from [`MAX_DOMAINS`] up.
    Domain(usize),
    /// A replacement's position beyond 2^17 - 2.
    ReplacedBy(usize),
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
        let domain = match DOMAIN.put_index(fields.domain) {
            Ok(bits) => bits,
            Err(index) => return Err(Overflow::Domain(index)),
        };
        let replaced_by = match REPLACED_BY.put_index(fields.replaced_by) {
            Ok(bits) => bits,
            Err(index) => return Err(Overflow::ReplacedBy(index)),
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
                | domain
                | (fields.wire_format as u64) << WIRE_FORMAT.shift
                | (fields.deprecated as u64) << DEPRECATED.shift
                | replaced_by
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

    /// The index of the domain in the catalog's list, if the code has one.
    #[must_use]
    pub const fn domain(self) -> Option<usize> {
        DOMAIN.get_index(self.0)
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

    /// The position of the code that replaces this one, if any.
    #[must_use]
    pub const fn replaced_by(self) -> Option<usize> {
        REPLACED_BY.get_index(self.0)
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
            domain: None,
            wire_format: WireFormat::Problem,
            deprecated: false,
            replaced_by: None,
            grpc_code: None,
        }
    }

    #[test]
    fn every_field_survives_packing() {
        let others = [
            (100, false, None, None),
            (207, true, Some(0), Some(GrpcCode::Ok)),
            (599, true, Some(1 << 16), Some(GrpcCode::Unauthenticated)),
        ];
        for &action in Action::ALL {
            for &severity in Severity::ALL {
                for &outcome in Outcome::ALL {
                    for origin in [None, Some(Origin::Internal), Some(Origin::External)] {
                        for domain in [None, Some(0), Some(MAX_DOMAINS - 1)] {
                            for &wire_format in WireFormat::ALL {
                                for (status, deprecated, replaced_by, grpc_code) in others {
                                    let fields = Fields {
                                        status,
                                        action,
                                        severity,
                                        outcome,
                                        origin,
                                        domain,
                                        wire_format,
                                        deprecated,
                                        replaced_by,
                                        grpc_code,
                                    };
                                    let meta = Meta::pack(&fields).unwrap();
                                    assert_eq!(meta.status(), status);
                                    assert_eq!(meta.action(), action);
                                    assert_eq!(meta.severity(), severity);
                                    assert_eq!(meta.outcome(), outcome);
                                    assert_eq!(meta.origin(), origin);
                                    assert_eq!(meta.domain(), domain);
                                    assert_eq!(meta.wire_format(), wire_format);
                                    assert_eq!(meta.deprecated(), deprecated);
                                    assert_eq!(meta.replaced_by(), replaced_by);
                                    assert_eq!(meta.grpc_code(), grpc_code);
                                    assert_eq!(meta.0 >> GRPC_CODE.end(), 0);
                                }
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
        assert_eq!(
            pack(|f| f.domain = Some(MAX_DOMAINS)),
            Err(Overflow::Domain(MAX_DOMAINS))
        );
        assert_eq!(
            pack(|f| f.replaced_by = Some((1 << 17) - 1)),
            Err(Overflow::ReplacedBy((1 << 17) - 1))
        );
        assert!(pack(|f| f.replaced_by = Some((1 << 17) - 2)).is_ok());
    }
}
