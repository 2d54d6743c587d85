//! The brief model: one serialisable, language-specific view of a period's
//! report that every renderer reads, so the PDF and the DOCX show the same
//! numbers and words. Labels come from `templates/strings.<lang>.toml`, the
//! executive summary from `templates/summary.<lang>.j2`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::aggregate::{Figures, FollowUpItem, Money, RegionRow, Report};
use crate::config::Config;
use crate::locale;
use crate::model::{
    AmountQualifier, Dataset, Event, FuzzyDate, Lang, OutcomeStatus, OutcomeType, Precision,
};
use crate::period::{Period, PeriodKind};
use crate::templates::{Layout, TemplateError, Templates};

/// A brief is read by council members and stays short however many events
/// a period holds; the figures and tables always count everything, and the
/// annex workbook lists everything. Up to `MAX_DETAILED` events, each gets
/// a timeline bar, a timeline row and a full appendix entry; above it the
/// timeline becomes events per month and kind, the appendix gives the
/// highlighted events in full and up to `MAX_COMPACT` others a line each.
pub const MAX_DETAILED: usize = 12;
/// Other events listed a line each in a busy period's appendix.
pub const MAX_COMPACT: usize = 25;
/// Rows of each follow-up table.
pub const MAX_FOLLOW_UPS: usize = 8;
/// Sectors the sector chart and the sector × country matrix show at most:
/// those with the most events (the table lists every one).
pub const MAX_CHARTED: usize = 10;
/// Rows each region table shows at most (the regions with most events).
pub const MAX_REGION_ROWS: usize = 10;
/// Events known only to the year that a shorter period's appendix lists
/// (all of them count, and are listed, in that year's annual brief).
pub const MAX_UNDATED: usize = 5;

#[derive(Debug, Clone, Serialize)]
pub struct Brief {
    pub lang: Lang,
    pub meta: Meta,
    /// Every label of the layout, from the strings file.
    pub labels: BTreeMap<String, String>,
    /// Fonts the PDF should use, in fallback order.
    pub fonts: Vec<String>,
    /// Section order and colours, from the template set.
    pub layout: Layout,
    pub empty: bool,
    pub key_figures: Vec<KeyFigure>,
    /// Whether the key figures compare with the same period a year before
    /// (not for a year or longer: see `years`).
    pub year_ago: bool,
    /// A year's brief: the five years up to it, oldest first.
    pub years: Vec<YearView>,
    pub summary: Vec<SummaryLine>,
    pub highlights: Vec<EventView>,
    pub sectors: Vec<SectorView>,
    /// The sectors the chart shows (at most `MAX_CHARTED`), in table order.
    pub chart_sectors: Vec<SectorView>,
    /// The sector chart's caption, saying when it shows only the largest.
    pub sector_caption: String,
    /// The sector table's totals row: each event counted once.
    pub sector_total: SectorView,
    pub partner_countries: Vec<RegionView>,
    pub partner_regions: Vec<RegionView>,
    pub domestic_regions: Vec<RegionView>,
    pub matrix: MatrixView,
    /// One entry per event while there are at most `MAX_DETAILED`.
    pub timeline: Vec<TimelineView>,
    /// Events per month (or quarter, or year, for long periods) and kind,
    /// when the timeline would be too long to draw an entry per event.
    pub month_kinds: MonthKinds,
    pub months: Vec<MonthView>,
    /// Events per month over the period and the one before it.
    pub trend: Vec<MonthView>,
    pub follow_ups_due: Vec<FollowUpView>,
    pub follow_ups_overdue: Vec<FollowUpView>,
    pub follow_ups_open: Vec<FollowUpView>,
    pub notes: Vec<String>,
    /// Events given in full in the appendix.
    pub events: Vec<EventView>,
    /// Further events, a line each (busy periods).
    pub compact: Vec<TimelineView>,
    pub undated: Vec<EventView>,
    pub sources: Vec<SourceView>,
    /// Set when the appendix does not give every event in full: what it
    /// gives and the annex file that has everything.
    pub listed_note: String,
    /// Set when a follow-up table is cut at `MAX_FOLLOW_UPS` rows.
    pub follow_ups_note: String,
    /// Set when a region table shows only its largest rows.
    pub regions_note: String,
    /// Set when the appendix lists only some events known only to the year.
    pub undated_note: String,
    /// Alternative text of the charts: the caption and every number drawn.
    pub chart_alt: ChartAlt,
    /// Everything of the period, for the annex workbook the brief names
    /// (in `Model`, not in `LayoutView`).
    #[serde(skip)]
    pub annex: annex::Annex,
    /// The language-independent numbers behind everything above (in
    /// `Model`, not in `LayoutView`).
    #[serde(skip)]
    pub report: Report,
}

/// The brief as a layout reads it: every field but the report and the annex
/// behind it (serialising them for typst would cost a busy period's
/// thousands of events), and the font families of `fonts` the machine can
/// use, in fallback order.
#[derive(Serialize)]
pub struct LayoutView<'a> {
    #[serde(flatten)]
    brief: &'a Brief,
    families: &'a [&'a str],
}

/// The whole brief model: the JSON output, the fingerprint of a brief's
/// outputs and the PDF's attached data. Without its annex, the part every
/// output reads (for fingerprints).
#[derive(Serialize)]
pub struct Model<'a> {
    #[serde(flatten)]
    brief: &'a Brief,
    #[serde(skip_serializing_if = "Option::is_none")]
    annex: Option<&'a annex::Annex>,
    report: &'a Report,
}

impl Brief {
    pub fn layout_view<'a>(&'a self, families: &'a [&'a str]) -> LayoutView<'a> {
        LayoutView {
            brief: self,
            families,
        }
    }

    pub fn model(&self) -> Model<'_> {
        Model {
            brief: self,
            annex: Some(&self.annex),
            report: &self.report,
        }
    }

    /// The model without its annex: what every output reads.
    pub fn model_without_annex(&self) -> Model<'_> {
        Model {
            brief: self,
            annex: None,
            report: &self.report,
        }
    }
}

/// What each chart shows, in words, for readers who cannot see it (PDF
/// figure alt text, DOCX picture descriptions).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ChartAlt {
    pub sectors: String,
    pub matrix: String,
    pub trend: String,
}

impl Brief {
    /// The label `key` in the brief's language, or the key itself when the
    /// strings lack it (renderers show something rather than nothing).
    pub fn label(&self, key: &str) -> String {
        self.labels
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }
}

impl ChartAlt {
    fn describe(b: &Brief) -> ChartAlt {
        let label = |key: &str| b.labels.get(key).cloned().unwrap_or_default();
        let sectors = b
            .chart_sectors
            .iter()
            .map(|s| {
                format!(
                    "{} {} {}, {} {}",
                    s.label,
                    label("chart.legend_events"),
                    s.events,
                    label("chart.legend_outcomes"),
                    s.outcomes
                )
            })
            .collect();
        let trend = b
            .trend
            .iter()
            .map(|m| format!("{} {}", m.full_label(), m.events))
            .collect();
        let m = &b.matrix;
        let matrix = m
            .rows
            .iter()
            .zip(&m.cells)
            .map(|(row, cells)| {
                let cells: Vec<String> = m
                    .columns
                    .iter()
                    .zip(cells)
                    .filter(|(_, n)| **n > 0)
                    .map(|(c, n)| format!("{c} {n}"))
                    .collect();
                format!("{row}: {}", cells.join(", "))
            })
            .collect();
        let text = |caption: &str, items: Vec<String>| {
            let caption = label(caption);
            if items.is_empty() {
                caption
            } else {
                format!("{caption}. {}.", items.join("; "))
            }
        };
        ChartAlt {
            sectors: text("chart.sector_title", sectors),
            matrix: text("chart.matrix_title", matrix),
            trend: text("chart.month_title", trend),
        }
    }

    /// The text of the chart called `name` (`sectors`, `matrix`, `trend`).
    pub fn get(&self, name: &str) -> Option<&str> {
        match name {
            "sectors" => Some(&self.sectors),
            "matrix" => Some(&self.matrix),
            "trend" => Some(&self.trend),
            _ => None,
        }
    }
}

/// One point of the executive summary; level 2 is a sub-point.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryLine {
    pub level: u8,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    pub title: String,
    pub subtitle: String,
    pub organisation: String,
    pub department: String,
    pub classification: String,
    /// `2025Q2`, `2025H1`, `2025`, `2025-03/2025-08`.
    pub period: String,
    pub period_kind: PeriodKind,
    /// `2025년 상반기`, `H1 2025`.
    pub period_label: String,
    /// First and last day, as the title block writes them.
    pub dates: String,
    /// Days in the period, for drawing the timeline.
    pub days: i64,
    pub issue_date: String,
    /// ISO date of issue, for document metadata.
    pub issue_date_iso: String,
}

impl Meta {
    /// The document's title in its properties: `title — period`.
    pub fn document_title(&self) -> String {
        format!("{} — {}", self.title, self.period_label)
    }

    /// The author in its properties: organisation and department.
    pub fn author(&self) -> String {
        match self.department.as_str() {
            "" => self.organisation.clone(),
            d => format!("{} {d}", self.organisation),
        }
    }

    /// The running header of a word processor's pages: title, period and
    /// classification.
    pub fn running_head(&self) -> String {
        let head = format!("{} · {}", self.title, self.period_label);
        match self.classification.as_str() {
            "" => head,
            c => format!("{head}   [{c}]"),
        }
    }

    /// The first line of the title block: organisation, department and
    /// classification.
    pub fn org_line(&self) -> String {
        let mut org = self.organisation.clone();
        if !self.department.is_empty() {
            org.push_str(&format!(" · {}", self.department));
        }
        if !self.classification.is_empty() {
            org.push_str(&format!("    [{}]", self.classification));
        }
        org
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct KeyFigure {
    pub key: String,
    pub label: String,
    pub value: String,
    pub number: f64,
    pub previous: String,
    pub year_ago: String,
    pub change_previous: String,
    pub change_year_ago: String,
}

/// One year of an annual brief's five-year trend, as the table shows it.
#[derive(Debug, Clone, Serialize)]
pub struct YearView {
    pub year: String,
    pub events: String,
    pub outcomes: String,
    pub mou: String,
    pub partner_countries: String,
    pub investment: String,
    /// Whether this is the brief's year.
    pub current: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectorView {
    pub id: String,
    pub label: String,
    /// A general field of cooperation, listed after the industries.
    pub field: bool,
    pub events: u32,
    pub outcomes: u32,
    pub pending: u32,
    pub investment: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RegionView {
    pub id: String,
    pub label: String,
    pub events: u32,
    pub outcomes: u32,
    pub places: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixView {
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    pub cells: Vec<Vec<u32>>,
    pub max: u32,
}

/// Events per month (quarter, year) and kind over the period.
#[derive(Debug, Clone, Default, Serialize)]
pub struct MonthKinds {
    pub months: Vec<String>,
    pub rows: Vec<MonthKindRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MonthKindRow {
    pub label: String,
    pub counts: Vec<u32>,
    pub total: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelineView {
    pub id: String,
    pub title: String,
    pub date: String,
    pub kind: String,
    pub regions: String,
    pub days: u32,
    /// Day of the period the event starts on (0-based) and ends on, for
    /// drawing spans; month-precision events span their month.
    pub from_day: i64,
    pub to_day: i64,
    pub approximate_date: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct MonthView {
    pub label: String,
    pub events: u32,
    /// The year, on the first month shown and on every January.
    pub year: String,
    /// Whether the month is in the brief's period.
    pub current: bool,
}

impl MonthView {
    /// The month as a table header and in alt text: with its year on the
    /// first month shown and on every January.
    pub fn full_label(&self) -> String {
        if self.year.is_empty() {
            self.label.clone()
        } else {
            format!("{} {}", self.year, self.label)
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct FollowUpView {
    pub action: String,
    pub owner: String,
    pub due: String,
    pub status: String,
    pub event: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OutcomeView {
    pub kind: String,
    pub count: u32,
    /// The outcome's own title; empty when the record's title only repeats
    /// its type and status ("MOU 체결", "MOUs signed").
    pub title: String,
    pub status: String,
    pub amount: String,
    pub parties: String,
    /// The outcome as a list line: "MOU ×4 — title (signed, USD 20M)".
    pub line: String,
}

impl OutcomeView {
    fn new(
        kind: String,
        count: u32,
        title: String,
        status: String,
        amount: String,
        parties: String,
    ) -> Self {
        let mut line = kind.clone();
        if count > 1 {
            line.push_str(&format!(" ×{count}"));
        }
        if !title.is_empty() {
            line.push_str(&format!(" — {title}"));
        }
        line.push_str(&format!(" ({status}"));
        if !amount.is_empty() {
            line.push_str(&format!(", {amount}"));
        }
        line.push(')');
        let mut chars = line.chars();
        let line = match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => line,
        };
        OutcomeView {
            kind,
            count,
            title,
            status,
            amount,
            parties,
            line,
        }
    }

    /// The line with the parties after it, for the appendix.
    pub fn line_with_parties(&self) -> String {
        if self.parties.is_empty() {
            self.line.clone()
        } else {
            format!("{}: {}", self.line, self.parties)
        }
    }
}

/// The words of every outcome type (singular and plural) and status, in
/// both languages: a title made only of them ("MOU 체결", "MOUs signed",
/// "협약 체결" shown in an English brief that has no English title) says
/// nothing of its own.
fn outcome_words(templates: &Templates) -> Result<Vec<String>, TemplateError> {
    let mut words: Vec<String> = vec!["체결".into(), "signed".into()];
    for lang in [Lang::Ko, Lang::En] {
        let strings = templates.strings(lang)?;
        let of_outcomes = strings.iter().filter(|(k, _)| {
            ["outcome.", "outcome_plural.", "outcome_status."]
                .iter()
                .any(|p| k.starts_with(p))
        });
        for (_, label) in of_outcomes {
            words.extend(label.split_whitespace().map(String::from));
        }
    }
    words.sort();
    words.dedup();
    Ok(words)
}

/// Whether a title says no more than an outcome's type and status: every
/// word is one of `words` (from `outcome_words`).
fn title_only_repeats(title: &str, words: &[String]) -> bool {
    let mut tokens = title.split_whitespace().peekable();
    tokens.peek().is_none() || tokens.all(|t| words.iter().any(|w| w.eq_ignore_ascii_case(t)))
}

#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    pub id: String,
    pub title: String,
    pub date: String,
    pub kind: String,
    pub regions: String,
    pub sectors: String,
    pub attendance: String,
    pub summary: String,
    pub date_note: String,
    pub outcomes: Vec<OutcomeView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub outlet: String,
    pub title: String,
    pub date: String,
    pub url: String,
    pub event: String,
}

/// Builds the brief for one period in one language, its annex's rows
/// listed or not (`rows`).
pub fn build(
    dataset: &Dataset,
    report: Report,
    period: Period,
    lang: Lang,
    config: &Config,
    templates: &Templates,
    rows: AnnexRows,
) -> Result<Brief, TemplateError> {
    let labels = month_title(
        period_words(templates.strings(lang)?, period),
        report.trend.len(),
    );
    let layout = templates.layout()?;
    let generic_words = outcome_words(templates)?;
    let v = Viewer {
        dataset,
        lang,
        labels: &labels,
        config,
        generic_words: &generic_words,
    };

    let meta = meta(&v, period);

    let by_id: rustc_hash::FxHashMap<&str, &Event> =
        dataset.events.iter().map(|e| (e.id.as_str(), e)).collect();
    let event = |id: &String| by_id.get(id.as_str()).copied();

    let key_figures = v.key_figures(&report);
    let years = v.year_views(&report);
    let annex_file = format!("{}.xlsx", config.output_stem(period, lang));
    let annex = v.annex(&report, annex_file, rows, &key_figures, &event);
    let lists = v.event_lists(&report, period, &event);
    let (sectors, sector_total) = v.sector_views(&report);
    let chart_sectors = charted(&sectors);
    let sector_caption = v.sector_caption(chart_sectors.len(), sectors.len());
    let matrix = v.matrix_view(&report, &chart_sectors);

    let months = v.month_views(&report.months, period);
    let trend = v.month_views(&report.trend, period);

    let follow = |items: &[FollowUpItem]| v.follow_up_views(items, &event);

    let list_notes = list_notes(
        &v,
        &report,
        &annex.file,
        lists.busy,
        (lists.events.len(), lists.compact.len()),
    );
    let notes = v.notes(&report.base_currency);
    let summary =
        summary_lines(templates.summary(lang, &summary_context(&report, &v, period, &years))?);

    let mut brief = Brief {
        lang,
        meta,
        fonts: config.font_families.clone(),
        layout,
        empty: report.events.is_empty(),
        key_figures,
        year_ago: report.year_ago.is_some(),
        years,
        summary,
        highlights: lists.highlights,
        sectors,
        chart_sectors,
        sector_caption,
        sector_total,
        partner_countries: v.region_rows(&report.partner_countries),
        partner_regions: v.region_rows(&report.partner_regions),
        domestic_regions: v.region_rows(&report.domestic_regions),
        regions_note: list_notes.regions,
        undated_note: list_notes.undated,
        matrix,
        timeline: lists.timeline,
        month_kinds: lists.month_kinds,
        months,
        trend,
        follow_ups_due: follow(&report.follow_ups_due),
        follow_ups_overdue: follow(&report.follow_ups_overdue),
        follow_ups_open: follow(&report.follow_ups_open),
        notes,
        events: lists.events,
        compact: lists.compact,
        undated: lists.undated,
        sources: lists.sources,
        listed_note: list_notes.listed,
        follow_ups_note: list_notes.follow_ups,
        labels,
        chart_alt: ChartAlt::default(),
        annex,
        report,
    };
    brief.chart_alt = ChartAlt::describe(&brief);
    Ok(brief)
}

/// The brief's title block: titles, organisation, period and issue date.
fn meta(v: &Viewer, period: Period) -> Meta {
    let (config, lang) = (v.config, v.lang);
    let l = |k: &str| v.label(k);
    let issue = config.issue_date.unwrap_or_else(|| period.next().start());
    let org = config.organisation.get(lang).to_string();
    Meta {
        title: l("title"),
        subtitle: format!("{} · {}", locale::period(period, lang), l("subtitle")),
        organisation: org,
        department: config.department.get(lang).to_string(),
        classification: config.classification.get(lang).to_string(),
        period: period.to_string(),
        period_kind: period.kind(),
        period_label: locale::period(period, lang),
        dates: locale::date_range(
            FuzzyDate {
                date: period.start(),
                precision: Precision::Day,
            },
            Some(period.end()),
            lang,
        ),
        days: period.end().days_since_epoch() - period.start().days_since_epoch() + 1,
        issue_date: locale::date(
            FuzzyDate {
                date: issue,
                precision: Precision::Day,
            },
            lang,
        ),
        issue_date_iso: issue.to_string(),
    }
}

impl Viewer<'_> {
    /// The sector chart's caption, saying when it shows only the top ones.
    fn sector_caption(&self, charted: usize, all: usize) -> String {
        if charted < all {
            format!(
                "{} ({})",
                self.label("chart.sector_title"),
                self.label("chart.top_sectors")
                    .replace("{n}", &charted.to_string())
            )
        } else {
            self.label("chart.sector_title")
        }
    }

    /// The brief's lists of events: those given in full (all of a quiet
    /// period's, a busy one's highlights), the highlights, the undated,
    /// the timeline (or, for a busy period, the compact lines and the
    /// kinds per month) and the sources of those given in full.
    fn event_lists(
        &self,
        report: &Report,
        period: Period,
        event: annex::Find<'_, '_>,
    ) -> EventLists {
        let views = |ids: &[String]| -> Vec<EventView> {
            ids.iter()
                .filter_map(event)
                .map(|e| self.event(e))
                .collect()
        };
        // A busy period details only its highlights; the timeline gives the
        // first of the rest a line each (`timelines`).
        let busy = report.events.len() > MAX_DETAILED;
        let detailed: &[String] = if busy {
            &report.highlights
        } else {
            &report.events
        };
        let (timeline, compact, month_kinds) =
            self.timelines(report, period, busy, detailed, event);
        let highlights = views(&report.highlights);
        // A busy period's events in full are its highlights: built once.
        let events = if busy {
            highlights.clone()
        } else {
            views(detailed)
        };
        EventLists {
            busy,
            events,
            highlights,
            undated: views(&report.undated[..report.undated.len().min(MAX_UNDATED)]),
            timeline,
            compact,
            month_kinds,
            sources: self.source_views(detailed.iter().filter_map(event)),
        }
    }

    /// The timeline: every event of a quiet period; for a busy one, a line
    /// each for the first events it does not give in full (only those are
    /// built) and the kinds of events per month.
    fn timelines(
        &self,
        report: &Report,
        period: Period,
        busy: bool,
        detailed: &[String],
        event: annex::Find<'_, '_>,
    ) -> (Vec<TimelineView>, Vec<TimelineView>, MonthKinds) {
        let lang = self.lang;
        let p_start = period.start().days_since_epoch();
        let timeline_view = |t: &crate::aggregate::TimelineItem| {
            let e = event(&t.event)?;
            Some(TimelineView {
                id: e.id.clone(),
                title: e.title.get(lang).to_string(),
                date: locale::date_range(e.start, e.end, lang),
                kind: self.kind(&e.kind),
                regions: self.regions(e),
                days: t.days,
                from_day: e.start.date.days_since_epoch() - p_start,
                to_day: e.last_day().days_since_epoch() - p_start,
                approximate_date: e.start.precision != Precision::Day,
            })
        };
        // A busy period lists a line each for the first events it does not
        // give in full; only those are built.
        if busy {
            let compact = report
                .timeline
                .iter()
                .filter(|t| !detailed.contains(&t.event))
                .filter_map(timeline_view)
                .take(MAX_COMPACT)
                .collect();
            (Vec::new(), compact, self.month_kinds(report, period, event))
        } else {
            let all = report.timeline.iter().filter_map(timeline_view).collect();
            (all, Vec::new(), MonthKinds::default())
        }
    }

    /// The first follow-ups of a list, with the title of their event.
    fn follow_up_views(
        &self,
        items: &[FollowUpItem],
        event: annex::Find<'_, '_>,
    ) -> Vec<FollowUpView> {
        let lang = self.lang;
        let l = |k: &str| self.label(k);
        items
            .iter()
            .take(MAX_FOLLOW_UPS)
            .filter_map(|i| {
                let e = event(&i.event)?;
                let f = e.follow_ups.get(i.index)?;
                Some(FollowUpView {
                    action: f.action.get(lang).to_string(),
                    owner: f.owner.get(lang).to_string(),
                    due: f
                        .due
                        .map_or_else(|| l("no_due_date"), |d| locale::date(d, lang)),
                    status: l(&format!("follow_up_status.{}", f.status.id())),
                    event: e.title.get(lang).to_string(),
                })
            })
            .collect()
    }

    /// The sources of the events given in full.
    fn source_views<'e>(&self, events: impl Iterator<Item = &'e Event>) -> Vec<SourceView> {
        let lang = self.lang;
        let mut sources = Vec::new();
        for e in events {
            for s in &e.sources {
                sources.push(SourceView {
                    outlet: s.outlet.clone(),
                    title: s.title.clone(),
                    date: s.date.map(|d| locale::date(d, lang)).unwrap_or_default(),
                    url: s.url.clone().unwrap_or_default(),
                    event: e.title.get(lang).to_string(),
                });
            }
        }
        sources
    }
}

/// What `Viewer::event_lists` builds.
struct EventLists {
    busy: bool,
    events: Vec<EventView>,
    highlights: Vec<EventView>,
    undated: Vec<EventView>,
    timeline: Vec<TimelineView>,
    compact: Vec<TimelineView>,
    month_kinds: MonthKinds,
    sources: Vec<SourceView>,
}

/// The notes under lists that show only part of what the annex workbook
/// holds (each empty when its list is whole).
struct ListNotes {
    listed: String,
    follow_ups: String,
    regions: String,
    undated: String,
}

/// The list notes of a brief whose event list gives `full` events in
/// full and `compact` a line each.
fn list_notes(
    v: &Viewer,
    report: &Report,
    annex_file: &str,
    busy: bool,
    (full, compact): (usize, usize),
) -> ListNotes {
    let count = |n: usize| locale::group_thousands(n as u64);
    // A note naming the annex workbook when a list shows only part of it.
    let annex_note = |truncated: bool, key: &str, shown: usize| {
        if truncated {
            v.label(key)
                .replace("{shown}", &count(shown))
                .replace("{annex}", annex_file)
        } else {
            String::new()
        }
    };
    let listed_note = annex_note(busy, "list_truncated", full)
        .replace("{full}", &count(full))
        .replace("{compact}", &count(compact))
        .replace("{total}", &count(report.events.len()));
    let longest = [
        &report.follow_ups_due,
        &report.follow_ups_overdue,
        &report.follow_ups_open,
    ]
    .iter()
    .map(|f| f.len())
    .max()
    .unwrap_or(0);
    let follow_ups_note = annex_note(
        longest > MAX_FOLLOW_UPS,
        "follow_ups_truncated",
        MAX_FOLLOW_UPS,
    );
    let regions_truncated = [
        &report.partner_countries,
        &report.partner_regions,
        &report.domestic_regions,
    ]
    .iter()
    .any(|rows| rows.len() > MAX_REGION_ROWS);
    let regions_note = annex_note(regions_truncated, "regions_truncated", MAX_REGION_ROWS);
    let undated_note = annex_note(
        report.undated.len() > MAX_UNDATED,
        "undated_truncated",
        MAX_UNDATED,
    )
    .replace("{total}", &count(report.undated.len()));
    ListNotes {
        listed: listed_note,
        follow_ups: follow_ups_note,
        regions: regions_note,
        undated: undated_note,
    }
}

/// What a figure no record reports shows as (never 0).
const DASH: &str = "–";

/// Partner countries named in the summary; the table lists them all.
const NAMED_COUNTRIES: usize = 3;

/// The sectors a chart shows: all, or the `MAX_CHARTED` with the most events
/// (then outcomes), kept in table order.
fn charted(sectors: &[SectorView]) -> Vec<SectorView> {
    if sectors.len() <= MAX_CHARTED {
        return sectors.to_vec();
    }
    let mut ranked: Vec<usize> = (0..sectors.len()).collect();
    ranked.sort_by(|&a, &b| {
        (sectors[b].events, sectors[b].outcomes).cmp(&(sectors[a].events, sectors[a].outcomes))
    });
    ranked.truncate(MAX_CHARTED);
    ranked.sort_unstable();
    ranked.into_iter().map(|i| sectors[i].clone()).collect()
}

/// What the summary may say of the sectors, decided from the numbers: the
/// largest (all tied ones), and how the events are spread.
struct SectorSummary {
    /// The sectors with the most events (more than one when tied).
    top: Vec<minijinja::Value>,
    /// `only` (one sector), `one_event` (one event in several sectors),
    /// `even` (every sector has the same number of events), `top` (some
    /// have more than others), `none`.
    shape: &'static str,
    /// Sectors with at least one event.
    count: usize,
}

fn sector_summary(report: &Report, v: &Viewer) -> SectorSummary {
    let mut rows: Vec<_> = report.sectors.iter().filter(|r| r.events > 0).collect();
    // The summary speaks of industries; of fields only when no industry has
    // an event.
    if rows.iter().any(|r| !v.is_field(&r.sector)) {
        rows.retain(|r| !v.is_field(&r.sector));
    }
    rows.sort_by(|a, b| b.events.cmp(&a.events).then(b.outcomes.cmp(&a.outcomes)));
    let max = rows.first().map_or(0, |r| r.events);
    let min = rows.last().map_or(0, |r| r.events);
    let shape = match rows.len() {
        0 => "none",
        1 => "only",
        _ if report.figures.events == 1 => "one_event",
        _ if min == max => "even",
        _ => "top",
    };
    let top = rows
        .iter()
        .filter(|r| r.events == max)
        .map(|r| minijinja::context! { label => v.sector(&r.sector), events => r.events, outcomes => r.outcomes })
        .collect();
    SectorSummary {
        top,
        shape,
        count: rows.len(),
    }
}

/// Summary lines as the templates write them: a line starting with `>` is a
/// sub-point.
fn summary_lines(lines: Vec<String>) -> Vec<SummaryLine> {
    lines
        .into_iter()
        .map(|line| match line.strip_prefix('>') {
            Some(rest) => SummaryLine {
                level: 2,
                text: rest.trim().to_string(),
            },
            None => SummaryLine {
                level: 1,
                text: line,
            },
        })
        .collect()
}

/// The labels with the words of the period's kind put in for
/// `{period.this}` and the like (from the `[periods.<kind>]` tables of the
/// strings file); a placeholder the file lacks stays as written.
fn period_words(labels: BTreeMap<String, String>, period: Period) -> BTreeMap<String, String> {
    let prefix = format!("periods.{}.", period.kind().id());
    let words: Vec<(String, String)> = labels
        .iter()
        .filter_map(|(k, v)| {
            let word = k.strip_prefix(&prefix)?;
            Some((format!("{{period.{word}}}"), v.clone()))
        })
        .collect();
    labels
        .into_iter()
        .map(|(k, mut v)| {
            if v.contains("{period.") {
                for (placeholder, word) in &words {
                    v = v.replace(placeholder, word);
                }
            }
            (k, v)
        })
        .collect()
}

/// The monthly chart's caption says how many months it shows.
fn month_title(mut labels: BTreeMap<String, String>, months: usize) -> BTreeMap<String, String> {
    if let Some(t) = labels.get_mut("chart.month_title") {
        *t = t.replace("{months}", &months.to_string());
    }
    labels
}

/// What the summary sentences may refer to: only numbers the tables show.
fn summary_context(
    report: &Report,
    v: &Viewer,
    period: Period,
    years: &[YearView],
) -> minijinja::Value {
    let f = &report.figures;
    let outcome_parts: Vec<minijinja::Value> = OutcomeType::ALL
        .iter()
        .filter(|t| f.outcomes.get(**t) > 0)
        .map(|t| {
            minijinja::context! {
                label => v.label(&format!("outcome.{}", t.id())),
                plural => v.label(&format!("outcome_plural.{}", t.id())),
                count => f.outcomes.get(*t),
            }
        })
        .collect();
    let sectors = sector_summary(report, v);
    // Up to three partner countries are named; "등" / "among others" only
    // when more were left out.
    let all_countries: Vec<String> = report
        .partner_countries
        .iter()
        .map(|r| v.region(&r.region))
        .collect();
    let countries: Vec<String> = all_countries
        .iter()
        .take(NAMED_COUNTRIES)
        .cloned()
        .collect();
    minijinja::context! {
        period => locale::period(period, v.lang),
        kind => period.kind().id(),
        events => f.events,
        outcomes_total => f.outcomes_total,
        outcome_parts => outcome_parts,
        pending => f.outcomes.pending,
        partner_countries => f.partner_countries,
        partner_regions => f.partner_regions,
        domestic_regions => f.domestic_regions,
        country_names => countries,
        more_countries => all_countries.len() > NAMED_COUNTRIES,
        top_sectors => sectors.top,
        sector_shape => sectors.shape,
        sector_count => sectors.count,
        attendance => f.attendance,
        attendance_approximate => f.attendance_approximate,
        attendance_events => f.attendance_events,
        investment => v.total_phrase(&f.investment),
        deal_value => v.money_phrase(&f.deal_value),
        previous_period => locale::period_ref(period.prev(), v.lang),
        previous_word => v.label("column.previous"),
        year_ago_word => v.label("column.year_ago"),
        previous_events => report.previous.events,
        year_ago_period => period.year_before().map(|p| locale::period_ref(p, v.lang)),
        year_ago_events => report.year_ago.as_ref().map(|f| f.events),
        years => years.iter().map(|y| minijinja::context! { year => y.year.clone(), events => y.events.clone() }).collect::<Vec<_>>(),
        next_word => v.label("section.follow_ups_due"),
        due => report.follow_ups_due.len(),
        overdue => report.follow_ups_overdue.len(),
        undated => report.undated.len(),
    }
}

/// Turns ids and numbers into the words of one language.
struct Viewer<'a> {
    dataset: &'a Dataset,
    lang: Lang,
    labels: &'a BTreeMap<String, String>,
    config: &'a Config,
    /// Words an outcome title may consist of without saying anything of
    /// its own (see `outcome_words`).
    generic_words: &'a [String],
}

impl Viewer<'_> {
    fn label(&self, key: &str) -> String {
        self.labels
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    fn sector(&self, id: &str) -> String {
        self.dataset
            .taxonomy
            .sectors
            .lookup(id)
            .map_or_else(|| id.to_string(), |t| t.label.get(self.lang).to_string())
    }

    fn is_field(&self, id: &str) -> bool {
        self.dataset
            .taxonomy
            .sectors
            .lookup(id)
            .is_some_and(|t| t.field)
    }

    fn kind(&self, id: &str) -> String {
        self.dataset
            .taxonomy
            .kinds
            .lookup(id)
            .map_or_else(|| id.to_string(), |t| t.label.get(self.lang).to_string())
    }

    fn region(&self, id: &str) -> String {
        self.dataset
            .taxonomy
            .region(id)
            .map_or_else(|| id.to_string(), |r| r.label.get(self.lang).to_string())
    }

    fn regions(&self, e: &Event) -> String {
        e.regions()
            .map(|r| self.region(r))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// "약 207억원" / "about KRW 20.7 billion", with "up to"/"at least".
    fn money_phrase(&self, m: &Money) -> String {
        self.money_phrase_in(m, &self.config.base_currency)
    }

    fn money_phrase_in(&self, m: &Money, currency: &str) -> String {
        if m.parts == 0 {
            return String::new();
        }
        let amount = locale::money(m.value, currency, self.lang);
        let (about, bound) = m.reading();
        let mut s = String::new();
        if about {
            s.push_str(&self.label("money.about"));
            s.push(' ');
        }
        if bound == AmountQualifier::UpTo {
            s.push_str(&self.label("money.up_to"));
            s.push(' ');
        }
        s.push_str(&amount);
        if bound == AmountQualifier::AtLeast {
            let at_least = self.label("money.at_least");
            match self.lang {
                Lang::Ko => s.push_str(&format!(" {at_least}")),
                Lang::En => s = format!("{at_least} {s}"),
            }
        }
        if m.expected {
            s.push_str(&format!(" ({})", self.label("money.expected")));
        }
        s
    }

    /// The sector rows and their totals row (each event once).
    fn sector_views(&self, report: &Report) -> (Vec<SectorView>, SectorView) {
        let mut rows: Vec<SectorView> = report
            .sectors
            .iter()
            .map(|s| SectorView {
                id: s.sector.clone(),
                label: self.sector(&s.sector),
                field: self.is_field(&s.sector),
                events: s.events,
                outcomes: s.outcomes,
                pending: s.pending,
                investment: self.money_or_dash(&s.investment),
            })
            .collect();
        // Industries first, then fields of cooperation (a stable sort keeps
        // the taxonomy's order within each).
        rows.sort_by_key(|r| r.field);
        let total = SectorView {
            id: String::new(),
            label: self.label("column.total"),
            field: false,
            events: report.figures.events,
            outcomes: report.figures.outcomes_total,
            pending: report.figures.outcomes.pending,
            investment: self.money_or_dash(&report.figures.investment),
        };
        (rows, total)
    }

    /// A region table's rows: the `MAX_REGION_ROWS` with most events.
    fn region_rows(&self, rows: &[RegionRow]) -> Vec<RegionView> {
        rows.iter()
            .take(MAX_REGION_ROWS)
            .map(|r| RegionView {
                id: r.region.clone(),
                label: self.region(&r.region),
                events: r.events,
                outcomes: r.outcomes,
                places: r
                    .places
                    .iter()
                    .map(|p| self.region(p))
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .collect()
    }

    /// The sector × country matrix, over the charted sectors.
    fn matrix_view(&self, report: &Report, charted: &[SectorView]) -> MatrixView {
        let m = &report.matrix;
        let keep: Vec<usize> = (0..m.sectors.len())
            .filter(|&i| charted.iter().any(|s| s.id == m.sectors[i]))
            .collect();
        let cells: Vec<Vec<u32>> = keep.iter().map(|&i| m.cells[i].clone()).collect();
        MatrixView {
            rows: keep.iter().map(|&i| self.sector(&m.sectors[i])).collect(),
            columns: m.countries.iter().map(|c| self.region(c)).collect(),
            max: cells.iter().flatten().copied().max().unwrap_or(0),
            cells,
        }
    }

    /// Months of a chart, with the year on the first month shown and on
    /// every January, and whether each is in the brief's period.
    fn month_views(
        &self,
        months: &[crate::aggregate::MonthCount],
        period: Period,
    ) -> Vec<MonthView> {
        months
            .iter()
            .enumerate()
            .map(|(i, m)| MonthView {
                label: locale::month_name(m.month, self.lang),
                events: m.events,
                year: if i == 0 || m.month == 1 {
                    locale::year(m.year, self.lang)
                } else {
                    String::new()
                },
                current: period.contains(crate::model::Date {
                    year: m.year,
                    month: m.month,
                    day: 1,
                }),
            })
            .collect()
    }

    /// The notes on the data: the counting rules, and the exchange rates.
    fn notes(&self, base: &str) -> Vec<String> {
        let mut notes: Vec<String> = self
            .label("notes")
            .lines()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| s.replace("{base}", base))
            .collect();
        let rates: Vec<String> = self
            .config
            .rates
            .iter()
            .filter(|(c, _)| c.as_str() != base)
            .map(|(c, r)| {
                format!(
                    "1 {c} = {} {base}",
                    locale::group_thousands(r.round() as u64)
                )
            })
            .collect();
        if !rates.is_empty() {
            notes.push(format!("{}: {}", self.label("rates"), rates.join(", ")));
        }
        notes
    }

    /// Events per month and kind, kinds in taxonomy order; a period longer
    /// than a year counts per quarter, one longer than four years per year,
    /// so the table keeps at most twelve columns (sixteen for four years).
    fn month_kinds(
        &self,
        report: &Report,
        period: Period,
        event: annex::Find<'_, '_>,
    ) -> MonthKinds {
        let step: i32 = match period.len_months() {
            0..=12 => 1,
            13..=48 => 3,
            _ => 12,
        };
        let start = period.start();
        let first = start.year * 12 + i32::from(start.month) - 1;
        let first = first - first.rem_euclid(step);
        let end = period.end();
        let last = end.year * 12 + i32::from(end.month) - 1;
        let columns = ((last - first) / step + 1) as usize;
        let kinds = &self.dataset.taxonomy.kinds.items;
        let mut counts = vec![vec![0u32; columns]; kinds.len()];
        for e in report.events.iter().filter_map(event) {
            let Some(k) = kinds.iter().position(|t| t.id == e.kind) else {
                continue;
            };
            // An event dated only to the year has no month or quarter to
            // go in; a column of a year takes it.
            if e.start.precision == Precision::Year && step != 12 {
                continue;
            }
            let m = e.start.date.year * 12 + i32::from(e.start.date.month) - 1;
            if let Some(c) = usize::try_from((m - first) / step)
                .ok()
                .and_then(|i| counts[k].get_mut(i))
            {
                *c += 1;
            }
        }
        let label = |i: usize| {
            let m = first + i as i32 * step;
            let (y, month) = (m.div_euclid(12), m.rem_euclid(12) as u8 + 1);
            match step {
                1 if !(i > 0 && month == 1) => locale::month_name(month, self.lang),
                1 => format!(
                    "{} {}",
                    locale::year(y, self.lang),
                    locale::month_name(month, self.lang)
                ),
                3 => locale::period_ref(Period::quarter(y, (month - 1) / 3 + 1), self.lang),
                _ => locale::year(y, self.lang),
            }
        };
        MonthKinds {
            months: (0..columns).map(label).collect(),
            rows: kinds
                .iter()
                .zip(counts)
                .filter(|(_, c)| c.iter().any(|n| *n > 0))
                .map(|(k, c)| MonthKindRow {
                    label: self.kind(&k.id),
                    total: c.iter().sum(),
                    counts: c,
                })
                .collect(),
        }
    }

    /// A total under a label that already says "incl. expected": the
    /// amount and its qualifiers, without "(expected)" a second time.
    fn total_phrase(&self, m: &Money) -> String {
        let m = Money {
            expected: false,
            ..m.clone()
        };
        self.money_phrase(&m)
    }

    fn money_or_dash(&self, m: &Money) -> String {
        let s = self.money_phrase(m);
        if s.is_empty() { DASH.into() } else { s }
    }

    /// A number of people: "약 300명", "about 300".
    fn people(&self, count: u64, approximate: bool) -> String {
        let n = format!(
            "{}{}",
            locale::group_thousands(count),
            self.label("unit.people")
        );
        if approximate {
            format!("{} {n}", self.label("money.about"))
        } else {
            n
        }
    }

    /// The attendance row: "–" for a period whose events report none, and
    /// "(n건 기준)" when only some of them do; no change against a period
    /// without attendance.
    fn attendance_figure(&self, periods: [&Figures; 3]) -> KeyFigure {
        let shown = periods.map(|f| {
            if f.attendance_events == 0 {
                return DASH.to_string();
            }
            let mut n = self.people(f.attendance, f.attendance_approximate);
            if f.attendance_events < f.events {
                let basis = self
                    .label("figure.basis")
                    .replace("{n}", &locale::group_thousands(f.attendance_events.into()));
                n = format!("{n} ({basis})");
            }
            n
        });
        let mut row = self.figure("attendance", periods.map(|f| f.attendance as f64), shown);
        let [now, previous, year_ago] = periods;
        if now.attendance_events == 0 || previous.attendance_events == 0 {
            row.change_previous = DASH.into();
        }
        if now.attendance_events == 0 || year_ago.attendance_events == 0 {
            row.change_year_ago = DASH.into();
        }
        row
    }

    /// The key-figure rows: this period, the previous one, the same one a
    /// year before (left empty for a year or longer), and the changes.
    fn key_figures(&self, r: &Report) -> Vec<KeyFigure> {
        let year_ago = r.year_ago.as_ref().unwrap_or(&r.figures);
        let periods = [&r.figures, &r.previous, year_ago];
        type Count = (&'static str, fn(&Figures) -> u64, &'static str);
        let counts: [Count; 5] = [
            ("events", |f| f.events.into(), "unit.events"),
            ("outcomes", |f| f.outcomes_total.into(), "unit.items"),
            ("mou", |f| f.outcomes.mou.into(), "unit.items"),
            (
                "partner_countries",
                |f| f.partner_countries.into(),
                "unit.countries",
            ),
            (
                "partner_regions",
                |f| f.partner_regions.into(),
                "unit.regions",
            ),
        ];
        let mut rows: Vec<KeyFigure> = counts
            .iter()
            .map(|(key, get, unit)| {
                let shown = periods
                    .map(|f| format!("{}{}", locale::group_thousands(get(f)), self.label(unit)));
                self.figure(key, periods.map(|f| get(f) as f64), shown)
            })
            .collect();

        rows.push(self.attendance_figure(periods));

        let money = periods.map(|f| {
            let s = self.total_phrase(&f.investment);
            if s.is_empty() { DASH.to_string() } else { s }
        });
        let mut investment = self.figure("investment", periods.map(|f| f.investment.value), money);
        // Money changes read better as amounts than as percentages; none
        // where either side reports no amount.
        let change = |now: &Money, then: &Money| {
            if now.parts == 0 || then.parts == 0 {
                return DASH.to_string();
            }
            let d = now.value - then.value;
            let s = locale::money(d.abs(), &self.config.base_currency, self.lang);
            if d > 0.0 {
                format!("+{s}")
            } else if d < 0.0 {
                format!("−{s}")
            } else {
                "0".into()
            }
        };
        investment.change_previous = change(&r.figures.investment, &r.previous.investment);
        investment.change_year_ago = change(&r.figures.investment, &year_ago.investment);
        rows.push(investment);
        if r.year_ago.is_none() {
            for row in &mut rows {
                row.year_ago.clear();
                row.change_year_ago.clear();
            }
        }
        rows
    }

    /// A year's five-year trend: the figures the key-figures table shows,
    /// one row per year.
    fn year_views(&self, r: &Report) -> Vec<YearView> {
        let count = |n: u32, unit: &str| {
            format!("{}{}", locale::group_thousands(n.into()), self.label(unit))
        };
        let last = r.years.last().map(|y| y.year);
        r.years
            .iter()
            .map(|y| {
                let f = &y.figures;
                YearView {
                    year: locale::year(y.year, self.lang),
                    events: count(f.events, "unit.events"),
                    outcomes: count(f.outcomes_total, "unit.items"),
                    mou: count(f.outcomes.mou, "unit.items"),
                    partner_countries: count(f.partner_countries, "unit.countries"),
                    investment: self.money_or_dash(&Money {
                        expected: false,
                        ..f.investment.clone()
                    }),
                    current: Some(y.year) == last,
                }
            })
            .collect()
    }

    fn figure(&self, key: &str, numbers: [f64; 3], shown: [String; 3]) -> KeyFigure {
        let change = |current: f64, base: f64| {
            let (abs, pct) = locale::change(current, base);
            pct.map_or(abs.clone(), |p| format!("{abs} ({p})"))
        };
        let [value, previous, year_ago] = shown;
        KeyFigure {
            key: key.to_string(),
            label: self.label(&format!("figure.{key}")),
            value,
            number: numbers[0],
            previous,
            year_ago,
            change_previous: change(numbers[0], numbers[1]),
            change_year_ago: change(numbers[0], numbers[2]),
        }
    }

    /// One outcome as the brief lists it.
    fn outcome_view(&self, o: &crate::model::Outcome) -> OutcomeView {
        let lang = self.lang;
        let kind = self.label(&format!("outcome.{}", o.kind.id()));
        let status = self.label(&format!("outcome_status.{}", o.status.id()));
        let title = o.title.get(lang);
        let title = if title_only_repeats(title, self.generic_words) {
            ""
        } else {
            title
        };
        let amount = o.amount.as_ref().map_or_else(String::new, |a| {
            let m = Money {
                value: a.value,
                approximate: a.approximate,
                up_to: a.qualifier == AmountQualifier::UpTo,
                at_least: a.qualifier == AmountQualifier::AtLeast,
                // The status says "expected" already.
                expected: a.expected && o.status != OutcomeStatus::Expected,
                parts: 1,
            };
            self.money_phrase_in(&m, &a.currency)
        });
        let parties = o
            .parties
            .iter()
            .map(|p| p.get(lang).to_string())
            .collect::<Vec<_>>()
            .join(", ");
        OutcomeView::new(kind, o.count, title.to_string(), status, amount, parties)
    }

    fn event(&self, e: &Event) -> EventView {
        let lang = self.lang;
        EventView {
            id: e.id.clone(),
            title: e.title.get(lang).to_string(),
            date: locale::date_range(e.start, e.end, lang),
            kind: self.kind(&e.kind),
            regions: self.regions(e),
            sectors: e
                .sectors
                .iter()
                .map(|s| self.sector(s))
                .collect::<Vec<_>>()
                .join(", "),
            attendance: e
                .attendance
                .as_ref()
                .map_or_else(String::new, |a| self.people(a.count, a.approximate)),
            summary: e.summary.get(lang).to_string(),
            date_note: e.date_note.get(lang).to_string(),
            outcomes: e.outcomes.iter().map(|o| self.outcome_view(o)).collect(),
        }
    }
}

pub mod annex;
pub use annex::AnnexRows;

#[cfg(test)]
mod properties;
