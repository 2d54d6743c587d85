//! One row of a sheet -> one event (or what a brief keeps of it), or the
//! problems of its cells. Each step reads its columns and records its
//! problems in `RowCells`, in the order the cells are checked, so the
//! diagnostics of a row come out in that order.

use std::borrow::Cow;
use std::rc::Rc;

use super::{COL_COUNT, Cell, Col, RowAt, SheetReader, TableInfo, with_header_unit};
use crate::diag::Diagnostic;
use crate::load::Valid;
use crate::load::human;
use crate::load::resolve::{self, Problem};
use crate::model::{
    Attendance, Counted, Event, FollowUp, FollowUpStatus, FuzzyDate, Outcome, OutcomeStatus,
    OutcomeType, Source, Text, hosts_then_partners,
};

/// A row's cells by column, and the problems found in them so far (by
/// column position).
struct RowCells<'r, 'c> {
    /// Column positions, looked up once per row rather than per use.
    at: [Option<usize>; COL_COUNT],
    cells: &'r [Cell<'c>],
    errors: Vec<(usize, Problem)>,
}

impl<'r, 'c> RowCells<'r, 'c> {
    /// A row's cells, with where each known column stands among them (the
    /// first of a repeated header).
    fn new(cols: &[Option<Col>], cells: &'r [Cell<'c>]) -> RowCells<'r, 'c> {
        let mut at = [None; COL_COUNT];
        for (i, c) in cols.iter().enumerate() {
            if let Some(c) = c
                && at[*c as usize].is_none()
            {
                at[*c as usize] = Some(i);
            }
        }
        RowCells {
            at,
            cells,
            errors: Vec::new(),
        }
    }

    fn find(&self, c: Col) -> Option<usize> {
        self.at[c as usize]
    }

    fn cell(&self, c: Col) -> Cell<'c> {
        self.find(c)
            .and_then(|i| self.cells.get(i))
            .copied()
            .unwrap_or(Cell::Empty)
    }

    /// The column's text, trimmed; `None` when empty or absent.
    fn text(&self, c: Col) -> Option<Cow<'c, str>> {
        self.cell(c).text()
    }

    /// A problem of the cell at position `i` (the first column when the
    /// row has no such column).
    fn fail_at(&mut self, i: Option<usize>, p: Problem) {
        self.errors.push((i.unwrap_or(0), p));
    }

    fn fail(&mut self, c: Col, p: Problem) {
        self.fail_at(self.find(c), p);
    }
}

/// Whether and how a brief keeps a row (see `Keep`).
#[derive(Clone, Copy)]
struct Kept {
    /// Kept at all.
    wanted: bool,
    /// Kept with its words, as a whole event.
    whole: bool,
}

impl Kept {
    /// A list as a whole event owns it; empty for any other row.
    fn owned(self, ids: &[String]) -> Vec<String> {
        if self.wanted && self.whole {
            ids.to_vec()
        } else {
            Vec::new()
        }
    }
}

/// A note of a cell (its position and the note), and the cell it is
/// about (column and text), so it is given once per distinct cell.
type Note = ((usize, Problem), (Col, String));

/// The lists of a row resolved to canonical ids.
struct Lists {
    sectors: Rc<[String]>,
    hosts: Rc<[String]>,
    partners: Rc<[String]>,
}

impl SheetReader<'_> {
    /// One row -> one event, or diagnostics.
    pub(super) fn row<'c>(
        &mut self,
        info: &TableInfo,
        headers: &[String],
        cols: &[Option<Col>],
        cells: &[Cell<'c>],
        line: u64,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<(Valid<'c>, usize)> {
        let before = diags.len() + self.dropped;
        let mut row = RowCells::new(cols, cells);
        self.text_problems(&mut row);
        let id = id(&mut row);
        let (title_ko, title_en) = titles(&mut row);
        let kind = self.kind(&mut row);
        let (start, end) = self.dates(&mut row);
        let kept = self.kept(&row, start);
        let mut notes = Vec::new();
        let lists = self.lists(&mut row, &mut notes);
        // Lists are owned by whole events only; a counted row keeps the
        // positions of its places (see `Counted`).
        let sectors = kept.owned(&lists.sectors);
        let attendance = attendance(&mut row);
        let outcomes = self.outcomes(&mut row, kept, &sectors);
        let follow_ups = self.follow_ups(&mut row);
        let sources = sources(&mut row, kept.whole);

        let id_col = row.find(Col::Id).unwrap_or(0);
        let at = RowAt {
            info,
            headers,
            line,
        };
        let errors = std::mem::take(&mut row.errors);
        if !self.report_row(&at, errors, notes, diags, before) {
            return None;
        }
        if !kept.wanted {
            return Some((Valid::Id(id?), id_col));
        }
        if !kept.whole {
            let regions = hosts_then_partners(&lists.hosts, &lists.partners);
            let counted = Counted {
                start: start?,
                regions: Counted::positions(regions, self.taxonomy),
                attendance,
                outcomes: outcomes.into(),
            };
            return Some((Valid::Counted(counted, id?), id_col));
        }
        let words = |c: Col| row.text(c).map(super::text).unwrap_or_default();
        let start = start?;
        let event = Event {
            id: id?.into_owned(),
            title: Text {
                ko: title_ko.map(Cow::into_owned),
                en: title_en.map(Cow::into_owned),
            },
            kind: kind?,
            start,
            end: end.map(|e| e.last_day()).filter(|e| *e != start.date),
            date_note: Text::default(),
            venue: words(Col::Venue),
            hosts: kept.owned(&lists.hosts),
            partners: kept.owned(&lists.partners),
            sectors,
            participants: Vec::new(),
            attendance,
            outcomes,
            follow_ups,
            sources,
            summary: words(Col::Summary),
        };
        Some((Valid::Event(event), id_col))
    }

    /// Whether and how a brief keeps a row that starts at `start`. Every
    /// row is validated; only the rows a brief keeps become full events
    /// (owned strings and lists), which bounds time and memory. A kept
    /// event outside what the brief shows in full needs only its figures:
    /// no words (see `Keep::whole`).
    fn kept(&self, row: &RowCells, start: Option<FuzzyDate>) -> Kept {
        let has_follow_up = row.text(Col::FollowUp).is_some();
        let keep = &self.options.keep;
        Kept {
            wanted: start.is_some_and(|s| keep.wants(s, has_follow_up)),
            whole: start.is_some_and(|s| keep.whole(s, has_follow_up)),
        }
    }

    /// Reports a row's errors, then, if the row stands (no error was
    /// reported or dropped since `before` counted them), its notes as
    /// warnings, logged for the notes sheet. Returns whether the row stands.
    fn report_row(
        &mut self,
        at: &RowAt,
        errors: Vec<(usize, Problem)>,
        notes: Vec<((usize, Problem), (Col, String))>,
        diags: &mut Vec<Diagnostic>,
        before: usize,
    ) -> bool {
        self.report(at, errors, Diagnostic::error, diags);
        if diags.len() + self.dropped != before {
            return false;
        }
        for (note, key) in notes {
            let at_index = diags.len();
            self.report(at, vec![note], Diagnostic::warning, diags);
            if diags.len() > at_index {
                self.note_log.push((at_index, key));
            }
        }
        true
    }

    /// Cells too long or holding control characters (every cell is
    /// checked when the part's text may hold one).
    fn text_problems(&self, row: &mut RowCells) {
        for (i, c) in row.cells.iter().enumerate() {
            if let Cell::Text(s) = c
                && (!self.clean || s.len() > resolve::MAX_TEXT_BYTES)
                && let Some(p) = resolve::text_problem(s)
            {
                row.errors.push((i, p));
            }
        }
    }

    fn kind(&mut self, row: &mut RowCells) -> Option<String> {
        let Some(s) = row.text(Col::Kind) else {
            let hint = "e.g. 국제회의, 협약 체결, 상담회, conference";
            row.fail(Col::Kind, Problem::new("the event kind is empty", hint));
            return None;
        };
        match self.resolve_list(Col::Kind, &s) {
            Ok(v) => v.first().cloned(),
            Err(ps) => {
                ps.into_iter().for_each(|p| row.fail(Col::Kind, p));
                None
            }
        }
    }

    /// The start (and the end of a range written in the start cell), and
    /// the end column.
    fn dates(&self, row: &mut RowCells) -> (Option<FuzzyDate>, Option<FuzzyDate>) {
        let (start, mut end) = match self.date_cell(&row.cell(Col::Start), true) {
            Ok(Some((s, e))) => (Some(s), e),
            Ok(None) => {
                let hint = "e.g. 2025-06-10, 2025.6.10, 2025년 6월 10일";
                row.fail(Col::Start, Problem::new("the start date is empty", hint));
                (None, None)
            }
            Err(p) => {
                row.fail(Col::Start, p);
                (None, None)
            }
        };
        match self.date_cell(&row.cell(Col::End), false) {
            Ok(Some((e, _))) => end = Some(e),
            Ok(None) => {}
            Err(p) => row.fail(Col::End, p),
        }
        if let (Some(s), Some(e)) = (start, end)
            && e.date < s.date
        {
            let i = row.find(Col::End).or(row.find(Col::Start));
            let message = format!("the event ends ({e}) before it starts ({s})");
            row.fail_at(i, Problem::new(message, "check the start and end dates"));
        }
        (start, end)
    }

    /// Sectors, hosts and partners through the taxonomy (cached per
    /// distinct cell). Notes of a resolution go to `notes` with the cell
    /// they are about: a note is given once per distinct cell, and a file
    /// read in two parts must not give it twice.
    fn lists(&mut self, row: &mut RowCells, notes: &mut Vec<Note>) -> Lists {
        let mut list = |c: Col| -> Rc<[String]> {
            let Some(text) = row.text(c) else {
                return Rc::from(Vec::new());
            };
            let ids = self.resolve_list(c, &text);
            let i = row.find(c).unwrap_or(0);
            for note in std::mem::take(&mut self.fresh_notes) {
                notes.push(((i, note), (c, text.to_string())));
            }
            ids.unwrap_or_else(|ps| {
                ps.into_iter().for_each(|p| row.fail(c, p));
                Rc::from(Vec::new())
            })
        };
        let lists = Lists {
            sectors: list(Col::Sectors),
            hosts: list(Col::Hosts),
            partners: list(Col::Regions),
        };
        if row.text(Col::Sectors).is_none() {
            row.fail(
                Col::Sectors,
                Problem::new("the event names no sector", "e.g. 바이오; AI"),
            );
        }
        if row.text(Col::Regions).is_none() && row.text(Col::Hosts).is_none() {
            let i = row.find(Col::Regions).or(row.find(Col::Hosts));
            row.fail_at(
                i,
                Problem::new("the event names no region", "e.g. 대전; 보스턴"),
            );
        }
        lists
    }

    /// The count columns (MOU, 협약, 계약) and the investment column.
    fn outcomes(&self, row: &mut RowCells, kept: Kept, sectors: &[String]) -> Vec<Outcome> {
        let outcome =
            |kind, count, (ko, en): (&str, &str), amount: Option<crate::model::Amount>| {
                let expected = amount.as_ref().is_some_and(|a| a.expected);
                Outcome {
                    kind,
                    count,
                    title: outcome_title(kept.whole, ko, en),
                    parties: Vec::new(),
                    sectors: sectors.to_vec(),
                    regions: Vec::new(),
                    status: if expected {
                        OutcomeStatus::Expected
                    } else {
                        OutcomeStatus::Signed
                    },
                    amount,
                    note: Text::default(),
                }
            };
        let mut outcomes = Vec::new();
        for (c, kind, words) in COUNT_COLUMNS {
            let Some(s) = row.text(c) else { continue };
            let digits: String = s
                .chars()
                .filter(|ch| ch.is_ascii_digit() || *ch == '-')
                .collect();
            match digits.parse::<i64>() {
                Ok(0) => {}
                Ok(n) => match resolve::count(n) {
                    Ok(_) if !kept.wanted => {}
                    Ok(count) => outcomes.push(outcome(kind, count, words, None)),
                    Err(p) => row.fail(c, p),
                },
                Err(_) => {
                    let hint = "write how many were signed, e.g. 4 or 4건";
                    row.fail(c, Problem::new(format!("`{s}` is not a count"), hint));
                }
            }
        }
        if let Some(s) = row.text(Col::Investment) {
            let unit = row
                .find(Col::Investment)
                .and_then(|i| self.units.get(i))
                .and_then(Option::as_ref);
            let s = match unit {
                Some(u) => with_header_unit(s, u),
                None => s,
            };
            match self.amount(&s) {
                Ok(_) if !kept.wanted => {}
                Ok(a) => outcomes.push(outcome(
                    OutcomeType::Investment,
                    1,
                    ("투자", "Investment"),
                    Some(a),
                )),
                Err(p) => row.fail(Col::Investment, p),
            }
        }
        outcomes
    }

    fn follow_ups(&self, row: &mut RowCells) -> Vec<FollowUp> {
        let Some(action) = row.text(Col::FollowUp) else {
            return Vec::new();
        };
        let due = match self.date_cell(&row.cell(Col::FollowUpDue), false) {
            Ok(v) => v.map(|(d, _)| d),
            Err(p) => {
                row.fail(Col::FollowUpDue, p);
                None
            }
        };
        vec![FollowUp {
            action: super::text(action),
            owner: Text::default(),
            due,
            status: FollowUpStatus::Planned,
        }]
    }
}

/// The count columns: column, outcome type, title (ko, en).
const COUNT_COLUMNS: [(Col, OutcomeType, (&str, &str)); 3] = [
    (Col::Mou, OutcomeType::Mou, ("MOU 체결", "MOUs signed")),
    (
        Col::Agreement,
        OutcomeType::Agreement,
        ("협약 체결", "Agreements signed"),
    ),
    (
        Col::Contract,
        OutcomeType::Contract,
        ("계약 체결", "Contracts signed"),
    ),
];

/// The id, checked, and kept as the cell has it (trimmed): borrowed,
/// unless the row becomes an event.
fn id<'c>(row: &mut RowCells<'_, 'c>) -> Option<Cow<'c, str>> {
    let Some(s) = row.text(Col::Id) else {
        let p = Problem::new("the event id is empty", "every row needs a unique ID");
        row.fail(Col::Id, p);
        return None;
    };
    match resolve::event_id(&s) {
        Ok(_) => Some(s),
        Err(p) => {
            row.fail(Col::Id, p);
            None
        }
    }
}

/// The Korean and English titles: from their own columns, or from a title
/// column by whether it holds Hangul.
fn titles<'c>(row: &mut RowCells<'_, 'c>) -> (Option<Cow<'c, str>>, Option<Cow<'c, str>>) {
    let (mut ko, mut en) = (None, None);
    for c in [Col::Title, Col::TitleKo, Col::TitleEn] {
        if let Some(s) = row.text(c) {
            let is_ko = match c {
                Col::TitleKo => true,
                Col::TitleEn => false,
                _ => s.chars().any(crate::model::is_hangul),
            };
            let slot = if is_ko { &mut ko } else { &mut en };
            if slot.is_none() {
                *slot = Some(s);
            }
        }
    }
    if ko.is_none() && en.is_none() {
        let i = row
            .find(Col::Title)
            .or(row.find(Col::TitleKo))
            .or(row.find(Col::TitleEn));
        let hint = "write the event's name in 행사명/title";
        row.fail_at(i, Problem::new("the title is empty", hint));
    }
    (ko, en)
}

fn attendance(row: &mut RowCells) -> Option<Attendance> {
    let s = row.text(Col::Attendance)?;
    let parsed = human::attendance(&s).map_err(|e| Problem::new(e, "e.g. 300, 300여 명, 150+60"));
    match parsed.and_then(|(n, approx)| resolve::attendance(n).map(|n| (n, approx))) {
        Ok((count, approximate)) => Some(Attendance { count, approximate }),
        Err(p) => {
            row.fail(Col::Attendance, p);
            None
        }
    }
}

/// The source (outlet, title, address); its words only for an event kept
/// whole, the address checked on every row.
fn sources(row: &mut RowCells, whole: bool) -> Vec<Source> {
    let outlet = row.text(Col::Outlet);
    let title = row.text(Col::SourceTitle);
    let url = row.text(Col::Url);
    if let Some(u) = &url
        && !(u.starts_with("https://") || u.starts_with("http://"))
    {
        let hint = "expected an address starting with https:// or http://";
        row.fail(
            Col::Url,
            Problem::new(format!("`{u}` is not a web address"), hint),
        );
    }
    if !whole || (outlet.is_none() && title.is_none() && url.is_none()) {
        return Vec::new();
    }
    vec![Source {
        outlet: outlet.map(Cow::into_owned).unwrap_or_default(),
        title: title.map(Cow::into_owned).unwrap_or_default(),
        date: None,
        url: url.map(Cow::into_owned),
    }]
}

/// The title of an outcome read from a count column, for an event kept
/// whole (see `Keep::whole`).
fn outcome_title(whole: bool, ko: &str, en: &str) -> Text {
    if !whole {
        return Text::default();
    }
    Text {
        ko: Some(ko.to_string()),
        en: Some(en.to_string()),
    }
}
