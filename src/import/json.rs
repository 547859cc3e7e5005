//! JSON borrowed from the imported file's text: an object is read once into
//! its entries, a value is parsed only when a field asks for it. The TimelineJS3
//! importer reads a 10,000-event file this way about four times faster than
//! into a `serde_json::Value` tree (no map, key string or hash per object).
//! Lookups answer as a parsed map would: the last of repeated keys wins.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;

/// One value of the text, not yet parsed.
pub type Raw<'a> = &'a RawValue;

/// The text as an object, read in one pass; `None` when it is not JSON (any
/// other value gives an empty object).
pub fn parse_object(text: &str) -> Option<Object<'_>> {
    serde_json::from_str(text).ok()
}

/// A string value (borrowed unless it has escapes); `None` for anything else.
pub fn string(raw: Raw<'_>) -> Option<Cow<'_, str>> {
    let text = raw.get();
    if !text.starts_with('"') {
        return None;
    }
    // A raw value is valid JSON already: without a backslash, the string is
    // what stands between the quotes (the common case, and no parser run).
    if let Some(inner) = text.get(1..text.len() - 1).filter(|t| !t.contains('\\')) {
        return Some(Cow::Borrowed(inner));
    }
    serde_json::from_str::<Text<'_>>(text)
        .ok()
        .map(|text| text.0)
}

/// True for an array, whatever its items.
pub fn is_array(raw: Raw<'_>) -> bool {
    raw.get().starts_with('[')
}

/// True for `null`.
pub fn is_null(raw: Raw<'_>) -> bool {
    raw.get() == "null"
}

/// The value parsed, for the few places that want a number or print it.
pub fn value(raw: Raw<'_>) -> Value {
    serde_json::from_str(raw.get()).unwrap_or(Value::Null)
}

/// An object's entries, in the order written.
#[derive(Default)]
pub struct Object<'a> {
    entries: Vec<(Cow<'a, str>, Raw<'a>)>,
}

impl<'a> Object<'a> {
    /// The entries of `raw`; none when it is missing or not an object.
    pub fn of(raw: Option<Raw<'a>>) -> Object<'a> {
        raw.filter(|r| r.get().starts_with('{'))
            .and_then(|r| serde_json::from_str::<Object<'a>>(r.get()).ok())
            .unwrap_or_default()
    }

    /// The items of the array at `key`, each read as an object (empty when it
    /// is not one) in the same pass; `None` when missing or not an array.
    pub fn objects(&self, key: &str) -> Option<Vec<Object<'a>>> {
        let raw = self.get(key).filter(|r| is_array(r))?;
        serde_json::from_str(raw.get()).ok()
    }

    /// The value of `key` (the last one when the key is repeated).
    pub fn get(&self, key: &str) -> Option<Raw<'a>> {
        self.entries
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, raw)| *raw)
    }

    /// The string at `key`; `None` when missing or not a string.
    pub fn str(&self, key: &str) -> Option<Cow<'a, str>> {
        self.get(key).and_then(string)
    }

    /// The object at `key` (empty when missing or not an object).
    pub fn object(&self, key: &str) -> Object<'a> {
        Object::of(self.get(key))
    }

    /// The boolean at `key`; `None` when missing or not a boolean.
    pub fn bool(&self, key: &str) -> Option<bool> {
        match self.get(key)?.get() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }

    /// True when `key` is there, whatever its value.
    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

/// Any value reads as an object: its entries when it is one, else none (so
/// an array of objects reads in one pass, whatever its items are).
impl<'de: 'a, 'a> serde::Deserialize<'de> for Object<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = Object<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Object<'de>, M::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(8));
                while let Some((key, raw)) = map.next_entry::<Text<'de>, Raw<'de>>()? {
                    entries.push((key.0, raw));
                }
                Ok(Object { entries })
            }
            fn visit_seq<S: de::SeqAccess<'de>>(self, mut seq: S) -> Result<Object<'de>, S::Error> {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(Object::default())
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Object<'de>, E> {
                Ok(Object::default())
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Object<'de>, E> {
                Ok(Object::default())
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Object<'de>, E> {
                Ok(Object::default())
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Object<'de>, E> {
                Ok(Object::default())
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Object<'de>, E> {
                Ok(Object::default())
            }
            fn visit_unit<E: de::Error>(self) -> Result<Object<'de>, E> {
                Ok(Object::default())
            }
        }
        deserializer.deserialize_any(Entries)
    }
}

/// A string borrowed from the text when it has no escapes.
struct Text<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> serde::Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Str;
        impl<'de> Visitor<'de> for Str {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(s)))
            }
        }
        deserializer.deserialize_str(Str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_like_a_parsed_map() {
        let text =
            r#"{"a": "x\"y", "b": {"c": [1, 2]}, "a": "last", "d": null, "e": true, "f": 3}"#;
        let root = parse_object(text).expect("JSON");
        let parsed: Value = serde_json::from_str(text).expect("JSON");
        // Repeated keys: the last wins, as in a parsed map.
        assert_eq!(root.str("a").as_deref(), parsed["a"].as_str());
        assert_eq!(root.object("b").objects("c").map(|a| a.len()), Some(2));
        assert!(root.get("d").is_some_and(is_null));
        assert_eq!(root.bool("e"), Some(true));
        assert_eq!(root.bool("f"), None);
        assert_eq!(root.str("f"), None);
        assert_eq!(root.get("f").map(value), Some(Value::from(3)));
        assert!(!root.has("missing"));
        // Escapes are decoded; plain strings are borrowed from the text.
        let escaped = parse_object(r#"{"k\u0065y": "caf\u00e9", "plain": "abc"}"#).expect("JSON");
        assert_eq!(escaped.str("key").as_deref(), Some("café"));
        assert!(matches!(escaped.str("plain"), Some(Cow::Borrowed("abc"))));
        // Not an object, or not JSON: no entries.
        assert!(parse_object("[1, {}]").is_some_and(|o| !o.has("0")));
        assert!(parse_object("{").is_none());
        // An array of anything reads as objects in one pass.
        let items = parse_object(r#"{"list": [{"a": 1}, 2, "s", null, [3], {"b": {"c": 4}}]}"#)
            .expect("JSON")
            .objects("list")
            .expect("an array");
        assert_eq!(items.len(), 6);
        assert!(items[0].has("a") && items[5].object("b").has("c"));
        assert!(items[1..5].iter().all(|o| !o.has("a")));
        assert!(parse_object("{}").expect("JSON").objects("x").is_none());
    }
}
