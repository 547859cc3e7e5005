//! Dates at their real precision: a subset of EDTF (ISO 8601-2), see
//! docs/data-format.md. Parsed from and written back to the string form.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The finest unit a date states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
    Minute,
    Second,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Time {
    pub hour: u8,
    pub minute: u8,
    pub second: Option<u8>,
}

/// One point in time, e.g. `2012`, `-0500`, `Y-13800000000`, `2012-11-02T14:30?`.
/// Years are astronomical: `0` is 1 BCE, `-1` is 2 BCE.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Point {
    pub year: i64,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub time: Option<Time>,
    /// `?`: perhaps this date.
    pub uncertain: bool,
    /// `~`: about this date.
    pub approximate: bool,
}

/// A date: one point, or an interval `a/b` whose ends may be open (`..`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Date {
    Point(Point),
    /// At least one end is known.
    Interval {
        start: Option<Point>,
        end: Option<Point>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateError {}

/// Years beyond this are refused: far past the age of the universe, and
/// small enough that day arithmetic in f64 stays meaningful.
const MAX_ABS_YEAR: i64 = 999_999_999_999;
/// chrono's calendar covers about ±262,000 years; beyond it years are approximated.
const CHRONO_MAX_ABS_YEAR: i64 = 262_000;
const DAYS_PER_YEAR: f64 = 365.2425;
/// `NaiveDate::from_ymd(1970, 1, 1).num_days_from_ce()`.
const UNIX_EPOCH_DAYS_FROM_CE: i64 = 719_163;

const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn fail<T>(input: &str, why: &str) -> Result<T, DateError> {
    Err(DateError(format!("invalid date {input:?}: {why}")))
}

impl Date {
    pub fn parse(input: &str) -> Result<Date, DateError> {
        if input.is_empty() {
            return fail(input, "empty");
        }
        if !input.contains('/') {
            return Ok(Date::Point(Point::parse(input)?));
        }
        let mut parts = input.split('/');
        let (Some(first), Some(second), None) = (parts.next(), parts.next(), parts.next()) else {
            return fail(input, "an interval has exactly one '/'");
        };
        let start = parse_interval_end(first)?;
        let end = parse_interval_end(second)?;
        if start.is_none() && end.is_none() {
            return fail(input, "an interval needs at least one known end");
        }
        Ok(Date::Interval { start, end })
    }

    /// The point the date starts at (the end of an interval open at the start).
    pub fn start_point(&self) -> Option<&Point> {
        match self {
            Date::Point(point) => Some(point),
            Date::Interval { start, end } => start.as_ref().or(end.as_ref()),
        }
    }

    /// The point the date ends at (the start of an interval open at the end).
    pub fn end_point(&self) -> Option<&Point> {
        match self {
            Date::Point(point) => Some(point),
            Date::Interval { start, end } => end.as_ref().or(start.as_ref()),
        }
    }

    pub fn is_interval(&self) -> bool {
        matches!(self, Date::Interval { .. })
    }

    /// `../2014`: the start is unknown or unbounded.
    pub fn is_open_start(&self) -> bool {
        matches!(self, Date::Interval { start: None, .. })
    }

    /// `2013-12/..`: ongoing or unbounded.
    pub fn is_open_end(&self) -> bool {
        matches!(self, Date::Interval { end: None, .. })
    }

    /// Days since 1970-01-01 (proleptic Gregorian) at which the date begins.
    /// An open start takes the known end's start: layouts decide how far to draw.
    pub fn start_days(&self) -> f64 {
        self.start_point().map_or(0.0, Point::start_days)
    }

    /// Exclusive end, in days since 1970-01-01: `2012` ends at 2013-01-01.
    /// An open end takes the known start's end.
    pub fn end_days(&self) -> f64 {
        self.end_point().map_or(0.0, Point::end_days)
    }

    /// The precision of the start (or of the only known end).
    pub fn precision(&self) -> Precision {
        self.start_point().map_or(Precision::Year, Point::precision)
    }

    pub fn is_uncertain(&self) -> bool {
        self.points().any(|p| p.uncertain)
    }

    pub fn is_approximate(&self) -> bool {
        self.points().any(|p| p.approximate)
    }

    /// An interval whose end lies wholly before its start (`2014/2011`).
    pub fn is_reversed(&self) -> bool {
        match self {
            Date::Interval {
                start: Some(start),
                end: Some(end),
            } => end.end_days() <= start.start_days(),
            _ => false,
        }
    }

    fn points(&self) -> impl Iterator<Item = &Point> {
        let (a, b) = match self {
            Date::Point(point) => (Some(point), None),
            Date::Interval { start, end } => (start.as_ref(), end.as_ref()),
        };
        a.into_iter().chain(b)
    }

    /// A short, language-light label: `2012`, `Nov 2012`, `2 Nov 2012`,
    /// `501 BCE`, `13.8 billion years ago`, `c. 2012?`, `2011–2014`.
    pub fn label(&self) -> String {
        self.label_in(&crate::i18n::English)
    }

    /// [`Date::label`] written the way `locale` writes dates.
    pub fn label_in(&self, locale: &dyn crate::i18n::Locale) -> String {
        match self {
            Date::Point(point) => point.label_in(locale),
            Date::Interval { start, end } => {
                let start = start.as_ref().map(|p| p.label_in(locale));
                let end = end.as_ref().map(|p| p.label_in(locale));
                match (start, end) {
                    (Some(a), Some(b)) if a == b => a,
                    (Some(a), Some(b)) if a.contains(' ') || b.contains(' ') => {
                        format!("{a} – {b}")
                    }
                    (Some(a), Some(b)) => format!("{a}–{b}"),
                    (Some(a), None) => format!("{a} –"),
                    (None, Some(b)) => format!("– {b}"),
                    (None, None) => String::new(),
                }
            }
        }
    }
}

fn parse_interval_end(part: &str) -> Result<Option<Point>, DateError> {
    if part == ".." {
        Ok(None)
    } else {
        Point::parse(part).map(Some)
    }
}

/// Splits off a run of exactly `len` ASCII digits.
fn take_digits(s: &str, len: usize) -> Option<(u32, &str)> {
    let digits = s.get(..len).filter(|d| !d.is_empty())?;
    // Summed by hand: `str::parse` is a noticeable part of reading 10,000 dates.
    let mut value: u32 = 0;
    for b in digits.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value.checked_mul(10)?.checked_add(u32::from(b - b'0'))?;
    }
    Some((value, s.get(len..)?))
}

impl Point {
    pub fn parse(input: &str) -> Result<Point, DateError> {
        let (body, uncertain, approximate) = match input.as_bytes().last() {
            Some(b'?') => (input.get(..input.len() - 1).unwrap_or(""), true, false),
            Some(b'~') => (input.get(..input.len() - 1).unwrap_or(""), false, true),
            Some(b'%') => (input.get(..input.len() - 1).unwrap_or(""), true, true),
            _ => (input, false, false),
        };
        let mut point = Point {
            year: 0,
            month: None,
            day: None,
            time: None,
            uncertain,
            approximate,
        };
        if let Some(large) = body.strip_prefix('Y') {
            point.year = parse_large_year(input, large)?;
            return Ok(point);
        }
        let (negative, unsigned) = match body.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, body),
        };
        let year_len = unsigned.bytes().take_while(u8::is_ascii_digit).count();
        let year_ok = if negative {
            (1..=4).contains(&year_len)
        } else {
            year_len == 4
        };
        if !year_ok {
            return fail(
                input,
                "expected a four-digit year (or -Y…Y for BCE, Y… for years beyond four digits)",
            );
        }
        let (year, mut rest) = take_digits(unsigned, year_len)
            .ok_or_else(|| DateError(format!("invalid date {input:?}: bad year")))?;
        if negative && year == 0 {
            return fail(input, "year 0 has no sign");
        }
        point.year = if negative {
            -i64::from(year)
        } else {
            i64::from(year)
        };

        if let Some(after) = rest.strip_prefix('-') {
            let Some((month, after)) = take_digits(after, 2) else {
                return fail(input, "expected a two-digit month");
            };
            if !(1..=12).contains(&month) {
                return fail(input, "month must be 01 to 12");
            }
            point.month = Some(month as u8);
            rest = after;
            if let Some(after) = rest.strip_prefix('-') {
                let Some((day, after)) = take_digits(after, 2) else {
                    return fail(input, "expected a two-digit day");
                };
                point.day = Some(day as u8);
                rest = after;
                if calendar_date(point.year, month, day).is_none() {
                    return fail(input, "no such day in the calendar");
                }
            }
        }
        if let Some(after) = rest.strip_prefix('T') {
            if point.day.is_none() {
                return fail(input, "a time needs a full date");
            }
            let (time, after) = parse_time(input, after)?;
            point.time = Some(time);
            rest = after;
        }
        if !rest.is_empty() {
            return fail(input, "unexpected text after the date");
        }
        Ok(point)
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day, self.time) {
            (
                _,
                _,
                Some(Time {
                    second: Some(_), ..
                }),
            ) => Precision::Second,
            (_, _, Some(_)) => Precision::Minute,
            (_, Some(_), None) => Precision::Day,
            (Some(_), None, None) => Precision::Month,
            (None, _, None) => Precision::Year,
        }
    }

    pub fn start_days(&self) -> f64 {
        let day = match (self.month, self.day) {
            (Some(month), Some(day)) => ymd_days(self.year, month, day),
            (Some(month), None) => ymd_days(self.year, month, 1),
            _ => Some(year_start_days(self.year)),
        };
        let day = day.unwrap_or_else(|| year_start_days(self.year));
        day + self.time.map_or(0.0, |t| time_fraction(&t))
    }

    pub fn end_days(&self) -> f64 {
        let start = self.start_days();
        match self.precision() {
            Precision::Second => start + 1.0 / 86_400.0,
            Precision::Minute => start + 1.0 / 1_440.0,
            Precision::Day => start + 1.0,
            Precision::Month => match self.month {
                Some(month) if month < 12 => {
                    ymd_days(self.year, month + 1, 1).unwrap_or(start + 30.0)
                }
                _ => year_start_days(self.year.saturating_add(1)),
            },
            Precision::Year => year_start_days(self.year.saturating_add(1)),
        }
    }

    pub fn label(&self) -> String {
        self.label_in(&crate::i18n::English)
    }

    /// The label written the way `locale` writes dates and numbers: `Nov 2012`,
    /// `nov. 2012`, `نوفمبر ٢٠١٢`; `c.` and `?` for approximate and uncertain.
    pub fn label_in(&self, locale: &dyn crate::i18n::Locale) -> String {
        use crate::i18n::{Counted, Msg, count_text, fill};
        let label = if self.year <= -10_000 {
            let years = self.year.unsigned_abs() as f64;
            let written = if years >= 1e6 {
                locale.compact(years)
            } else {
                locale.number(years)
            };
            count_text(locale, Counted::YearsAgo, years, &written)
        } else {
            locale.date(&self.parts(true))
        };
        let lang = locale.lang();
        let label = if self.approximate {
            fill(Msg::Circa.text(lang), &[("date", &label)])
        } else {
            label
        };
        if self.uncertain {
            fill(Msg::Perhaps.text(lang), &[("date", &label)])
        } else {
            label
        }
    }

    /// The fields to write, with or without the year.
    pub fn parts(&self, with_year: bool) -> crate::i18n::DateParts {
        crate::i18n::DateParts {
            year: self.year,
            month: self.month,
            day: self.day.filter(|_| self.month.is_some()),
            time: self.time.map(|t| (t.hour, t.minute, t.second)),
            with_year,
        }
    }
}

/// A date as the native code writes it: `2 Nov 2012 14:30`, `Nov 2012`,
/// `501 BCE`, `12,000`; without the year, `2 Nov`.
pub fn english_date(parts: &crate::i18n::DateParts) -> String {
    let year = year_label(parts.year);
    let month = parts
        .month
        .and_then(|m| MONTH_ABBREVIATIONS.get(usize::from(m).wrapping_sub(1)));
    let mut label = match (month, parts.day, parts.with_year) {
        (Some(month), Some(day), true) => format!("{day} {month} {year}"),
        (Some(month), Some(day), false) => format!("{day} {month}"),
        (Some(month), None, _) => format!("{month} {year}"),
        _ => year,
    };
    if let Some((hour, minute, second)) = parts.time {
        label.push_str(&format!(" {hour:02}:{minute:02}"));
        if let Some(second) = second {
            label.push_str(&format!(":{second:02}"));
        }
    }
    label
}

fn parse_large_year(input: &str, text: &str) -> Result<i64, DateError> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if digits.is_empty() || digits.len() > 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return fail(input, "expected Y followed by up to twelve digits");
    }
    let Ok(value) = digits.parse::<i64>() else {
        return fail(input, "year out of range");
    };
    if value > MAX_ABS_YEAR {
        return fail(input, "year out of range");
    }
    Ok(if negative { -value } else { value })
}

fn parse_time<'a>(input: &str, text: &'a str) -> Result<(Time, &'a str), DateError> {
    let bad = || {
        DateError(format!(
            "invalid date {input:?}: expected a time hh:mm or hh:mm:ss"
        ))
    };
    let (hour, rest) = take_digits(text, 2).ok_or_else(bad)?;
    let rest = rest.strip_prefix(':').ok_or_else(bad)?;
    let (minute, mut rest) = take_digits(rest, 2).ok_or_else(bad)?;
    let mut second = None;
    if let Some(after) = rest.strip_prefix(':') {
        let (s, after) = take_digits(after, 2).ok_or_else(bad)?;
        second = Some(s);
        rest = after;
    }
    if hour > 23 || minute > 59 || second.is_some_and(|s| s > 59) {
        return fail(input, "time out of range");
    }
    let time = Time {
        hour: hour as u8,
        minute: minute as u8,
        second: second.map(|s| s as u8),
    };
    Ok((time, rest))
}

fn calendar_date(year: i64, month: u32, day: u32) -> Option<NaiveDate> {
    if year.unsigned_abs() > CHRONO_MAX_ABS_YEAR.unsigned_abs() {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

fn ymd_days(year: i64, month: u8, day: u8) -> Option<f64> {
    let date = calendar_date(year, u32::from(month), u32::from(day))?;
    Some((i64::from(date.num_days_from_ce()) - UNIX_EPOCH_DAYS_FROM_CE) as f64)
}

fn year_start_days(year: i64) -> f64 {
    ymd_days(year, 1, 1).unwrap_or((year as f64 - 1970.0) * DAYS_PER_YEAR)
}

fn time_fraction(time: &Time) -> f64 {
    let seconds = u32::from(time.hour) * 3600
        + u32::from(time.minute) * 60
        + u32::from(time.second.unwrap_or(0));
    f64::from(seconds) / 86_400.0
}

/// `2012`, `501 BCE` (astronomical -500), `12,000`.
fn year_label(year: i64) -> String {
    if year <= 0 {
        format!("{} BCE", 1 - year)
    } else if year > 9_999 {
        crate::i18n::group_thousands(year.unsigned_abs())
    } else {
        year.to_string()
    }
}

impl fmt::Display for Point {
    /// The canonical EDTF form: `2012-11-02T14:30`, `-0044-03-15`, `Y-13800000000`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.year.unsigned_abs() > 9_999 {
            write!(f, "Y{}", self.year)?;
        } else if self.year < 0 {
            write!(f, "-{:04}", self.year.unsigned_abs())?;
        } else {
            write!(f, "{:04}", self.year)?;
        }
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
            if let Some(day) = self.day {
                write!(f, "-{day:02}")?;
                if let Some(time) = self.time {
                    write!(f, "T{:02}:{:02}", time.hour, time.minute)?;
                    if let Some(second) = time.second {
                        write!(f, ":{second:02}")?;
                    }
                }
            }
        }
        match (self.uncertain, self.approximate) {
            (true, true) => f.write_str("%"),
            (true, false) => f.write_str("?"),
            (false, true) => f.write_str("~"),
            (false, false) => Ok(()),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Date::Point(point) => point.fmt(f),
            Date::Interval { start, end } => {
                match start {
                    Some(point) => point.fmt(f)?,
                    None => f.write_str("..")?,
                }
                f.write_str("/")?;
                match end {
                    Some(point) => point.fmt(f),
                    None => f.write_str(".."),
                }
            }
        }
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        Date::parse(s)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "EDTF subset: 2012, 2012-11, 2012-11-02, 2012-11-02T14:30[:05], -0500, Y-13800000000, qualifiers ? ~ %, intervals a/b with .. for an open end",
            "pattern": "^(\\.\\.|Y-?[0-9]+|-?[0-9]{1,4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?)?)?)?)[?~%]?(/(\\.\\.|Y-?[0-9]+|-?[0-9]{1,4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?)?)?)?)[?~%]?)?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        match Date::parse(s) {
            Ok(date) => date,
            Err(e) => panic!("{s:?} should parse: {e}"),
        }
    }

    fn days(y: i32, m: u32, d: u32) -> f64 {
        let date = NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        (i64::from(date.num_days_from_ce()) - UNIX_EPOCH_DAYS_FROM_CE) as f64
    }

    #[test]
    fn precisions() {
        assert_eq!(date("2012").precision(), Precision::Year);
        assert_eq!(date("2012-11").precision(), Precision::Month);
        assert_eq!(date("2012-11-02").precision(), Precision::Day);
        assert_eq!(date("2012-11-02T14:30").precision(), Precision::Minute);
        assert_eq!(date("2012-11-02T14:30:05").precision(), Precision::Second);
        assert_eq!(date("Y-13800000000").precision(), Precision::Year);
    }

    #[test]
    fn positions_span_the_precision() {
        assert_eq!(date("1970-01-01").start_days(), 0.0);
        assert_eq!(date("1970-01-01").end_days(), 1.0);
        assert_eq!(date("2012").start_days(), days(2012, 1, 1));
        assert_eq!(date("2012").end_days(), days(2013, 1, 1));
        assert_eq!(date("2012-02").end_days(), days(2012, 3, 1));
        assert_eq!(date("2012-12").end_days(), days(2013, 1, 1));
        let minute = date("1970-01-02T12:00");
        assert!((minute.start_days() - 1.5).abs() < 1e-9);
        assert!((minute.end_days() - (1.5 + 1.0 / 1440.0)).abs() < 1e-9);
        let second = date("1970-01-01T00:00:30");
        assert!((second.end_days() - 31.0 / 86_400.0).abs() < 1e-9);
    }

    #[test]
    fn negative_years_are_astronomical() {
        assert_eq!(date("-0500"), Date::parse("-500").unwrap_or(date("2000")));
        assert_eq!(date("-0044-03-15").start_days(), days(-44, 3, 15));
        assert!(date("-0500").start_days() < date("0001").start_days());
        assert_eq!(date("-0500").label(), "501 BCE");
        assert_eq!(date("0000").label(), "1 BCE");
        assert_eq!(date("-0043-03-15").label(), "15 Mar 44 BCE");
        assert!(Date::parse("-0000").is_err());
    }

    #[test]
    fn huge_years_are_approximated() {
        let big_bang = date("Y-13800000000");
        let expected = (-13_800_000_000.0 - 1970.0) * DAYS_PER_YEAR;
        assert!((big_bang.start_days() - expected).abs() < 1.0);
        assert!((big_bang.end_days() - big_bang.start_days() - DAYS_PER_YEAR).abs() < 1e-3);
        assert_eq!(big_bang.label(), "13.8 billion years ago");
        assert_eq!(date("Y-66000000").label(), "66 million years ago");
        assert_eq!(date("Y-170000").label(), "170,000 years ago");
        assert_eq!(date("Y170000").label(), "170,000");
        assert_eq!(date("Y170000").to_string(), "Y170000");
        assert!(date("Y-300000").start_days() < date("Y-200000").start_days());
        assert!(Date::parse("Y-9999999999999").is_err());
        assert!(Date::parse("Y").is_err());
    }

    #[test]
    fn labels() {
        assert_eq!(date("2012").label(), "2012");
        assert_eq!(date("2012-11").label(), "Nov 2012");
        assert_eq!(date("2012-11-02").label(), "2 Nov 2012");
        assert_eq!(date("2012-11-02T14:30").label(), "2 Nov 2012 14:30");
        assert_eq!(date("2012-11-02T14:30:05").label(), "2 Nov 2012 14:30:05");
        assert_eq!(date("2012?").label(), "2012?");
        assert_eq!(date("2012-05~").label(), "c. May 2012");
        assert_eq!(date("2012%").label(), "c. 2012?");
        assert_eq!(date("2011/2014").label(), "2011–2014");
        assert_eq!(date("2012-11/2013-02").label(), "Nov 2012 – Feb 2013");
        assert_eq!(date("2013-12/..").label(), "Dec 2013 –");
        assert_eq!(date("../2014").label(), "– 2014");
    }

    #[test]
    fn qualifiers() {
        assert!(date("2012?").is_uncertain() && !date("2012?").is_approximate());
        assert!(date("2012-05~").is_approximate() && !date("2012-05~").is_uncertain());
        assert!(date("2012%").is_uncertain() && date("2012%").is_approximate());
        assert!(date("2011/2014~").is_approximate());
        assert!(!date("2012").is_uncertain());
    }

    #[test]
    fn intervals() {
        let span = date("2011/2014");
        assert!(span.is_interval());
        assert_eq!(span.start_days(), days(2011, 1, 1));
        assert_eq!(span.end_days(), days(2015, 1, 1));
        let open = date("2013-12/..");
        assert!(open.is_open_end() && !open.is_open_start());
        assert_eq!(open.start_days(), days(2013, 12, 1));
        assert_eq!(open.end_days(), days(2014, 1, 1));
        assert!(date("../2014").is_open_start());
        assert!(date("2014/2011").is_reversed());
        assert!(!date("2012/2012").is_reversed());
        assert!(Date::parse("../..").is_err());
        assert!(Date::parse("2011/2012/2013").is_err());
        assert!(Date::parse("2011/").is_err());
    }

    #[test]
    fn invalid_dates() {
        for bad in [
            "",
            "2013-02-30",
            "2013-13",
            "2013-00",
            "2013-1",
            "12",
            "20121",
            "2012-11-02T24:00",
            "2012-11-02T14:60",
            "2012-11-02T14:30:61",
            "2012-11T14:30",
            "2012-11-02T14",
            "2012??",
            "2012-11-02 ",
            " 2012",
            "abcd",
            "2012-11-02Z",
            "-",
            "Y12a",
            "٢٠١٢",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad:?} should be rejected");
        }
        assert!(Date::parse("2012-02-29").is_ok());
        assert!(Date::parse("2013-02-29").is_err());
    }

    #[test]
    fn canonical_text_round_trips() {
        for text in [
            "2012",
            "2012-11",
            "2012-11-02",
            "2012-11-02T14:30",
            "2012-11-02T14:30:05",
            "-0500",
            "-0044-03-15",
            "Y-13800000000",
            "Y170000",
            "2012?",
            "2012-05~",
            "2012%",
            "2011/2014",
            "2013-12/..",
            "../2014",
        ] {
            let parsed = date(text);
            assert_eq!(parsed.to_string(), text);
            assert_eq!(date(&parsed.to_string()), parsed);
        }
        assert_eq!(date("-44-03-15").to_string(), "-0044-03-15");
    }

    #[test]
    fn extreme_hand_built_points_do_not_overflow() {
        let point = Point {
            year: i64::MIN,
            month: Some(13),
            day: Some(40),
            time: Some(Time {
                hour: 99,
                minute: 99,
                second: Some(99),
            }),
            uncertain: true,
            approximate: true,
        };
        assert!(!point.label().is_empty());
        assert!(!point.to_string().is_empty());
        assert!(point.start_days().is_finite());
        let max = Point {
            year: i64::MAX,
            ..point
        };
        assert!(max.end_days() >= max.start_days());
    }

    #[test]
    fn serde_uses_the_string_form() {
        let parsed: Result<Date, _> = serde_json::from_str("\"2012-11\"");
        assert_eq!(parsed.ok(), Some(date("2012-11")));
        let bad: Result<Date, _> = serde_json::from_str("\"2013-02-30\"");
        assert!(bad.is_err());
        let written = serde_json::to_string(&date("2011/2014")).unwrap_or_default();
        assert_eq!(written, "\"2011/2014\"");
    }
}
