//! The macro that defines each closed vocabulary (actions, severities, …) with
//! its YAML spelling, so parsing and printing cannot disagree.

use core::fmt;

/// The error of parsing a word that is not in a vocabulary.
///
/// ```
/// use errcodes_core::Severity;
///
/// let err = "deadly".parse::<Severity>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "unknown severity, expected one of: info, warning, non-fatal, fatal"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownWord {
    pub(crate) kind: &'static str,
    pub(crate) expected: &'static [&'static str],
}

impl UnknownWord {
    /// What the word was meant to name: `"action"`, `"severity"`, …
    #[must_use]
    pub const fn kind(&self) -> &'static str {
        self.kind
    }

    /// The words that are accepted.
    #[must_use]
    pub const fn expected(&self) -> &'static [&'static str] {
        self.expected
    }
}

impl fmt::Display for UnknownWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {}, expected one of: ", self.kind)?;
        for (i, word) in self.expected.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(word)?;
        }
        Ok(())
    }
}

impl core::error::Error for UnknownWord {}

macro_rules! vocabulary {
    (
        $(#[$attr:meta])*
        pub enum $name:ident as $kind:literal {
            $(
                $(#[$variant_attr:meta])*
                $variant:ident = $spelling:literal,
            )*
        }
    ) => {
        $(#[$attr])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $(
                $(#[$variant_attr])*
                #[doc = ""]
                #[doc = concat!("Spelled `", $spelling, "`.")]
                $variant,
            )*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),*];

            /// Every spelling, in the order of [`Self::ALL`].
            pub const SPELLINGS: &'static [&'static str] = &[$($spelling),*];

            /// The spelling used in YAML catalogs and on the wire.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                Self::SPELLINGS[self as usize]
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = $crate::vocabulary::UnknownWord;

            fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err> {
                match Self::SPELLINGS.iter().position(|word| *word == s) {
                    Some(i) => Ok(Self::ALL[i]),
                    None => Err($crate::vocabulary::UnknownWord {
                        kind: $kind,
                        expected: Self::SPELLINGS,
                    }),
                }
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(self.as_str())
            }
        }

        #[cfg(feature = "serde")]
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                struct Words;

                impl ::serde::de::Visitor<'_> for Words {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(concat!("a ", $kind))
                    }

                    fn visit_str<E: ::serde::de::Error>(self, v: &str) -> ::core::result::Result<$name, E> {
                        v.parse().map_err(|_| E::unknown_variant(v, $name::SPELLINGS))
                    }
                }

                deserializer.deserialize_str(Words)
            }
        }
    };
}
