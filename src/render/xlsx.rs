//! The annex workbook (XLSX): every event, outcome and follow-up of the
//! quarter and the key figures, from the brief model's `annex`, with real
//! cell types (dates as Excel dates in the Korean or English style, numbers
//! with thousands separators), frozen header rows, filters, and column
//! widths that fit Hangul. Byte-identical across runs: the creation date is
//! the brief's date of issue and the package's entries carry a fixed time.

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};

use super::RenderError;
use crate::brief::Brief;
use crate::brief::annex::AnnexDate;
use crate::model::Lang;

/// One cell of a row, typed.
enum Cell<'a> {
    Text(&'a str),
    Number(f64),
    Date(&'a AnnexDate),
    Empty,
}

struct Formats {
    header: Format,
    date: Format,
    count: Format,
    money: Format,
}

impl Formats {
    fn new(lang: Lang) -> Formats {
        let date = match lang {
            Lang::Ko => "yyyy. m. d.",
            Lang::En => "d mmm yyyy",
        };
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color("DFE7F0")
                .set_text_wrap()
                .set_align(FormatAlign::Center),
            date: Format::new()
                .set_num_format(date)
                .set_align(FormatAlign::Left),
            count: Format::new().set_num_format("#,##0"),
            money: Format::new().set_num_format("#,##0"),
        }
    }
}

fn xlsx_error(e: XlsxError) -> RenderError {
    RenderError::Xlsx(e.to_string())
}

/// Display width of a text in Excel's character units: Hangul, Hanja and
/// other wide characters count twice.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 })
        .sum()
}

/// A sheet: a header row, frozen and filtered, then the rows; columns as
/// wide as their longest line (within limits).
fn sheet(
    ws: &mut Worksheet,
    name: &str,
    headers: &[String],
    rows: &[Vec<Cell>],
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    let mut widths: Vec<usize> = headers.iter().map(|h| width(h).max(6)).collect();
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &f.header)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            let w = match cell {
                Cell::Text(s) => {
                    ws.write_string(r, col, *s)?;
                    width(s)
                }
                Cell::Number(n) => {
                    let format = if n.fract() == 0.0 { &f.count } else { &f.money };
                    ws.write_number_with_format(r, col, *n, format)?;
                    crate::locale::group_thousands(n.abs() as u64).len() + 1
                }
                Cell::Date(d) => match d.iso.as_deref().map(ExcelDateTime::parse_from_str) {
                    Some(Ok(date)) => {
                        ws.write_datetime_with_format(r, col, &date, &f.date)?;
                        12
                    }
                    _ => {
                        ws.write_string(r, col, &d.text)?;
                        width(&d.text)
                    }
                },
                Cell::Empty => 0,
            };
            if let Some(slot) = widths.get_mut(c) {
                *slot = (*slot).max(w);
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w).clamp(6, 60) as f64 + 2.0)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let last_col = headers.len().saturating_sub(1) as u16;
    ws.autofilter(0, 0, rows.len() as u32, last_col)?;
    Ok(())
}

fn text_or_empty(s: &str) -> Cell<'_> {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s)
    }
}

fn number(n: Option<f64>) -> Cell<'static> {
    n.map_or(Cell::Empty, Cell::Number)
}

fn event_rows(b: &Brief) -> Vec<Vec<Cell<'_>>> {
    let about = b.labels.get("money.about").map_or("", String::as_str);
    b.annex
        .events
        .iter()
        .map(|e| {
            let mut row = vec![
                Cell::Text(&e.id),
                Cell::Date(&e.start),
                e.end.as_ref().map_or(Cell::Empty, Cell::Date),
                Cell::Text(&e.title),
                Cell::Text(&e.kind),
                Cell::Text(&e.sectors),
                text_or_empty(&e.hosts),
                text_or_empty(&e.partners),
                text_or_empty(&e.countries),
                number(e.attendance.map(|a| a as f64)),
                if e.attendance_approximate {
                    Cell::Text(about)
                } else {
                    Cell::Empty
                },
            ];
            row.extend(e.outcomes.iter().map(|n| Cell::Number(f64::from(*n))));
            row.push(number(e.amount));
            row.push(text_or_empty(&e.source));
            row
        })
        .collect()
}

fn outcome_rows(b: &Brief) -> Vec<Vec<Cell<'_>>> {
    b.annex
        .outcomes
        .iter()
        .map(|o| {
            vec![
                Cell::Text(&o.event),
                Cell::Text(&o.kind),
                Cell::Number(f64::from(o.count)),
                text_or_empty(&o.title),
                text_or_empty(&o.parties),
                Cell::Text(&o.status),
                text_or_empty(&o.amount_written),
                number(o.amount),
                text_or_empty(&o.qualifiers),
            ]
        })
        .collect()
}

fn follow_up_rows(b: &Brief) -> Vec<Vec<Cell<'_>>> {
    b.annex
        .follow_ups
        .iter()
        .map(|f| {
            vec![
                Cell::Text(&f.group),
                Cell::Text(&f.event),
                Cell::Text(&f.action),
                text_or_empty(&f.owner),
                f.due.as_ref().map_or(Cell::Empty, Cell::Date),
                Cell::Text(&f.status),
            ]
        })
        .collect()
}

fn key_figure_rows(b: &Brief) -> Vec<Vec<Cell<'_>>> {
    b.annex
        .key_figures
        .iter()
        .map(|k| {
            let known = k.value != "–";
            vec![
                Cell::Text(&k.label),
                Cell::Text(&k.value),
                if known {
                    Cell::Number(k.number)
                } else {
                    Cell::Empty
                },
                Cell::Text(&k.previous),
                Cell::Text(&k.change_previous),
                Cell::Text(&k.year_ago),
            ]
            .into_iter()
            // A year has no "same period a year before" column.
            .take(if b.year_ago { 6 } else { 5 })
            .collect()
        })
        .collect()
}

/// The annex workbook of a brief.
pub fn render(b: &Brief) -> Result<Vec<u8>, RenderError> {
    let f = Formats::new(b.lang);
    let mut wb = Workbook::new();
    let issued = ExcelDateTime::parse_from_str(&b.meta.issue_date_iso).map_err(xlsx_error)?;
    let props = DocProperties::new()
        .set_title(b.meta.document_title())
        .set_author(&b.meta.organisation)
        .set_company(&b.meta.organisation)
        .set_creation_datetime(&issued);
    wb.set_properties(&props);
    let labels = &b.annex.labels;
    let sheets: [(&[String], Vec<Vec<Cell>>); 4] = [
        (&labels.events, event_rows(b)),
        (&labels.outcomes, outcome_rows(b)),
        (&labels.follow_ups, follow_up_rows(b)),
        (
            &labels.key_figures[..labels.key_figures.len().min(if b.year_ago { 6 } else { 5 })],
            key_figure_rows(b),
        ),
    ];
    for ((headers, rows), name) in sheets.iter().zip(&labels.sheets) {
        let ws = wb.add_worksheet();
        sheet(ws, name, headers, rows, &f).map_err(xlsx_error)?;
    }
    wb.save_to_buffer().map_err(xlsx_error)
}
