//! The project configuration (`brief.toml`): organisation, language,
//! currency and exchange rates, fonts, output naming. Every key has a
//! default, so a missing file is not an error.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::{Date, FuzzyDate, Lang, Text};
use crate::standards::PdfStandards;

/// When the system's fonts are read (`[fonts] system`,
/// `BRIEF_SYSTEM_FONTS`). The fonts built into the program are always
/// there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SystemFonts {
    /// Never: only the built-in fonts and the configured folders.
    Never,
    /// Only when a configured family is not built in, or a character is
    /// not covered otherwise (the default).
    WhenNeeded,
    /// On every run.
    Always,
}

/// Environment variable with extra font folders (separated like `PATH`).
pub const FONT_PATH_ENV: &str = "BRIEF_FONT_PATH";
/// Environment variable that, set to `0`, keeps system fonts out (only the
/// built-in fonts and the configured folders are used); set to `1`, reads
/// them on every run.
pub const SYSTEM_FONTS_ENV: &str = "BRIEF_SYSTEM_FONTS";
/// The reproducible-builds convention: seconds since the epoch, used as the
/// date of issue when `[brief] issue_date` is not set.
pub const SOURCE_DATE_EPOCH_ENV: &str = "SOURCE_DATE_EPOCH";

#[derive(Debug)]
pub enum ConfigError {
    Read {
        path: PathBuf,
        cause: std::io::Error,
    },
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    Invalid {
        path: PathBuf,
        message: String,
        hint: String,
    },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Read { path, cause } => {
                write!(
                    f,
                    "failed to read the configuration {} ({cause})",
                    path.display()
                )
            }
            ConfigError::Parse {
                path,
                line,
                column,
                message,
            } => write!(
                f,
                "error: {}:{line}:{column}: failed to parse the configuration ({message})",
                path.display()
            ),
            ConfigError::Invalid {
                path,
                message,
                hint,
            } => {
                write!(f, "error: {}: {message}\n  = hint: {hint}", path.display())
            }
        }
    }
}

impl std::error::Error for ConfigError {}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    organisation: RawText,
    #[serde(default)]
    department: RawText,
    #[serde(default)]
    brief: RawBrief,
    #[serde(default)]
    currency: RawCurrency,
    #[serde(default)]
    fonts: RawFonts,
    #[serde(default)]
    output: RawOutput,
    #[serde(default)]
    sheets: RawSheets,
}

/// `[sheets]`: how an office's own sheets name brief's columns.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSheets {
    /// brief's column name -> the header the office uses, e.g.
    /// `start = "start_date"`.
    #[serde(default)]
    columns: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    ko: Option<String>,
    en: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBrief {
    language: Option<String>,
    home_country: Option<String>,
    issue_date: Option<String>,
    classification: Option<RawText>,
    pdf_standard: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCurrency {
    base: Option<String>,
    #[serde(default)]
    rates: BTreeMap<String, f64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFonts {
    #[serde(default)]
    paths: Vec<PathBuf>,
    #[serde(default)]
    families: Vec<String>,
    system: Option<bool>,
    docx_east_asia: Option<String>,
    docx_latin: Option<String>,
    hwpx_korean: Option<String>,
    hwpx_latin: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutput {
    name: Option<String>,
    /// Languages `brief build` writes.
    #[serde(default)]
    languages: Vec<String>,
    /// Formats `brief build` writes.
    #[serde(default)]
    formats: Vec<String>,
    /// Kinds of period `brief build` writes.
    #[serde(default)]
    periods: Vec<String>,
}

/// The validated configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub organisation: Text,
    pub department: Text,
    pub classification: Text,
    pub language: Lang,
    /// Region id of the home country: regions elsewhere are partners abroad.
    pub home_country: String,
    /// A fixed issue date; when absent, the day after the period ends.
    pub issue_date: Option<Date>,
    pub base_currency: String,
    /// Units of the base currency per unit of each currency.
    pub rates: BTreeMap<String, f64>,
    /// Font folders from the config (resolved against its folder) and from
    /// `BRIEF_FONT_PATH`.
    pub font_paths: Vec<PathBuf>,
    /// When the system's fonts are read besides the built-in ones and
    /// `font_paths`.
    pub system_fonts: SystemFonts,
    /// Font families the PDF uses, in fallback order.
    pub font_families: Vec<String>,
    pub docx_east_asia_font: String,
    pub docx_latin_font: String,
    /// Fonts named in the HWPX for Korean and Latin text.
    pub hwpx_korean_font: String,
    pub hwpx_latin_font: String,
    /// PDF standards to meet (`[brief] pdf_standard`), if any.
    pub pdf_standard: PdfStandards,
    /// Output file stem with `{period}` (or `{quarter}`) and `{lang}` placeholders.
    pub output_name: String,
    /// Languages `brief build` writes (`[output] languages`, default: the
    /// brief's language).
    pub build_languages: Vec<Lang>,
    /// Formats `brief build` writes (`[output] formats`, default pdf, docx,
    /// xlsx).
    pub build_formats: Vec<String>,
    /// Kinds of period `brief build` writes (`[output] periods`, default
    /// quarter).
    pub build_periods: Vec<crate::period::PeriodKind>,
    /// An office's own sheet headers for brief's columns (`[sheets.columns]`:
    /// column name -> header).
    pub sheet_columns: BTreeMap<String, String>,
    /// The configuration file's bytes (empty without one): a change to it
    /// makes every brief stale.
    pub source: Vec<u8>,
    /// The file read, if any.
    pub path: Option<PathBuf>,
}

/// What is said when no configuration file was found.
pub const NOT_FOUND: &str =
    "no brief.toml found (in this folder, beside the data folder or above); defaults are used";

/// The configuration file to use when none is named, found the way cargo
/// finds Cargo.toml: `brief.toml` in the current folder, else beside the
/// data folder, else in the folders above the current one.
pub fn discover(data: &Path) -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok();
    let beside_data = std::path::absolute(data)
        .ok()
        .and_then(|d| d.parent().map(Path::to_path_buf));
    let mut candidates: Vec<PathBuf> = Vec::new();
    candidates.extend(cwd.clone());
    candidates.extend(beside_data);
    if let Some(cwd) = &cwd {
        candidates.extend(cwd.ancestors().skip(1).map(Path::to_path_buf));
    }
    candidates
        .into_iter()
        .map(|dir| dir.join("brief.toml"))
        .find(|p| p.is_file())
}

impl Default for Config {
    fn default() -> Config {
        Config::from_raw(RawConfig::default(), Path::new("."), None)
            .unwrap_or_else(|_| unreachable!())
    }
}

impl Config {
    /// The configuration in use, as errors that depend on it name it.
    pub fn described(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => NOT_FOUND.to_string(),
        }
    }

    /// Reads `path`; when `required` is false a missing file gives defaults.
    pub fn load(path: &Path, required: bool) -> Result<Config, ConfigError> {
        let env_fonts = std::env::var_os(FONT_PATH_ENV);
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
                return Config::from_raw(
                    RawConfig::default(),
                    Path::new("."),
                    env_fonts.as_deref(),
                )
                .map_err(|(message, hint)| ConfigError::Invalid {
                    path: path.to_path_buf(),
                    message,
                    hint,
                });
            }
            Err(cause) => {
                return Err(ConfigError::Read {
                    path: path.to_path_buf(),
                    cause,
                });
            }
        };
        let raw: RawConfig = toml::from_str(&text).map_err(|e| {
            let (line, column) = e
                .span()
                .map(|s| {
                    let before = &text[..s.start.min(text.len())];
                    (
                        before.matches('\n').count() + 1,
                        before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
                    )
                })
                .unwrap_or((0, 0));
            ConfigError::Parse {
                path: path.to_path_buf(),
                line,
                column,
                message: e.message().to_string(),
            }
        })?;
        let dir = path.parent().unwrap_or(Path::new("."));
        let mut config =
            Config::from_raw(raw, dir, env_fonts.as_deref()).map_err(|(message, hint)| {
                ConfigError::Invalid {
                    path: path.to_path_buf(),
                    message,
                    hint,
                }
            })?;
        config.source = text.into_bytes();
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    fn from_raw(
        raw: RawConfig,
        dir: &Path,
        env_fonts: Option<&std::ffi::OsStr>,
    ) -> Result<Config, Invalid> {
        let language = match raw.brief.language.as_deref() {
            None => Lang::Ko,
            Some(s) => Lang::parse(s).ok_or_else(|| {
                (
                    format!("unknown language `{s}` in [brief] language"),
                    "expected `ko` or `en`".to_string(),
                )
            })?,
        };
        let (base_currency, rates) = currency_rates(raw.currency)?;
        let mut font_paths: Vec<PathBuf> = raw.fonts.paths.iter().map(|p| dir.join(p)).collect();
        if let Some(env) = env_fonts {
            font_paths.extend(std::env::split_paths(env).filter(|p| !p.as_os_str().is_empty()));
        }
        let pdf_standard = match raw.brief.pdf_standard.as_deref() {
            None => PdfStandards::default(),
            Some(s) => PdfStandards::parse(s).map_err(|e| {
                (
                    format!("{e} in [brief] pdf_standard"),
                    format!("expected {}", crate::standards::CHOICES),
                )
            })?,
        };
        let build_periods = crate::period::kinds(&raw.output.periods).map_err(|e| {
            (
                format!("{e} in [output] periods"),
                crate::period::KINDS_HINT.into(),
            )
        })?;
        Ok(Config {
            build_languages: build_languages(&raw.output.languages, language)?,
            build_formats: if raw.output.formats.is_empty() {
                vec!["pdf".to_string(), "docx".to_string(), "xlsx".to_string()]
            } else {
                raw.output.formats
            },
            build_periods,
            sheet_columns: raw.sheets.columns,
            source: Vec::new(),
            path: None,
            system_fonts: system_fonts(raw.fonts.system),
            pdf_standard,
            organisation: text(raw.organisation),
            department: text(raw.department),
            classification: raw.brief.classification.map(text).unwrap_or_default(),
            language,
            home_country: raw.brief.home_country.unwrap_or_else(|| "kr".into()),
            issue_date: issue_date(raw.brief.issue_date.as_deref())?,
            base_currency,
            rates,
            font_paths,
            font_families: if raw.fonts.families.is_empty() {
                default_families()
            } else {
                raw.fonts.families
            },
            docx_east_asia_font: raw
                .fonts
                .docx_east_asia
                .unwrap_or_else(|| "맑은 고딕".into()),
            docx_latin_font: raw.fonts.docx_latin.unwrap_or_else(|| "Calibri".into()),
            // The faces every 한글 installation has.
            hwpx_korean_font: raw.fonts.hwpx_korean.unwrap_or_else(|| "함초롬돋움".into()),
            hwpx_latin_font: raw.fonts.hwpx_latin.unwrap_or_else(|| "함초롬돋움".into()),
            output_name: output_name(raw.output.name)?,
        })
    }

    /// Currency codes records may use.
    pub fn currencies(&self) -> Vec<String> {
        self.rates.keys().cloned().collect()
    }

    /// The file stem of a brief for a period and language (`{quarter}` is
    /// the older name of `{period}`).
    pub fn output_stem(&self, period: crate::period::Period, lang: Lang) -> String {
        self.output_name
            .replace("{period}", &period.slug())
            .replace("{quarter}", &period.slug())
            .replace("{lang}", lang.code())
    }
}

fn text(raw: RawText) -> Text {
    Text {
        ko: raw.ko,
        en: raw.en,
    }
}

/// The family of the Korean fonts built into the program (Regular and
/// Bold; see `render::fonts`).
pub const BUILTIN_FONT_FAMILY: &str = "Pretendard GOV";

/// Families tried in order: the built-in Korean face, which covers every
/// Hangul syllable and the Hanja of KS X 1001 (typst's own fonts catch the
/// few symbols it lacks).
fn default_families() -> Vec<String> {
    vec![BUILTIN_FONT_FAMILY.to_string()]
}

/// A setting that cannot be used: the message and a hint.
type Invalid = (String, String);

/// The date of issue: the configuration's, else `SOURCE_DATE_EPOCH`'s
/// (reproducible builds), else none (the day after the period).
fn issue_date(configured: Option<&str>) -> Result<Option<Date>, Invalid> {
    match configured {
        None => match std::env::var(SOURCE_DATE_EPOCH_ENV) {
            Ok(v) => {
                let secs: i64 = v.trim().parse().map_err(|_| {
                    (
                        format!("{SOURCE_DATE_EPOCH_ENV}=`{v}` is not a number of seconds"),
                        "set it to seconds since 1970-01-01 UTC, or unset it".to_string(),
                    )
                })?;
                Ok(Some(Date::from_days_since_epoch(secs.div_euclid(86_400)))
                    .filter(|d| (1000..=9999).contains(&d.year)))
            }
            Err(_) => Ok(None),
        },
        Some(s) => match FuzzyDate::parse(s) {
            Ok(d) if d.precision == crate::model::Precision::Day => Ok(Some(d.date)),
            _ => Err((
                format!("`{s}` in [brief] issue_date is not a date"),
                "expected YYYY-MM-DD, or leave it out to use the day after the period".into(),
            )),
        },
    }
}

/// The base currency and the rates of the others to it (the base's is 1).
fn currency_rates(raw: RawCurrency) -> Result<(String, BTreeMap<String, f64>), Invalid> {
    let base = raw
        .base
        .unwrap_or_else(|| "KRW".into())
        .to_ascii_uppercase();
    let mut rates = BTreeMap::new();
    for (code, rate) in raw.rates {
        let code = code.to_ascii_uppercase();
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err((
                format!("`{code}` in [currency.rates] is not a currency code"),
                "use ISO 4217 codes such as USD".into(),
            ));
        }
        if !rate.is_finite() || rate <= 0.0 {
            return Err((
                format!("the rate for {code} must be a positive number"),
                format!("write how many {base} one {code} is worth"),
            ));
        }
        rates.insert(code, rate);
    }
    rates.insert(base.clone(), 1.0);
    Ok((base, rates))
}

/// The name of output files, a plain file name with {period} and {lang}.
fn output_name(configured: Option<String>) -> Result<String, Invalid> {
    let name = configured.unwrap_or_else(|| "brief-{period}-{lang}".into());
    if name.contains(['/', '\\']) || name.contains("..") || name.trim().is_empty() {
        return Err((
            format!("`{name}` in [output] name is not a file name"),
            "use a plain name with {period} and {lang}, e.g. brief-{period}-{lang}".into(),
        ));
    }
    Ok(name)
}

/// Whether system fonts are read: the environment decides over the
/// configuration.
fn system_fonts(configured: Option<bool>) -> SystemFonts {
    match std::env::var(SYSTEM_FONTS_ENV).ok().as_deref() {
        Some("0" | "false" | "no") => SystemFonts::Never,
        Some("1" | "true" | "yes") => SystemFonts::Always,
        _ => match configured {
            None => SystemFonts::WhenNeeded,
            Some(true) => SystemFonts::Always,
            Some(false) => SystemFonts::Never,
        },
    }
}

/// The languages `brief build` writes, each once; the brief's language
/// when none are given.
fn build_languages(names: &[String], language: Lang) -> Result<Vec<Lang>, Invalid> {
    Lang::parse_list(names, language).map_err(|l| {
        (
            format!("unknown language `{l}` in [output] languages"),
            "expected `ko` and/or `en`".to_string(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The message and hint a configuration text is refused with.
    fn refused(toml: &str) -> (String, String) {
        let dir = std::env::temp_dir().join(format!(
            "brief-config-test-{}-{}",
            std::process::id(),
            toml.len()
        ));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("brief.toml");
        std::fs::write(&path, toml).expect("write");
        let result = Config::load(&path, true);
        let _ = std::fs::remove_dir_all(&dir);
        match result {
            Err(ConfigError::Invalid { message, hint, .. }) => (message, hint),
            other => panic!("{toml}: expected an invalid setting, got {other:?}"),
        }
    }

    /// Each setting is checked, with a hint saying what it expects.
    #[test]
    fn invalid_settings_are_refused_with_a_hint() {
        let cases = [
            (
                "[brief]\nlanguage = \"fr\"",
                "unknown language `fr` in [brief] language",
                "`ko` or `en`",
            ),
            (
                "[brief]\nissue_date = \"soon\"",
                "`soon` in [brief] issue_date is not a date",
                "YYYY-MM-DD",
            ),
            (
                "[currency.rates]\nUSDX = 2",
                "`USDX` in [currency.rates] is not a currency code",
                "ISO 4217",
            ),
            (
                "[currency.rates]\nUSD = -1",
                "the rate for USD must be a positive number",
                "one USD",
            ),
            (
                "[output]\nname = \"../x\"",
                "`../x` in [output] name is not a file name",
                "{period}",
            ),
            (
                "[output]\nlanguages = [\"ko\", \"de\"]",
                "unknown language `de` in [output] languages",
                "`ko` and/or `en`",
            ),
        ];
        for (toml, message, hint) in cases {
            let (m, h) = refused(toml);
            assert_eq!(m, message, "{toml}");
            assert!(h.contains(hint), "{toml}: {h}");
        }
    }
}
