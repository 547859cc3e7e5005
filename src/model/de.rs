//! One serde `Deserializer` over a parsed JSON [`Value`] that tells, in a
//! single layer, where a record broke (the failing field's path) and which
//! fields the format does not have (each ignored field's path).
//!
//! It replaces `serde_path_to_error` wrapped around `serde_ignored` wrapped
//! around `&Value`: three layers of generic wrappers that every record type's
//! `Deserialize` was monomorphised through (about 190 KB of the release wasm).
//! Messages are serde_json's (`invalid type: null, expected a string`).

use std::cell::RefCell;
use std::fmt;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, Expected, Unexpected, Visitor};
use serde_json::{Number, Value};

/// Deserializes `T` from `value`. Returns the record or the error (with its
/// path), and the paths of the fields the record's type ignored.
pub fn from_value<T: DeserializeOwned>(value: &Value) -> (Result<T, Error>, Vec<String>) {
    let ignored = RefCell::new(Vec::new());
    let result = T::deserialize(ValueDeserializer {
        value,
        path: Path::Root,
        ignored: &ignored,
    });
    (result, ignored.into_inner())
}

/// Why a value did not deserialize, and where (`events[2].date`).
#[derive(Debug)]
pub struct Error {
    message: String,
    /// Innermost segment first: pushed while the error travels outwards.
    segments: Vec<Segment>,
}

#[derive(Debug)]
enum Segment {
    Key(String),
    Index(usize),
}

impl Error {
    /// The path of the value that failed, relative to the deserialized root.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for segment in self.segments.iter().rev() {
            match segment {
                Segment::Key(key) => push_key(&mut out, key),
                Segment::Index(index) => push_index(&mut out, *index),
            }
        }
        out
    }

    /// The list field and index of the item that failed when the error lies
    /// inside an item of one of the record's lists (`events[2].date` →
    /// `("events", 2)`): the loader then leaves out that item, not the record.
    pub fn list_item(&self) -> Option<(&str, usize)> {
        match self.segments.as_slice() {
            [.., Segment::Index(index), Segment::Key(key)] => Some((key, *index)),
            _ => None,
        }
    }

    /// The message, without the path.
    pub fn message(&self) -> &str {
        &self.message
    }

    fn at(mut self, segment: Segment) -> Error {
        self.segments.push(segment);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    #[cold]
    fn custom<T: fmt::Display>(message: T) -> Error {
        Error {
            message: message.to_string(),
            segments: Vec::new(),
        }
    }

    #[cold]
    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Error {
        de::Error::custom(format_args!(
            "invalid type: {}, expected {expected}",
            JsonUnexpected(unexpected)
        ))
    }

    #[cold]
    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Error {
        de::Error::custom(format_args!(
            "invalid value: {}, expected {expected}",
            JsonUnexpected(unexpected)
        ))
    }
}

/// JSON's names for what was found: `null` rather than serde's "unit value".
struct JsonUnexpected<'a>(Unexpected<'a>);

impl fmt::Display for JsonUnexpected<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Unit => f.write_str("null"),
            other => fmt::Display::fmt(&other, f),
        }
    }
}

/// `a` + `b` → `a.b` (or `b` at the root).
fn push_key(out: &mut String, key: &str) {
    if !out.is_empty() && !key.is_empty() {
        out.push('.');
    }
    out.push_str(key);
}

/// `a` + 2 → `a[2]`.
fn push_index(out: &mut String, index: usize) {
    out.push('[');
    out.push_str(&index.to_string());
    out.push(']');
}

/// Where the value being read sits, as a chain up to the root (on the stack).
#[derive(Clone, Copy)]
enum Path<'p> {
    Root,
    Key(&'p Path<'p>, &'p str),
    Index(&'p Path<'p>, usize),
}

impl Path<'_> {
    fn render(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.render(out);
                push_key(out, key);
            }
            Path::Index(parent, index) => {
                parent.render(out);
                push_index(out, *index);
            }
        }
    }
}

struct ValueDeserializer<'de, 'p> {
    value: &'de Value,
    path: Path<'p>,
    ignored: &'p RefCell<Vec<String>>,
}

fn visit_number<'de, V: Visitor<'de>>(number: &Number, visitor: V) -> Result<V::Value, Error> {
    if let Some(n) = number.as_u64() {
        visitor.visit_u64(n)
    } else if let Some(n) = number.as_i64() {
        visitor.visit_i64(n)
    } else {
        visitor.visit_f64(number.as_f64().unwrap_or(f64::NAN))
    }
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => {
            if let Some(n) = n.as_u64() {
                Unexpected::Unsigned(n)
            } else if let Some(n) = n.as_i64() {
                Unexpected::Signed(n)
            } else {
                Unexpected::Float(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

impl<'de> ValueDeserializer<'de, '_> {
    fn visit_array<V: Visitor<'de>>(
        &self,
        items: &'de [Value],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let mut seq = SeqDeserializer {
            items: items.iter().enumerate(),
            path: &self.path,
            ignored: self.ignored,
        };
        let value = visitor.visit_seq(&mut seq)?;
        if seq.items.len() == 0 {
            Ok(value)
        } else {
            Err(de::Error::invalid_length(
                items.len(),
                &"fewer elements in array",
            ))
        }
    }

    fn visit_object<V: Visitor<'de>>(
        &self,
        object: &'de serde_json::Map<String, Value>,
        visitor: V,
    ) -> Result<V::Value, Error> {
        let mut map = MapDeserializer {
            entries: object.iter(),
            pending: None,
            path: &self.path,
            ignored: self.ignored,
        };
        let value = visitor.visit_map(&mut map)?;
        if map.entries.len() == 0 {
            Ok(value)
        } else {
            Err(de::Error::invalid_length(
                object.len(),
                &"fewer elements in map",
            ))
        }
    }
}

/// What `value` is, as the error for a visitor that expected something else.
#[cold]
fn invalid_type(value: &Value, expected: &dyn Expected) -> Error {
    de::Error::invalid_type(unexpected(value), expected)
}

impl<'de> de::Deserializer<'de> for ValueDeserializer<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => visit_number(n, visitor),
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => self.visit_array(items, visitor),
            Value::Object(object) => self.visit_object(object, visitor),
        }
    }

    // The typed entry points accept only their own JSON type, so a type's
    // visitor is compiled only for what the format allows (a struct from an
    // object, never from an array); the messages are the same as through
    // `deserialize_any`.

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Bool(b) => visitor.visit_bool(*b),
            other => Err(invalid_type(other, &visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::String(s) => visitor.visit_borrowed_str(s),
            other => Err(invalid_type(other, &visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Array(items) => self.visit_array(items, visitor),
            other => Err(invalid_type(other, &visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Object(object) => self.visit_object(object, visitor),
            other => Err(invalid_type(other, &visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    /// Unit variants, written as strings (`"arrest"`).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.value {
            Value::String(variant) => {
                visitor.visit_enum(BorrowedStrDeserializer::<Error>::new(variant))
            }
            other => Err(de::Error::invalid_type(unexpected(other), &"a string")),
        }
    }

    /// A field the record's type does not have: note its path.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let mut path = String::new();
        self.path.render(&mut path);
        self.ignored.borrow_mut().push(path);
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char
        bytes byte_buf unit unit_struct tuple_struct identifier
    }
}

struct SeqDeserializer<'de, 'p> {
    items: std::iter::Enumerate<std::slice::Iter<'de, Value>>,
    path: &'p Path<'p>,
    ignored: &'p RefCell<Vec<String>>,
}

impl<'de> de::SeqAccess<'de> for SeqDeserializer<'de, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some((index, value)) = self.items.next() else {
            return Ok(None);
        };
        seed.deserialize(ValueDeserializer {
            value,
            path: Path::Index(self.path, index),
            ignored: self.ignored,
        })
        .map(Some)
        .map_err(|e| e.at(Segment::Index(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct MapDeserializer<'de, 'p> {
    entries: serde_json::map::Iter<'de>,
    /// The entry whose key was read and whose value is next.
    pending: Option<(&'de str, &'de Value)>,
    path: &'p Path<'p>,
    ignored: &'p RefCell<Vec<String>>,
}

impl<'de> de::MapAccess<'de> for MapDeserializer<'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.pending = Some((key, value));
        seed.deserialize(BorrowedStrDeserializer::<Error>::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Some((key, value)) = self.pending.take() else {
            return Err(de::Error::custom("a map value without its key"));
        };
        seed.deserialize(ValueDeserializer {
            value,
            path: Path::Key(self.path, key),
            ignored: self.ignored,
        })
        .map_err(|e| e.at(Segment::Key(key.to_owned())))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Inner {
        n: u8,
        #[serde(default)]
        tags: Vec<String>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Arrest,
        #[serde(other)]
        Other,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Outer {
        name: String,
        #[serde(default)]
        inner: Vec<Inner>,
        kind: Option<Kind>,
        #[serde(default)]
        pair: Option<[f64; 2]>,
    }

    fn read(value: serde_json::Value) -> (Result<Outer, Error>, Vec<String>) {
        from_value::<Outer>(&value)
    }

    #[test]
    fn reads_records_and_lists_ignored_fields_by_path() {
        let (result, ignored) = read(json!({
            "name": "a", "nmae": 1,
            "inner": [{"n": 1}, {"n": 2, "extra": {"x": 1}, "tags": ["t"]}],
            "kind": "arrest", "pair": [1, 2.5],
        }));
        let outer = result.expect("valid");
        assert_eq!(outer.inner[1].tags, vec!["t".to_owned()]);
        assert_eq!(outer.kind, Some(Kind::Arrest));
        assert_eq!(outer.pair, Some([1.0, 2.5]));
        assert_eq!(
            ignored,
            vec!["nmae".to_owned(), "inner[1].extra".to_owned()]
        );
    }

    #[test]
    fn unknown_variant_falls_to_other_and_null_is_none() {
        let (result, _) = read(json!({"name": "a", "kind": "exile", "pair": null}));
        let outer = result.expect("valid");
        assert_eq!(outer.kind, Some(Kind::Other));
        assert_eq!(outer.pair, None);
    }

    #[test]
    fn errors_carry_the_failing_path_and_serde_json_messages() {
        let (result, _) = read(json!({"name": "a", "inner": [{"n": 1}, {"n": 300}]}));
        let error = result.expect_err("out of range");
        assert_eq!(error.path(), "inner[1].n");
        assert_eq!(error.message(), "invalid value: integer `300`, expected u8");

        let (result, _) = read(json!({"name": null}));
        let error = result.expect_err("null name");
        assert_eq!(error.path(), "name");
        assert_eq!(error.message(), "invalid type: null, expected a string");

        let (result, _) = read(json!({"inner": []}));
        let error = result.expect_err("missing name");
        assert_eq!(error.path(), "");
        assert_eq!(error.message(), "missing field `name`");

        let (result, _) = read(json!({"name": "a", "pair": [1, 2, 3]}));
        let error = result.expect_err("three numbers");
        assert_eq!(error.path(), "pair");
        assert_eq!(
            error.message(),
            "invalid length 3, expected fewer elements in array"
        );

        let (result, _) = read(json!({"name": "a", "kind": 3}));
        assert_eq!(result.expect_err("number kind").path(), "kind");

        // Records are objects: an array is not read as a struct's fields in order.
        let (result, _) = read(json!({"name": "a", "inner": [[7]]}));
        let error = result.expect_err("array for a struct");
        assert_eq!(error.path(), "inner[0]");
        assert_eq!(
            error.message(),
            "invalid type: sequence, expected struct Inner"
        );

        let (result, _) = read(json!({"name": "a", "inner": {"n": 1}}));
        let error = result.expect_err("object for a list");
        assert_eq!(error.path(), "inner");
        assert_eq!(error.message(), "invalid type: map, expected a sequence");
    }
}
