//! Events from sheets: CSV (UTF-8 with or without BOM, or CP949/EUC-KR as
//! Korean Excel saves it) and XLSX (every sheet with event columns). Headers
//! may be Korean or English; see `COLUMNS` for the accepted names. One row
//! is one event; outcomes come from count columns (MOU, 협약, 계약) and an
//! investment column.

mod csv;
mod csv_text;
mod row;

pub use csv::Encoding;

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::rc::Rc;

use super::human;
use super::resolve::{self, Problem};
use super::{LoadOptions, Valid};
use crate::diag::{Diagnostic, Span};
use crate::model::{Amount, FuzzyDate, Taxonomy, Text, normalise_key};

/// Errors kept per run; more are counted, not stored, so a broken
/// million-row sheet cannot exhaust memory.
pub const MAX_STORED_ERRORS: usize = 1000;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Col {
    Id,
    Title,
    TitleKo,
    TitleEn,
    Kind,
    Start,
    End,
    Sectors,
    Hosts,
    Regions,
    Attendance,
    Mou,
    Agreement,
    Contract,
    Investment,
    Venue,
    Summary,
    Outlet,
    SourceTitle,
    Url,
    FollowUp,
    FollowUpDue,
    Ignore,
}

/// How many `Col` variants there are.
const COL_COUNT: usize = Col::Ignore as usize + 1;

/// Accepted headers per column (matched ignoring case, spaces and `_-.·`).
pub const COLUMNS: &[(Col, &[&str])] = &[
    (
        Col::Id,
        &["id", "아이디", "행사id", "행사코드", "코드", "event id"],
    ),
    (
        Col::Title,
        &[
            "행사명",
            "제목",
            "행사",
            "명칭",
            "title",
            "event",
            "name",
            "event name",
            "event title",
        ],
    ),
    (
        Col::TitleKo,
        &[
            "행사명(국문)",
            "국문행사명",
            "국문명",
            "title_ko",
            "korean title",
        ],
    ),
    (
        Col::TitleEn,
        &[
            "행사명(영문)",
            "영문행사명",
            "영문명",
            "title_en",
            "english title",
        ],
    ),
    (
        Col::Kind,
        &[
            "구분",
            "유형",
            "행사유형",
            "행사구분",
            "종류",
            "kind",
            "type",
            "event type",
            "event kind",
        ],
    ),
    (
        Col::Start,
        &[
            "시작일",
            "일자",
            "날짜",
            "개최일",
            "행사일",
            "기간",
            "start",
            "date",
            "start date",
        ],
    ),
    (Col::End, &["종료일", "end", "end date"]),
    (
        Col::Sectors,
        &[
            "분야",
            "산업",
            "산업분야",
            "전략산업",
            "협력분야",
            "sector",
            "sectors",
            "industry",
            "industries",
            "field",
            "fields",
        ],
    ),
    (
        Col::Hosts,
        &[
            "주최",
            "주관",
            "주최지역",
            "개최지역",
            "주최기관",
            "host",
            "hosts",
            "host region",
            "host regions",
            "host country",
            "organiser",
            "organizer",
        ],
    ),
    (
        Col::Regions,
        &[
            "지역",
            "참여지역",
            "협력지역",
            "상대지역",
            "국가",
            "region",
            "regions",
            "partners",
            "partner",
            "partner region",
            "partner regions",
            "partner country",
            "partner countries",
            "country",
            "countries",
        ],
    ),
    (
        Col::Attendance,
        &[
            "참석자",
            "참석인원",
            "참석",
            "인원",
            "attendance",
            "attendees",
        ],
    ),
    (
        Col::Mou,
        &[
            "성과",
            "mou",
            "mou건수",
            "mou 건수",
            "양해각서",
            "mous",
            "mou count",
            "number of mous",
        ],
    ),
    (
        Col::Agreement,
        &[
            "협약",
            "협약건수",
            "agreement",
            "agreements",
            "agreement count",
        ],
    ),
    (
        Col::Contract,
        &[
            "계약",
            "계약건수",
            "contract",
            "contracts",
            "contract count",
        ],
    ),
    (
        Col::Investment,
        &[
            "투자",
            "투자액",
            "투자유치",
            "투자금액",
            "투자유치액",
            "금액",
            "investment",
            "investment amount",
            "amount",
        ],
    ),
    (Col::Venue, &["장소", "개최장소", "venue", "place"]),
    (
        Col::Summary,
        &["개요", "요약", "내용", "주요내용", "summary", "description"],
    ),
    (Col::Outlet, &["출처", "매체", "언론사", "source", "outlet"]),
    (
        Col::SourceTitle,
        &["기사제목", "기사명", "source title", "article"],
    ),
    (Col::Url, &["링크", "url", "기사링크", "주소", "link"]),
    (
        Col::FollowUp,
        &[
            "후속조치",
            "후속",
            "후속과제",
            "follow up",
            "followup",
            "follow-up",
        ],
    ),
    (
        Col::FollowUpDue,
        &["후속기한", "기한", "due", "follow up due"],
    ),
    (
        Col::Ignore,
        &[
            "번호", "순번", "no", "비고", "메모", "note", "notes", "remarks",
        ],
    ),
];

/// brief's names of its columns, for `[sheets.columns]` in brief.toml.
pub const COLUMN_NAMES: &[(&str, Col)] = &[
    ("id", Col::Id),
    ("title", Col::Title),
    ("title_ko", Col::TitleKo),
    ("title_en", Col::TitleEn),
    ("kind", Col::Kind),
    ("start", Col::Start),
    ("end", Col::End),
    ("sectors", Col::Sectors),
    ("hosts", Col::Hosts),
    ("regions", Col::Regions),
    ("partners", Col::Regions),
    ("attendance", Col::Attendance),
    ("mou", Col::Mou),
    ("agreement", Col::Agreement),
    ("contract", Col::Contract),
    ("investment", Col::Investment),
    ("venue", Col::Venue),
    ("summary", Col::Summary),
    ("outlet", Col::Outlet),
    ("source_title", Col::SourceTitle),
    ("url", Col::Url),
    ("follow_up", Col::FollowUp),
    ("follow_up_due", Col::FollowUpDue),
    ("ignore", Col::Ignore),
];

/// An office's own headers for brief's columns (`[sheets.columns]`:
/// column name -> header), checked.
pub fn column_mapping(
    map: &std::collections::BTreeMap<String, String>,
) -> Result<Vec<(Col, String)>, Problem> {
    let mut out = Vec::new();
    for (name, header) in map {
        let Some((_, col)) = COLUMN_NAMES.iter().find(|(n, _)| n == name) else {
            let names: Vec<&str> = COLUMN_NAMES.iter().map(|(n, _)| *n).collect();
            let hint = match crate::diag::did_you_mean(name, names.iter().copied()) {
                Some(s) => format!("did you mean `{s}`? Columns: {}", names.join(", ")),
                None => format!("columns: {}", names.join(", ")),
            };
            return Err(Problem::new(
                format!("unknown column `{name}` in [sheets.columns]"),
                hint,
            ));
        };
        out.push((*col, header.clone()));
    }
    Ok(out)
}

/// The column a header names among brief's own names.
fn known_column(header: &str) -> Option<Col> {
    let key = normalise_key(header);
    COLUMNS
        .iter()
        .find(|(_, names)| names.iter().any(|n| normalise_key(n) == key))
        .map(|(c, _)| *c)
}

/// A currency or unit in a header — `투자액(USD)`, `금액(억원)`,
/// `금액 (만 달러)`, `investment_usd` — as the header without it and the
/// unit, when the unit is one an amount may carry.
fn header_unit(header: &str) -> Option<(&str, String)> {
    let header = header.trim();
    let (base, unit) = if let Some(open) = header.find(['(', '（']) {
        let close = header.rfind([')', '）']).filter(|&c| c > open)?;
        // The bracket may be a full-width one (three bytes in UTF-8).
        let inner = header[open..close].trim_start_matches(['(', '（']);
        (header[..open].trim(), inner.trim())
    } else {
        let (base, last) = header.rsplit_once(['_', ' ', '-'])?;
        (base.trim(), last)
    };
    let currency = human::amount(&format!("1 {unit}")).ok()?.currency;
    (!base.is_empty() && currency.is_some()).then(|| (base, unit.to_string()))
}

/// An amount cell read in the unit its header names: a bare number takes
/// the whole unit (`15` under `금액(억원)` is 15억원); a number with its own
/// scale takes only the unit's currency (`1억 5천` under `금액(억원)` is
/// 1억 5천 KRW, not 1억 5천 억원); a cell naming a currency keeps it.
fn with_header_unit<'c>(cell: Cow<'c, str>, unit: &str) -> Cow<'c, str> {
    let Ok(parsed) = human::amount(&cell) else {
        return cell;
    };
    if parsed.currency.is_some() {
        return cell;
    }
    let plain: f64 = cell
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect::<String>()
        .parse()
        .unwrap_or(f64::NAN);
    if (parsed.value - plain).abs() < 0.5 {
        return Cow::Owned(format!("{cell} {unit}"));
    }
    match human::amount(&format!("1 {unit}"))
        .ok()
        .and_then(|p| p.currency)
    {
        Some(code) => Cow::Owned(format!("{cell} {code}")),
        None => cell,
    }
}

/// The column a header names (an office's own name from brief.toml first),
/// and the unit its amounts are in when the header gives one.
fn column_of(header: &str, mapped: &[(Col, String)]) -> (Option<Col>, Option<String>) {
    let key = normalise_key(header);
    let unit = header_unit(header);
    if let Some((c, _)) = mapped.iter().find(|(_, h)| normalise_key(h) == key) {
        return (Some(*c), unit.map(|(_, u)| u));
    }
    if let Some(c) = known_column(header) {
        return (Some(c), None);
    }
    match unit {
        Some((base, unit)) => match known_column(base) {
            Some(c) => (Some(c), Some(unit)),
            None => (None, None),
        },
        None => (None, None),
    }
}

/// A cell's value as read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    Empty,
    Text(&'a str),
    Number(f64),
    /// An Excel date serial.
    Date(f64),
}

impl<'a> Cell<'a> {
    /// The trimmed text, borrowed when possible; `None` when empty.
    fn text(&self) -> Option<Cow<'a, str>> {
        match *self {
            Cell::Empty => None,
            Cell::Text(s) => Some(Cow::Borrowed(trim(s))).filter(|s| !s.is_empty()),
            Cell::Number(n) | Cell::Date(n) => {
                Some(Cow::Owned(if n.fract() == 0.0 && n.abs() < 1e15 {
                    format!("{}", n as i64)
                } else {
                    n.to_string()
                }))
            }
        }
    }
}

/// `s` without surrounding whitespace, as `str::trim` has it; quick for
/// the usual cell, which has none (cells are read many times a row).
fn trim(s: &str) -> &str {
    // Every whitespace character beyond ASCII starts with one of these.
    let may_be_space = |lead: u8| lead <= b' ' || matches!(lead, 0x7f | 0xc2 | 0xe1 | 0xe2 | 0xe3);
    let b = s.as_bytes();
    let last_lead = b
        .iter()
        .rev()
        .take(4)
        .find(|&&x| !(0x80..=0xbf).contains(&x));
    match (b.first(), last_lead) {
        (Some(&first), Some(&last)) if !may_be_space(first) && !may_be_space(last) => s,
        _ => s.trim(),
    }
}

/// `A`, `B`, ..., `Z`, `AA`.
pub fn column_letters(mut index: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Receives each valid event and, lazily, where it is (only a duplicate id
/// needs the location; building it for every row would cost an allocation
/// per row).
/// Where a reader sends the valid rows of a sheet, in file order.
pub trait Sink {
    /// `rows` valid rows are coming, `events` of them whole events: room
    /// can be made for them at once.
    fn expect(&mut self, _rows: usize, _events: usize) {}

    /// The ids of the rows `accept` is given next, in order, to check all
    /// at once (on every core) rather than one by one.
    fn check_ids(&mut self, _ids: &[&str]) {}

    fn accept(&mut self, valid: Valid<'_>, span: &dyn Fn() -> Span);
}

impl<F: FnMut(Valid<'_>, &dyn Fn() -> Span)> Sink for F {
    fn accept(&mut self, valid: Valid<'_>, span: &dyn Fn() -> Span) {
        self(valid, span)
    }
}

/// A list cell resolved to canonical ids, or why it could not be.
type Resolved = Result<Rc<[String]>, Vec<Problem>>;

/// Reads sheets and turns their rows into events.
pub(super) struct SheetReader<'a> {
    pub taxonomy: &'a Taxonomy,
    pub options: &'a LoadOptions,
    /// Resolved sector/region/kind cells, by column and text: sheets repeat
    /// the same few values on every row.
    cache: HashMap<Col, HashMap<String, Resolved>>,
    /// Errors not stored because of `MAX_STORED_ERRORS`.
    pub dropped: usize,
    /// Lines for `--verbose`: encodings, row counts.
    pub notes: Vec<String>,
    /// The unit each column of the current table's header gives its
    /// amounts (`investment_usd`), by column position.
    units: Vec<Option<String>>,
    /// Notes of a region cell resolved for the first time (a place counted
    /// under its country), for the row being read to report.
    fresh_notes: Vec<Problem>,
    /// Each note given, by its position in the diagnostics and the cell it
    /// is about.
    note_log: Vec<(usize, (Col, String))>,
    /// The cells whose notes were handed on from the parts of CSV files
    /// (a note is given once per cell, however the files were cut).
    given: std::collections::HashSet<(Col, String)>,
    /// How many parts a large CSV is read in: `None` for one per core
    /// (tests choose, to compare the ways).
    parts: Option<usize>,
    /// The text being read is known to hold no control character, so a
    /// cell's text needs only its length checked.
    clean: bool,
}

/// Where a row is, for the diagnostics of its cells.
struct RowAt<'r, 'i> {
    info: &'r TableInfo<'i>,
    headers: &'r [String],
    line: u64,
}

/// A sheet's header as read so far, and its rows.
#[derive(Default)]
struct Table {
    headers: Option<Vec<String>>,
    /// The columns of the headers; `None` when required ones are missing.
    cols: Option<Vec<Option<Col>>>,
    rows: usize,
}

/// A cell of an XLSX sheet as the row reader takes it.
fn cell_of<'c>(d: &'c calamine::DataRef<'_>) -> Cell<'c> {
    use calamine::DataRef;
    match d {
        DataRef::Empty | DataRef::Error(_) => Cell::Empty,
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(s),
        DataRef::SharedString(s) => Cell::Text(s),
        DataRef::Int(n) => Cell::Number(*n as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }),
        DataRef::DateTime(dt) => Cell::Date(dt.as_f64()),
    }
}

/// Where a table came from, for locations.
struct TableInfo<'a> {
    file: &'a str,
    /// XLSX sheet name; `None` for CSV.
    sheet: Option<&'a str>,
}

/// The required columns a header row lacks: (name in brief.toml, what a
/// reader calls it).
fn missing_columns(cols: &[Option<Col>]) -> Vec<(&'static str, &'static str)> {
    let has = |c: Col| cols.contains(&Some(c));
    [
        ("id", "ID (id, 아이디, 행사코드)", has(Col::Id)),
        (
            "title",
            "title (행사명, 제목, title)",
            has(Col::Title) || has(Col::TitleKo) || has(Col::TitleEn),
        ),
        ("kind", "kind (구분, 유형, kind)", has(Col::Kind)),
        ("start", "start date (시작일, 일자, start)", has(Col::Start)),
        (
            "sectors",
            "sectors (분야, 산업, sectors)",
            has(Col::Sectors),
        ),
        (
            "regions",
            "regions (지역, 참여지역, regions)",
            has(Col::Regions) || has(Col::Hosts),
        ),
    ]
    .into_iter()
    .filter(|r| !r.2)
    .map(|(name, reader, _)| (name, reader))
    .collect()
}

/// The unused header most like one of column `name`'s accepted names.
fn nearest_header<'h>(name: &str, unused: &[&'h str]) -> Option<&'h str> {
    let col = COLUMN_NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| *c);
    let aliases: Vec<String> = COLUMNS
        .iter()
        .filter(|(c, _)| Some(*c) == col)
        .flat_map(|(_, names)| names.iter().map(|n| normalise_key(n)))
        .collect();
    unused
        .iter()
        .flat_map(|h| {
            let key = normalise_key(h);
            aliases
                .iter()
                .map(move |a| (strsim::normalized_levenshtein(&key, a), *h))
        })
        .filter(|(score, _)| *score >= 0.4)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, h)| h)
}

/// What to do about missing columns: the headers found, and the
/// `[sheets.columns]` lines that would map the nearest ones.
fn mapping_hint(headers: &[String], cols: &[Option<Col>], missing: &[(&str, &str)]) -> String {
    let unused: Vec<&str> = headers
        .iter()
        .zip(cols)
        .filter(|(h, c)| c.is_none() && !h.trim().is_empty())
        .map(|(h, _)| h.as_str())
        .collect();
    let mapping: Vec<String> = missing
        .iter()
        .filter_map(|(name, _)| nearest_header(name, &unused).map(|h| format!("{name} = \"{h}\"")))
        .collect();
    let found = headers
        .iter()
        .filter(|h| !h.trim().is_empty())
        .map(|h| format!("`{}`", h.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    if mapping.is_empty() {
        format!(
            "the headers found are {found}; name the columns in Korean or English, or map your own names in brief.toml under [sheets.columns]"
        )
    } else {
        format!(
            "the headers found are {found}; if they are these columns, map them in brief.toml:\n    [sheets.columns]\n    {}",
            mapping.join("\n    ")
        )
    }
}

impl<'a> SheetReader<'a> {
    pub fn new(taxonomy: &'a Taxonomy, options: &'a LoadOptions) -> Self {
        SheetReader {
            taxonomy,
            options,
            cache: HashMap::default(),
            dropped: 0,
            notes: Vec::new(),
            units: Vec::new(),
            fresh_notes: Vec::new(),
            note_log: Vec::new(),
            given: Default::default(),
            parts: None,
            clean: false,
        }
    }

    /// Problems of a row's cells (by column position) as diagnostics of
    /// one severity (`Diagnostic::error` or `Diagnostic::warning`).
    fn report(
        &mut self,
        at: &RowAt,
        problems: Vec<(usize, Problem)>,
        severity: fn(Span, String) -> Diagnostic,
        diags: &mut Vec<Diagnostic>,
    ) {
        for (i, p) in problems {
            let header = at.headers.get(i).map_or("", String::as_str);
            let span = self.span(at.info, at.line, i, header);
            self.push(diags, severity(span, p.message).with_hint_opt(p.hint));
        }
    }

    fn push(&mut self, diags: &mut Vec<Diagnostic>, d: Diagnostic) {
        if diags.len() < MAX_STORED_ERRORS {
            diags.push(d);
        } else {
            self.dropped += 1;
        }
    }

    /// Reads every sheet of an XLSX workbook that has event columns.
    /// Reads a workbook's bytes; `display` names it in messages.
    pub fn xlsx_bytes(
        &mut self,
        display: &str,
        bytes: &[u8],
        diags: &mut Vec<Diagnostic>,
        sink: &mut dyn Sink,
    ) {
        use calamine::Reader;
        let display = display.to_string();
        let mut workbook = match calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)) {
            Ok(w) => w,
            Err(e) => {
                self.push(
                    diags,
                    Diagnostic::error(
                        Span::file(&display),
                        format!("failed to open the workbook ({e})"),
                    )
                    .with_hint("save it from Excel as .xlsx"),
                );
                return;
            }
        };
        let mut used = 0;
        for name in workbook.sheet_names() {
            let info = TableInfo {
                file: &display,
                sheet: Some(&name),
            };
            let mut table = Table::default();
            let read = match &mut workbook {
                // Cell by cell: a sheet of a million rows is never held whole.
                calamine::Sheets::Xlsx(xlsx) => match xlsx.worksheet_cells_reader(&name) {
                    Ok(mut cells) => self.xlsx_cells(&info, &mut cells, &mut table, diags, sink),
                    // A chart sheet has no cells: nothing to read, as
                    // calamine's ranges have it.
                    Err(calamine::XlsxError::NotAWorksheet(_)) => Ok(()),
                    Err(e) => Err(e.to_string()),
                },
                other => other
                    .worksheet_range(&name)
                    .map_err(|e| e.to_string())
                    .map(|range| self.sheet_range(&info, &range, &mut table, diags, sink)),
            };
            if let Err(e) = read {
                self.push(
                    diags,
                    Diagnostic::error(
                        Span::cell(&display, 0, name.clone()),
                        format!("failed to read the sheet ({e})"),
                    ),
                );
            }
            // A sheet read part-way has handed its rows on: it counts.
            if table.headers.is_some() {
                used += 1;
                self.notes
                    .push(format!("{display} [{name}]: {} rows", table.rows));
            }
        }
        if used == 0 {
            self.push(
                diags,
                Diagnostic::error(Span::file(&display), "no sheet of the workbook has event columns")
                    .with_hint("the first row of a sheet must hold headers such as ID, 행사명, 유형, 시작일, 분야, 지역"),
            );
        }
    }

    /// Streams an XLSX sheet's cells, row by row, into `sheet_row`.
    fn xlsx_cells<RS: std::io::Read + std::io::Seek>(
        &mut self,
        info: &TableInfo,
        reader: &mut calamine::XlsxCellReader<'_, RS>,
        table: &mut Table,
        diags: &mut Vec<Diagnostic>,
        sink: &mut dyn Sink,
    ) -> Result<(), String> {
        let mut row: Vec<calamine::DataRef> = Vec::new();
        let mut at: Option<u32> = None;
        loop {
            let cell = reader.next_cell().map_err(|e| e.to_string())?;
            let (r, c) = match &cell {
                Some(cell) => cell.get_position(),
                None => (u32::MAX, 0),
            };
            if let Some(current) = at.filter(|&current| current != r) {
                let cells: Vec<Cell> = row.iter().map(cell_of).collect();
                if !self.sheet_row(info, table, &cells, u64::from(current) + 1, diags, sink) {
                    return Ok(());
                }
                row.clear();
            }
            let Some(cell) = cell else {
                return Ok(());
            };
            at = Some(r);
            let c = c as usize;
            if row.len() <= c {
                row.resize(c + 1, calamine::DataRef::Empty);
            }
            // By its column, as a range places it, whatever the order.
            row[c] = cell.get_value().clone();
        }
    }

    /// Reads a sheet held whole (a workbook other than XLSX).
    fn sheet_range(
        &mut self,
        info: &TableInfo,
        range: &calamine::Range<calamine::Data>,
        table: &mut Table,
        diags: &mut Vec<Diagnostic>,
        sink: &mut dyn Sink,
    ) {
        use calamine::Data;
        let (row0, col0) = range.start().unwrap_or((0, 0));
        for (i, row) in range.rows().enumerate() {
            let mut cells: Vec<Cell> = vec![Cell::Empty; col0 as usize];
            cells.extend(row.iter().map(|d| match d {
                Data::Empty | Data::Error(_) => Cell::Empty,
                Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
                    Cell::Text(s.as_str())
                }
                Data::Int(n) => Cell::Number(*n as f64),
                Data::Float(f) => Cell::Number(*f),
                Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }),
                Data::DateTime(dt) => Cell::Date(dt.as_f64()),
            }));
            let excel_row = u64::from(row0) + i as u64 + 1;
            if !self.sheet_row(info, table, &cells, excel_row, diags, sink) {
                return;
            }
        }
    }

    /// One row of a sheet: its header, or an event. `false` when the rest
    /// of the sheet is not read (it has no event columns, or lacks required
    /// ones).
    fn sheet_row(
        &mut self,
        info: &TableInfo,
        table: &mut Table,
        cells: &[Cell],
        excel_row: u64,
        diags: &mut Vec<Diagnostic>,
        sink: &mut dyn Sink,
    ) -> bool {
        if cells.iter().all(|c| c.text().is_none()) {
            return true;
        }
        let Some(h) = &table.headers else {
            let h: Vec<String> = cells
                .iter()
                .map(|c| c.text().map(Cow::into_owned).unwrap_or_default())
                .collect();
            let known = h
                .iter()
                .filter(|x| column_of(x, &self.options.columns).0.is_some())
                .count();
            if known < 2 {
                self.notes.push(format!(
                    "{} [{}]: no event columns, sheet skipped",
                    info.file,
                    info.sheet.unwrap_or_default()
                ));
                return false;
            }
            table.cols = self.header(info, &h, excel_row, diags);
            if table.cols.is_none() {
                return false;
            }
            table.headers = Some(h);
            return true;
        };
        table.rows += 1;
        if let Some(cols) = &table.cols
            && let Some((event, id_col)) = self.row(info, h, cols, cells, excel_row, diags)
        {
            let header = h.get(id_col).map_or("", String::as_str);
            sink.accept(event, &|| self.span(info, excel_row, id_col, header));
        }
        true
    }

    fn span(&self, info: &TableInfo, line: u64, col: usize, header: &str) -> Span {
        let letters = column_letters(col);
        match info.sheet {
            Some(sheet) => Span::cell(info.file, 0, format!("{sheet}!{letters}{line}")),
            None => Span::cell(info.file, line, format!("column {letters} `{header}`")),
        }
    }

    /// Maps headers to columns; `None` when required columns are missing.
    fn header(
        &mut self,
        info: &TableInfo,
        headers: &[String],
        line: u64,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Vec<Option<Col>>> {
        let (cols, units): (Vec<Option<Col>>, Vec<Option<String>>) = headers
            .iter()
            .map(|h| column_of(h, &self.options.columns))
            .unzip();
        self.units = units;
        let all_names: Vec<&str> = COLUMNS
            .iter()
            .flat_map(|(_, n)| n.iter().copied())
            .collect();
        for (i, (h, c)) in headers.iter().zip(&cols).enumerate() {
            if c.is_none() && !h.trim().is_empty() {
                let hint = match crate::diag::did_you_mean(h, all_names.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`? The column is ignored"),
                    None => "the column is ignored; accepted headers are listed in the README"
                        .to_string(),
                };
                let span = self.span(info, line, i, h);
                self.push(
                    diags,
                    Diagnostic::warning(span, format!("unknown column `{h}`")).with_hint(hint),
                );
            }
        }
        let missing = missing_columns(&cols);
        if missing.is_empty() {
            return Some(cols);
        }
        let hint = mapping_hint(headers, &cols, &missing);
        let missing: Vec<&str> = missing.iter().map(|(_, reader)| *reader).collect();
        let span = match info.sheet {
            Some(sheet) => Span::cell(info.file, 0, format!("{sheet}!{line}:{line}")),
            None => Span::at(info.file, line, 0),
        };
        self.push(
            diags,
            Diagnostic::error(
                span,
                format!(
                    "the header row lacks required columns: {}",
                    missing.join("; ")
                ),
            )
            .with_hint(hint),
        );
        None
    }

    /// Resolves a list cell through the taxonomy, cached.
    fn resolve_list(&mut self, col: Col, value: &str) -> Resolved {
        if let Some(r) = self.cache.get(&col).and_then(|m| m.get(value)) {
            return r.clone();
        }
        let tax = self.taxonomy;
        let position = |s: &str| match col {
            Col::Sectors => tax
                .sectors
                .position(s)
                .map(|i| tax.sectors.items[i].id.clone()),
            Col::Kind => tax.kinds.position(s).map(|i| tax.kinds.items[i].id.clone()),
            _ => tax
                .regions
                .position(s)
                .map(|i| tax.regions.items[i].id.clone()),
        };
        let problem = |s: &str| -> Problem {
            let r = match col {
                Col::Sectors => resolve::sector(tax, s).map(|_| ()),
                Col::Kind => resolve::kind(tax, s).map(|_| ()),
                _ => resolve::region(tax, s).map(|_| ()),
            };
            r.err()
                .unwrap_or_else(|| Problem::new(format!("`{s}` could not be resolved"), ""))
        };
        // The whole cell may itself be one name containing a separator.
        let result = match position(value) {
            Some(id) => Ok(Rc::from(vec![id])),
            None if col == Col::Kind => Err(vec![problem(value)]),
            None if matches!(col, Col::Hosts | Col::Regions) => match resolve::places(tax, value) {
                Ok(places) => {
                    // Cached: said once per distinct cell, not on every row.
                    self.fresh_notes.extend(places.note);
                    Ok(Rc::from(
                        places.ids.into_iter().map(String::from).collect::<Vec<_>>(),
                    ))
                }
                Err(p) => Err(vec![p]),
            },
            None => {
                let mut ids = Vec::new();
                let mut problems = Vec::new();
                for part in human::list(value) {
                    match position(part) {
                        Some(id) if !ids.contains(&id) => ids.push(id),
                        Some(_) => {}
                        None => problems.push(problem(part)),
                    }
                }
                if problems.is_empty() {
                    Ok(Rc::from(ids))
                } else {
                    Err(problems)
                }
            }
        };
        self.cache
            .entry(col)
            .or_default()
            .insert(value.to_string(), result.clone());
        result
    }

    /// A date cell: typed text (maybe a range) or an Excel date.
    fn date_cell(
        &self,
        c: &Cell,
        allow_range: bool,
    ) -> Result<Option<(FuzzyDate, Option<FuzzyDate>)>, Problem> {
        let hint =
            "e.g. 2025-06-10, 2025.6.10, 2025년 6월 10일, 2025년 9월, or a range 2025.6.10~6.18";
        match c {
            Cell::Empty => Ok(None),
            Cell::Date(serial) => human::excel_serial(*serial)
                .map(|d| Some((d, None)))
                .map_err(|e| Problem::new(e, hint)),
            Cell::Number(n) if (1000.0..=9999.0).contains(n) && n.fract() == 0.0 => {
                human::date(&format!("{n}"))
                    .map(|d| Some((d, None)))
                    .map_err(|e| Problem::new(e, hint))
            }
            Cell::Number(n) => human::excel_serial(*n)
                .map(|d| Some((d, None)))
                .map_err(|e| Problem::new(e, hint)),
            Cell::Text(s) if s.trim().is_empty() => Ok(None),
            Cell::Text(s) => {
                let (start, end) = human::date_range(s)
                    .map_err(|e| Problem::new(format!("invalid date `{}`: {e}", s.trim()), hint))?;
                if end.is_some() && !allow_range {
                    return Err(Problem::new(
                        format!("`{}` is a range, not a date", s.trim()),
                        hint,
                    ));
                }
                Ok(Some((start, end)))
            }
        }
    }

    fn amount(&self, s: &str) -> Result<Amount, Problem> {
        let hint = "e.g. 1,500만 달러, 약 20억원, 최대 2천만 달러, USD 15,000,000";
        let parsed = human::amount(s).map_err(|e| Problem::new(e, hint))?;
        let currency = parsed
            .currency
            .ok_or_else(|| Problem::new(format!("`{}` names no currency", s.trim()), hint))?;
        Ok(Amount {
            value: resolve::amount(parsed.value)?,
            currency: resolve::currency(self.options, &currency)?,
            qualifier: parsed.qualifier,
            approximate: parsed.approximate,
            expected: parsed.expected,
        })
    }
}

fn text(s: impl Into<String>) -> Text {
    let s: String = s.into();
    if s.chars().any(|c| matches!(c as u32, 0xAC00..=0xD7A3)) {
        Text {
            ko: Some(s),
            en: None,
        }
    } else {
        Text {
            ko: None,
            en: Some(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A large CSV read in parts (on two threads or three, a thread reading
    /// one piece or several) gives the rows, in order, and the diagnostics
    /// (with their lines) that reading it in one gives, a cell's note once;
    /// also when a quote that is not quoting makes the cuts unsound (the
    /// file is then read again in one part), and in CP949 as in UTF-8.
    #[test]
    fn a_csv_read_in_parts_reads_as_in_one() {
        for stray in [false, true] {
            for cp949 in [false, true] {
                read_in_parts_as_in_one(stray, cp949);
            }
        }
    }

    /// A byte that is not UTF-8 ends the reading at its line, wherever the
    /// file was cut: the rows before it are read (in one part or three).
    #[test]
    fn a_file_stops_being_read_at_a_line_that_is_not_text() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let taxonomy = crate::load::load_taxonomy(&root).expect("sample taxonomies");
        let rows = crate::synth::rows(&taxonomy, 40_000, 5, 2023, 2025);
        let text = crate::synth::csv(&rows);
        let options = LoadOptions {
            currencies: vec!["KRW".into(), "USD".into(), "CAD".into()],
            keep: crate::load::Keep::None,
            columns: Vec::new(),
            config: String::new(),
        };
        // Past the first 64 KiB, which decide the encoding.
        for bad_line in [1_000usize, 35_000] {
            let mut bytes = Vec::new();
            for (i, line) in text.lines().enumerate() {
                bytes.extend_from_slice(line.as_bytes());
                if i + 1 == bad_line {
                    bytes.push(0xFF);
                }
                bytes.push(b'\n');
            }
            let read = |parts: usize| {
                let mut reader = SheetReader::new(&taxonomy, &options);
                reader.parts = Some(parts);
                let (mut diags, mut valid) = (Vec::new(), 0);
                let mut sink = |_: Valid, _: &dyn Fn() -> Span| valid += 1;
                reader.csv_bytes("bad.csv", bytes.clone(), &mut diags, &mut sink);
                let diags: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
                (valid, diags)
            };
            let one = read(1);
            assert_eq!(one.0, bad_line - 2, "rows before line {bad_line}");
            assert_eq!(one.1.len(), 1, "{:?}", one.1);
            assert!(
                one.1[0].contains(&format!("bad.csv:{bad_line}")),
                "{:?}",
                one.1
            );
            assert_eq!(read(3), one);
        }
    }

    /// A header after more than a piece of blank rows is found, as a
    /// one-part read finds it.
    #[test]
    fn a_header_past_the_first_piece_is_found() {
        let (taxonomy, options) = sample(crate::load::Keep::None);
        let rows = crate::synth::rows(&taxonomy, 5_000, 3, 2023, 2025);
        let text = ",,,,\n".repeat(3 * csv_text::PART_BYTES / 5) + &crate::synth::csv(&rows);
        let read = |parts: usize| {
            let mut reader = SheetReader::new(&taxonomy, &options);
            reader.parts = Some(parts);
            let (mut diags, mut valid) = (Vec::new(), 0);
            let mut sink = |_: Valid, _: &dyn Fn() -> Span| valid += 1;
            reader.csv_bytes(
                "blank.csv",
                text.clone().into_bytes(),
                &mut diags,
                &mut sink,
            );
            let diags: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
            (valid, diags, reader.notes)
        };
        let one = read(1);
        assert_eq!(one.0, 5_000, "{:?}", one.1);
        assert_eq!(read(3), one);
    }

    /// The sample data's taxonomies, and options for a sheet in KRW and USD
    /// whose rows a load keeps as `keep` says.
    fn sample(keep: crate::load::Keep) -> (crate::model::Taxonomy, LoadOptions) {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let taxonomy = crate::load::load_taxonomy(&root).expect("sample taxonomies");
        let options = LoadOptions {
            currencies: vec!["KRW".into(), "USD".into()],
            keep,
            columns: Vec::new(),
            config: String::new(),
        };
        (taxonomy, options)
    }

    fn read_in_parts_as_in_one(stray: bool, cp949: bool) {
        let (taxonomy, options) = sample(crate::load::Keep::All);
        let rows = crate::synth::rows(&taxonomy, 40_000, 3, 2023, 2025);
        let mut lines: Vec<String> = crate::synth::csv(&rows).lines().map(String::from).collect();
        // Errors and a noted place in both parts (row k is on line k + 2).
        for k in [101usize, 35_001] {
            lines[k] = lines[k].replacen(",2", ",20x5-13-01 ,", 1);
        }
        for k in [151usize, 36_001] {
            let cells: Vec<&str> = lines[k].split(',').collect();
            let mut cells: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
            cells[7] = "\"가상마을 (캐나다)\"".into();
            lines[k] = cells.join(",");
        }
        if stray {
            // A multi-line quoted title after a stray quote: the cut after
            // its first line looks sound by the count of quotes, and is not.
            lines[20_000] = lines[20_000].replacen(",", ",5\"3 ", 1);
            lines[20_001] = lines[20_001].replacen(",", ",\"two\nlines\",", 1);
        }
        let text = lines.join("\n") + "\n";
        let bytes = match cp949 {
            false => text.into_bytes(),
            true => encoding_rs::EUC_KR.encode(&text).0.into_owned(),
        };
        assert!(bytes.len() > 3 * csv_text::PART_BYTES);
        let read = |parts: usize| {
            let mut reader = SheetReader::new(&taxonomy, &options);
            reader.parts = Some(parts);
            let mut diags = Vec::new();
            let mut got: Vec<String> = Vec::new();
            let mut sink = |v: Valid, span: &dyn Fn() -> Span| {
                got.push(format!("{} {:?}", v.id(), span()));
            };
            reader.csv_bytes("big.csv", bytes.clone(), &mut diags, &mut sink);
            let diags: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
            (got, diags, reader.notes, reader.dropped)
        };
        let one = read(1);
        let two = read(3);
        assert_eq!(read(2), two);
        let encoding = if cp949 { "CP949" } else { "UTF-8" };
        assert!(one.2[0].contains(encoding), "{:?}", one.2);
        assert!(one.1.len() >= 3, "errors and notes to compare: {:?}", one.1);
        assert!(
            one.1.iter().any(|d| d.contains("big.csv:102 ")),
            "{:?}",
            one.1
        );
        assert!(
            one.1
                .iter()
                .any(|d| d.contains(&format!("big.csv:{} ", 35_002 + stray as u64))),
            "{:?}",
            one.1
        );
        // The place's note once, at its first row, in both ways.
        let notes: Vec<&String> = one.1.iter().filter(|d| d.contains("가상마을")).collect();
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].contains("big.csv:152 "), "{notes:?}");
        assert_eq!(one.0.len(), two.0.len());
        assert_eq!(one.0, two.0, "rows and their spans");
        assert_eq!(one.1, two.1, "diagnostics");
        assert_eq!((one.2, one.3), (two.2, two.3));
    }

    #[test]
    fn headers_in_korean_and_english() {
        let col = |h: &str| column_of(h, &[]).0;
        assert_eq!(col("행사명"), Some(Col::Title));
        assert_eq!(col(" Start Date "), Some(Col::Start));
        assert_eq!(col("참여 지역"), Some(Col::Regions));
        assert_eq!(col("MOU 건수"), Some(Col::Mou));
        for (h, c) in [
            ("start_date", Col::Start),
            ("host_region", Col::Hosts),
            ("partner_regions", Col::Regions),
            ("event_type", Col::Kind),
            ("attendees", Col::Attendance),
            ("mou_count", Col::Mou),
        ] {
            assert_eq!(col(h), Some(c), "{h}");
        }
        assert_eq!(col("색깔"), None);
    }

    #[test]
    fn a_header_unit_applies_once() {
        let read = |cell: &str, unit: &str| {
            let s = with_header_unit(Cow::Borrowed(cell), unit);
            let p = human::amount(&s).expect("parses");
            (p.value, p.currency.unwrap_or_default())
        };
        assert_eq!(read("15", "억원"), (1.5e9, "KRW".to_string()));
        assert_eq!(read("15억", "억원"), (1.5e9, "KRW".to_string()));
        assert_eq!(read("1억 5천", "억원"), (1.00005e8, "KRW".to_string()));
        assert_eq!(read("약 15", "억원"), (1.5e9, "KRW".to_string()));
        assert_eq!(read("1,500만", "만 달러"), (1.5e7, "USD".to_string()));
        assert_eq!(read("15000000", "USD"), (1.5e7, "USD".to_string()));
        assert_eq!(read("15 million", "USD"), (1.5e7, "USD".to_string()));
        // The cell's own currency wins.
        assert_eq!(read("20억원", "USD"), (2e9, "KRW".to_string()));
    }

    #[test]
    fn headers_may_name_the_unit_of_their_amounts() {
        for (h, unit) in [
            ("investment_usd", "usd"),
            ("투자액(USD)", "USD"),
            ("금액(억원)", "억원"),
            ("금액 (만 달러)", "만 달러"),
            ("Investment (KRW)", "KRW"),
            ("금액（억원）", "억원"),
        ] {
            assert_eq!(
                column_of(h, &[]),
                (Some(Col::Investment), Some(unit.to_string())),
                "{h}"
            );
        }
        // Not a unit: the header is unknown, not misread.
        assert_eq!(column_of("start_day", &[]), (None, None));
        // An office's own name, mapped in brief.toml, comes first.
        let mapped = [(Col::Start, "Datum".to_string())];
        assert_eq!(column_of("datum", &mapped).0, Some(Col::Start));
    }

    /// The quick trim is `str::trim`, whatever the spaces and letters.
    #[test]
    fn cells_are_trimmed_as_str_trim_trims() {
        let pieces = [
            "", " ", "\t", "\n", "\u{b}", "\u{c}", "\u{85}", "\u{a0}", "\u{1680}", "\u{2003}",
            "\u{2028}", "\u{202f}", "\u{205f}", "\u{3000}", "\u{7f}", "\u{1}", "a", "Z", "~", "가",
            "힣", "é", "中", "€", "😀", "\u{feff}", "\u{200b}",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = format!("{a}{b}{c}");
                    assert_eq!(trim(&s), s.trim(), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn letters() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
    }
}
