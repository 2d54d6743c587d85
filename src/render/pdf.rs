//! PDF through the embedded typst compiler. The compiler sees the outside
//! only through `BriefWorld`: the template files and the brief model as
//! `brief.json`, fonts from the font set, and a fixed date. It cannot read
//! anything else on disk, and data is never pasted into markup.

use std::collections::HashMap;

use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::layout::{Frame, FrameItem};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

use super::RenderError;
use super::fonts::{FAMILY, Fonts};
use crate::brief::Brief;
use crate::standards::{PdfStandards, Standard};
use crate::templates::Templates;

/// The template the PDF is compiled from, inside the template set.
pub const MAIN: &str = "brief.typ";
/// The template that typesets one chart alone (`sys.inputs.chart`), for
/// formats that take charts as pictures (the HWPX).
pub const CHART: &str = "chart.typ";
/// The name under which the brief model is served to the template.
pub const MODEL: &str = "brief.json";
/// The full model (with the report behind every figure), attached to a
/// PDF/A-3b brief so the council can audit the numbers.
pub const AUDIT: &str = "brief-model.json";

struct BriefWorld<'a> {
    library: LazyHash<Library>,
    fonts: &'a Fonts,
    main: FileId,
    sources: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
    today: Option<Datetime>,
}

fn file_id(name: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(name).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl<'a> BriefWorld<'a> {
    fn new(
        templates: &Templates,
        main: &str,
        model_json: Vec<u8>,
        audit_json: Option<Vec<u8>>,
        fonts: &'a Fonts,
        today: Option<Datetime>,
        chart: Option<&str>,
    ) -> Result<Self, RenderError> {
        let mut inputs = typst::foundations::Dict::new();
        if let Some(name) = chart {
            inputs.insert("chart".into(), typst::foundations::Value::Str(name.into()));
        }
        let mut sources = HashMap::new();
        let mut files = HashMap::new();
        for (name, bytes) in templates.files() {
            let Some(id) = file_id(name) else { continue };
            if name.ends_with(".typ")
                && let Ok(text) = String::from_utf8(bytes.to_vec())
            {
                sources.insert(id, Source::new(id, text));
            }
            files.insert(id, Bytes::new(bytes.to_vec()));
        }
        let model_id =
            file_id(MODEL).ok_or_else(|| RenderError::Pdf("invalid model path".into()))?;
        files.insert(model_id, Bytes::new(model_json));
        if let Some(audit) = audit_json {
            let audit_id =
                file_id(AUDIT).ok_or_else(|| RenderError::Pdf("invalid model path".into()))?;
            files.insert(audit_id, Bytes::new(audit));
            inputs.insert(
                "attach-model".into(),
                typst::foundations::Value::Str(AUDIT.into()),
            );
        }
        let main_name = main;
        let main = file_id(main).ok_or_else(|| RenderError::Pdf("invalid template path".into()))?;
        if !sources.contains_key(&main) {
            return Err(RenderError::Template(format!(
                "{}: the template is missing or not UTF-8",
                templates.display_path(main_name)
            )));
        }
        Ok(BriefWorld {
            library: LazyHash::new(Library::builder().with_inputs(inputs).build()),
            fonts,
            main,
            sources,
            files,
            today,
        })
    }

    fn not_found(id: FileId) -> FileError {
        match id.root() {
            VirtualRoot::Package(_) => FileError::Other(Some(
                "packages are not available: briefs are built offline from the template folder only".into(),
            )),
            VirtualRoot::Project => FileError::NotFound(std::path::PathBuf::from(id.vpath().get_without_slash())),
        }
    }

    /// "templates/brief.typ:12:5: message" for a typst diagnostic.
    fn describe(&self, templates: &Templates, d: &SourceDiagnostic) -> String {
        let mut place = String::new();
        if let Some(id) = d.span.id() {
            let name = id.vpath().get_without_slash().to_string();
            place = templates.display_path(&name);
            if let (Some(range), Some(source)) = (self.range(d.span), self.sources.get(&id))
                && let Some((line, col)) = source.lines().byte_to_line_column(range.start)
            {
                place = format!("{place}:{}:{}", line + 1, col + 1);
            }
        }
        let mut s = if place.is_empty() {
            d.message.to_string()
        } else {
            format!("{place}: {}", d.message)
        };
        for h in &d.hints {
            s.push_str(&format!("\n  = hint: {}", h.v));
        }
        s
    }
}

impl World for BriefWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources
            .get(&id)
            .cloned()
            .ok_or_else(|| Self::not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| Self::not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

fn serialise(e: serde_json::Error) -> RenderError {
    RenderError::Pdf(format!("failed to serialise the brief ({e})"))
}

/// The brief as the templates read it (`brief.json`), made once per
/// document: the view only (the report and the annex behind it are for the
/// JSON output and the workbook, and would only slow typst down on a busy
/// quarter), with the font families this font set has, ending in the
/// built-in Korean face (typst falls back to its own fonts for symbols none
/// of them can draw; families the machine lacks would only give warnings).
fn typst_model(brief: &Brief, fonts: &Fonts) -> Result<Vec<u8>, RenderError> {
    let mut families: Vec<&str> = brief
        .fonts
        .iter()
        .map(String::as_str)
        .filter(|f| fonts.has_family(f))
        .collect();
    if !families.iter().any(|f| f.eq_ignore_ascii_case(FAMILY)) {
        families.push(FAMILY);
    }
    serde_json::to_vec(&brief.layout_view(&families)).map_err(serialise)
}

/// Typesets the brief's template (`MAIN`, or `CHART` for one chart) with
/// `model` (from `typst_model`) as data, and checks that every glyph was
/// found. Returns the document and typst's warnings.
fn compile(
    brief: &Brief,
    model: Vec<u8>,
    templates: &Templates,
    fonts: &Fonts,
    audit: bool,
    chart: Option<&str>,
) -> Result<(PagedDocument, Vec<String>), RenderError> {
    let issue = crate::model::FuzzyDate::parse(&brief.meta.issue_date_iso).ok();
    let today = issue.and_then(|d| Datetime::from_ymd(d.date.year, d.date.month, d.date.day));
    let audit = if audit {
        Some(serde_json::to_vec_pretty(&brief.model()).map_err(serialise)?)
    } else {
        None
    };
    let main = if chart.is_some() { CHART } else { MAIN };
    let world = BriefWorld::new(templates, main, model, audit, fonts, today, chart)?;

    let result = typst::compile::<PagedDocument>(&world);
    let warnings: Vec<String> = result
        .warnings
        .iter()
        .filter(|w| w.severity == Severity::Warning)
        .map(|w| world.describe(templates, w))
        .collect();
    let document = result.output.map_err(|errors| {
        RenderError::Template(
            errors
                .iter()
                .map(|e| world.describe(templates, e))
                .collect::<Vec<_>>()
                .join("\n"),
        )
    })?;

    // Typst draws a missing glyph as an empty box (glyph 0) and carries on;
    // a brief must never print boxes, so refuse instead.
    let mut missing: Vec<char> = Vec::new();
    for page in document.pages() {
        missing_glyphs(&page.frame, &mut missing);
    }
    if !missing.is_empty() {
        missing.sort_unstable();
        missing.dedup();
        let shown: String = missing.iter().take(12).collect();
        let hint = "put a font that covers these characters in a folder and name it in brief.toml \
                    [fonts] paths or the BRIEF_FONT_PATH environment variable, or install one on \
                    this machine (its fonts are searched unless BRIEF_SYSTEM_FONTS=0 or [fonts] system = false)";
        return Err(RenderError::Font(format!(
            "no font (built-in, configured or on this machine) can draw {} character(s), e.g. \"{shown}\" (U+{:04X}); \
             the PDF would show empty boxes\n  = hint: {hint}",
            missing.len(),
            missing[0] as u32
        )));
    }
    Ok((document, warnings))
}

/// Compiles the brief to PDF bytes; warnings are returned beside them.
pub fn render(
    brief: &Brief,
    templates: &Templates,
    fonts: &Fonts,
    standards: &PdfStandards,
) -> Result<(Vec<u8>, Vec<String>), RenderError> {
    let model = typst_model(brief, fonts)?;
    let (document, warnings) = compile(
        brief,
        model,
        templates,
        fonts,
        standards.attaches_model(),
        None,
    )?;
    let list: Vec<typst_pdf::PdfStandard> = standards
        .list()
        .iter()
        .map(|s| match s {
            Standard::A2b => typst_pdf::PdfStandard::A_2b,
            Standard::A2a => typst_pdf::PdfStandard::A_2a,
            Standard::A3b => typst_pdf::PdfStandard::A_3b,
            Standard::A3a => typst_pdf::PdfStandard::A_3a,
            Standard::Ua1 => typst_pdf::PdfStandard::Ua_1,
        })
        .collect();
    let options = typst_pdf::PdfOptions {
        ident: typst::foundations::Smart::Custom(format!(
            "brief-{}-{}",
            brief.meta.period,
            brief.lang.code()
        )),
        standards: typst_pdf::PdfStandards::new(&list).map_err(|e| {
            RenderError::Pdf(format!(
                "unsupported PDF standard {standards} ({})",
                e.message()
            ))
        })?,
        // Always tagged (headings, tables, figures with alt text), whatever
        // the standard.
        tagged: true,
        ..typst_pdf::PdfOptions::default()
    };
    let bytes = typst_pdf::pdf(&document, &options).map_err(|errors| {
        RenderError::Pdf(
            errors
                .iter()
                .map(|e| {
                    let hints: String = e
                        .hints
                        .iter()
                        .map(|h| format!("\n  = hint: {}", h.v))
                        .collect();
                    format!("{}{hints}", e.message)
                })
                .collect::<Vec<_>>()
                .join("\n"),
        )
    })?;
    Ok((bytes, warnings))
}

/// The charts `names` (`sectors`, `trend`) as PNGs at 300 dpi, drawn by
/// the same typst code as the PDF's (`CHART`). A chart that cannot be drawn
/// gives its error in its place; a character no font covers fails them all
/// (the caller may try again with more fonts).
pub fn chart_pngs(
    brief: &Brief,
    templates: &Templates,
    fonts: &Fonts,
    names: &[&str],
) -> Result<Vec<Result<Vec<u8>, RenderError>>, RenderError> {
    let model = typst_model(brief, fonts)?;
    let mut out = Vec::new();
    for name in names {
        match chart_png(brief, &model, templates, fonts, name) {
            Err(RenderError::Font(m)) => return Err(RenderError::Font(m)),
            result => out.push(result),
        }
    }
    Ok(out)
}

fn chart_png(
    brief: &Brief,
    model: &[u8],
    templates: &Templates,
    fonts: &Fonts,
    name: &str,
) -> Result<Vec<u8>, RenderError> {
    let (document, _) = compile(brief, model.to_vec(), templates, fonts, false, Some(name))?;
    let page = document.pages().first().ok_or_else(|| {
        RenderError::Template(format!(
            "{}: no page for chart `{name}`",
            templates.display_path(CHART)
        ))
    })?;
    let pixmap = typst_render::render(
        page,
        &typst_render::RenderOptions {
            pixel_per_pt: (f64::from(super::CHART_DPI) / 72.0).into(),
            render_bleed: false,
        },
    );
    pixmap
        .encode_png()
        .map_err(|e| RenderError::Pdf(format!("failed to encode the `{name}` chart ({e})")))
}

fn missing_glyphs(frame: &Frame, out: &mut Vec<char>) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(g) => missing_glyphs(&g.frame, out),
            FrameItem::Text(t) => {
                for g in t.glyphs.iter().filter(|g| g.id == 0) {
                    out.extend(t.text[g.range()].chars().filter(|c| !c.is_whitespace()));
                }
            }
            _ => {}
        }
    }
}
