//! Human-readable text: a plain string or one string per language.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// `"Adil Soz"` or `{"en": "…", "fr": "…"}`. Languages keep the order written,
/// since the first one is the last resort.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Text {
    Plain(String),
    Translated(Vec<(String, String)>),
}

impl Text {
    /// The reader's language (exact tag, then its primary subtag: `fr-CA` → `fr`),
    /// then English, then the first entry; `""` for an empty map.
    pub fn resolve(&self, lang: &str) -> &str {
        match self {
            Text::Plain(text) => text,
            Text::Translated(entries) => {
                let primary = lang.split(['-', '_']).next().unwrap_or(lang);
                let find = |wanted: &str| {
                    entries
                        .iter()
                        .find(|(code, text)| code.eq_ignore_ascii_case(wanted) && !text.is_empty())
                        .map(|(_, text)| text.as_str())
                };
                find(lang)
                    .or_else(|| find(primary))
                    .or_else(|| find("en"))
                    .or_else(|| {
                        entries
                            .iter()
                            .find(|(_, t)| !t.is_empty())
                            .map(|(_, t)| t.as_str())
                    })
                    .unwrap_or("")
            }
        }
    }

    /// True when no language has any non-blank text.
    pub fn is_blank(&self) -> bool {
        match self {
            Text::Plain(text) => text.trim().is_empty(),
            Text::Translated(entries) => entries.iter().all(|(_, text)| text.trim().is_empty()),
        }
    }

    /// Every string, whatever its language (for search and URL checks).
    pub fn variants(&self) -> impl Iterator<Item = &str> {
        let (plain, entries) = match self {
            Text::Plain(text) => (Some(text.as_str()), &[][..]),
            Text::Translated(entries) => (None, entries.as_slice()),
        };
        plain
            .into_iter()
            .chain(entries.iter().map(|(_, t)| t.as_str()))
    }

    /// The language codes given, in order (none for a plain string).
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        let entries = match self {
            Text::Plain(_) => &[][..],
            Text::Translated(entries) => entries.as_slice(),
        };
        entries.iter().map(|(code, _)| code.as_str())
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::Plain(text.to_string())
    }
}

impl fmt::Display for Text {
    /// The English (or first) text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.resolve("en"))
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Text::Plain(text) => serializer.serialize_str(text),
            Text::Translated(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (code, text) in entries {
                    map.serialize_entry(code, text)?;
                }
                map.end()
            }
        }
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or a map from language code to string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Text, E> {
        Ok(Text::Plain(text.to_string()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Text, E> {
        Ok(Text::Plain(text))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let mut entries = Vec::new();
        while let Some((code, text)) = map.next_entry::<String, String>()? {
            entries.push((code, text));
        }
        Ok(Text::Translated(entries))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A string, or a map from language code (en, fr, es, ar, …) to string",
            "anyOf": [
                {"type": "string"},
                {"type": "object", "additionalProperties": {"type": "string"}}
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn translated(pairs: &[(&str, &str)]) -> Text {
        Text::Translated(
            pairs
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
        )
    }

    #[test]
    fn resolve_prefers_reader_then_english_then_first() {
        let text = translated(&[("fr", "Bonjour"), ("en", "Hello"), ("ar", "مرحبا")]);
        assert_eq!(text.resolve("ar"), "مرحبا");
        assert_eq!(text.resolve("fr-CA"), "Bonjour");
        assert_eq!(text.resolve("es"), "Hello");
        let no_english = translated(&[("fr", "Bonjour"), ("ar", "مرحبا")]);
        assert_eq!(no_english.resolve("es"), "Bonjour");
        assert_eq!(translated(&[]).resolve("en"), "");
        assert_eq!(Text::from("Adil Soz").resolve("fr"), "Adil Soz");
    }

    #[test]
    fn blank_text() {
        assert!(Text::from("  ").is_blank());
        assert!(translated(&[]).is_blank());
        assert!(translated(&[("en", "")]).is_blank());
        assert!(!translated(&[("en", ""), ("fr", "x")]).is_blank());
    }

    #[test]
    fn serde_keeps_language_order() {
        let json = r#"{"fr":"Bonjour","en":"Hello"}"#;
        let text: Text = serde_json::from_str(json).unwrap_or(Text::from(""));
        assert_eq!(text, translated(&[("fr", "Bonjour"), ("en", "Hello")]));
        assert_eq!(serde_json::to_string(&text).unwrap_or_default(), json);
        let value: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
        let via_value: Text = serde_json::from_value(value).unwrap_or(Text::from(""));
        assert_eq!(
            via_value, text,
            "a Value keeps the order too (preserve_order)"
        );
        assert!(serde_json::from_str::<Text>("3").is_err());
        assert!(serde_json::from_str::<Text>(r#"{"en": 3}"#).is_err());
    }
}
