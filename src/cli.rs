//! Command-line definitions only: what the user typed, before validation.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Turns records of industrial-cooperation events into quarterly,
/// half-year and annual policy briefs (PDF and DOCX, Korean and English).
/// Give one period: --quarter, --half, --year, or --from and --to.
#[derive(Debug, Parser)]
#[command(name = "brief", version, about, long_about = None, after_help = EXIT_CODES)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub build: BuildArgs,
}

pub const EXIT_CODES: &str = "Exit codes:\n  0  success\n  1  runtime failure (fonts, templates, writing files)\n  2  invalid input data, configuration or usage\n  3  `brief check`: some briefs are stale (data valid)";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the data folder and report every problem; writes nothing.
    Validate(CommonArgs),
    /// Turn a CSV or XLSX sheet into YAML records under DATA/events/, one
    /// per event. A record that exists and differs is not overwritten
    /// without --force; nothing is written if any would be.
    Import(ImportArgs),
    /// Draft event records from news articles or press releases (plain
    /// text or saved HTML pages; `-` reads standard input) into
    /// DATA/drafts/, which the loader does not read. Every value quotes the
    /// article; check a draft, then move it into DATA/events/.
    Draft(DraftArgs),
    /// Build the briefs of every period that has events (or of a range):
    /// quarters, halves and years as `[output] periods` or --periods say,
    /// in every configured language and format, redoing only those whose
    /// inputs changed since the last build into the same folder.
    Build(MultiArgs),
    /// Validate the data and list the briefs that `brief build` would
    /// redo; writes nothing. Exits 2 on invalid data, 3 when any brief is
    /// stale.
    Check(MultiArgs),
}

#[derive(Debug, Clone, Args)]
pub struct MultiArgs {
    /// Build from the start of this period (2024Q1, 2024H1, 2024 or
    /// 2024-03); with --to, every period in between is built, even one
    /// without events.
    #[arg(long, value_name = "PERIOD")]
    pub from: Option<String>,

    /// Build up to the end of this period.
    #[arg(long, value_name = "PERIOD")]
    pub to: Option<String>,

    /// Kinds of period to build: quarter, half, year [default: the
    /// configuration's `[output] periods`, else quarter].
    #[arg(long, value_name = "KINDS", value_delimiter = ',')]
    pub periods: Vec<String>,

    /// Language(s) [default: the configuration's [output] languages].
    #[arg(short, long, value_name = "LANG", value_delimiter = ',')]
    pub lang: Vec<String>,

    /// Format(s): pdf, docx, hwpx (Hancom 한글), xlsx (the annex workbook),
    /// json [default: the configuration's [output] formats, else
    /// pdf,docx,xlsx].
    #[arg(short, long, value_name = "FORMATS", value_delimiter = ',')]
    pub format: Vec<String>,

    /// Progress display: auto (a bar on a terminal, plain lines otherwise
    /// or when CI is set), bar, plain.
    #[arg(long, value_name = "MODE", default_value = "auto")]
    pub progress: String,

    #[command(flatten)]
    pub render: RenderArgs,

    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The sheet to import (.csv or .xlsx).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Overwrite records that already exist with different content.
    #[arg(long)]
    pub force: bool,

    /// Leave a sheet that is inside the data folder where it is. By default
    /// it is moved to DATA/imported/ (which the loader does not read), so
    /// its rows are not read twice beside the records made from them.
    #[arg(long)]
    pub keep_sheet: bool,

    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Debug, Clone, Args)]
pub struct DraftArgs {
    /// Articles to read (.txt or .html); `-` for standard input.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// The publication date (2025-06-19, 2025-06 or 2025), for pages that
    /// do not print it; dates such as "지난 12일" are read against it.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,

    /// Folder for the drafts [default: DATA/drafts]. Existing files are
    /// never overwritten: a draft whose name is taken gets a suffix.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Debug, Clone, Args)]
pub struct CommonArgs {
    /// Folder with event records (YAML or JSON files, CSV sheets in UTF-8 or
    /// CP949, XLSX workbooks) and taxonomy/ (YAML or JSON).
    #[arg(long, value_name = "DIR", default_value = "data")]
    pub data: PathBuf,

    /// Project configuration file. A missing brief.toml means defaults.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Print what is being read and written.
    #[arg(short, long)]
    pub verbose: bool,
}

#[derive(Debug, Clone, Args)]
#[command(group = clap::ArgGroup::new("period").required(true).multiple(false))]
pub struct BuildArgs {
    /// Calendar quarter to brief: 2025Q2, 2025-Q2, 2025q2 or 2025년 2분기.
    #[arg(short, long, value_name = "QUARTER", group = "period")]
    pub quarter: Option<String>,

    /// Half-year to brief: 2025H1, 2025-H2, 2025상반기 or 2025년 하반기.
    #[arg(long, value_name = "HALF", group = "period")]
    pub half: Option<String>,

    /// Year to brief: 2025 (counts events known only to the year too).
    #[arg(short, long, value_name = "YEAR", group = "period")]
    pub year: Option<String>,

    /// First month of a brief for any run of whole months (2025-03);
    /// needs --to.
    #[arg(long, value_name = "MONTH", group = "period", requires = "to")]
    pub from: Option<String>,

    /// Last month of that run (2025-08), included.
    #[arg(long, value_name = "MONTH", requires = "from")]
    pub to: Option<String>,

    /// Language(s) of the brief: ko, en, or both as "ko,en"
    /// [default: the configuration's language].
    #[arg(short, long, value_name = "LANG", value_delimiter = ',')]
    pub lang: Vec<String>,

    /// Output format(s): pdf, docx, hwpx (Hancom 한글), xlsx (the annex
    /// workbook: every event, outcome and follow-up), json (the brief
    /// model), comma-separated.
    #[arg(
        short,
        long,
        value_name = "FORMATS",
        value_delimiter = ',',
        default_value = "pdf,docx,xlsx"
    )]
    pub format: Vec<String>,

    #[command(flatten)]
    pub render: RenderArgs,

    #[command(flatten)]
    pub common: CommonArgs,
}

/// Where briefs go and how they are rendered; shared by `brief -q`,
/// `brief build` and `brief check`.
#[derive(Debug, Clone, Args)]
pub struct RenderArgs {
    /// Output folder; briefs go to OUT/<period>/ (2025-Q2, 2025-H1, 2025), and the build manifest
    /// to OUT/.brief-manifest.json.
    #[arg(short, long, value_name = "DIR", default_value = "out")]
    pub out: PathBuf,

    /// PDF standards: a-2b, a-3b (archival; a-3b also attaches the brief
    /// model's JSON), a-2a, a-3a (archival and accessible), ua-1
    /// (accessible), a PDF/A level with ua-1 (`a-3a,ua-1`), or none
    /// [default: the configuration's, else none].
    #[arg(long, value_name = "STANDARD")]
    pub pdf_standard: Option<String>,

    /// Template folder [default: ./templates if present, else the built-in set].
    #[arg(long, value_name = "DIR")]
    pub template: Option<PathBuf>,
}
