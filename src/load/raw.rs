//! The record schema as written by users: serde types that keep the source
//! location of every value the validator may need to complain about.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_saphyr::Spanned;

use crate::model::has_hangul;

/// A text in Korean and/or English: either a plain string (its language is
/// guessed from the script) or a map `{ ko: ..., en: ... }`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawText {
    pub ko: Option<String>,
    pub en: Option<String>,
}

impl RawText {
    pub fn is_empty(&self) -> bool {
        self.ko.as_deref().is_none_or(|s| s.trim().is_empty())
            && self.en.as_deref().is_none_or(|s| s.trim().is_empty())
    }
}

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = RawText;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text, or a map with `ko` and/or `en`")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawText, E> {
                printable(v)?;
                let s = Some(v.to_string());
                Ok(if has_hangul(v) {
                    RawText { ko: s, en: None }
                } else {
                    RawText { ko: None, en: s }
                })
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawText, A::Error> {
                let mut text = RawText::default();
                while let Some(key) = map.next_key::<String>()? {
                    let slot = match key.as_str() {
                        "ko" => &mut text.ko,
                        "en" => &mut text.en,
                        other => {
                            return Err(de::Error::unknown_field(other, &["ko", "en"]));
                        }
                    };
                    if slot.is_some() {
                        return Err(de::Error::duplicate_field("language"));
                    }
                    *slot = map.next_value::<Option<String>>()?;
                    if let Some(v) = slot.as_deref() {
                        printable(v)?;
                    }
                }
                Ok(text)
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}

/// Refuses a text with a control character (NUL and the like) or of
/// absurd length.
fn printable<E: de::Error>(v: &str) -> Result<(), E> {
    match super::resolve::text_problem(v) {
        Some(p) => Err(E::custom(match p.hint {
            Some(h) => format!("{}; {h}", p.message),
            None => p.message,
        })),
        None => Ok(()),
    }
}

/// A date as written: `2025-06-10`, `2025-06` or `2025` (string or number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateText(pub String);

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;

        impl Visitor<'_> for DateVisitor {
            type Value = DateText;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date such as 2025-06-10, 2025-06 or 2025")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<DateText, E> {
                Ok(DateText(v.to_string()))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<DateText, E> {
                Ok(DateText(v.to_string()))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<DateText, E> {
                Ok(DateText(v.to_string()))
            }
        }

        deserializer.deserialize_any(DateVisitor)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub id: Spanned<String>,
    pub title: Spanned<RawText>,
    pub kind: Spanned<String>,
    pub start: Spanned<DateText>,
    pub end: Option<Spanned<DateText>>,
    #[serde(default)]
    pub date_note: RawText,
    #[serde(default)]
    pub venue: RawText,
    #[serde(default)]
    pub hosts: Vec<Spanned<String>>,
    #[serde(default)]
    pub partners: Vec<Spanned<String>>,
    pub sectors: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    pub participants: Vec<RawText>,
    pub attendance: Option<Spanned<RawAttendance>>,
    #[serde(default)]
    pub outcomes: Vec<Spanned<RawOutcome>>,
    #[serde(default)]
    pub follow_ups: Vec<Spanned<RawFollowUp>>,
    #[serde(default)]
    pub sources: Vec<Spanned<RawSource>>,
    #[serde(default)]
    pub summary: RawText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAttendance {
    pub count: Spanned<i64>,
    #[serde(default)]
    pub approximate: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOutcome {
    #[serde(rename = "type")]
    pub kind: Spanned<String>,
    pub count: Option<Spanned<i64>>,
    pub title: Spanned<RawText>,
    #[serde(default)]
    pub parties: Vec<RawText>,
    /// `None`: the event's sectors; an empty list: no sector.
    pub sectors: Option<Vec<Spanned<String>>>,
    /// The regions the outcome was made with, among the event's hosts and
    /// partners. `None`: the event's partners.
    pub regions: Option<Vec<Spanned<String>>>,
    pub status: Spanned<String>,
    pub amount: Option<Spanned<RawAmount>>,
    #[serde(default)]
    pub note: RawText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAmount {
    pub value: Spanned<f64>,
    pub currency: Spanned<String>,
    pub qualifier: Option<Spanned<String>>,
    #[serde(default)]
    pub approximate: bool,
    #[serde(default)]
    pub expected: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFollowUp {
    pub action: Spanned<RawText>,
    #[serde(default)]
    pub owner: RawText,
    pub due: Option<Spanned<DateText>>,
    pub status: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub outlet: Spanned<String>,
    pub title: Spanned<String>,
    pub date: Option<Spanned<DateText>>,
    pub url: Option<Spanned<String>>,
}

/// A sector or event kind in a taxonomy file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    pub id: Spanned<String>,
    pub ko: Option<String>,
    pub en: Option<String>,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    /// Sectors only: `industry` (the default) or `field` (a general field
    /// of cooperation such as culture or trade).
    #[serde(default)]
    pub group: Option<Spanned<String>>,
}

/// A region in the regions taxonomy file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRegion {
    pub id: Spanned<String>,
    pub level: Spanned<String>,
    pub parent: Option<Spanned<String>>,
    /// An official code (ISO 3166, Korean legal-dong, GeoNames), kept as is.
    #[serde(default)]
    pub code: Option<String>,
    pub ko: Option<String>,
    pub en: Option<String>,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
}
