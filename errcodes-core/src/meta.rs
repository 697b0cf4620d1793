//! The per-code metadata packed into one `u32`, so that every accessor of a
//! generated enum is a single table load. The macro packs; the runtime
//! unpacks.
//!
//! | bits   | field                                   |
//! |--------|-----------------------------------------|
//! | 0..10  | HTTP status (100..=599)                 |
//! | 10..13 | [`Action`]                              |
//! | 13..15 | [`Severity`]                            |
//! | 15..17 | [`Outcome`]                             |
//! | 17..19 | [`Origin`]: 0 none, 1 + its index       |
//! | 19..29 | domain: 0 none, 1 + its index           |
//! | 29..32 | [`WireFormat`]                          |

use crate::{Action, Origin, Outcome, Severity, WireFormat};

/// The most domains a catalog may declare.
pub const MAX_DOMAINS: usize = (1 << 10) - 1;

/// One code's status and classifications.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Meta(pub u32);

impl Meta {
    /// Packs the fields; `None` when the status or the domain index does not
    /// fit its bits.
    #[must_use]
    #[allow(clippy::cast_possible_truncation)] // the index is checked to fit
    pub const fn pack(
        status: u16,
        action: Action,
        severity: Severity,
        outcome: Outcome,
        origin: Option<Origin>,
        domain: Option<usize>,
        format: WireFormat,
    ) -> Option<Self> {
        if status >= 1 << 10 {
            return None;
        }
        let origin = match origin {
            Some(origin) => origin as u32 + 1,
            None => 0,
        };
        let domain = match domain {
            Some(index) if index < MAX_DOMAINS => index as u32 + 1,
            Some(_) => return None,
            None => 0,
        };
        Some(Self(
            status as u32
                | (action as u32) << 10
                | (severity as u32) << 13
                | (outcome as u32) << 15
                | origin << 17
                | domain << 19
                | (format as u32) << 29,
        ))
    }

    /// The HTTP status.
    #[must_use]
    pub const fn status(self) -> u16 {
        (self.0 & 0x3ff) as u16
    }

    /// The recommended action.
    #[must_use]
    pub const fn action(self) -> Action {
        Action::ALL[(self.0 >> 10 & 0x7) as usize]
    }

    /// The severity.
    #[must_use]
    pub const fn severity(self) -> Severity {
        Severity::ALL[(self.0 >> 13 & 0x3) as usize]
    }

    /// The outcome.
    #[must_use]
    pub const fn outcome(self) -> Outcome {
        Outcome::ALL[(self.0 >> 15 & 0x3) as usize]
    }

    /// The origin, if the catalog gives one.
    #[must_use]
    pub const fn origin(self) -> Option<Origin> {
        match self.0 >> 17 & 0x3 {
            1 => Some(Origin::Internal),
            2 => Some(Origin::External),
            _ => None,
        }
    }

    /// The index of the domain in the catalog's list, if the code has one.
    #[must_use]
    pub const fn domain(self) -> Option<usize> {
        match self.0 >> 19 & 0x3ff {
            0 => None,
            n => Some(n as usize - 1),
        }
    }

    /// How the code is sent.
    #[must_use]
    pub const fn format(self) -> WireFormat {
        match self.0 >> 29 {
            n if (n as usize) < WireFormat::ALL.len() => WireFormat::ALL[n as usize],
            _ => WireFormat::Problem,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_survives_packing() {
        for &action in Action::ALL {
            for &severity in Severity::ALL {
                for &outcome in Outcome::ALL {
                    for origin in [None, Some(Origin::Internal), Some(Origin::External)] {
                        for domain in [None, Some(0), Some(MAX_DOMAINS - 1)] {
                            for &format in WireFormat::ALL {
                                for status in [100, 207, 599] {
                                    let meta = Meta::pack(
                                        status, action, severity, outcome, origin, domain, format,
                                    )
                                    .unwrap();
                                    assert_eq!(meta.status(), status);
                                    assert_eq!(meta.action(), action);
                                    assert_eq!(meta.severity(), severity);
                                    assert_eq!(meta.outcome(), outcome);
                                    assert_eq!(meta.origin(), origin);
                                    assert_eq!(meta.domain(), domain);
                                    assert_eq!(meta.format(), format);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn out_of_range_fields_are_refused() {
        let pack = |status, domain| {
            Meta::pack(
                status,
                Action::None,
                Severity::Fatal,
                Outcome::Failure,
                None,
                domain,
                WireFormat::Problem,
            )
        };
        assert_eq!(pack(1024, None), None);
        assert_eq!(pack(400, Some(MAX_DOMAINS)), None);
    }
}
