//! The program's steps, in pipeline order: configuration, load, aggregate,
//! build the brief model, render, write. `main` only maps the outcome to an
//! exit code.

use std::path::{Path, PathBuf};

use crate::aggregate;
use crate::cli::{BuildArgs, Cli, Command, CommonArgs, DraftArgs, ImportArgs, MultiArgs};
use crate::config::Config;
use crate::incremental::{Manifest, Status};
use crate::load::{self, Keep, LoadError, LoadOptions, Loaded};
use crate::model::Lang;
use crate::period::{self, Period};
use crate::plan::{
    Job, Keeping, Output, Plan, PlanInput, Renderer, periods_of, run_fingerprint, save_manifest,
    write_period, write_stale,
};
use crate::render::Format;
use crate::standards::PdfStandards;
use crate::templates::Templates;
use crate::{diag, output, progress};

pub use crate::error::AppError;

pub fn run(cli: Cli) -> Result<(), AppError> {
    match cli.command {
        Some(Command::Validate(common)) => validate(&common),
        Some(Command::Import(args)) => import(&args),
        Some(Command::Draft(args)) => draft(&args),
        Some(Command::Build(args)) => build_many(&args, false),
        Some(Command::Check(args)) => build_many(&args, true),
        None => build(&cli.build),
    }
}

fn load_config(common: &CommonArgs) -> Result<Config, AppError> {
    let (path, required) = match &common.config {
        Some(p) => (Some(p.clone()), true),
        None => (crate::config::discover(&common.data), false),
    };
    let config = match &path {
        Some(path) => Config::load(path, required).map_err(AppError::Config)?,
        None => Config::default(),
    };
    if common.verbose {
        match &path {
            Some(p) => eprintln!("config: {}", p.display()),
            None => eprintln!("config: {}", crate::config::NOT_FOUND),
        }
    }
    Ok(config)
}

/// What the loader needs of the configuration.
fn load_options(config: &Config, keep: Keep) -> Result<LoadOptions, AppError> {
    let columns = load::sheet::column_mapping(&config.sheet_columns).map_err(|p| {
        AppError::Usage(format!(
            "{}\n  = hint: {}",
            p.message,
            p.hint.unwrap_or_default()
        ))
    })?;
    Ok(LoadOptions {
        currencies: config.currencies(),
        keep,
        columns,
        config: config.described(),
    })
}

fn load_data(common: &CommonArgs, config: &Config, keep: Keep) -> Result<Loaded, AppError> {
    let options = load_options(config, keep)?;
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
            if common.verbose {
                for f in &e.files {
                    eprintln!("read: {}", f.display());
                }
                for n in &e.notes {
                    eprintln!("sheet: {n}");
                }
            }
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
    let options = load_options(&config, Keep::All)?;
    let read = load::read_sheet(&args.file, &taxonomy, &options).map_err(report)?;
    if args.common.verbose {
        read.notes.iter().for_each(|n| eprintln!("sheet: {n}"));
    }
    diag::print_all(&read.warnings);
    let events = read.events;
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
    set_sheet_aside(args)
}

/// `brief draft`: each article's events as draft records in the drafts
/// folder, and a summary of what was found and left undecided.
fn draft(args: &DraftArgs) -> Result<(), AppError> {
    let taxonomy = load::load_taxonomy(&args.common.data).map_err(|e| {
        diag::print_all(&e.diagnostics);
        AppError::Load(e)
    })?;
    let published = published_arg(args.published.as_deref())?;
    let gazetteer = crate::draft::Gazetteer::new(&taxonomy);
    let dir = args
        .out
        .clone()
        .unwrap_or_else(|| args.common.data.join("drafts"));
    // Read in order, draft on every core, write in order.
    let inputs: Vec<Result<Vec<u8>, String>> = args.files.iter().map(|f| read_article(f)).collect();
    let drafted = crate::parallel::each(&inputs, |input| {
        let bytes = input.as_ref().map_err(|m| format!(": {m}"))?;
        crate::draft::draft(bytes, published, &taxonomy, &gazetteer)
            .map_err(|crate::draft::NotText(m)| format!(" is not an article: {m}"))
    });
    let (mut written, mut refused) = (0usize, 0usize);
    for (file, result) in args.files.iter().zip(drafted) {
        let name = file.display().to_string();
        match result {
            Ok(article) => {
                written += write_drafts(&article, &name, &dir, &args.common.data, &taxonomy)?;
            }
            Err(m) => {
                eprintln!("error: {name}{m}");
                refused += 1;
            }
        }
    }
    eprintln!(
        "drafted {written} event(s) from {} article(s) into {}",
        args.files.len() - refused,
        dir.display()
    );
    if refused > 0 {
        return Err(AppError::Usage(format!(
            "{refused} file(s) could not be read as articles"
        )));
    }
    Ok(())
}

/// `--published`, read as the sheet reader reads dates.
fn published_arg(arg: Option<&str>) -> Result<Option<crate::model::FuzzyDate>, AppError> {
    arg.map(|p| {
        load::human::date(p).map_err(|m| {
            AppError::Usage(format!(
                "--published `{p}`: {m}; {}",
                load::human::DATE_FORMS
            ))
        })
    })
    .transpose()
}

/// Writes an article's drafts into `dir` (never over a file), printing
/// each path and summary, and a note where `data/events/` already has a
/// record of that name. Returns how many were written.
fn write_drafts(
    article: &crate::draft::Article,
    name: &str,
    dir: &Path,
    data: &Path,
    taxonomy: &crate::model::Taxonomy,
) -> Result<usize, AppError> {
    if article.events.is_empty() {
        eprintln!("{name}: no article text found (no sentences in the page)");
    }
    for d in &article.events {
        let yaml = crate::draft::to_yaml(d, name, taxonomy);
        let file = crate::draft::file_name(d);
        let path =
            output::write_new(dir, &file, yaml.as_bytes()).map_err(|cause| AppError::Write {
                path: dir.to_path_buf(),
                cause,
            })?;
        println!("{}", path.display());
        let existing = data.join("events").join(&file);
        if existing.exists() {
            eprintln!(
                "  note: {} exists; compare before moving the draft",
                existing.display()
            );
        }
        eprintln!("{}", crate::draft::summary(d, article));
    }
    Ok(article.events.len())
}

/// The bytes of an article file, or of standard input for `-`, at most
/// `draft::MAX_BYTES`.
fn read_article(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let limit = crate::draft::MAX_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    read.map_err(|e| format!("cannot be read ({e})"))?;
    Ok(bytes)
}

/// A sheet imported from inside the data folder goes to DATA/imported/,
/// which the loader does not read: its rows now live in the records, and
/// reading both would give every event twice.
fn set_sheet_aside(args: &ImportArgs) -> Result<(), AppError> {
    let data = &args.common.data;
    let (Ok(sheet), Ok(root)) = (
        std::fs::canonicalize(&args.file),
        std::fs::canonicalize(data),
    ) else {
        return Ok(());
    };
    let aside = root.join(load::IGNORED_DIRS[0]);
    let unread = load::IGNORED_DIRS
        .iter()
        .any(|d| sheet.starts_with(root.join(d)));
    if !sheet.starts_with(&root) || unread {
        return Ok(());
    }
    // A link is left alone: moving its target would leave it dangling.
    if std::fs::symlink_metadata(&args.file).is_ok_and(|m| m.file_type().is_symlink()) {
        eprintln!(
            "note: {} is a link; it stays, so the next run reads its rows beside the records (move it out of the data folder)",
            args.file.display()
        );
        return Ok(());
    }
    if args.keep_sheet {
        eprintln!(
            "note: {} stays in the data folder (--keep-sheet); its rows and the records made from them will both be read, so the next run reports duplicate ids until one of them goes",
            args.file.display()
        );
        return Ok(());
    }
    let name = sheet
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string();
    let mut target = aside.join(&name);
    let mut n = 1;
    while target.exists() {
        target = aside.join(format!("{n}-{name}"));
        n += 1;
    }
    let moved = std::fs::create_dir_all(&aside).and_then(|()| std::fs::rename(&sheet, &target));
    moved.map_err(|cause| AppError::Write {
        path: target.clone(),
        cause,
    })?;
    eprintln!(
        "moved {} to {}: the records replace it, and brief does not read {}/ (use --keep-sheet to leave it)",
        args.file.display(),
        target.display(),
        load::IGNORED_DIRS[0]
    );
    Ok(())
}

fn parse_outputs(list: &[String]) -> Result<Vec<Output>, AppError> {
    let mut out = Vec::new();
    for s in list.iter().filter(|s| !s.trim().is_empty()) {
        let o = match s.trim().to_ascii_lowercase().as_str() {
            "json" => Output::Json,
            other => Output::Render(Format::parse(other).ok_or_else(|| {
                AppError::Usage(format!(
                    "unknown format `{s}` (expected pdf, docx, hwpx, xlsx or json)"
                ))
            })?),
        };
        if !out.contains(&o) {
            out.push(o);
        }
    }
    if out.is_empty() {
        return Err(AppError::Usage(
            "no output format given (expected pdf, docx, hwpx, xlsx or json)".into(),
        ));
    }
    Ok(out)
}

fn parse_langs(list: &[String], default: Lang) -> Result<Vec<Lang>, AppError> {
    Lang::parse_list(list, default)
        .map_err(|s| AppError::Usage(format!("unknown language `{s}` (expected ko or en)")))
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

fn parse_standard(arg: Option<&str>, config: &Config) -> Result<PdfStandards, AppError> {
    match arg {
        None => Ok(config.pdf_standard.clone()),
        Some(s) => PdfStandards::parse(s).map_err(AppError::Usage),
    }
}

/// The one period `brief --quarter/--half/--year/--from --to` asks for.
fn period_arg(args: &BuildArgs) -> Result<Period, AppError> {
    let p = match (&args.quarter, &args.half, &args.year, &args.from, &args.to) {
        (Some(q), ..) => Period::parse_quarter(q),
        (_, Some(h), ..) => Period::parse_half(h),
        (_, _, Some(y), ..) => Period::parse_year(y),
        (_, _, _, Some(from), Some(to)) => period::parse_month(from)
            .and_then(|a| period::parse_month(to).map(|b| (a, b)))
            .and_then(|(a, b)| Period::months_between(a, b)),
        _ => Err("give one period: --quarter 2025Q2, --half 2025H1, --year 2025, or --from 2025-03 --to 2025-08".into()),
    };
    p.map_err(AppError::Usage)
}

fn build(args: &BuildArgs) -> Result<(), AppError> {
    let period = period_arg(args)?;
    let config = load_config(&args.common)?;
    let langs = parse_langs(&args.lang, config.language)?;
    let outputs = parse_outputs(&args.format)?;
    let standard = parse_standard(args.render.pdf_standard.as_deref(), &config)?;
    let templates = load_templates(args.render.template.as_deref(), args.common.verbose)?;
    // A brief reads its period and those it is compared with (these without
    // their words); other events are validated but not kept.
    let keep = aggregate::keep_for(period);
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
        &[period],
        Keeping::All,
    )?;
    // The files are recorded in the output folder's manifest, so a later
    // `brief build` or `brief check` knows them.
    let jobs: Vec<&Job> = plan.jobs.iter().collect();
    let mut bar = progress::Progress::new(progress::Mode::Plain, jobs.len());
    write_period(
        &plan,
        &jobs,
        &renderer,
        &args.render.out,
        &mut manifest,
        &mut bar,
        true,
    )?;
    // The run ends here: leave the data set and the models to the operating
    // system instead of freeing a million events one by one.
    drop(jobs);
    std::mem::forget(plan);
    std::mem::forget(loaded);
    Ok(())
}

/// What `brief build` and `brief check` are asked for: the arguments, or
/// the configuration's defaults where none are given.
struct MultiSettings {
    langs: Vec<Lang>,
    outputs: Vec<Output>,
    kinds: Vec<period::PeriodKind>,
    from: Option<Period>,
    to: Option<Period>,
    standard: PdfStandards,
    mode: progress::Mode,
}

fn multi_settings(args: &MultiArgs, config: &Config) -> Result<MultiSettings, AppError> {
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
    let kinds = if args.periods.is_empty() {
        config.build_periods.clone()
    } else {
        period::kinds(&args.periods)
            .map_err(|e| AppError::Usage(format!("{e} in --periods ({})", period::KINDS_HINT)))?
    };
    let bound = |s: &Option<String>| -> Result<Option<Period>, AppError> {
        s.as_deref()
            .map(|p| Period::parse(p).map_err(AppError::Usage))
            .transpose()
    };
    let mode = progress::Mode::parse(&args.progress).ok_or_else(|| {
        AppError::Usage(format!(
            "unknown progress mode `{}` (expected auto, bar or plain)",
            args.progress
        ))
    })?;
    Ok(MultiSettings {
        langs,
        outputs,
        kinds,
        from: bound(&args.from)?,
        to: bound(&args.to)?,
        standard: parse_standard(args.render.pdf_standard.as_deref(), config)?,
        mode,
    })
}

/// `brief build` (and, with `check_only`, `brief check`).
fn build_many(args: &MultiArgs, check_only: bool) -> Result<(), AppError> {
    let started = std::time::Instant::now();
    let config = load_config(&args.common)?;
    let set = multi_settings(args, &config)?;
    let templates = load_templates(args.render.template.as_deref(), args.common.verbose)?;
    let renderer = Renderer::new(&config, &templates, set.standard);
    let mut manifest = Manifest::load(&args.render.out);

    // Nothing changed since the last complete build (same files, arguments
    // and environment, outputs as written): done, without parsing the data.
    let base = renderer.base_fingerprint(&args.common.data);
    let run_inputs = run_fingerprint(args, &base, &set.kinds, &set.langs, &set.outputs);
    if !check_only && manifest.run_is_fresh(&args.render.out, &run_inputs) {
        eprintln!(
            "up to date: no input changed since the last build ({:.2} s)",
            started.elapsed().as_secs_f64()
        );
        return Ok(());
    }

    let loaded = load_data(&args.common, &config, Keep::All)?;
    let periods =
        periods_of(&loaded.dataset, &set.kinds, set.from, set.to).map_err(AppError::Usage)?;
    let plan = Plan::make(
        &PlanInput {
            loaded: &loaded,
            renderer: &renderer,
            base: &base,
            langs: &set.langs,
            outputs: &set.outputs,
            manifest: &manifest,
            out: &args.render.out,
        },
        &periods,
        if check_only {
            Keeping::None
        } else {
            Keeping::Stale
        },
    )?;
    let jobs = &plan.jobs;
    let stale: Vec<&Job> = jobs.iter().filter(|j| j.status != Status::Fresh).collect();
    if check_only {
        return report_stale(&stale, loaded.valid_events, jobs.len(), periods.len());
    }
    let mut bar = progress::Progress::new(set.mode, stale.len());
    let (written, same) = write_stale(
        &plan,
        &stale,
        &periods,
        &renderer,
        &args.render.out,
        &mut manifest,
        &mut bar,
    )?;
    // The build is complete: remember it, so the next one with the same
    // inputs can stop early.
    if written + same > 0 || !manifest.has_run(&run_inputs) {
        manifest.record_run(&run_inputs, jobs.iter().map(|j| j.rel.clone()).collect());
        save_manifest(&manifest, &args.render.out)?;
    }
    eprintln!(
        "{} briefs in {} periods: {} written, {} unchanged, {} up to date ({:.2} s)",
        jobs.len(),
        periods.len(),
        written,
        same,
        jobs.len() - stale.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `brief check`: the stale briefs, one a line, and an error when any is.
fn report_stale(
    stale: &[&Job],
    valid_events: usize,
    jobs: usize,
    periods: usize,
) -> Result<(), AppError> {
    for j in stale {
        println!("stale: {} ({})", j.rel, j.status.describe());
    }
    eprintln!(
        "{valid_events} events valid; {} of {jobs} briefs stale across {periods} periods",
        stale.len()
    );
    if stale.is_empty() {
        Ok(())
    } else {
        Err(AppError::Stale(stale.len()))
    }
}
