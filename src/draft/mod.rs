//! `brief draft`: a news article or press release in, draft event records
//! out, every value quoting the words it came from.
//!
//! The steps follow the article: `page` (bytes -> headline, outlet,
//! publication date, body) -> `sentence` (body -> sentences) -> `when`
//! (dates, resolved against the publication date), `find` (places, sectors,
//! kinds through the taxonomies) -> `read` (the event's fields) -> `write`
//! (the draft YAML). `score` compares drafts with hand-checked records.
//!
//! Rules over the raw text, not a morphological analyser: the fields a
//! record needs are names the taxonomies already list, numbers with their
//! counters (건, 명, 달러) and a closed set of verb endings for tense, all of
//! which show on the surface of the text. A tagger (Kiwi) asked where
//! proper nouns begin gained nothing over `find`'s word list of everyday
//! words spelt like places (`scripts/draft-tagger`, figures in the README).

mod find;
mod page;
mod read;
pub mod score;
mod sentence;
mod when;
mod write;

pub use find::Gazetteer;
pub use page::{MAX_BYTES, NotText};
pub use when::Published;
pub use write::{file_name, to_yaml};

use crate::load::human::ParsedAmount;
use crate::model::{FuzzyDate, OutcomeStatus, OutcomeType, Taxonomy};

/// A value and the words of the article it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Cited<T> {
    pub value: T,
    pub quote: String,
}

impl<T> Cited<T> {
    pub fn new(value: T, quote: impl Into<String>) -> Cited<T> {
        Cited {
            value,
            quote: quote.into(),
        }
    }
}

/// One drafted event.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    pub id: String,
    pub title: Option<Cited<String>>,
    /// An event kind id.
    pub kind: Option<Cited<String>>,
    pub start: Option<Cited<FuzzyDate>>,
    pub end: Option<Cited<FuzzyDate>>,
    /// How a date the text gives only in part was read (Korean, English).
    pub date_note: Option<(String, String)>,
    pub venue: Option<Cited<String>>,
    /// Region ids.
    pub hosts: Vec<Cited<String>>,
    pub partners: Vec<Cited<String>>,
    /// Sector ids.
    pub sectors: Vec<Cited<String>>,
    pub participants: Vec<Cited<String>>,
    pub attendance: Option<Cited<(i64, bool)>>,
    pub outcomes: Vec<DraftOutcome>,
    pub follow_ups: Vec<DraftFollowUp>,
    pub source: DraftSource,
    pub summary: Option<Cited<String>>,
    /// What the draft could not decide, for the person checking it.
    pub review: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DraftOutcome {
    pub kind: Cited<OutcomeType>,
    pub count: Option<Cited<i64>>,
    pub title: Cited<String>,
    pub status: Cited<OutcomeStatus>,
    pub amount: Option<Cited<ParsedAmount>>,
    /// Why a person should check this outcome, when the text left it open.
    pub doubt: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DraftFollowUp {
    pub action: Cited<String>,
    pub owner: Option<Cited<String>>,
    pub due: Option<Cited<FuzzyDate>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct DraftSource {
    pub outlet: Option<Cited<String>>,
    pub title: Option<Cited<String>>,
    pub date: Option<Cited<FuzzyDate>>,
    pub url: Option<String>,
}

/// What one article gave.
#[derive(Debug, Clone, Default)]
pub struct Article {
    pub events: Vec<Draft>,
    /// The publication date used, if any.
    pub published: Option<Published>,
    /// A date on the page that was not used as the publication date.
    pub page_date: Option<String>,
}

/// The text of an article file as the drafter reads it (decoded, markup
/// and all), for checking quotes against.
pub fn text_of(bytes: &[u8]) -> Result<String, NotText> {
    page::decode(bytes)
}

/// Drafts the events of one article (bytes of a plain-text or HTML page).
/// `published`: the publication date when the page does not carry it.
pub fn draft(
    bytes: &[u8],
    published: Option<FuzzyDate>,
    taxonomy: &Taxonomy,
    gazetteer: &Gazetteer,
) -> Result<Article, NotText> {
    let text = page::decode(bytes)?;
    let page = page::read(&text);
    let published = published
        .map(|date| Published { date, quote: None })
        .or_else(|| {
            page.published.clone().map(|(date, quote)| Published {
                date,
                quote: Some(quote),
            })
        });
    let events = read::events(&page, published.as_ref(), taxonomy, gazetteer);
    Ok(Article {
        events,
        published,
        page_date: page.page_date.clone(),
    })
}

/// A few lines on what a draft holds and what it left undecided.
pub fn summary(d: &Draft, article: &Article) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let start = d.start.as_ref().map_or("no date".to_string(), |c| {
        let end = d
            .end
            .as_ref()
            .map(|e| format!("~{}", e.value))
            .unwrap_or_default();
        format!("{}{end} «{}»", c.value, c.quote)
    });
    let _ = write!(
        s,
        "  {}: {start}; {} host(s), {} partner(s), {} sector(s), {} outcome(s)",
        d.kind.as_ref().map_or("kind?", |k| k.value.as_str()),
        d.hosts.len(),
        d.partners.len(),
        d.sectors.len(),
        d.outcomes.len()
    );
    match &article.published {
        Some(p) => {
            let from = p
                .quote
                .as_deref()
                .map_or("--published".to_string(), |q| format!("«{q}»"));
            let _ = write!(s, "\n  publication date {} from {from}", p.date);
        }
        None => {
            let _ = write!(s, "\n  no publication date on the page");
            if let Some(bar) = &article.page_date {
                let _ = write!(s, " (the date bar «{bar}» is not one)");
            }
        }
    }
    for r in &d.review {
        let _ = write!(s, "\n  to decide: {r}");
    }
    s
}
