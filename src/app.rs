//! The program's steps, in pipeline order: configuration, load, aggregate,
//! build the brief model, render, write. `main` only maps the outcome to an
//! exit code.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::aggregate::{self, AggregateOptions};
use crate::cli::{BuildArgs, Cli, Command, CommonArgs, ImportArgs, MultiArgs};
use crate::config::{Config, ConfigError};
use crate::incremental::{self, Fingerprint, Manifest, Status};
use crate::load::{self, Keep, LoadError, LoadOptions, Loaded};
use crate::model::{Lang, Quarter};
use crate::render::fonts::FontChoice;
use crate::render::{self, Format, RenderError};
use crate::standards::PdfStandards;
use crate::templates::{TemplateError, Templates};
use crate::{brief, diag, output, progress};

/// Why a run failed; decides the exit code.
#[derive(Debug)]
pub enum AppError {
    /// Bad arguments.
    Usage(String),
    Config(ConfigError),
    /// Invalid data; the diagnostics have been printed.
    Load(LoadError),
    Template(TemplateError),
    Render(RenderError),
    Write {
        path: PathBuf,
        cause: std::io::Error,
    },
    /// `brief check` found this many stale briefs.
    Stale(usize),
}

impl AppError {
    /// 2 for anything the user's input or arguments caused, 3 for stale
    /// briefs in `brief check`, 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self {
            AppError::Usage(_) | AppError::Config(_) | AppError::Load(_) => 2,
            AppError::Template(_) | AppError::Render(_) | AppError::Write { .. } => 1,
            AppError::Stale(_) => 3,
        }
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppError::Usage(m) => write!(f, "error: {m}"),
            AppError::Config(e) => write!(f, "{e}"),
            AppError::Load(e) => write!(f, "error: {e}; no brief was written"),
            AppError::Template(e) => write!(f, "{e}"),
            AppError::Render(e) => write!(f, "error: {e}"),
            AppError::Write { path, cause } => {
                write!(f, "error: failed to write {} ({cause})", path.display())
            }
            AppError::Stale(n) => write!(
                f,
                "error: {n} brief(s) are stale; run `brief build` to update them"
            ),
        }
    }
}

impl std::error::Error for AppError {}

pub fn run(cli: Cli) -> Result<(), AppError> {
    match cli.command {
        Some(Command::Validate(common)) => validate(&common),
        Some(Command::Import(args)) => import(&args),
        Some(Command::Build(args)) => build_many(&args, false),
        Some(Command::Check(args)) => build_many(&args, true),
        None => build(&cli.build),
    }
}

fn load_config(common: &CommonArgs) -> Result<Config, AppError> {
    let (path, required) = match &common.config {
        Some(p) => (p.clone(), true),
        None => (PathBuf::from("brief.toml"), false),
    };
    let config = Config::load(&path, required).map_err(AppError::Config)?;
    if common.verbose {
        eprintln!(
            "config: {}{}",
            path.display(),
            if path.exists() {
                ""
            } else {
                " (not found, defaults)"
            }
        );
    }
    Ok(config)
}

fn load_data(common: &CommonArgs, config: &Config, keep: Keep) -> Result<Loaded, AppError> {
    let options = LoadOptions {
        currencies: config.currencies(),
        keep,
    };
    match load::load_dir(&common.data, &options) {
        Ok(loaded) => {
            diag::print_all(&loaded.warnings);
            if common.verbose {
                for f in &loaded.files {
                    eprintln!("read: {}", f.display());
                }
                for n in &loaded.notes {
                    eprintln!("sheet: {n}");
                }
            }
            Ok(loaded)
        }
        Err(e) => {
            diag::print_all(&e.diagnostics);
            if e.not_shown > 0 {
                eprintln!("... and {} more errors not shown\n", e.not_shown);
            }
            Err(AppError::Load(e))
        }
    }
}

fn validate(common: &CommonArgs) -> Result<(), AppError> {
    let config = load_config(common)?;
    let loaded = load_data(common, &config, Keep::None)?;
    let d = &loaded.dataset;
    println!(
        "ok: {} events, {} sectors, {} regions, {} event kinds in {} files",
        loaded.valid_events,
        d.taxonomy.sectors.items.len(),
        d.taxonomy.regions.items.len(),
        d.taxonomy.kinds.items.len(),
        loaded.files.len()
    );
    Ok(())
}

fn import(args: &ImportArgs) -> Result<(), AppError> {
    let config = load_config(&args.common)?;
    let report = |e: LoadError| {
        diag::print_all(&e.diagnostics);
        AppError::Load(e)
    };
    let taxonomy = load::load_taxonomy(&args.common.data).map_err(report)?;
    let options = LoadOptions {
        currencies: config.currencies(),
        keep: Keep::All,
    };
    let (events, notes) = load::read_sheet(&args.file, &taxonomy, &options).map_err(report)?;
    if args.common.verbose {
        notes.iter().for_each(|n| eprintln!("sheet: {n}"));
    }
    let dir = args.common.data.join("events");
    let mut plan: Vec<(PathBuf, String)> = Vec::new();
    let (mut unchanged, mut conflicts) = (0usize, Vec::new());
    for e in &events {
        let yaml = load::record::to_yaml(e).map_err(|m| {
            AppError::Usage(format!("failed to write the record of `{}` ({m})", e.id))
        })?;
        let path = dir.join(format!("{}.yaml", e.id));
        match std::fs::read_to_string(&path) {
            Ok(old) if old == yaml => unchanged += 1,
            Ok(_) if !args.force => conflicts.push(path),
            _ => plan.push((path, yaml)),
        }
    }
    if !conflicts.is_empty() {
        for c in &conflicts {
            eprintln!(
                "error: {} exists and differs from the sheet's row",
                c.display()
            );
        }
        return Err(AppError::Usage(format!(
            "{} record(s) would be overwritten; nothing was written (use --force to overwrite)",
            conflicts.len()
        )));
    }
    for (path, yaml) in &plan {
        output::write_atomic(path, yaml.as_bytes()).map_err(|cause| AppError::Write {
            path: path.clone(),
            cause,
        })?;
        println!("{}", path.display());
    }
    eprintln!(
        "imported {} events from {}: {} written, {} unchanged",
        events.len(),
        args.file.display(),
        plan.len(),
        unchanged
    );
    Ok(())
}

/// Output formats; `json` writes the brief model itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Output {
    Render(Format),
    Json,
}

fn parse_outputs(list: &[String]) -> Result<Vec<Output>, AppError> {
    let mut out = Vec::new();
    for s in list.iter().filter(|s| !s.trim().is_empty()) {
        let o = match s.trim().to_ascii_lowercase().as_str() {
            "json" => Output::Json,
            other => Output::Render(Format::parse(other).ok_or_else(|| {
                AppError::Usage(format!("unknown format `{s}` (expected pdf, docx, xlsx or json)"))
            })?),
        };
        if !out.contains(&o) {
            out.push(o);
        }
    }
    if out.is_empty() {
        return Err(AppError::Usage(
            "no output format given (expected pdf, docx, xlsx or json)".into(),
        ));
    }
    Ok(out)
}

fn parse_langs(list: &[String], default: Lang) -> Result<Vec<Lang>, AppError> {
    let mut out = Vec::new();
    for s in list.iter().filter(|s| !s.trim().is_empty()) {
        let l = Lang::parse(s).ok_or_else(|| {
            AppError::Usage(format!("unknown language `{s}` (expected ko or en)"))
        })?;
        if !out.contains(&l) {
            out.push(l);
        }
    }
    if out.is_empty() {
        out.push(default);
    }
    Ok(out)
}

fn load_templates(arg: Option<&Path>, verbose: bool) -> Result<Templates, AppError> {
    let templates = match arg {
        Some(dir) => Templates::load(dir).map_err(AppError::Template)?,
        None if Path::new("templates").is_dir() => {
            Templates::load(Path::new("templates")).map_err(AppError::Template)?
        }
        None => Templates::builtin(),
    };
    if verbose {
        eprintln!("templates: {}", templates.origin);
    }
    Ok(templates)
}

/// The brief's charts as images for the DOCX. A chart that cannot be
/// drawn is left out with a warning: the DOCX still has its numbers.
fn docx_charts(
    model: &brief::Brief,
    templates: &Templates,
    fonts: &FontChoice,
) -> Vec<render::docx::Chart> {
    let charts = [
        ("sectors", "chart.sector_title"),
        ("matrix", "chart.matrix_title"),
        ("trend", "chart.month_title"),
    ];
    charts
        .iter()
        .filter_map(
            |(name, caption)| match fonts
                .typeset(|fonts| render::pdf::chart_png(model, templates, fonts, name))
            {
                Ok(png) => Some(render::docx::Chart {
                    name: name.to_string(),
                    png,
                    caption: model.labels.get(*caption).cloned().unwrap_or_default(),
                }),
                Err(e) => {
                    eprintln!("warning: the `{name}` chart is left out of the DOCX: {e}");
                    None
                }
            },
        )
        .collect()
}

/// What one run renders with: loaded once, fonts only when a brief is
/// actually rendered (a build with nothing to do never loads them).
struct Renderer<'a> {
    config: &'a Config,
    templates: &'a Templates,
    standard: PdfStandards,
    fonts: FontChoice,
}

impl<'a> Renderer<'a> {
    fn new(config: &'a Config, templates: &'a Templates, standard: PdfStandards) -> Self {
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
    fn render(&self, model: &brief::Brief, o: Output) -> Result<Vec<u8>, AppError> {
        match o {
            Output::Json => serde_json::to_vec_pretty(model)
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
            Output::Render(Format::Docx) => {
                let charts = docx_charts(model, self.templates, &self.fonts);
                let logo = model
                    .layout
                    .logo
                    .as_deref()
                    .and_then(|l| self.templates.get(l));
                let docx_fonts = render::docx::DocxFonts {
                    east_asia: self.config.docx_east_asia_font.clone(),
                    latin: self.config.docx_latin_font.clone(),
                };
                render::docx::render(model, &docx_fonts, &charts, logo).map_err(AppError::Render)
            }
        }
    }

    /// What every output shares of its fingerprint: the program, the
    /// configuration file, the template set, the taxonomy files, the PDF
    /// standard and the fonts on disk.
    fn base_fingerprint(&self, data: &Path) -> Fingerprint {
        let mut f = Fingerprint::new();
        f.add(concat!("brief ", env!("CARGO_PKG_VERSION")).as_bytes());
        f.add(&self.config.source);
        for (name, bytes) in self.templates.files() {
            f.add(name.as_bytes()).add(bytes);
        }
        // The taxonomy files as the loader finds them.
        for path in load::data_files(&data.join(load::TAXONOMY_DIR)) {
            f.add(path.to_string_lossy().as_bytes());
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

fn parse_standard(arg: Option<&str>, config: &Config) -> Result<PdfStandards, AppError> {
    match arg {
        None => Ok(config.pdf_standard.clone()),
        Some(s) => PdfStandards::parse(s).map_err(AppError::Usage),
    }
}

fn aggregate_options(config: &Config) -> AggregateOptions {
    AggregateOptions {
        home_country: config.home_country.clone(),
        base_currency: config.base_currency.clone(),
        rates: config.rates.clone(),
    }
}

/// The path of an output relative to the output folder, `/`-separated.
fn output_rel(config: &Config, quarter: Quarter, lang: Lang, o: Output) -> String {
    let ext = match o {
        Output::Json => "json",
        Output::Render(f) => f.extension(),
    };
    format!(
        "{}/{}.{ext}",
        quarter.slug(),
        config.output_stem(quarter, lang)
    )
}

fn build(args: &BuildArgs) -> Result<(), AppError> {
    let quarter_arg = args.quarter.as_deref().unwrap_or_default();
    let quarter = Quarter::parse(quarter_arg).map_err(AppError::Usage)?;
    let config = load_config(&args.common)?;
    let langs = parse_langs(&args.lang, config.language)?;
    let outputs = parse_outputs(&args.format)?;
    let standard = parse_standard(args.render.pdf_standard.as_deref(), &config)?;
    let templates = load_templates(args.render.template.as_deref(), args.common.verbose)?;
    // A brief reads its last four quarters and the same quarter a year
    // before; other events are validated but not kept.
    let keep = Keep::Quarters(aggregate::quarters_needed(quarter));
    let loaded = load_data(&args.common, &config, keep)?;
    let renderer = Renderer::new(&config, &templates, standard);
    let base = renderer.base_fingerprint(&args.common.data);
    let mut manifest = Manifest::load(&args.render.out);
    let plan = Plan::make(
        &PlanInput {
            loaded: &loaded,
            renderer: &renderer,
            base: &base,
            langs: &langs,
            outputs: &outputs,
            manifest: &manifest,
            out: &args.render.out,
        },
        &[quarter],
        Keeping::All,
    )?;
    // The files are recorded in the output folder's manifest, so a later
    // `brief build` or `brief check` knows them.
    let jobs: Vec<&Job> = plan.jobs.iter().collect();
    let mut bar = progress::Progress::new(progress::Mode::Plain, jobs.len());
    write_quarter(
        &plan,
        &jobs,
        &renderer,
        &args.render.out,
        &mut manifest,
        &mut bar,
        true,
    )?;
    Ok(())
}

fn model_bytes(model: &brief::Brief) -> Result<Vec<u8>, AppError> {
    serde_json::to_vec(model).map_err(|e| AppError::Render(RenderError::Pdf(e.to_string())))
}

fn save_manifest(manifest: &Manifest, out: &Path) -> Result<(), AppError> {
    manifest.save(out).map_err(|cause| AppError::Write {
        path: out.join(incremental::MANIFEST),
        cause,
    })
}

/// One output of a build and whether it is stale.
struct Job {
    quarter: Quarter,
    lang: Lang,
    output: Output,
    rel: String,
    inputs: String,
    status: Status,
}

/// What planning reads.
struct PlanInput<'a> {
    loaded: &'a Loaded,
    renderer: &'a Renderer<'a>,
    /// `Renderer::base_fingerprint`, computed once per run.
    base: &'a Fingerprint,
    langs: &'a [Lang],
    outputs: &'a [Output],
    manifest: &'a Manifest,
    out: &'a Path,
}

/// Which brief models a plan keeps for rendering.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keeping {
    /// Every brief's (`brief -q` renders them all).
    All,
    /// Those with a stale output (`brief build`).
    Stale,
    /// None (`brief check` renders nothing).
    None,
}

/// Every output of some quarters × languages × formats with its
/// fingerprint and state, and the brief models of those to render.
struct Plan {
    jobs: Vec<Job>,
    models: std::collections::HashMap<(Quarter, Lang), brief::Brief>,
}

impl Plan {
    /// Builds each brief model (cheap next to rendering) and fingerprints
    /// its outputs; keeps the models `keeping` says.
    fn make(input: &PlanInput, quarters: &[Quarter], keeping: Keeping) -> Result<Plan, AppError> {
        let r = input.renderer;
        let options = aggregate_options(r.config);
        let mut plan = Plan {
            jobs: Vec::new(),
            models: std::collections::HashMap::new(),
        };
        for &quarter in quarters {
            let report = aggregate::quarter_report(&input.loaded.dataset, quarter, &options);
            for &lang in input.langs {
                let model = brief::build(
                    &input.loaded.dataset,
                    report.clone(),
                    quarter,
                    lang,
                    r.config,
                    r.templates,
                )
                .map_err(AppError::Template)?;
                let model_json = model_bytes(&model)?;
                let mut stale = false;
                for &o in input.outputs {
                    let rel = output_rel(r.config, quarter, lang, o);
                    let mut f = input.base.clone();
                    f.add(rel.as_bytes()).add(&model_json);
                    let inputs = f.hex();
                    let status = input.manifest.status(input.out, &rel, &inputs);
                    stale |= status != Status::Fresh;
                    plan.jobs.push(Job {
                        quarter,
                        lang,
                        output: o,
                        rel,
                        inputs,
                        status,
                    });
                }
                if keeping == Keeping::All || (keeping == Keeping::Stale && stale) {
                    plan.models.insert((quarter, lang), model);
                }
            }
        }
        Ok(plan)
    }
}

/// `f` of every item, on as many threads as the machine has cores (the
/// outputs of a quarter are independent); results in the items' order.
fn in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(&f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        done.push((i, f(item)));
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// Renders `jobs` (one quarter's) first and writes them after, so a
/// failure leaves every existing file untouched; records each in the
/// manifest and saves it. A file whose bytes are already there is left
/// alone (its modification time too), and printed only when `print_all`.
/// Returns (written, unchanged).
fn write_quarter(
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
    let rendered = in_parallel(jobs, |j| {
        let model = plan.models.get(&(j.quarter, j.lang)).ok_or_else(|| {
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

/// The quarters a multi-quarter run covers: the range given, else every
/// quarter that has an event.
fn quarters_of(args: &MultiArgs, loaded: &Loaded) -> Result<Vec<Quarter>, AppError> {
    let parse = |s: &Option<String>| -> Result<Option<Quarter>, AppError> {
        s.as_deref()
            .map(|q| Quarter::parse(q).map_err(AppError::Usage))
            .transpose()
    };
    let with_data: std::collections::BTreeSet<Quarter> = loaded
        .dataset
        .events
        .iter()
        .filter_map(|e| e.quarter())
        .collect();
    let (from, to) = (parse(&args.from)?, parse(&args.to)?);
    let (Some(first), Some(last)) = (
        from.or_else(|| with_data.first().copied()),
        to.or_else(|| with_data.last().copied()),
    ) else {
        return Ok(Vec::new());
    };
    if first > last {
        return Err(AppError::Usage(format!(
            "--from {} is after --to {}",
            first.slug(),
            last.slug()
        )));
    }
    let mut out = Vec::new();
    let mut q = first;
    while q <= last {
        if from.is_some() && to.is_some() || with_data.contains(&q) {
            out.push(q);
        }
        if out.len() > 400 {
            return Err(AppError::Usage(
                "the range covers more than 100 years of quarters".into(),
            ));
        }
        q = q.next();
    }
    Ok(out)
}

/// Everything a `brief build` reads, as one fingerprint: the base of every
/// output's (program, config, templates, taxonomies, PDF standard, fonts),
/// every data file's path and bytes, the arguments that choose the briefs,
/// and `SOURCE_DATE_EPOCH`. Reading the files is cheap next to parsing them.
fn run_fingerprint(
    args: &MultiArgs,
    base: &Fingerprint,
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
    f.add(format!("{:?} {:?} {langs:?} {outputs:?}", args.from, args.to).as_bytes());
    f.add(
        std::env::var("SOURCE_DATE_EPOCH")
            .unwrap_or_default()
            .as_bytes(),
    );
    f.hex()
}

/// `brief build` (and, with `check_only`, `brief check`).
fn build_many(args: &MultiArgs, check_only: bool) -> Result<(), AppError> {
    let started = std::time::Instant::now();
    let config = load_config(&args.common)?;
    let langs = if args.lang.is_empty() {
        config.build_languages.clone()
    } else {
        parse_langs(&args.lang, config.language)?
    };
    let outputs = if args.format.is_empty() {
        parse_outputs(&config.build_formats)?
    } else {
        parse_outputs(&args.format)?
    };
    let standard = parse_standard(args.render.pdf_standard.as_deref(), &config)?;
    let mode = progress::Mode::parse(&args.progress).ok_or_else(|| {
        AppError::Usage(format!(
            "unknown progress mode `{}` (expected auto, bar or plain)",
            args.progress
        ))
    })?;
    let templates = load_templates(args.render.template.as_deref(), args.common.verbose)?;
    let renderer = Renderer::new(&config, &templates, standard);
    let mut manifest = Manifest::load(&args.render.out);

    // Nothing changed since the last complete build (same files, arguments
    // and environment, outputs as written): done, without parsing the data.
    let base = renderer.base_fingerprint(&args.common.data);
    let run_inputs = run_fingerprint(args, &base, &langs, &outputs);
    if !check_only && manifest.run_is_fresh(&args.render.out, &run_inputs) {
        eprintln!(
            "up to date: no input changed since the last build ({:.2} s)",
            started.elapsed().as_secs_f64()
        );
        return Ok(());
    }

    let loaded = load_data(&args.common, &config, Keep::All)?;
    let quarters = quarters_of(args, &loaded)?;
    let plan = Plan::make(
        &PlanInput {
            loaded: &loaded,
            renderer: &renderer,
            base: &base,
            langs: &langs,
            outputs: &outputs,
            manifest: &manifest,
            out: &args.render.out,
        },
        &quarters,
        if check_only {
            Keeping::None
        } else {
            Keeping::Stale
        },
    )?;
    let jobs = &plan.jobs;
    let stale: Vec<&Job> = jobs.iter().filter(|j| j.status != Status::Fresh).collect();

    if check_only {
        for j in &stale {
            println!("stale: {} ({})", j.rel, j.status.describe());
        }
        eprintln!(
            "{} events valid; {} of {} briefs stale across {} quarters",
            loaded.valid_events,
            stale.len(),
            jobs.len(),
            quarters.len()
        );
        return if stale.is_empty() {
            Ok(())
        } else {
            Err(AppError::Stale(stale.len()))
        };
    }

    // Quarter by quarter, the manifest saved after each: an interrupted
    // build loses at most one quarter's work and never leaves a
    // half-written file. Temporary files of killed runs go first.
    output::remove_stale_temps(&args.render.out);
    for quarter in &quarters {
        output::remove_stale_temps(&args.render.out.join(quarter.slug()));
    }
    let mut bar = progress::Progress::new(mode, stale.len());
    let (mut written, mut same) = (0usize, 0usize);
    for &quarter in &quarters {
        let todo: Vec<&Job> = stale
            .iter()
            .copied()
            .filter(|j| j.quarter == quarter)
            .collect();
        if !todo.is_empty() {
            let (w, s) = write_quarter(
                &plan,
                &todo,
                &renderer,
                &args.render.out,
                &mut manifest,
                &mut bar,
                false,
            )?;
            written += w;
            same += s;
        }
    }
    bar.finish();
    // The build is complete: remember it, so the next one with the same
    // inputs can stop early.
    if written + same > 0 || !manifest.has_run(&run_inputs) {
        manifest.record_run(&run_inputs, jobs.iter().map(|j| j.rel.clone()).collect());
        save_manifest(&manifest, &args.render.out)?;
    }
    eprintln!(
        "{} briefs in {} quarters: {} written, {} unchanged, {} up to date ({:.2} s)",
        jobs.len(),
        quarters.len(),
        written,
        same,
        jobs.len() - stale.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
