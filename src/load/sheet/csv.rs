//! Reading a CSV file: its encoding, its header, then its rows. A large
//! file is cut into parts at record boundaries, each part decoded and read
//! on its own thread, and the parts' rows and diagnostics handed on in file
//! order, exactly as if the file had been read in one.

use std::borrow::Cow;

use super::csv_text::{self, Records};
use super::{Cell, Col, SheetReader, Sink, TableInfo};
use crate::diag::{Diagnostic, Span};
use crate::load::Valid;
use crate::load::resolve;

/// How a CSV file's bytes are text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    /// Windows code page 949 (what Korean Excel saves), read as WHATWG
    /// EUC-KR, which is that code page.
    Cp949,
}

impl Encoding {
    /// The encoding of `bytes`: a UTF-8 byte-order mark, else UTF-8 when
    /// the first 64 KiB are UTF-8, else CP949. UTF-16 is refused.
    pub fn of(bytes: &[u8]) -> Result<Encoding, String> {
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            return Ok(Encoding::Utf8Bom);
        }
        if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
            return Err("the file is UTF-16, which is not supported".into());
        }
        let head = &bytes[..bytes.len().min(64 * 1024)];
        match std::str::from_utf8(head) {
            Ok(_) => Ok(Encoding::Utf8),
            // A character cut off by the 64 KiB window is fine.
            Err(e) if e.error_len().is_none() => Ok(Encoding::Utf8),
            Err(_) => Ok(Encoding::Cp949),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Cp949 => "CP949 (EUC-KR)",
        }
    }

    /// The bytes of the byte-order mark.
    fn bom(self) -> usize {
        if self == Encoding::Utf8Bom { 3 } else { 0 }
    }

    /// The text of a part of the file (which starts and ends at record
    /// boundaries): borrowed when UTF-8. `Err(Some(at))`: not UTF-8 from
    /// byte `at`; `Err(None)`: not CP949.
    pub fn text(self, bytes: &[u8]) -> Result<Cow<'_, str>, Option<usize>> {
        match self {
            Encoding::Utf8 | Encoding::Utf8Bom => simdutf8::compat::from_utf8(bytes)
                .map(Cow::Borrowed)
                .map_err(|e| Some(e.valid_up_to())),
            Encoding::Cp949 => encoding_rs::EUC_KR
                .decode_without_bom_handling_and_without_replacement(bytes)
                .ok_or(None),
        }
    }
}

/// A row held until the rows before it are handed on: an event (the
/// part's next in `kept`), or the id of a row not kept (in the part's
/// `ids`), so the many rows a brief does not keep take a few words each.
enum Held {
    Event,
    /// A counted row (the part's next in `counted`), its id in `ids`.
    Counted {
        start: usize,
        len: usize,
    },
    Id {
        start: usize,
        len: usize,
    },
}

/// A part's text as far as it is text (the part starting on line `line`),
/// and where it stops being text: for a part that is not UTF-8 from some
/// byte, the records before that byte's line and `Some(Some(line))`; for
/// CP949 that does not decode, nothing and `Some(None)`.
fn part_text(encoding: Encoding, bytes: &[u8], line: u64) -> (Cow<'_, str>, Option<Option<u64>>) {
    match encoding.text(bytes) {
        Ok(text) => (text, None),
        Err(None) => (Cow::Borrowed(""), Some(None)),
        Err(Some(at)) => {
            let whole = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
            let text = std::str::from_utf8(&bytes[..whole]).unwrap_or_default();
            let stop = line + csv_text::line_breaks(&bytes[..at]);
            (Cow::Borrowed(text), Some(Some(stop)))
        }
    }
}

/// What reading one run of pieces of a file gave, handed on after the
/// runs before it.
#[derive(Default)]
struct PartRead {
    rows: Vec<(Held, u64, usize)>,
    /// The events of the rows kept whole, in row order.
    kept: Vec<crate::model::Event>,
    /// The rows kept counted only, in row order.
    counted: Vec<crate::model::Counted>,
    /// The ids of the rows not kept, one after the other.
    ids: String,
    diags: Vec<Diagnostic>,
    dropped: usize,
    /// The notes given, by position in `diags`, and the cell each is about.
    note_log: Vec<(usize, (Col, String))>,
    /// Rows read (not counting blank ones).
    count: usize,
    /// Rows kept as whole events.
    events: usize,
    /// Every quote was quoting: the cuts between parts were sound.
    regular: bool,
    /// The part is not text in the file's encoding (from the line given,
    /// or, for CP949, anywhere); reading the file stops there.
    not_text: Option<Option<u64>>,
}

impl PartRead {
    fn new() -> Self {
        PartRead {
            regular: true,
            ..PartRead::default()
        }
    }
}

/// A file's header: its cells and the columns they map to.
struct Header {
    names: Vec<String>,
    cols: Vec<Option<Col>>,
}

/// The most parts a file is read in.
const MAX_PARTS: usize = 8;

impl<'a> SheetReader<'a> {
    /// Reads a CSV file's bytes; `display` names it in messages. Each valid
    /// row is handed to `sink`, in file order.
    pub fn csv_bytes(
        &mut self,
        display: &str,
        bytes: Vec<u8>,
        diags: &mut Vec<Diagnostic>,
        sink: &mut dyn Sink,
    ) {
        let info = TableInfo {
            file: display,
            sheet: None,
        };
        let encoding = match Encoding::of(&bytes) {
            Ok(e) => e,
            Err(message) => {
                let d = Diagnostic::error(Span::file(display), message).with_hint(NOT_TEXT_HINT);
                self.push(diags, d);
                return;
            }
        };
        let parts = self
            .parts
            .unwrap_or_else(|| crate::parallel::cores().min(MAX_PARTS));
        let read = self.csv_body(&info, &bytes[encoding.bom()..], encoding, parts, diags);
        // The rows own what they keep: the file's bytes can go before the
        // rows are handed on.
        drop(bytes);
        let Some((header, reads)) = read else {
            self.notes
                .push(format!("{display}: {}, 0 rows", encoding.name()));
            return;
        };
        let (mut rows, events) = (0, reads.iter().map(|r| r.events).sum());
        sink.expect(reads.iter().map(|r| r.rows.len()).sum(), events);
        for read in reads {
            rows += read.count;
            let stop = read.not_text.flatten();
            self.hand_on(&info, read, &header.names, diags, sink);
            if let Some(line) = stop {
                self.not_text(&info, Some(line), diags);
                break;
            }
        }
        self.notes
            .push(format!("{display}: {}, {rows} rows", encoding.name()));
    }

    /// Reads `body` in up to `parts` parts: its header and each part's
    /// rows, or `None` when there are none to hand on (said in `diags`).
    /// When a part shows that its cut was not sound (quotes that are not
    /// quoting), the file is read again in one part.
    fn csv_body(
        &mut self,
        info: &TableInfo,
        body: &[u8],
        encoding: Encoding,
        parts: usize,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<(Header, Vec<PartRead>)> {
        // One piece when read in one part; else pieces of about
        // `PART_BYTES`, read in `parts` runs.
        let pieces = if parts > 1 {
            parts.max(body.len() / csv_text::PART_BYTES)
        } else {
            1
        };
        let cuts = csv_text::cut_points(body, pieces);
        let (first, stop) = part_text(encoding, &body[..cuts[1]], 1);
        let mut records = Records::new(&first, 1);
        let mut header_diags = Vec::new();
        let header = match stop {
            Some(None) => None,
            _ => self.csv_header(info, &mut records, &mut header_diags),
        };
        // No header in the first piece (a megabyte of blank rows before
        // it): the file is read in one piece, as a one-part read finds it.
        if header.is_none() && header_diags.is_empty() && stop.is_none() && cuts.len() > 2 {
            return self.csv_body(info, body, encoding, 1, diags);
        }
        let Some(header) = header else {
            header_diags.into_iter().for_each(|d| self.push(diags, d));
            if let Some(line) = stop {
                self.not_text(info, line, diags);
            }
            return None;
        };
        let reads = self.read_parts(
            info,
            body,
            (encoding, parts),
            &cuts,
            (records, stop),
            &header,
        );
        if cuts.len() > 2 && reads.iter().any(|r| !r.regular) {
            return self.csv_body(info, body, encoding, 1, diags);
        }
        header_diags.into_iter().for_each(|d| self.push(diags, d));
        if reads.iter().any(|r| r.not_text == Some(None)) {
            self.not_text(info, None, diags);
            return None;
        }
        Some((header, reads))
    }

    /// Reads the header: the first record with a cell. `None` when there
    /// is none or it lacks required columns (said in `diags`).
    fn csv_header(
        &mut self,
        info: &TableInfo,
        records: &mut Records,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Header> {
        let mut fields = Vec::new();
        while let Some(line) = records.next_into(&mut fields) {
            if fields.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            let names: Vec<String> = fields
                .iter()
                .map(|s| s.trim().trim_start_matches('\u{feff}').to_string())
                .collect();
            let cols = self.header(info, &names, line, diags)?;
            return Some(Header { names, cols });
        }
        None
    }

    /// Reads the pieces of `body` between `cuts` in `parts` runs of
    /// neighbouring pieces: the first run (whose first piece's records are
    /// past the header) on this thread, the others on their own, each with a
    /// reader of its own (the same taxonomies, options and header units; its
    /// own cache and diagnostics). A piece is decoded just before it is
    /// read, so a run holds one piece's text at a time.
    fn read_parts(
        &self,
        info: &TableInfo,
        body: &[u8],
        (encoding, parts): (Encoding, usize),
        cuts: &[usize],
        (first, first_stop): (Records, Option<Option<u64>>),
        header: &Header,
    ) -> Vec<PartRead> {
        let pieces = cuts.len() - 1;
        // The line each piece starts on.
        let mut lines = Vec::with_capacity(pieces);
        let mut line = 1;
        for w in cuts.windows(2) {
            lines.push(line);
            line += csv_text::line_breaks(&body[w[0]..w[1]]);
        }
        let (taxonomy, options, units) = (self.taxonomy, self.options, &self.units);
        let part_reader = || {
            let mut reader = SheetReader::new(taxonomy, options);
            reader.units = units.clone();
            reader
        };
        let read_run = |run: std::ops::Range<usize>,
                        first: Option<(Records, Option<Option<u64>>)>| {
            let mut reader = part_reader();
            let mut read = PartRead::new();
            let mut go_on = true;
            if let Some((records, stop)) = first {
                reader.read_records(info, records, header, &mut read);
                read.not_text = stop;
                go_on = stop.is_none();
            }
            for k in run {
                if !go_on {
                    break;
                }
                let (text, stop) = part_text(encoding, &body[cuts[k]..cuts[k + 1]], lines[k]);
                reader.read_records(info, Records::new(&text, lines[k]), header, &mut read);
                read.not_text = stop;
                go_on = stop.is_none();
            }
            read.dropped = reader.dropped;
            read.note_log = reader.note_log;
            read
        };
        let parts = parts.clamp(1, pieces);
        let run = |t: usize| t * pieces / parts..(t + 1) * pieces / parts;
        std::thread::scope(|scope| {
            let workers: Vec<_> = (1..parts)
                .map(|t| scope.spawn(move || read_run(run(t), None)))
                .collect();
            let mut reads = vec![read_run(1..run(0).end, Some((first, first_stop)))];
            for w in workers {
                match w.join() {
                    Ok(read) => reads.push(read),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            reads
        })
    }

    /// Reads every record of a piece as a row, into the run's `read`.
    fn read_records(
        &mut self,
        info: &TableInfo,
        mut records: Records,
        header: &Header,
        read: &mut PartRead,
    ) {
        self.clean = !resolve::may_hold_control(records.text());
        let mut fields = Vec::new();
        while let Some(line) = records.next_into(&mut fields) {
            let cells: Vec<Cell> = fields.iter().map(|f| Cell::Text(f)).collect();
            if cells.iter().all(|c| c.text().is_none()) {
                continue;
            }
            read.count += 1;
            if let Some((valid, id_col)) = self.row(
                info,
                &header.names,
                &header.cols,
                &cells,
                line,
                &mut read.diags,
            ) {
                let held = match valid {
                    Valid::Event(e) => {
                        read.events += 1;
                        read.kept.push(e);
                        Held::Event
                    }
                    Valid::Counted(counted, id) => {
                        read.counted.push(counted);
                        read.ids.push_str(&id);
                        Held::Counted {
                            start: read.ids.len() - id.len(),
                            len: id.len(),
                        }
                    }
                    Valid::Id(id) => {
                        read.ids.push_str(&id);
                        Held::Id {
                            start: read.ids.len() - id.len(),
                            len: id.len(),
                        }
                    }
                };
                read.rows.push((held, line, id_col));
            }
        }
        read.regular &= records.regular();
    }

    /// Hands on a part's diagnostics (but a note given before, for the
    /// same cell) and its rows.
    fn hand_on(
        &mut self,
        info: &TableInfo,
        read: PartRead,
        headers: &[String],
        diags: &mut Vec<Diagnostic>,
        sink: &mut dyn Sink,
    ) {
        // Notes this reader gave itself (an XLSX sheet) count as given.
        self.given.extend(
            std::mem::take(&mut self.note_log)
                .into_iter()
                .map(|(_, k)| k),
        );
        let mut notes = read.note_log.into_iter().peekable();
        for (i, d) in read.diags.into_iter().enumerate() {
            if let Some((_, cell)) = notes.next_if(|(at, _)| *at == i)
                && !self.given.insert(cell)
            {
                continue;
            }
            self.push(diags, d);
        }
        self.dropped += read.dropped;
        let mut events = read.kept.iter();
        let ids: Vec<&str> = read
            .rows
            .iter()
            .filter_map(|(held, ..)| match held {
                Held::Event => events.next().map(|e| e.id.as_str()),
                Held::Counted { start, len } | Held::Id { start, len } => {
                    Some(&read.ids[*start..*start + *len])
                }
            })
            .collect();
        sink.check_ids(&ids);
        drop(ids);
        let mut kept = read.kept.into_iter();
        let mut counted = read.counted.into_iter();
        for (held, line, id_col) in read.rows {
            let header = headers.get(id_col).map_or("", String::as_str);
            let valid = match held {
                Held::Event => match kept.next() {
                    Some(e) => Valid::Event(e),
                    None => continue,
                },
                Held::Counted { start, len } => match counted.next() {
                    Some(c) => Valid::Counted(c, Cow::Borrowed(&read.ids[start..start + len])),
                    None => continue,
                },
                Held::Id { start, len } => Valid::Id(Cow::Borrowed(&read.ids[start..start + len])),
            };
            sink.accept(valid, &|| self.span(info, line, id_col, header));
        }
    }

    /// The file is not text in its encoding (from `line`, when known).
    fn not_text(&mut self, info: &TableInfo, line: Option<u64>, diags: &mut Vec<Diagnostic>) {
        let d = match line {
            Some(line) => Diagnostic::error(
                Span::at(info.file, line, 0),
                "failed to read the CSV: this line is not UTF-8 text",
            ),
            None => Diagnostic::error(
                Span::file(info.file),
                "the file is neither UTF-8 nor CP949/EUC-KR",
            ),
        };
        self.push(diags, d.with_hint(NOT_TEXT_HINT));
    }
}

const NOT_TEXT_HINT: &str = "save the sheet as CSV UTF-8, or as CSV from Korean Excel (CP949)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(Encoding::of("행사명,시작일".as_bytes()), Ok(Encoding::Utf8));
        assert_eq!(Encoding::of(b"\xEF\xBB\xBFid"), Ok(Encoding::Utf8Bom));
        let (cp949, _, _) = encoding_rs::EUC_KR.encode("행사명,시작일");
        assert_eq!(Encoding::of(&cp949), Ok(Encoding::Cp949));
        assert_eq!(Encoding::Cp949.text(&cp949).as_deref(), Ok("행사명,시작일"));
        assert!(Encoding::of(b"\xFF\xFEa\x00").is_err());
        assert_eq!(Encoding::Utf8.text(b"ab\n\xFFc"), Err(Some(3)));
        assert_eq!(Encoding::Cp949.text(b"\x80\x80"), Err(None));
    }
}
