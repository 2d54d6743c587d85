//! The program's steps, in pipeline order: configuration, load, aggregate,
//! build the brief model, render, write. `main` only maps the outcome to an
//! exit code.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::aggregate::{self, AggregateOptions};
use crate::cli::{BuildArgs, Cli, Command, CommonArgs, ImportArgs};
use crate::config::{Config, ConfigError};
use crate::load::{self, Keep, LoadError, LoadOptions, Loaded};
use crate::model::{Lang, Quarter};
use crate::render::{self, Format, RenderError};
use crate::templates::{TemplateError, Templates};
use crate::{brief, diag, output};

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
}

impl AppError {
    /// 2 for anything the user's input or arguments caused, 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self {
            AppError::Usage(_) | AppError::Config(_) | AppError::Load(_) => 2,
            AppError::Template(_) | AppError::Render(_) | AppError::Write { .. } => 1,
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
        }
    }
}

impl std::error::Error for AppError {}

pub fn run(cli: Cli) -> Result<(), AppError> {
    match cli.command {
        Some(Command::Validate(common)) => validate(&common),
        Some(Command::Import(args)) => import(&args),
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
                AppError::Usage(format!("unknown format `{s}` (expected pdf, docx or json)"))
            })?),
        };
        if !out.contains(&o) {
            out.push(o);
        }
    }
    if out.is_empty() {
        return Err(AppError::Usage(
            "no output format given (expected pdf, docx or json)".into(),
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
    fonts: &render::pdf::Fonts,
) -> Vec<render::docx::Chart> {
    let charts = [
        ("sectors", "chart.sector_title"),
        ("matrix", "chart.matrix_title"),
        ("trend", "chart.month_title"),
    ];
    charts
        .iter()
        .filter_map(
            |(name, caption)| match render::pdf::chart_png(model, templates, fonts, name) {
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

fn build(args: &BuildArgs) -> Result<(), AppError> {
    let quarter_arg = args.quarter.as_deref().unwrap_or_default();
    let quarter = Quarter::parse(quarter_arg).map_err(AppError::Usage)?;
    let config = load_config(&args.common)?;
    let langs = parse_langs(&args.lang, config.language)?;
    let outputs = parse_outputs(&args.format)?;
    let standard = match args.pdf_standard.as_deref() {
        None => config.pdf_standard,
        Some(s) => render::pdf::Standard::parse(s).ok_or_else(|| {
            AppError::Usage(format!(
                "unknown PDF standard `{s}` (expected a-2b, a-3b or none)"
            ))
        })?,
    };
    let templates = load_templates(args.template.as_deref(), args.common.verbose)?;
    // A brief reads its last four quarters and the same quarter a year
    // before; other events are validated but not kept.
    let keep = Keep::Quarters(aggregate::quarters_needed(quarter));
    let loaded = load_data(&args.common, &config, keep)?;

    let options = AggregateOptions {
        home_country: config.home_country.clone(),
        base_currency: config.base_currency.clone(),
        rates: config.rates.clone(),
    };
    let report = aggregate::quarter_report(&loaded.dataset, quarter, &options);

    // Typst typesets the PDF and draws the DOCX's charts.
    let fonts = outputs
        .iter()
        .any(|o| matches!(o, Output::Render(_)))
        .then(|| render::pdf::Fonts::load(&config.font_paths, config.system_fonts));
    let docx_fonts = render::docx::DocxFonts {
        east_asia: config.docx_east_asia_font.clone(),
        latin: config.docx_latin_font.clone(),
    };

    let dir = args.out.join(quarter.slug());
    // Render everything first, write afterwards: a failure in any brief
    // leaves every existing file untouched.
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for &lang in &langs {
        let model = brief::build(
            &loaded.dataset,
            report.clone(),
            quarter,
            lang,
            &config,
            &templates,
        )
        .map_err(AppError::Template)?;
        let stem = config.output_stem(quarter, lang);
        for &o in &outputs {
            let (ext, bytes) = match o {
                Output::Json => (
                    "json",
                    serde_json::to_vec_pretty(&model)
                        .map_err(|e| AppError::Render(RenderError::Pdf(e.to_string())))?,
                ),
                Output::Render(Format::Pdf) => {
                    let fonts = fonts.as_ref().ok_or_else(|| {
                        AppError::Render(RenderError::Pdf("fonts not loaded".into()))
                    })?;
                    let (bytes, warnings) =
                        render::pdf::render(&model, &templates, fonts, standard)
                            .map_err(AppError::Render)?;
                    for w in warnings {
                        eprintln!("warning: {w}");
                    }
                    ("pdf", bytes)
                }
                Output::Render(Format::Docx) => {
                    let charts = fonts
                        .as_ref()
                        .map(|f| docx_charts(&model, &templates, f))
                        .unwrap_or_default();
                    let logo = model.layout.logo.as_deref().and_then(|l| templates.get(l));
                    let bytes = render::docx::render(&model, &docx_fonts, &charts, logo)
                        .map_err(AppError::Render)?;
                    ("docx", bytes)
                }
            };
            files.push((dir.join(format!("{stem}.{ext}")), bytes));
        }
    }
    for (path, bytes) in &files {
        output::write_atomic(path, bytes).map_err(|cause| AppError::Write {
            path: path.clone(),
            cause,
        })?;
        println!("{}", path.display());
    }
    Ok(())
}
