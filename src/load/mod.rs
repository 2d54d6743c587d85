//! Loading a data folder: taxonomies first, then every event record, each
//! parsed into the raw schema and validated into domain types. Every
//! problem in every file is collected; a dataset is returned only when there
//! are none.

pub mod human;
mod ids;
mod raw;
pub mod record;
pub mod resolve;
pub mod sheet;
mod taxonomy;
mod validate;

use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, Span};
use crate::model::{Counted, Dataset, Date, Event, FuzzyDate, Taxonomy};

/// Files larger than this are refused rather than parsed: no hand-written
/// record comes near it, and it keeps hostile input from eating memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Where the taxonomy files live inside the data folder.
pub const TAXONOMY_DIR: &str = "taxonomy";

/// What the loader needs to know from the configuration.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Currency codes an amount may use (the base currency and every
    /// currency with an exchange rate).
    pub currencies: Vec<String>,
    /// Which events to keep once validated. Every event is validated either
    /// way; keeping only what a brief needs bounds memory on huge sheets.
    pub keep: Keep,
    /// An office's own sheet headers for brief's columns (brief.toml
    /// `[sheets.columns]`), checked by `sheet::column_mapping`.
    pub columns: Vec<(sheet::Col, String)>,
    /// The configuration file in use (or that none was found), for errors
    /// that depend on it.
    pub config: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Keep {
    All,
    /// Events whose start may fall in these days (an event dated only to
    /// the month or year is kept when its month or year overlaps them),
    /// plus every event with follow-ups. Of these, only the events that
    /// may start in `whole` (the brief's own period: a year-only date
    /// overlaps it when the period touches that year) or have follow-ups
    /// are kept whole; the others, which a brief only counts (comparisons,
    /// the monthly chart), are kept without words (see `Keep::slim`).
    Span {
        first: Date,
        last: Date,
        whole: (Date, Date),
    },
    /// Nothing: validation only.
    None,
}

impl Keep {
    /// Whether an event starting at `start` is kept.
    pub fn wants(&self, start: FuzzyDate, has_follow_ups: bool) -> bool {
        match self {
            Keep::All => true,
            Keep::None => false,
            Keep::Span { first, last, .. } => {
                has_follow_ups || (start.date <= *last && start.last_day() >= *first)
            }
        }
    }

    /// Whether an event starting at `start`, if kept, is kept whole: with
    /// the words a brief shows of the events it lists (titles, venue,
    /// summary, sources, sectors, outcome titles), not only the figures it
    /// counts of the events it compares with.
    pub fn whole(&self, start: FuzzyDate, has_follow_ups: bool) -> bool {
        match self {
            Keep::Span {
                whole: (first, last),
                ..
            } => has_follow_ups || (start.date <= *last && start.last_day() >= *first),
            Keep::All | Keep::None => true,
        }
    }

    /// Whether an event starting at `start`, if kept, is also counted
    /// apart (see `Dataset::counted`): it falls in the days a brief's
    /// comparisons read.
    pub fn counts(&self, start: FuzzyDate) -> bool {
        match self {
            Keep::Span { first, last, .. } => start.date <= *last && start.last_day() >= *first,
            Keep::All | Keep::None => false,
        }
    }

    /// Whether `e` is kept whole in `Dataset::events`.
    fn keeps(&self, e: &Event) -> bool {
        let follow_ups = !e.follow_ups.is_empty();
        self.wants(e.start, follow_ups) && self.whole(e.start, follow_ups)
    }
}

/// A validated row or record: the event itself, or only its id when the
/// reader already knows it will not be kept (borrowed from the sheet's
/// text, so the many rows a brief does not keep allocate nothing).
// Most rows of a huge sheet are `Id`s, passed by value once; boxing the
// event would add an allocation to every kept row instead.
#[allow(clippy::large_enum_variant)]
pub enum Valid<'a> {
    Event(Event),
    /// A row a brief only counts (see `Keep::whole`), and its id.
    Counted(Counted, std::borrow::Cow<'a, str>),
    Id(std::borrow::Cow<'a, str>),
}

impl Valid<'_> {
    fn id(&self) -> &str {
        match self {
            Valid::Event(e) => &e.id,
            Valid::Counted(_, id) | Valid::Id(id) => id,
        }
    }
}

/// The data folder could not be loaded; every problem found is listed.
#[derive(Debug, Default)]
pub struct LoadError {
    pub diagnostics: Vec<Diagnostic>,
    /// Errors found but not kept (beyond the storage limit).
    pub not_shown: usize,
    /// The files read and what was noted of them (encodings, rows), for
    /// `--verbose` also when loading failed.
    pub files: Vec<PathBuf>,
    pub notes: Vec<String>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::diag::Severity::Error)
            .count()
            + self.not_shown;
        write!(
            f,
            "failed to load the data folder ({n} error{})",
            if n == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for LoadError {}

/// The loaded dataset plus warnings that did not stop it.
#[derive(Debug)]
pub struct Loaded {
    pub dataset: Dataset,
    pub warnings: Vec<Diagnostic>,
    /// Every file read, for change detection.
    pub files: Vec<PathBuf>,
    /// How many events were valid (kept or not).
    pub valid_events: usize,
    /// What was read, for `--verbose`: sheet encodings and row counts.
    pub notes: Vec<String>,
}

/// One source file, read into memory.
struct SourceFile {
    /// Path as shown to the user.
    display: String,
    text: String,
}

/// Folders at the top of a data folder that the loader does not read:
/// sheets already imported into records, and drafts awaiting review.
pub const IGNORED_DIRS: &[&str] = &["imported", "drafts"];

/// Loads and validates everything under `dir`.
pub fn load_dir(dir: &Path, options: &LoadOptions) -> Result<Loaded, LoadError> {
    if !dir.is_dir() {
        return Err(no_data_folder(dir));
    }
    let mut diags = Vec::new();
    let mut files = Vec::new();
    collect_files(dir, &mut files, &mut diags, 0);
    files.sort();

    let taxonomy_dir = dir.join(TAXONOMY_DIR);
    let (taxonomy_files, event_files): (Vec<PathBuf>, Vec<PathBuf>) = files
        .iter()
        .cloned()
        .partition(|p| p.starts_with(&taxonomy_dir));

    let taxonomy = taxonomy::load(&taxonomy_dir, &taxonomy_files, &mut diags);

    // Every valid event goes through `accept`: duplicate ids are refused
    // across all files and formats, then the event is kept or dropped.
    let mut accept = Accept {
        keep: &options.keep,
        taxonomy: taxonomy.as_ref(),
        files: &event_files,
        current: 0,
        ids: ids::Ids::default(),
        checked: Checked::default(),
        events: Vec::new(),
        counted: Counting::default(),
        valid_events: 0,
        dup_diags: Vec::new(),
    };
    let (dropped, notes) = read_events(
        &event_files,
        taxonomy.as_ref(),
        options,
        &mut diags,
        &mut accept,
    );
    let Accept {
        mut events,
        counted,
        valid_events,
        dup_diags,
        ..
    } = accept;
    diags.extend(dup_diags);
    // By date then id: keys first, then each event moved once.
    let dates: Vec<Date> = events.iter().map(|e| e.start.date).collect();
    let order = date_order(&dates, |i| &events[i].id);
    permute(&mut events, order);
    let counted = matches!(options.keep, Keep::Span { .. }).then(|| counted.in_date_order());

    let (errors, warnings): (Vec<_>, Vec<_>) = diags
        .into_iter()
        .partition(|d| d.severity == crate::diag::Severity::Error);
    match taxonomy {
        Some(taxonomy) if errors.is_empty() => Ok(Loaded {
            dataset: Dataset {
                taxonomy,
                events,
                counted,
            },
            warnings,
            files,
            valid_events,
            notes,
        }),
        _ => {
            let mut diagnostics = errors;
            diagnostics.extend(warnings);
            Err(LoadError {
                diagnostics,
                not_shown: dropped,
                files,
                notes,
            })
        }
    }
}

/// The error for a data folder that is not there.
fn no_data_folder(dir: &Path) -> LoadError {
    LoadError {
        diagnostics: vec![
            Diagnostic::error(
                Span::file(dir.display().to_string()),
                "the data folder does not exist or is not a folder",
            )
            .with_hint("pass the folder that holds your records with --data DIR"),
        ],
        ..Default::default()
    }
}

/// Reads every event file in turn through `accept`: how many diagnostics
/// went unshown, and the notes the files gave.
fn read_events(
    event_files: &[PathBuf],
    taxonomy: Option<&Taxonomy>,
    options: &LoadOptions,
    diags: &mut Vec<Diagnostic>,
    accept: &mut Accept<'_>,
) -> (usize, Vec<String>) {
    let mut notes = Vec::new();
    let mut dropped = 0;
    for (index, path) in event_files.iter().enumerate() {
        accept.current = index;
        // Records are size-limited before reading; sheets are not (a
        // million-row CSV is a normal input).
        let Some(bytes) = read_file(path, !is_sheet_file(path), diags) else {
            continue;
        };
        let display = path.display().to_string();
        let (d, n) = read_event_file(&display, bytes, taxonomy, options, diags, accept);
        dropped += d;
        notes.extend(n);
    }
    (dropped, notes)
}

/// The order of items by date, then id: by date from a compact array,
/// stably, so items keep their file order within a day; a day whose ids
/// are not then in order is sorted by id.
fn date_order<'a>(dates: &[Date], id: impl Fn(usize) -> &'a str) -> Vec<usize> {
    let mut order: Vec<usize> = (0..dates.len()).collect();
    order.sort_by_key(|&i| dates[i]);
    for day in order.chunk_by_mut(|&a, &b| dates[a] == dates[b]) {
        if !day.is_sorted_by_key(|&i| id(i)) {
            day.sort_unstable_by_key(|&i| id(i));
        }
    }
    order
}

/// Puts `items` in `order` (position j takes the item at `order[j]`),
/// each moved along the order's cycles: sorting the items themselves would
/// move hundreds of bytes at every step.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for i in 0..order.len() {
        let mut j = i;
        while order[j] != usize::MAX {
            let k = std::mem::replace(&mut order[j], usize::MAX);
            if k == i {
                break;
            }
            items.swap(j, k);
            j = k;
        }
    }
}

/// The ids of a batch of rows, checked at once (`Sink::check_ids`): the
/// position of the next row in the batch, the batch's length, and the rows
/// whose id was used before (position, and the file that used it first),
/// the next last.
#[derive(Default)]
struct Checked {
    at: usize,
    len: usize,
    used: Vec<(usize, usize)>,
}

impl Checked {
    /// The check of the next row of the batch; `None` past its end.
    fn next(&mut self) -> Option<Result<(), usize>> {
        if self.at >= self.len {
            return None;
        }
        let i = self.at;
        self.at += 1;
        match self.used.last() {
            Some(&(at, first)) if at == i => {
                self.used.pop();
                Some(Err(first))
            }
            _ => Some(Ok(())),
        }
    }
}

/// The events a brief counts (`Dataset::counted`) as they are accepted,
/// with their ids (one after the other in `ids`) to put them in order.
#[derive(Default)]
struct Counting {
    items: Vec<Counted>,
    ids: String,
    /// Where each item's id ends in `ids`.
    ends: Vec<usize>,
}

impl Counting {
    fn push(&mut self, item: Counted, id: &str) {
        self.items.push(item);
        self.ids.push_str(id);
        self.ends.push(self.ids.len());
    }

    /// The items by date, then id, as `Dataset::events` are.
    fn in_date_order(mut self) -> Vec<Counted> {
        let dates: Vec<Date> = self.items.iter().map(|c| c.start.date).collect();
        let (ids, ends) = (&self.ids, &self.ends);
        let id = |i: usize| &ids[if i == 0 { 0 } else { ends[i - 1] }..ends[i]];
        let order = date_order(&dates, id);
        permute(&mut self.items, order);
        self.items
    }
}

/// Where `load_dir` sends every valid event: duplicate ids are refused
/// across all files and formats, then the event is kept or dropped.
struct Accept<'a> {
    keep: &'a Keep,
    /// For the events a brief counts (none without taxonomies: then
    /// nothing is kept, as the load fails).
    taxonomy: Option<&'a Taxonomy>,
    files: &'a [PathBuf],
    /// The file being read, for "first used in" hints.
    current: usize,
    ids: ids::Ids,
    /// What `check_ids` found of the rows coming next.
    checked: Checked,
    events: Vec<Event>,
    counted: Counting,
    valid_events: usize,
    dup_diags: Vec<Diagnostic>,
}

impl sheet::Sink for Accept<'_> {
    fn expect(&mut self, rows: usize, events: usize) {
        self.ids.reserve(rows);
        self.events.reserve(events);
    }

    fn check_ids(&mut self, ids: &[&str]) {
        let mut used = self.ids.insert_all(ids, self.current);
        used.reverse();
        self.checked = Checked {
            at: 0,
            len: ids.len(),
            used,
        };
    }

    fn accept(&mut self, valid: Valid<'_>, span: &dyn Fn() -> Span) {
        let checked = self.checked.next();
        let check = checked.unwrap_or_else(|| self.ids.insert(valid.id(), self.current));
        if let Err(first) = check {
            if self.dup_diags.len() < sheet::MAX_STORED_ERRORS {
                self.dup_diags.push(
                    Diagnostic::error(span(), format!("duplicate event id `{}`", valid.id()))
                        .with_hint(format!(
                            "{} already uses it; ids must be unique across the data folder",
                            self.files[first].display()
                        )),
                );
            }
            return;
        }
        self.valid_events += 1;
        match valid {
            Valid::Event(event) => {
                if let Some(tax) = self.taxonomy
                    && self.keep.counts(event.start)
                {
                    self.counted.push(Counted::of(&event, tax), &event.id);
                }
                if self.keep.keeps(&event) {
                    self.events.push(event);
                }
            }
            Valid::Counted(counted, id) => self.counted.push(counted, &id),
            Valid::Id(_) => {}
        }
    }
}

/// One file of the data folder from its bytes, the reader chosen by the
/// extension of `display`: `.yaml`, `.yml`, `.json` records, `.csv`,
/// `.xlsx` sheets. Valid events go to `accept`. Sheets need the taxonomies;
/// records are parsed without them, so their syntax errors still show.
/// Returns the rows whose errors were not stored and the sheet notes.
fn read_event_file(
    display: &str,
    bytes: Vec<u8>,
    taxonomy: Option<&crate::model::Taxonomy>,
    options: &LoadOptions,
    diags: &mut Vec<Diagnostic>,
    accept: &mut dyn sheet::Sink,
) -> (usize, Vec<String>) {
    let path = Path::new(display);
    if is_sheet_file(path) {
        let Some(taxonomy) = taxonomy else {
            return (0, Vec::new());
        };
        let mut reader = sheet::SheetReader::new(taxonomy, options);
        if has_extension(path, &["csv"]) {
            reader.csv_bytes(display, bytes, diags, accept);
        } else {
            reader.xlsx_bytes(display, &bytes, diags, accept);
        }
        return (reader.dropped, reader.notes);
    }
    if too_large(display, bytes.len() as u64, diags) {
        return (0, Vec::new());
    }
    if let Some(source) = source_from_bytes(display.to_string(), &bytes, diags)
        && let Some(record) = parse::<raw::RawEvent>(&source, diags)
        && let Some(taxonomy) = taxonomy
        && let Some((event, span)) = validate::event(&source, record, taxonomy, options, diags)
    {
        accept.accept(Valid::Event(event), &|| span.clone());
    }
    (0, Vec::new())
}

/// Reads `bytes` as the data-folder file `name`, exactly as `load_dir`
/// reads a file, without touching the file system. Returns how many valid
/// events it held and every diagnostic. For the fuzz targets and tests;
/// never panics on any input.
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    taxonomy: &crate::model::Taxonomy,
    options: &LoadOptions,
) -> (usize, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut valid = 0usize;
    let mut accept = |_: Valid, _: &dyn Fn() -> Span| valid += 1;
    read_event_file(
        name,
        bytes.to_vec(),
        Some(taxonomy),
        options,
        &mut diags,
        &mut accept,
    );
    (valid, diags)
}

/// Loads only the taxonomies of a data folder.
pub fn load_taxonomy(dir: &Path) -> Result<crate::model::Taxonomy, LoadError> {
    let mut diags = Vec::new();
    let mut files = Vec::new();
    let taxonomy_dir = dir.join(TAXONOMY_DIR);
    if taxonomy_dir.is_dir() {
        collect_files(&taxonomy_dir, &mut files, &mut diags, 0);
    }
    files.sort();
    match taxonomy::load(&taxonomy_dir, &files, &mut diags) {
        Some(t)
            if diags
                .iter()
                .all(|d| d.severity != crate::diag::Severity::Error) =>
        {
            Ok(t)
        }
        _ => Err(LoadError {
            diagnostics: diags,
            not_shown: 0,
            ..Default::default()
        }),
    }
}

/// What `read_sheet` read: the events, notes for `--verbose`, and warnings
/// (unknown columns, places counted under their country) to show.
pub struct ReadSheet {
    pub events: Vec<Event>,
    pub notes: Vec<String>,
    pub warnings: Vec<Diagnostic>,
}

/// Reads one CSV or XLSX file into validated events (for `brief import`).
pub fn read_sheet(
    path: &Path,
    taxonomy: &crate::model::Taxonomy,
    options: &LoadOptions,
) -> Result<ReadSheet, LoadError> {
    let mut diags = Vec::new();
    let mut events = Vec::new();
    let mut seen = ids::Ids::default();
    let mut accept = |valid: Valid, span: &dyn Fn() -> Span| {
        if seen.insert(valid.id(), 0).is_err() {
            diags.push(
                Diagnostic::error(span(), format!("duplicate event id `{}`", valid.id()))
                    .with_hint("an earlier row already uses it; ids must be unique"),
            );
            return;
        }
        // Import keeps everything (`Keep::All`), so every row is an event.
        if let Valid::Event(e) = valid {
            events.push(e);
        }
    };
    let mut sheet_diags = Vec::new();
    let (dropped, notes) = if !is_sheet_file(path) {
        sheet_diags.push(
            Diagnostic::error(Span::file(path.display().to_string()), "not a sheet")
                .with_hint("import reads .csv and .xlsx files"),
        );
        (0, Vec::new())
    } else if let Some(bytes) = read_file(path, false, &mut sheet_diags) {
        let display = path.display().to_string();
        read_event_file(
            &display,
            bytes,
            Some(taxonomy),
            options,
            &mut sheet_diags,
            &mut accept,
        )
    } else {
        (0, Vec::new())
    };
    diags.extend(sheet_diags);
    let (errors, warnings): (Vec<_>, Vec<_>) = diags
        .into_iter()
        .partition(|d| d.severity == crate::diag::Severity::Error);
    if errors.is_empty() {
        Ok(ReadSheet {
            events,
            notes,
            warnings,
        })
    } else {
        let mut diagnostics = errors;
        diagnostics.extend(warnings);
        Err(LoadError {
            diagnostics,
            not_shown: dropped,
            ..Default::default()
        })
    }
}

fn has_extension(path: &Path, exts: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .is_some_and(|e| exts.contains(&e.as_str()))
}

fn is_sheet_file(path: &Path) -> bool {
    has_extension(path, &["csv", "xlsx", "xlsm"])
}

fn is_record_file(path: &Path) -> bool {
    has_extension(path, &["yaml", "yml", "json"]) || is_sheet_file(path)
}

/// The files `load_dir` reads under `dir` (records, sheets, taxonomies),
/// sorted; for fingerprinting a build's inputs.
pub fn data_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    collect_files(dir, &mut files, &mut Vec::new(), 0);
    files.sort();
    files
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>, diags: &mut Vec<Diagnostic>, depth: usize) {
    if depth > 16 {
        diags.push(Diagnostic::error(
            Span::file(dir.display().to_string()),
            "folders nested more than 16 deep are not read",
        ));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            diags.push(Diagnostic::error(
                Span::file(dir.display().to_string()),
                format!("failed to read the folder ({e})"),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        if depth == 0 && IGNORED_DIRS.iter().any(|d| name == *d) {
            continue;
        }
        // Symlinks are not followed, so a link cannot pull in files from
        // outside the data folder.
        match entry.file_type() {
            Ok(t) if t.is_dir() => collect_files(&path, out, diags, depth + 1),
            Ok(t) if t.is_file() && is_record_file(&path) => out.push(path),
            Ok(t) if t.is_symlink() => diags.push(
                Diagnostic::warning(
                    Span::file(path.display().to_string()),
                    "a symbolic link; links are not followed, so it is not read",
                )
                .with_hint("copy the file into the data folder instead"),
            ),
            _ => {}
        }
    }
}

/// A record file's text (taxonomies use it too).
fn read_source(path: &Path, diags: &mut Vec<Diagnostic>) -> Option<SourceFile> {
    let bytes = read_file(path, true, diags)?;
    source_from_bytes(path.display().to_string(), &bytes, diags)
}

/// A file's bytes; with `limit`, a file over `MAX_FILE_BYTES` is refused
/// before it is read.
fn read_file(path: &Path, limit: bool, diags: &mut Vec<Diagnostic>) -> Option<Vec<u8>> {
    let display = path.display().to_string();
    let failed = |e: std::io::Error, diags: &mut Vec<Diagnostic>| {
        diags.push(Diagnostic::error(
            Span::file(&display),
            format!("failed to read ({e})"),
        ));
    };
    if limit {
        match std::fs::metadata(path) {
            Ok(m) if too_large(&display, m.len(), diags) => return None,
            Ok(_) => {}
            Err(e) => {
                failed(e, diags);
                return None;
            }
        }
    }
    read_all(path).map_err(|e| failed(e, diags)).ok()
}

/// Files at least this large are read in pieces, one per core.
const PIECEWISE_BYTES: u64 = 16 * 1024 * 1024;

/// A file's bytes. A large one (a million-row sheet) is read in as many
/// pieces as there are cores, each on its own thread: copying 200 MB out
/// of the page cache takes a tenth of a second on one core.
fn read_all(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    #[cfg(unix)]
    if len >= PIECEWISE_BYTES
        && crate::parallel::cores() > 1
        && let Some(bytes) = read_in_pieces(&file, len)?
    {
        return Ok(bytes);
    }
    // The one open file, whatever its size (records are read by the
    // thousand: no second open).
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// A file of `len` bytes read in one piece per core; `None` when a piece
/// failed or the file changed size while it was read (read it whole).
#[cfg(unix)]
fn read_in_pieces(file: &std::fs::File, len: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::os::unix::fs::FileExt;
    let Ok(size) = usize::try_from(len) else {
        return Ok(None);
    };
    let mut bytes = vec![0u8; size];
    let piece = size.div_ceil(crate::parallel::cores());
    let read = std::thread::scope(|scope| {
        let pieces: Vec<_> = bytes
            .chunks_mut(piece)
            .enumerate()
            .map(|(i, chunk)| scope.spawn(move || file.read_exact_at(chunk, (i * piece) as u64)))
            .collect();
        pieces
            .into_iter()
            .all(|p| p.join().is_ok_and(|r| r.is_ok()))
    });
    let mut more = [0u8; 1];
    Ok((read && file.read_at(&mut more, len)? == 0).then_some(bytes))
}

/// Refuses a record of `len` bytes over `MAX_FILE_BYTES`.
fn too_large(display: &str, len: u64, diags: &mut Vec<Diagnostic>) -> bool {
    if len <= MAX_FILE_BYTES {
        return false;
    }
    diags.push(
        Diagnostic::error(
            Span::file(display),
            format!("the file is {len} bytes; records are limited to {MAX_FILE_BYTES}"),
        )
        .with_hint("split it into one file per event"),
    );
    true
}

/// A record file's text from its bytes (a UTF-8 BOM dropped), or a located
/// diagnostic when they are not UTF-8.
fn source_from_bytes(
    display: String,
    bytes: &[u8],
    diags: &mut Vec<Diagnostic>,
) -> Option<SourceFile> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(SourceFile {
            display,
            text: text.to_string(),
        }),
        Err(e) => {
            let (line, column) = line_col(bytes, e.valid_up_to());
            diags.push(
                Diagnostic::error(
                    Span::at(&display, line, column),
                    "the file is not valid UTF-8",
                )
                .with_hint(
                    "save YAML and JSON records as UTF-8 (Korean Excel's CP949 is for CSV only)",
                ),
            );
            None
        }
    }
}

/// 1-based line and character column of a byte offset in valid-UTF-8 prefix.
fn line_col(bytes: &[u8], offset: usize) -> (u64, u64) {
    let prefix = String::from_utf8_lossy(&bytes[..offset.min(bytes.len())]);
    let line = prefix.matches('\n').count() as u64 + 1;
    let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
    (line, column)
}

/// Parses YAML (JSON is read as the YAML subset it is) into `T`, turning a
/// failure into a located diagnostic.
/// A file whose content after its `#` comment lines is JSON, parsed as
/// JSON (no locations); `None` when it is not JSON.
fn parse_json<T: DeserializeOwned>(source: &SourceFile) -> Option<T> {
    let starts_json = source
        .text
        .lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .is_some_and(|l| l.starts_with('['));
    if !starts_json {
        return None;
    }
    let body: String = source
        .text
        .lines()
        .map(|l| {
            if l.trim_start().starts_with('#') {
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    serde_json::from_str(&body).ok()
}

fn parse<T: DeserializeOwned>(source: &SourceFile, diags: &mut Vec<Diagnostic>) -> Option<T> {
    if source.text.trim().is_empty() {
        diags.push(
            Diagnostic::error(Span::file(&source.display), "the file is empty")
                .with_hint("delete it, or write one event record in it"),
        );
        return None;
    }
    match serde_saphyr::from_str::<T>(&source.text) {
        Ok(v) => Some(v),
        Err(e) => {
            let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
            let message = clean_parse_message(&e.without_snippet().to_string());
            diags.push(
                Diagnostic::error(Span::at(&source.display, line, column), message)
                    .with_source(&source.text),
            );
            None
        }
    }
}

/// serde-saphyr's message may repeat the location; keep the first line
/// without it, since our diagnostic prints the location itself.
fn clean_parse_message(s: &str) -> String {
    let first = s.lines().next().unwrap_or(s).trim();
    let first = match first.find(" at line ") {
        Some(i) => &first[..i],
        None => first,
    };
    format!("failed to parse ({first})")
}

impl SourceFile {
    fn span(&self, loc: &serde_saphyr::Location) -> Span {
        Span::at(&self.display, loc.line(), loc.column())
    }

    fn error(&self, loc: &serde_saphyr::Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.span(loc), message).with_source(&self.text)
    }

    fn warning(&self, loc: &serde_saphyr::Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(self.span(loc), message).with_source(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sheet big enough to be read in parts and checked on every core
    /// names each repeated id on its own line, in file order, with the
    /// file that used it first: repeats within a part, across parts, and
    /// of an id a record used.
    #[test]
    fn repeated_ids_are_found_however_the_sheet_is_read() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let taxonomy = load_taxonomy(&root).expect("sample taxonomies");
        let mut rows = crate::synth::rows(&taxonomy, 120_000, 11, 2023, 2024);
        // Row k is on line k + 2 (after the header).
        let repeats = [
            (5, 90_000),
            (70_000, 110_000),
            (100_000, 100_001),
            (3, 40_000),
        ];
        for (from, to) in repeats {
            rows[to].id = rows[from].id.clone();
        }
        let dir = std::env::temp_dir().join(format!("brief-repeats-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join(TAXONOMY_DIR)).expect("temp dir");
        std::fs::create_dir_all(dir.join("events")).expect("temp dir");
        for f in data_files(&root.join(TAXONOMY_DIR)) {
            let name = f.file_name().expect("file name");
            std::fs::copy(&f, dir.join(TAXONOMY_DIR).join(name)).expect("copy");
        }
        // `events/` sorts before `sheet.csv`: the record is read first.
        let record = format!(
            "id: {}\ntitle: {{ko: 행사}}\nkind: conference\nstart: 2024-05-01\nsectors: [bio]\npartners: [us]\n",
            rows[60_000].id
        );
        std::fs::write(dir.join("events/a.yaml"), record).expect("write");
        std::fs::write(dir.join("sheet.csv"), crate::synth::csv(&rows)).expect("write");
        let options = LoadOptions {
            currencies: vec!["KRW".into(), "USD".into(), "CAD".into()],
            keep: Keep::None,
            columns: Vec::new(),
            config: String::new(),
        };
        let failed = match load_dir(&dir, &options) {
            Ok(_) => panic!("repeated ids must fail the load"),
            Err(e) => e,
        };
        let _ = std::fs::remove_dir_all(&dir);
        let found: Vec<(u64, bool)> = failed
            .diagnostics
            .iter()
            .map(|d| {
                assert!(d.message.starts_with("duplicate event id"), "{}", d.message);
                let by_record = d.hint.as_deref().is_some_and(|h| h.contains("a.yaml"));
                (d.span.line, by_record)
            })
            .collect();
        let expected = vec![
            (40_002, false),
            (60_002, true),
            (90_002, false),
            (100_003, false),
            (110_002, false),
        ];
        assert_eq!(found, expected);
    }

    /// A large file read in pieces is the file, byte for byte.
    #[test]
    fn a_large_file_read_in_pieces_is_the_file() {
        let path = std::env::temp_dir().join(format!("brief-pieces-{}", std::process::id()));
        let len = PIECEWISE_BYTES as usize + 12_345;
        let bytes: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
        std::fs::write(&path, &bytes).expect("write");
        let read = read_all(&path).expect("read");
        let _ = std::fs::remove_file(&path);
        assert!(read == bytes, "{} bytes read of {len}", read.len());
    }

    #[test]
    fn line_and_column_of_offsets() {
        let text = "ab\n가나다x".as_bytes();
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // After three Hangul syllables (9 bytes), column 4.
        assert_eq!(line_col(text, 12), (2, 4));
    }

    /// A 6,000-row sheet read as a quarterly brief keeps every event of
    /// the period whole, and counts (see `Counted`) every event of the days
    /// it compares with, exactly as `Counted::of` counts the whole event,
    /// in date-then-id order however the ids run in the file.
    #[test]
    fn a_brief_keeps_its_period_whole_and_counts_its_comparisons() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let taxonomy = load_taxonomy(&root).expect("sample taxonomies");
        let mut rows = crate::synth::rows(&taxonomy, 6_000, 7, 2023, 2024);
        rows.reverse();
        let text = crate::synth::csv(&rows);
        let quarter = crate::period::Period::quarter(2024, 2);
        let read = |keep: Keep| {
            let options = LoadOptions {
                currencies: vec!["KRW".into(), "USD".into(), "CAD".into()],
                keep,
                columns: Vec::new(),
                config: String::new(),
            };
            let dir = std::env::temp_dir().join(format!(
                "brief-keep-{}-{}",
                std::process::id(),
                matches!(options.keep, Keep::All)
            ));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(dir.join(TAXONOMY_DIR)).expect("temp dir");
            for f in data_files(&root.join(TAXONOMY_DIR)) {
                let name = f.file_name().expect("file name");
                std::fs::copy(&f, dir.join(TAXONOMY_DIR).join(name)).expect("copy");
            }
            std::fs::write(dir.join("events.csv"), &text).expect("write");
            let loaded = load_dir(&dir, &options).expect("valid sheet");
            let _ = std::fs::remove_dir_all(&dir);
            loaded.dataset
        };
        let keep = crate::aggregate::keep_for(quarter);
        let Dataset {
            taxonomy: tax,
            events: all,
            counted: none,
        } = read(Keep::All);
        assert!(none.is_none());
        let kept = read(keep.clone());
        let shown = |e: &Event| {
            keep.wants(e.start, !e.follow_ups.is_empty())
                && keep.whole(e.start, !e.follow_ups.is_empty())
        };
        let whole: Vec<Event> = all.iter().filter(|e| shown(e)).cloned().collect();
        assert_eq!(kept.events, whole);
        let counted: Vec<Counted> = all
            .iter()
            .filter(|e| keep.counts(e.start))
            .map(|e| Counted::of(e, &tax))
            .collect();
        assert_eq!(kept.counted.as_ref(), Some(&counted));
        assert!(
            whole.len() > 100 && counted.len() > whole.len() + 100,
            "{} {}",
            whole.len(),
            counted.len()
        );
        // Year-only dates of its year are listed (not counted) by a quarter:
        // kept whole, with their words.
        let listed = |e: &Event| {
            quarter.counts(e.start)
                || (e.start.precision == crate::model::Precision::Year
                    && quarter.touches_year(e.start.date.year))
        };
        assert!(whole.iter().all(|e| e.title.ko.is_some() && listed(e)));
        assert!(all.iter().filter(|e| listed(e)).all(shown));
        // Counted events carry places, and outcomes without words.
        assert!(counted.iter().all(|c| !c.regions.is_empty()));
        assert!(counted.iter().filter(|c| !c.outcomes.is_empty()).count() > 100);
        assert!(
            counted
                .iter()
                .flat_map(|c| c.outcomes.iter())
                .all(|o| o.title == crate::model::Text::default() && o.sectors.is_empty())
        );
        assert!(
            all.windows(2)
                .all(|w| (w[0].start.date, &w[0].id) < (w[1].start.date, &w[1].id))
        );
    }
}
