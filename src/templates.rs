//! The template set: typst layout, label strings and summary sentences.
//! Users change them without recompiling by editing `templates/` (or
//! pointing `--template` elsewhere); a copy of the defaults is built into
//! the binary for when no folder is present.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::locale;
use crate::model::Lang;

/// The default templates, compiled in.
const BUILTIN: &[(&str, &str)] = &[
    ("brief.typ", include_str!("../templates/brief.typ")),
    ("charts.typ", include_str!("../templates/charts.typ")),
    ("chart.typ", include_str!("../templates/chart.typ")),
    ("layout.toml", include_str!("../templates/layout.toml")),
    (
        "strings.ko.toml",
        include_str!("../templates/strings.ko.toml"),
    ),
    (
        "strings.en.toml",
        include_str!("../templates/strings.en.toml"),
    ),
    ("summary.ko.j2", include_str!("../templates/summary.ko.j2")),
    ("summary.en.j2", include_str!("../templates/summary.en.j2")),
];

/// The sections a layout may list.
pub const SECTIONS: [&str; 8] = [
    "key_figures",
    "summary",
    "sectors",
    "regions",
    "timeline",
    "follow_ups",
    "notes",
    "appendix",
];

/// Section order and colours, from `layout.toml`.
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    pub sections: Vec<String>,
    pub colours: Colours,
    /// A PNG or JPEG in the template folder, shown in the title block.
    #[serde(default)]
    pub logo: Option<String>,
}

#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Colours {
    pub ink: String,
    pub accent: String,
    pub soft: String,
    pub rule: String,
}

/// Limits on a template folder, so a stray folder cannot exhaust memory.
const MAX_FILES: usize = 512;
const MAX_TOTAL_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug)]
pub struct TemplateError {
    /// `templates/summary.ko.j2` or the folder.
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "error: {}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(f, "error: {}: {}", self.file, self.message)
        }
    }
}

impl std::error::Error for TemplateError {}

/// The files of a template set, by path relative to its root.
#[derive(Debug, Clone)]
pub struct Templates {
    /// Where they came from, for messages: a folder or "built-in".
    pub origin: String,
    root: Option<PathBuf>,
    files: BTreeMap<String, Vec<u8>>,
}

impl Templates {
    pub fn builtin() -> Templates {
        Templates {
            origin: "built-in templates".into(),
            root: None,
            files: BUILTIN
                .iter()
                .map(|(name, text)| (name.to_string(), text.as_bytes().to_vec()))
                .collect(),
        }
    }

    /// Reads every file under `dir`. Files the folder lacks are taken from
    /// the built-in set, so a user may override only what they change.
    pub fn load(dir: &Path) -> Result<Templates, TemplateError> {
        let err = |message: String| TemplateError {
            file: dir.display().to_string(),
            line: 0,
            message,
        };
        if !dir.is_dir() {
            return Err(err("the template folder does not exist".into()));
        }
        let mut t = Templates::builtin();
        t.origin = dir.display().to_string();
        t.root = Some(dir.to_path_buf());
        let mut total = 0u64;
        let mut stack = vec![dir.to_path_buf()];
        let mut count = 0usize;
        while let Some(d) = stack.pop() {
            let entries = std::fs::read_dir(&d)
                .map_err(|e| err(format!("failed to read {} ({e})", d.display())))?;
            for entry in entries.flatten() {
                let path = entry.path();
                // Symlinks are skipped: a template cannot reach outside.
                let Ok(ft) = entry.file_type() else { continue };
                if ft.is_dir() {
                    if stack.len() < 64 {
                        stack.push(path);
                    }
                    continue;
                }
                if !ft.is_file() {
                    continue;
                }
                count += 1;
                total += entry.metadata().map(|m| m.len()).unwrap_or(0);
                if count > MAX_FILES || total > MAX_TOTAL_BYTES {
                    return Err(err(format!(
                        "the template folder holds more than {MAX_FILES} files or {MAX_TOTAL_BYTES} bytes"
                    )));
                }
                let Ok(rel) = path.strip_prefix(dir) else {
                    continue;
                };
                let key = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                let bytes = std::fs::read(&path)
                    .map_err(|e| err(format!("failed to read {} ({e})", path.display())))?;
                t.files.insert(key, bytes);
            }
        }
        Ok(t)
    }

    /// A file by its path relative to the template root (`/` separated).
    pub fn get(&self, name: &str) -> Option<&[u8]> {
        self.files
            .get(name.trim_start_matches('/'))
            .map(Vec::as_slice)
    }

    /// Every file, by relative path.
    pub fn files(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// The path a file is shown under in messages.
    pub fn display_path(&self, name: &str) -> String {
        match &self.root {
            Some(root) => root.join(name).display().to_string(),
            None => format!("<built-in>/{name}"),
        }
    }

    fn text(&self, name: &str) -> Result<&str, TemplateError> {
        let bytes = self.get(name).ok_or_else(|| TemplateError {
            file: self.display_path(name),
            line: 0,
            message: "the template is missing".into(),
        })?;
        std::str::from_utf8(bytes).map_err(|_| TemplateError {
            file: self.display_path(name),
            line: 0,
            message: "the template is not valid UTF-8".into(),
        })
    }

    /// The layout: which sections, in which order, and the colours.
    pub fn layout(&self) -> Result<Layout, TemplateError> {
        let name = "layout.toml";
        let text = self.text(name)?;
        let err = |line: usize, message: String| TemplateError {
            file: self.display_path(name),
            line,
            message,
        };
        let layout: Layout = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(0, |s| {
                text[..s.start.min(text.len())].matches('\n').count() + 1
            });
            err(line, format!("failed to parse ({})", e.message()))
        })?;
        for s in &layout.sections {
            if !SECTIONS.contains(&s.as_str()) {
                let hint = crate::diag::did_you_mean(s, SECTIONS).map_or_else(
                    || format!("known sections: {}", SECTIONS.join(", ")),
                    |m| format!("did you mean `{m}`?"),
                );
                return Err(err(
                    0,
                    format!("unknown section `{s}` in `sections` ({hint})"),
                ));
            }
        }
        if let Some(logo) = &layout.logo {
            let lower = logo.to_ascii_lowercase();
            if !(lower.ends_with(".png") || lower.ends_with(".jpg") || lower.ends_with(".jpeg")) {
                return Err(err(
                    0,
                    format!("the logo `{logo}` must be a .png or .jpg file"),
                ));
            }
            if self.get(logo).is_none() {
                return Err(err(
                    0,
                    format!("the logo `{logo}` is not in the template folder"),
                ));
            }
        }
        let c = &layout.colours;
        for (key, value) in [
            ("ink", &c.ink),
            ("accent", &c.accent),
            ("soft", &c.soft),
            ("rule", &c.rule),
        ] {
            let hex = value.strip_prefix('#').unwrap_or("");
            if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(err(
                    0,
                    format!("colour `{key}` is `{value}`; expected #RRGGBB"),
                ));
            }
        }
        Ok(layout)
    }

    /// The label strings of a language, flattened to `section.key`.
    pub fn strings(&self, lang: Lang) -> Result<BTreeMap<String, String>, TemplateError> {
        let name = format!("strings.{}.toml", lang.code());
        let text = self.text(&name)?;
        let table: toml::Table = toml::from_str(text).map_err(|e| TemplateError {
            file: self.display_path(&name),
            line: e.span().map_or(0, |s| {
                text[..s.start.min(text.len())].matches('\n').count() + 1
            }),
            message: format!("failed to parse ({})", e.message()),
        })?;
        let mut out = BTreeMap::new();
        flatten("", &table, &mut out);
        Ok(out)
    }

    /// Renders the summary sentences of a language: one per non-empty line.
    pub fn summary(
        &self,
        lang: Lang,
        ctx: &minijinja::Value,
    ) -> Result<Vec<String>, TemplateError> {
        let name = format!("summary.{}.j2", lang.code());
        let source = self.text(&name)?;
        let mut env = minijinja::Environment::new();
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        env.add_filter("josa", |word: String, p: String| {
            format!("{word}{}", locale::particle(&word, &p))
        });
        env.add_filter("num", |n: i64| locale::group_thousands(n.max(0) as u64));
        // A list as a sentence says it: "A, B and C" in English, "A, B, C"
        // in Korean.
        env.add_filter("and_list", move |items: Vec<String>| {
            locale::and_list(&items, lang)
        });
        let located = |e: minijinja::Error| TemplateError {
            file: self.display_path(&name),
            line: e.line().unwrap_or(0),
            message: match e.detail() {
                Some(d) => format!("{} ({d})", e.kind()),
                None => e.to_string(),
            },
        };
        let template = env
            .template_from_named_str(&name, source)
            .map_err(located)?;
        let text = template.render(ctx).map_err(located)?;
        Ok(text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect())
    }
}

fn flatten(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, String>) {
    for (k, v) in table {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::Table(t) => flatten(&key, t, out),
            toml::Value::String(s) => {
                out.insert(key, s.clone());
            }
            other => {
                out.insert(key, other.to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_strings_cover_both_languages() {
        let t = Templates::builtin();
        let ko = t.strings(Lang::Ko).unwrap();
        let en = t.strings(Lang::En).unwrap();
        let missing: Vec<_> = ko.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(missing.is_empty(), "keys missing in English: {missing:?}");
        let missing: Vec<_> = en.keys().filter(|k| !ko.contains_key(*k)).collect();
        assert!(missing.is_empty(), "keys missing in Korean: {missing:?}");
    }

    #[test]
    fn a_broken_summary_template_is_located() {
        let mut t = Templates::builtin();
        t.files.insert(
            "summary.en.j2".into(),
            b"line one\n{{ events | nosuchfilter }}\n".to_vec(),
        );
        let e = t
            .summary(Lang::En, &minijinja::context! { events => 1 })
            .unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        assert!(e.file.ends_with("summary.en.j2"));
    }
}
