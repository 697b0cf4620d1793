//! Timestamps as RFC 3339 writes them: what a `timestamp` field carries.

use core::fmt;
use core::str::FromStr;

/// An instant, to the nanosecond, read from and written as an RFC 3339
/// date and time (`2025-01-20T10:30:00Z`). Any offset is read; the
/// instant is written in UTC, with as many fraction digits as it needs in
/// groups of three.
///
/// ```
/// use errcodes_core::Timestamp;
///
/// let t: Timestamp = "2025-01-20T12:30:00.5+02:00".parse().unwrap();
/// assert_eq!(t.to_string(), "2025-01-20T10:30:00.500Z");
/// assert_eq!(t.unix_seconds(), 1_737_369_000);
/// assert!("2025-02-30T00:00:00Z".parse::<Timestamp>().is_err());
/// // Debug shows the same text, as in a failed assertion.
/// assert_eq!(format!("{t:?}"), "2025-01-20T10:30:00.500Z");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    seconds: i64,
    nanos: u32,
}

/// Why a text is not an RFC 3339 timestamp.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadTimestamp(&'static str);

impl fmt::Display for BadTimestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not an RFC 3339 timestamp: {}", self.0)
    }
}

impl core::error::Error for BadTimestamp {}

/// Seconds from 0000-01-01T00:00:00Z to the Unix epoch, and to the end of
/// 9999: the range RFC 3339 can write.
const FIRST: i64 = -62_167_219_200;
const LAST: i64 = 253_402_300_799;

impl Timestamp {
    /// The instant `seconds` and `nanos` after 1970-01-01T00:00:00Z; `None`
    /// outside the years 0 to 9999, or with `nanos` of a second or more.
    #[must_use]
    pub const fn from_unix(seconds: i64, nanos: u32) -> Option<Self> {
        if seconds < FIRST || seconds > LAST || nanos >= 1_000_000_000 {
            return None;
        }
        Some(Timestamp { seconds, nanos })
    }

    /// Whole seconds since 1970-01-01T00:00:00Z.
    #[must_use]
    pub const fn unix_seconds(&self) -> i64 {
        self.seconds
    }

    /// Nanoseconds past [`unix_seconds`](Self::unix_seconds).
    #[must_use]
    pub const fn nanos(&self) -> u32 {
        self.nanos
    }
}

impl FromStr for Timestamp {
    type Err = BadTimestamp;

    fn from_str(text: &str) -> Result<Self, BadTimestamp> {
        let mut reader = Reader(text.as_bytes());
        let year = reader.digits(4, "the year must have four digits")?;
        reader.expect(b"-", "the date must be YYYY-MM-DD")?;
        let month = reader.digits(2, "the month must have two digits")?;
        reader.expect(b"-", "the date must be YYYY-MM-DD")?;
        let day = reader.digits(2, "the day must have two digits")?;
        reader.expect(b"Tt ", "a `T` must separate the date and the time")?;
        let hour = reader.digits(2, "the hour must have two digits")?;
        reader.expect(b":", "the time must be hh:mm:ss")?;
        let minute = reader.digits(2, "the minutes must have two digits")?;
        reader.expect(b":", "the time must be hh:mm:ss")?;
        let second = reader.digits(2, "the seconds must have two digits")?;
        let nanos = reader.fraction()?;
        let offset = reader.offset()?;
        if !reader.0.is_empty() {
            return Err(BadTimestamp("it goes on after the offset"));
        }
        if !(1..=12).contains(&month) {
            return Err(BadTimestamp("the month must be 01 to 12"));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(BadTimestamp("the month has no such day"));
        }
        // A leap second reads as the second after it.
        if hour > 23 || minute > 59 || second > 60 {
            return Err(BadTimestamp("the time must be 00:00:00 to 23:59:60"));
        }
        let days = days_from_civil(i64::from(year), month, day);
        let seconds =
            days * 86_400 + i64::from(hour) * 3_600 + i64::from(minute) * 60 + i64::from(second)
                - offset;
        Timestamp::from_unix(seconds, nanos)
            .ok_or(BadTimestamp("it is outside the years 0 to 9999"))
    }
}

impl Timestamp {
    /// Appends the timestamp as `Display` writes it, without going
    /// through `fmt`: renderers write one per field.
    pub fn write(&self, out: &mut alloc::vec::Vec<u8>) {
        let (text, len) = self.text();
        out.extend_from_slice(&text[..len]);
    }

    /// The RFC 3339 text, in UTC, and its length: what `write` and
    /// `Display` both give.
    fn text(&self) -> ([u8; 30], usize) {
        // Digits right-aligned in `slot`.
        fn put(slot: &mut [u8], mut value: u64) {
            for byte in slot.iter_mut().rev() {
                *byte = b'0' + (value % 10) as u8;
                value /= 10;
            }
        }
        // Two digits of a value below 100, at `at`.
        fn two(text: &mut [u8; 30], at: usize, value: u64) {
            let at_pair = usize::try_from(value % 100).unwrap_or(0) * 2;
            text[at..at + 2].copy_from_slice(&PAIRS[at_pair..at_pair + 2]);
        }
        // Years are 0 to 9999 (`from_unix` keeps them so): every part has
        // its place, and the time since the year 0 began is never negative.
        let since = self.seconds.abs_diff(FIRST);
        let (days, time) = (since / 86_400, since % 86_400);
        let (year, month, day) = civil_from_days_of_year_zero(days);
        let mut text = *b"0000-00-00T00:00:00.000000000Z";
        two(&mut text, 0, year / 100);
        two(&mut text, 2, year);
        two(&mut text, 5, month);
        two(&mut text, 8, day);
        two(&mut text, 11, time / 3_600);
        two(&mut text, 14, time / 60 % 60);
        two(&mut text, 17, time % 60);
        let n = u64::from(self.nanos);
        let (digits, unit) = match n {
            0 => (0, 1),
            n if n % 1_000_000 == 0 => (3, 1_000_000),
            n if n % 1_000 == 0 => (6, 1_000),
            _ => (9, 1),
        };
        let end = if digits == 0 {
            19
        } else {
            put(&mut text[20..20 + digits], n / unit);
            20 + digits
        };
        text[end] = b'Z';
        (text, end + 1)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (text, len) = self.text();
        // ASCII digits and punctuation only.
        f.write_str(core::str::from_utf8(&text[..len]).map_err(|_| fmt::Error)?)
    }
}

// The instant as people read it, rather than seconds since 1970.
impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// What is left of a timestamp being read.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn digits(&mut self, count: usize, why: &'static str) -> Result<u32, BadTimestamp> {
        let digits = self.0.get(..count).ok_or(BadTimestamp(why))?;
        let mut value = 0;
        for &digit in digits {
            if !digit.is_ascii_digit() {
                return Err(BadTimestamp(why));
            }
            value = value * 10 + u32::from(digit - b'0');
        }
        self.0 = &self.0[count..];
        Ok(value)
    }

    fn expect(&mut self, one_of: &[u8], why: &'static str) -> Result<(), BadTimestamp> {
        match self.0.split_first() {
            Some((byte, rest)) if one_of.contains(byte) => {
                self.0 = rest;
                Ok(())
            }
            _ => Err(BadTimestamp(why)),
        }
    }

    /// Nanoseconds from `.` and digits, when there are; digits past the
    /// ninth are dropped.
    fn fraction(&mut self) -> Result<u32, BadTimestamp> {
        let Some(rest) = self.0.strip_prefix(b".") else {
            return Ok(0);
        };
        let count = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if count == 0 {
            return Err(BadTimestamp("a `.` must be followed by digits"));
        }
        let mut nanos = 0;
        for position in 0..9 {
            let digit = rest.get(position).filter(|_| position < count);
            nanos = nanos * 10 + digit.map_or(0, |d| u32::from(d - b'0'));
        }
        self.0 = &rest[count..];
        Ok(nanos)
    }

    /// The offset from UTC, in seconds.
    fn offset(&mut self) -> Result<i64, BadTimestamp> {
        const WHY: &str = "the offset must be `Z` or ±hh:mm";
        let (&sign, rest) = self.0.split_first().ok_or(BadTimestamp(WHY))?;
        self.0 = rest;
        let sign = match sign {
            b'Z' | b'z' => return Ok(0),
            b'+' => 1,
            b'-' => -1,
            _ => return Err(BadTimestamp(WHY)),
        };
        let hours = self.digits(2, WHY)?;
        self.expect(b":", WHY)?;
        let minutes = self.digits(2, WHY)?;
        if hours > 23 || minutes > 59 {
            return Err(BadTimestamp(WHY));
        }
        Ok(sign * i64::from(hours * 3_600 + minutes * 60))
    }
}

fn is_leap(year: u32) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar,
/// counted in eras of 400 years that start on March 1st, so that the leap
/// day ends each year.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month_from_march = i64::from((month + 9) % 12);
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date `days` after 0000-01-01: the inverse of [`days_from_civil`],
/// counted from the March 1st of the year -400 so that every date from the
/// year 0 on is a positive count of whole eras and days.
fn civil_from_days_of_year_zero(days: u64) -> (u64, u64, u64) {
    // 0000-03-01 is day 60 of the year 0, a leap year; one era earlier.
    let days = days + 146_097 - 60;
    let era = days / 146_097;
    let day_of_era = days % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2) - 400;
    (year, month, day)
}

/// `00` to `99`, two bytes each.
static PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849\
    5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";

#[cfg(test)]
mod tests {
    use alloc::string::ToString;

    use super::*;

    fn parse(text: &str) -> Result<Timestamp, BadTimestamp> {
        text.parse()
    }

    #[test]
    fn dates_and_days_agree_over_four_centuries_and_more() {
        let mut days = days_from_civil(0, 1, 1);
        for year in 0..2401 {
            for month in 1..=12 {
                for day in 1..=days_in_month(u32::try_from(year).unwrap(), month) {
                    assert_eq!(days_from_civil(year, month, day), days);
                    let since_year_zero = u64::try_from(days + 719_528).unwrap();
                    assert_eq!(
                        civil_from_days_of_year_zero(since_year_zero),
                        (year.unsigned_abs(), u64::from(month), u64::from(day))
                    );
                    days += 1;
                }
            }
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
    }

    #[test]
    fn what_is_written_reads_back() {
        for text in [
            "2025-01-20T10:30:00Z",
            "1970-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "2024-02-29T12:00:00.123Z",
            "1969-12-31T23:59:59.000001Z",
        ] {
            let t = parse(text).unwrap();
            assert_eq!(t.to_string(), text);
            assert_eq!(parse(&t.to_string()), Ok(t));
            let mut written = alloc::vec::Vec::new();
            t.write(&mut written);
            assert_eq!(written, text.as_bytes());
        }
    }

    #[test]
    fn every_instant_from_the_year_0_to_9999_is_written_as_it_reads() {
        // A step prime to the day's length lands on every time of day.
        let mut seconds = FIRST;
        let mut written = 0;
        while seconds <= LAST {
            for at in [seconds, seconds + 59, seconds + 86_399] {
                if let Some(t) = Timestamp::from_unix(at, 0) {
                    assert_eq!(parse(&t.to_string()), Ok(t), "{at}");
                    written += 1;
                }
            }
            seconds += 999_983;
        }
        assert_eq!(
            parse(&Timestamp::from_unix(LAST, 0).unwrap().to_string()),
            parse("9999-12-31T23:59:59Z")
        );
        assert!(written > 900_000, "{written}");
    }

    #[test]
    fn offsets_fractions_and_lowercase_are_read() {
        let utc = parse("2025-01-20T10:30:00Z").unwrap();
        assert_eq!(parse("2025-01-20T12:30:00+02:00"), Ok(utc));
        assert_eq!(parse("2025-01-20t05:00:00-05:30"), Ok(utc));
        assert_eq!(parse("2025-01-20 10:30:00z"), Ok(utc));
        assert_eq!(
            parse("2025-01-20T10:30:00.1234567891Z").unwrap().nanos(),
            123_456_789
        );
        assert_eq!(
            parse("2016-12-31T23:59:60Z").unwrap().to_string(),
            "2017-01-01T00:00:00Z"
        );
    }

    #[test]
    fn anything_else_is_refused_with_a_reason() {
        for (text, why) in [
            ("", "the year must have four digits"),
            ("2025-1-20T10:30:00Z", "the month must have two digits"),
            ("2025-13-01T00:00:00Z", "the month must be 01 to 12"),
            ("2023-02-29T00:00:00Z", "the month has no such day"),
            (
                "2025-01-20T24:00:00Z",
                "the time must be 00:00:00 to 23:59:60",
            ),
            ("2025-01-20T10:30:00", "the offset must be `Z` or ±hh:mm"),
            (
                "2025-01-20T10:30:00+2:00",
                "the offset must be `Z` or ±hh:mm",
            ),
            ("2025-01-20T10:30:00.Z", "a `.` must be followed by digits"),
            ("2025-01-20T10:30:00Zjunk", "it goes on after the offset"),
            (
                "0000-01-01T00:00:00+00:01",
                "it is outside the years 0 to 9999",
            ),
            ("2025-01-20", "a `T` must separate the date and the time"),
            ("２０２５-01-20T10:30:00Z", "the year must have four digits"),
        ] {
            assert_eq!(parse(text), Err(BadTimestamp(why)), "{text}");
        }
    }

    #[test]
    fn writing_agrees_with_display() {
        for text in [
            "2025-01-20T10:30:00Z",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "2024-02-29T12:00:00.5+05:30",
            "1970-01-01T00:00:00.000250Z",
        ] {
            let timestamp: Timestamp = text.parse().unwrap();
            let mut written = alloc::vec::Vec::new();
            timestamp.write(&mut written);
            assert_eq!(
                alloc::string::String::from_utf8(written).unwrap(),
                timestamp.to_string()
            );
        }
    }
}
