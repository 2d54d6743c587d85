//! Planning, fingerprints and writing of briefs, for `brief -q` (and the
//! other single periods) and `brief build`/`check`: which periods and
//! outputs a run makes, which of them are
//! stale (the manifest), rendering them with one set of fonts, and writing
//! each period's files atomically. `app` decides what to run; this module
//! runs it.

use std::path::Path;

use crate::aggregate::{self, AggregateOptions};
use crate::brief::AnnexRows;
use crate::cli::MultiArgs;
use crate::config::Config;
use crate::error::AppError;
use crate::incremental::{self, Fingerprint, Manifest, Status};
use crate::load::{self, Loaded};
use crate::model::{Dataset, Lang};
use crate::period::{Period, PeriodKind};
use crate::render::fonts::FontChoice;
use crate::render::{self, Format, RenderError};
use crate::standards::PdfStandards;
use crate::templates::Templates;
use crate::{brief, output, progress};

/// Output formats; `json` writes the brief model itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Output {
    Render(Format),
    Json,
}

impl Output {
    /// Whether the output reads the rows of the brief's annex: the
    /// workbook, the JSON model, and a PDF that attaches the model.
    pub(crate) fn reads_annex(self, standard: &PdfStandards) -> bool {
        match self {
            Output::Json | Output::Render(Format::Xlsx) => true,
            Output::Render(Format::Pdf) => standard.attaches_model(),
            Output::Render(Format::Docx | Format::Hwpx) => false,
        }
    }
}

/// What one run renders with: loaded once, fonts only when a brief is
/// actually rendered (a build with nothing to do never loads them).
pub(crate) struct Renderer<'a> {
    pub(crate) config: &'a Config,
    pub(crate) templates: &'a Templates,
    pub(crate) standard: PdfStandards,
    pub(crate) fonts: FontChoice,
}

impl<'a> Renderer<'a> {
    pub(crate) fn new(
        config: &'a Config,
        templates: &'a Templates,
        standard: PdfStandards,
    ) -> Self {
        Renderer {
            config,
            templates,
            standard,
            fonts: FontChoice::new(
                &config.font_paths,
                config.system_fonts,
                &config.font_families,
            ),
        }
    }

    /// The bytes of one output of a brief model.
    pub(crate) fn render(&self, model: &brief::Brief, o: Output) -> Result<Vec<u8>, AppError> {
        if o.reads_annex(&self.standard) && model.annex.rows != AnnexRows::Listed {
            return Err(AppError::Render(RenderError::Pdf(format!(
                "internal: the {o:?} output needs the annex's rows, which were not built"
            ))));
        }
        match o {
            Output::Json => serde_json::to_vec_pretty(&model.model())
                .map_err(|e| AppError::Render(RenderError::Pdf(e.to_string()))),
            Output::Render(Format::Pdf) => {
                let (bytes, warnings) = self
                    .fonts
                    .typeset(|fonts| {
                        render::pdf::render(model, self.templates, fonts, &self.standard)
                    })
                    .map_err(AppError::Render)?;
                for w in warnings {
                    eprintln!("warning: {w}");
                }
                Ok(bytes)
            }
            Output::Render(Format::Xlsx) => render::xlsx::render(model).map_err(AppError::Render),
            Output::Render(Format::Hwpx) => {
                let fonts = render::hwpx::HwpxFonts {
                    korean: self.config.hwpx_korean_font.clone(),
                    latin: self.config.hwpx_latin_font.clone(),
                };
                let charts = self.chart_images(model);
                render::hwpx::render(model, &fonts, &charts, self.logo(model))
                    .map_err(AppError::Render)
            }
            Output::Render(Format::Docx) => {
                let logo = self.logo(model);
                let docx_fonts = render::docx::DocxFonts {
                    east_asia: self.config.docx_east_asia_font.clone(),
                    latin: self.config.docx_latin_font.clone(),
                };
                render::docx::render(model, &docx_fonts, logo).map_err(AppError::Render)
            }
        }
    }

    /// The template set's logo (`logo` in layout.toml), for the title
    /// blocks of the DOCX and the HWPX.
    fn logo(&self, model: &brief::Brief) -> Option<&[u8]> {
        model
            .layout
            .logo
            .as_deref()
            .and_then(|l| self.templates.get(l))
    }

    /// The brief's charts as pictures, drawn by the PDF's chart code, for
    /// formats that take pictures (the HWPX). A chart that cannot be drawn
    /// is left out with a warning: its numbers are in the tables.
    fn chart_images(&self, model: &brief::Brief) -> Vec<render::hwpx::ChartImage> {
        use render::compose::Chart;
        let names = Chart::ALL.map(Chart::name);
        let pngs = match self
            .fonts
            .typeset(|fonts| render::pdf::chart_pngs(model, self.templates, fonts, &names))
        {
            Ok(pngs) => pngs,
            Err(e) => {
                eprintln!("warning: the charts are left out of the HWPX: {e}");
                return Vec::new();
            }
        };
        Chart::ALL
            .into_iter()
            .zip(pngs)
            .filter_map(|(chart, png)| match png {
                Ok(png) => Some(render::hwpx::ChartImage { chart, png }),
                Err(e) => {
                    let name = chart.name();
                    eprintln!("warning: the `{name}` chart is left out of the HWPX: {e}");
                    None
                }
            })
            .collect()
    }

    /// What every output shares of its fingerprint: the program, the
    /// configuration file, the template set, the taxonomy files, the PDF
    /// standard and the fonts on disk.
    pub(crate) fn base_fingerprint(&self, data: &Path) -> Fingerprint {
        let mut f = Fingerprint::new();
        f.add(concat!("brief ", env!("CARGO_PKG_VERSION")).as_bytes());
        f.add(&self.config.source);
        for (name, bytes) in self.templates.files() {
            f.add(name.as_bytes()).add(bytes);
        }
        // The taxonomy files as the loader finds them, named within the data
        // folder: `--data data`, `--data ./data` and its absolute path (or a
        // copy elsewhere) are the same inputs.
        for path in load::data_files(&data.join(load::TAXONOMY_DIR)) {
            let name = path.strip_prefix(data).unwrap_or(&path);
            f.add(name.to_string_lossy().as_bytes());
            f.add(&std::fs::read(&path).unwrap_or_default());
        }
        f.add(self.standard.to_string().as_bytes());
        // The built-in fonts are named with their version; font files on
        // disk are listed only where they can be used.
        f.add(render::fonts::BUILTIN.as_bytes());
        let mut font_dirs = self.config.font_paths.clone();
        if self.fonts.system_may_be_used() {
            font_dirs.extend(incremental::system_font_dirs());
        }
        f.add(&incremental::font_listing(&font_dirs));
        f
    }
}

/// The path of an output relative to the output folder, `/`-separated.
pub(crate) fn output_rel(config: &Config, period: Period, lang: Lang, o: Output) -> String {
    let ext = match o {
        Output::Json => "json",
        Output::Render(f) => f.extension(),
    };
    format!(
        "{}/{}.{ext}",
        period.slug(),
        config.output_stem(period, lang)
    )
}

/// The fingerprints of a brief model's JSON, hashed as it is written (a
/// busy period's annex is tens of megabytes, never held as text): of the
/// model without its annex, and of the annex when its rows are listed.
pub(crate) fn model_fingerprint(
    model: &brief::Brief,
) -> Result<(String, Option<String>), AppError> {
    let core = json_fingerprint(&model.model_without_annex())?;
    let annex = match model.annex.rows {
        AnnexRows::Listed => Some(json_fingerprint(&model.annex)?),
        AnnexRows::Omitted => None,
    };
    Ok((core, annex))
}

fn json_fingerprint(value: &impl serde::Serialize) -> Result<String, AppError> {
    let mut f = Fingerprint::new();
    serde_json::to_writer(&mut f, value)
        .map_err(|e| AppError::Render(RenderError::Pdf(e.to_string())))?;
    Ok(f.hex())
}

pub(crate) fn save_manifest(manifest: &Manifest, out: &Path) -> Result<(), AppError> {
    manifest.save(out).map_err(|cause| AppError::Write {
        path: out.join(incremental::MANIFEST),
        cause,
    })
}

/// One output of a build and whether it is stale.
pub(crate) struct Job {
    pub(crate) period: Period,
    pub(crate) lang: Lang,
    pub(crate) output: Output,
    pub(crate) rel: String,
    pub(crate) inputs: String,
    pub(crate) status: Status,
}

/// What planning reads.
pub(crate) struct PlanInput<'a> {
    pub(crate) loaded: &'a Loaded,
    pub(crate) renderer: &'a Renderer<'a>,
    /// `Renderer::base_fingerprint`, computed once per run.
    pub(crate) base: &'a Fingerprint,
    pub(crate) langs: &'a [Lang],
    pub(crate) outputs: &'a [Output],
    pub(crate) manifest: &'a Manifest,
    pub(crate) out: &'a Path,
}

/// Which brief models a plan keeps for rendering.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keeping {
    /// Every brief's (`brief -q` renders them all).
    All,
    /// Those with a stale output (`brief build`).
    Stale,
    /// None (`brief check` renders nothing).
    None,
}

/// Every output of some periods × languages × formats with its
/// fingerprint and state, and the brief models of those to render.
pub(crate) struct Plan {
    pub(crate) jobs: Vec<Job>,
    pub(crate) models: std::collections::HashMap<(Period, Lang), brief::Brief>,
}

impl Plan {
    /// Builds each brief model (cheap next to rendering) and fingerprints
    /// its outputs; keeps the models `keeping` says.
    pub(crate) fn make(
        input: &PlanInput,
        periods: &[Period],
        keeping: Keeping,
    ) -> Result<Plan, AppError> {
        let r = input.renderer;
        let options = AggregateOptions::from(r.config);
        let mut plan = Plan {
            jobs: Vec::new(),
            models: std::collections::HashMap::new(),
        };
        for &period in periods {
            let mut report = Some(aggregate::report(&input.loaded.dataset, period, &options));
            // The annex's rows are built when an output reads them.
            let rows = if input.outputs.iter().any(|o| o.reads_annex(&r.standard)) {
                AnnexRows::Listed
            } else {
                AnnexRows::Omitted
            };
            for (k, &lang) in input.langs.iter().enumerate() {
                // Each language's model owns the report: the last takes it.
                let last = k + 1 == input.langs.len();
                let Some(report) = (if last { report.take() } else { report.clone() }) else {
                    break;
                };
                let model = brief::build(
                    &input.loaded.dataset,
                    report,
                    period,
                    lang,
                    r.config,
                    r.templates,
                    rows,
                )
                .map_err(AppError::Template)?;
                let (model_hash, annex_hash) = model_fingerprint(&model)?;
                let mut stale = false;
                for &o in input.outputs {
                    let rel = output_rel(r.config, period, lang, o);
                    let mut f = input.base.clone();
                    f.add(rel.as_bytes()).add(model_hash.as_bytes());
                    if o.reads_annex(&r.standard) {
                        f.add(annex_hash.as_deref().unwrap_or_default().as_bytes());
                    }
                    let inputs = f.hex();
                    let status = input.manifest.status(input.out, &rel, &inputs);
                    stale |= status != Status::Fresh;
                    plan.jobs.push(Job {
                        period,
                        lang,
                        output: o,
                        rel,
                        inputs,
                        status,
                    });
                }
                if keeping == Keeping::All || (keeping == Keeping::Stale && stale) {
                    plan.models.insert((period, lang), model);
                }
            }
        }
        Ok(plan)
    }
}

/// Renders `jobs` (one period's) first and writes them after, so a
/// failure leaves every existing file untouched; records each in the
/// manifest and saves it. A file whose bytes are already there is left
/// alone (its modification time too), and printed only when `print_all`.
/// Returns (written, unchanged).
pub(crate) fn write_period(
    plan: &Plan,
    jobs: &[&Job],
    renderer: &Renderer,
    out: &Path,
    manifest: &mut Manifest,
    bar: &mut progress::Progress,
    print_all: bool,
) -> Result<(usize, usize), AppError> {
    if let Some(first) = jobs.first() {
        bar.start(&first.rel);
    }
    let rendered = crate::parallel::each(jobs, |j| {
        let model = plan.models.get(&(j.period, j.lang)).ok_or_else(|| {
            AppError::Render(RenderError::Pdf(format!(
                "internal: no model for {}",
                j.rel
            )))
        })?;
        renderer.render(model, j.output)
    });
    let mut files: Vec<(&Job, Vec<u8>)> = Vec::new();
    for (j, bytes) in jobs.iter().zip(rendered) {
        files.push((j, bytes?));
    }
    let (mut written, mut same) = (0usize, 0usize);
    for (j, bytes) in &files {
        let path = out.join(&j.rel);
        if std::fs::read(&path).is_ok_and(|old| old == *bytes) {
            same += 1;
            if print_all {
                bar.line(&path.display().to_string());
            }
        } else {
            output::write_atomic(&path, bytes).map_err(|cause| AppError::Write {
                path: path.clone(),
                cause,
            })?;
            written += 1;
            if print_all {
                bar.line(&path.display().to_string());
            } else {
                bar.line(&format!("{} ({})", path.display(), j.status.describe()));
            }
        }
        manifest.record(&j.rel, &j.inputs, bytes);
        bar.done();
    }
    save_manifest(manifest, out)?;
    Ok((written, same))
}

/// Writes the stale briefs of a `brief build` period by period, the
/// manifest saved after each: an interrupted build loses at most one
/// period's work and never leaves a half-written file. Temporary files of
/// killed runs go first. Returns (written, unchanged).
pub(crate) fn write_stale(
    plan: &Plan,
    stale: &[&Job],
    periods: &[Period],
    renderer: &Renderer,
    out: &Path,
    manifest: &mut Manifest,
    bar: &mut progress::Progress,
) -> Result<(usize, usize), AppError> {
    output::remove_stale_temps(out);
    for period in periods {
        output::remove_stale_temps(&out.join(period.slug()));
    }
    let (mut written, mut same) = (0usize, 0usize);
    for &period in periods {
        let todo: Vec<&Job> = stale
            .iter()
            .copied()
            .filter(|j| j.period == period)
            .collect();
        if !todo.is_empty() {
            let (w, s) = write_period(plan, &todo, renderer, out, manifest, bar, false)?;
            written += w;
            same += s;
        }
    }
    bar.finish();
    Ok((written, same))
}

/// Everything a `brief build` reads, as one fingerprint: the base of every
/// output's (program, config, templates, taxonomies, PDF standard, fonts),
/// every data file's path and bytes, the arguments that choose the briefs,
/// and `SOURCE_DATE_EPOCH`. Reading the files is cheap next to parsing them.
pub(crate) fn run_fingerprint(
    args: &MultiArgs,
    base: &Fingerprint,
    kinds: &[PeriodKind],
    langs: &[Lang],
    outputs: &[Output],
) -> String {
    let mut f = base.clone();
    // The base has the taxonomy files already.
    let taxonomy = args.common.data.join(load::TAXONOMY_DIR);
    for path in load::data_files(&args.common.data)
        .into_iter()
        .filter(|p| !p.starts_with(&taxonomy))
    {
        f.add(path.to_string_lossy().as_bytes());
        f.add(&std::fs::read(&path).unwrap_or_default());
    }
    f.add(
        format!(
            "{:?} {:?} {kinds:?} {langs:?} {outputs:?}",
            args.from, args.to
        )
        .as_bytes(),
    );
    f.add(
        std::env::var("SOURCE_DATE_EPOCH")
            .unwrap_or_default()
            .as_bytes(),
    );
    f.hex()
}

/// The periods a multi-brief run covers, of each kind in `kinds`, in time
/// order (a quarter before the half and the year that start with it):
/// with `from` and `to`, every period from the start of `from` to the end
/// of `to`, with events or not; otherwise those with an event counted in
/// them, within whichever bound is given.
pub(crate) fn periods_of(
    dataset: &Dataset,
    kinds: &[PeriodKind],
    from: Option<Period>,
    to: Option<Period>,
) -> Result<Vec<Period>, String> {
    let (first, last) = (from.map(Period::start), to.map(Period::end));
    if let (Some(a), Some(b)) = (first, last)
        && a > b
    {
        return Err(format!(
            "--from {} is after --to {}",
            from.map_or_else(String::new, |p| p.slug()),
            to.map_or_else(String::new, |p| p.slug())
        ));
    }
    let within =
        |p: &Period| first.is_none_or(|a| p.start() >= a) && last.is_none_or(|b| p.end() <= b);
    let mut out = std::collections::BTreeSet::new();
    for &kind in kinds {
        if let (Some(a), Some(b)) = (first, last) {
            let mut p = Period::of_kind(kind, a);
            while p.start() <= b {
                if within(&p) {
                    out.insert(p);
                }
                if out.len() > 1200 {
                    return Err("the range covers more than 100 years of periods".into());
                }
                p = p.next();
            }
            continue;
        }
        for e in &dataset.events {
            let p = Period::of_kind(kind, e.start.date);
            if p.counts(e.start) && within(&p) {
                out.insert(p);
            }
        }
    }
    Ok(out.into_iter().collect())
}
