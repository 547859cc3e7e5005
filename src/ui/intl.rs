//! The reader's language for dates, numbers and plural forms, through the
//! browser's `Intl` (month and day names, eras, digits, CLDR plural rules for
//! every language at no cost to the wasm). The pure code asks through
//! [`crate::i18n::Locale`]; natively it gets [`crate::i18n::English`].

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Function, Intl as JsIntl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::{DateParts, Lang, Locale, Plural};
use crate::model::Point;

/// The browser's `Intl` for one interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Intl(pub Lang);

/// Which formatter: a date with these fields, numbers, compact numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Kind {
    /// Year, month, day, minute, second, era: one bit each.
    Date(u8),
    Number,
    Compact,
    /// `Intl.Collator`'s `compare`.
    Collate,
}

thread_local! {
    // Making an Intl formatter costs far more than using one: one per
    // language and kind, kept for the page's life.
    static FORMATS: RefCell<HashMap<(Lang, Kind), Function>> = RefCell::new(HashMap::new());
    static PLURALS: RefCell<HashMap<Lang, JsIntl::PluralRules>> = RefCell::new(HashMap::new());
    static REGIONS: RefCell<HashMap<Lang, Option<JsValue>>> = RefCell::new(HashMap::new());
}

/// The BCP 47 tag Intl gets: British English, the network's spelling (and
/// "2 Nov 2012", as the native labels read). Arabic is plain `ar`, Modern
/// Standard Arabic for every region, and its digits are CLDR's for it:
/// Western (`12,345`, `2 نوفمبر 2012`) since CLDR 42, as Chromium writes;
/// Eastern Arabic-Indic (`١٢٬٣٤٥`) is CLDR's choice only for regions such as
/// `ar-EG` or `ar-SA`, which the interface does not single out. Every number
/// and date the interface writes goes through here, so a page never mixes
/// the two (a browser on an older CLDR writes Eastern digits throughout).
fn tag(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en-GB",
        other => other.code(),
    }
}

fn locales(lang: Lang) -> Array {
    Array::of1(&JsValue::from_str(tag(lang)))
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

fn formatter(lang: Lang, kind: Kind) -> Function {
    FORMATS.with(|cache| {
        cache
            .borrow_mut()
            .entry((lang, kind))
            .or_insert_with(|| make(lang, kind))
            .clone()
    })
}

fn make(lang: Lang, kind: Kind) -> Function {
    let s = |v: &str| JsValue::from_str(v);
    match kind {
        Kind::Date(bits) => {
            let mut pairs = vec![("timeZone", s("UTC"))];
            let fields: [(u8, &str, &str); 6] = [
                (1, "year", "numeric"),
                (2, "month", "short"),
                (4, "day", "numeric"),
                (8, "minute", "2-digit"),
                (16, "second", "2-digit"),
                (32, "era", "short"),
            ];
            for (bit, key, value) in fields {
                if bits & bit != 0 {
                    pairs.push((key, s(value)));
                }
            }
            if bits & 8 != 0 {
                pairs.push(("hour", s("2-digit")));
                pairs.push(("hourCycle", s("h23")));
            }
            JsIntl::DateTimeFormat::new(&locales(lang), &options(&pairs)).format()
        }
        Kind::Number => JsIntl::NumberFormat::new(&locales(lang), &Object::new()).format(),
        Kind::Compact => JsIntl::NumberFormat::new(
            &locales(lang),
            &options(&[
                ("notation", s("compact")),
                ("compactDisplay", s("long")),
                ("maximumFractionDigits", JsValue::from_f64(1.0)),
            ]),
        )
        .format(),
        Kind::Collate => JsIntl::Collator::new(&locales(lang), &Object::new()).compare(),
    }
}

/// `new Intl.DisplayNames([tag], {type: "region"})`, when the browser has it.
fn region_names(lang: Lang) -> Option<JsValue> {
    REGIONS.with(|cache| {
        cache
            .borrow_mut()
            .entry(lang)
            .or_insert_with(|| {
                let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
                let constructor: Function = Reflect::get(&intl, &"DisplayNames".into())
                    .ok()?
                    .dyn_into()
                    .ok()?;
                let args = Array::of2(&locales(lang), &options(&[("type", "region".into())]));
                Reflect::construct(&constructor, &args).ok()
            })
            .clone()
    })
}

fn call(f: &Function, value: &JsValue) -> Option<String> {
    f.call1(&JsValue::NULL, value).ok()?.as_string()
}

/// Milliseconds since 1970 of a date's start, where a JS `Date` reaches
/// (about ±270,000 years).
fn epoch_ms(parts: &DateParts) -> Option<f64> {
    let point = Point {
        year: parts.year,
        month: parts.month,
        day: parts.day,
        time: parts
            .time
            .map(|(hour, minute, second)| crate::model::date::Time {
                hour,
                minute,
                second,
            }),
        uncertain: false,
        approximate: false,
    };
    let ms = (point.start_days() * 86_400_000.0).round();
    (ms.abs() <= 8.64e15).then_some(ms)
}

impl Locale for Intl {
    fn lang(&self) -> Lang {
        self.0
    }

    fn number(&self, n: f64) -> String {
        if let Some(plain) = crate::i18n::number_without_locale_data(self.0, n) {
            return plain;
        }
        call(&formatter(self.0, Kind::Number), &JsValue::from_f64(n))
            .unwrap_or_else(|| crate::i18n::English.number(n))
    }

    fn compact(&self, n: f64) -> String {
        call(&formatter(self.0, Kind::Compact), &JsValue::from_f64(n))
            .unwrap_or_else(|| crate::i18n::English.compact(n))
    }

    fn plural(&self, n: f64) -> Plural {
        if let Some(plural) = Plural::without_locale_data(self.0, n) {
            return plural;
        }
        PLURALS.with(|cache| {
            let mut cache = cache.borrow_mut();
            let rules = cache
                .entry(self.0)
                .or_insert_with(|| JsIntl::PluralRules::new(&locales(self.0), &Object::new()));
            Plural::from_name(&String::from(rules.select(n)))
        })
    }

    fn compare(&self, a: &str, b: &str) -> std::cmp::Ordering {
        formatter(self.0, Kind::Collate)
            .call2(&JsValue::NULL, &a.into(), &b.into())
            .ok()
            .and_then(|n| n.as_f64())
            .map_or_else(|| a.cmp(b), |n| n.total_cmp(&0.0))
    }

    fn country(&self, code: &str) -> String {
        // Only codes of the table: DisplayNames echoes a code it does not know.
        let Some(country) = crate::countries::by_code(code) else {
            return code.to_owned();
        };
        region_names(self.0)
            .and_then(|names| {
                let of: Function = Reflect::get(&names, &"of".into()).ok()?.dyn_into().ok()?;
                of.call1(&names, &code.into()).ok()?.as_string()
            })
            .filter(|name| !name.is_empty() && name != code)
            .unwrap_or_else(|| country.name.to_owned())
    }

    fn date(&self, parts: &DateParts) -> String {
        if let Some(plain) = crate::i18n::date_without_locale_data(self.0, parts) {
            return plain;
        }
        let english = || crate::i18n::English.date(parts);
        let Some(ms) = epoch_ms(parts) else {
            return english();
        };
        let mut bits = 0u8;
        if parts.with_year {
            bits |= 1;
            if parts.year <= 0 {
                bits |= 32;
            }
        }
        if parts.month.is_some() {
            bits |= 2;
            if parts.day.is_some() {
                bits |= 4;
                if let Some((_, _, second)) = parts.time {
                    bits |= 8;
                    if second.is_some() {
                        bits |= 16;
                    }
                }
            }
        }
        let date = js_sys::Date::new(&JsValue::from_f64(ms));
        call(&formatter(self.0, Kind::Date(bits)), &date).unwrap_or_else(english)
    }
}

/// `text` in Unicode's canonical decomposition (NFD), so that search folding
/// drops every accent and Arabic vowel mark as a separate character.
pub fn decompose(text: &str) -> String {
    String::from(js_sys::JsString::from(text).normalize("NFD"))
}
