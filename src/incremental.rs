//! Bookkeeping for `brief build` and `brief check`: a fingerprint of
//! everything an output file is made from, and a small manifest under the
//! output folder recording, per file, the fingerprint it was built from and
//! a hash of the bytes written.
//!
//! An output is up to date when the manifest has it, its fingerprint is the
//! current one, and the file on disk still has the bytes written. The
//! fingerprint covers the brief model of its quarter and language (so it
//! changes exactly when something the brief shows changes: its events, the
//! previous and year-ago figures, the monthly trend, follow-ups due), the
//! template set, the configuration file, the taxonomy files, the fonts on
//! disk, the output format and the program's version.

use std::collections::BTreeMap;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use siphasher::sip128::{Hasher128, SipHasher13};

/// The manifest's file name, in the output folder.
pub const MANIFEST: &str = ".brief-manifest.json";
const VERSION: u32 = 1;

/// A 128-bit SipHash-1-3 (fixed keys) of length-prefixed parts: the same
/// inputs give the same hex string on every machine and run.
#[derive(Debug, Clone)]
pub struct Fingerprint(SipHasher13);

impl Default for Fingerprint {
    fn default() -> Self {
        Fingerprint(SipHasher13::new_with_keys(
            0x6272_6965_665f_7631,
            0x6d61_6e69_6665_7374,
        ))
    }
}

impl Fingerprint {
    pub fn new() -> Fingerprint {
        Fingerprint::default()
    }

    /// Adds one part; parts are length-prefixed, so ("ab", "c") and
    /// ("a", "bc") differ.
    pub fn add(&mut self, part: &[u8]) -> &mut Self {
        self.0.write_u64(part.len() as u64);
        self.0.write(part);
        self
    }

    pub fn hex(&self) -> String {
        format!("{:032x}", self.0.finish128().as_u128())
    }
}

/// Bytes written to a fingerprint are one part, streamed (for a part too
/// large to hold, such as a model serialised as it is hashed).
impl std::io::Write for Fingerprint {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The hash of a file's bytes, as recorded in the manifest.
pub fn hash_bytes(bytes: &[u8]) -> String {
    Fingerprint::new().add(bytes).hex()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Fingerprint of the inputs the file was built from.
    pub inputs: String,
    /// Hash of the bytes written.
    pub output: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Manifest {
    version: u32,
    /// By path relative to the output folder, with `/` separators.
    outputs: BTreeMap<String, Entry>,
    /// The last complete `brief build`: a fingerprint of all its input
    /// files, arguments and environment, and the outputs it covered. While
    /// neither changed, a build has nothing to do and need not even parse
    /// the data. Any write clears it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    run: Option<Run>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Run {
    inputs: String,
    outputs: Vec<String>,
}

/// Why an output needs building, or that it does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Fresh,
    /// Never built into this folder (or the manifest is gone).
    New,
    /// Recorded, but the file is not there.
    Missing,
    /// Something it is made from changed.
    Changed,
    /// The file was changed or replaced after it was built.
    Edited,
}

impl Status {
    pub fn describe(self) -> &'static str {
        match self {
            Status::Fresh => "up to date",
            Status::New => "new",
            Status::Missing => "file missing",
            Status::Changed => "inputs changed",
            Status::Edited => "file changed since it was built",
        }
    }
}

impl Manifest {
    /// Reads the manifest of `out`. A missing one is empty; an unreadable
    /// or damaged one is empty too (everything is rebuilt), with a warning.
    pub fn load(out: &Path) -> Manifest {
        let path = out.join(MANIFEST);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Manifest::default(),
            Err(e) => {
                eprintln!(
                    "warning: cannot read {} ({e}); every brief counts as stale",
                    path.display()
                );
                return Manifest::default();
            }
        };
        match serde_json::from_slice::<Manifest>(&bytes) {
            Ok(m) if m.version == VERSION => m,
            Ok(_) => Manifest::default(),
            Err(e) => {
                eprintln!(
                    "warning: {} is damaged ({e}); every brief counts as stale",
                    path.display()
                );
                Manifest::default()
            }
        }
    }

    pub fn save(&self, out: &Path) -> std::io::Result<()> {
        let mut m = self.clone();
        m.version = VERSION;
        let json = serde_json::to_vec_pretty(&m).map_err(std::io::Error::other)?;
        crate::output::write_atomic(&out.join(MANIFEST), &json)
    }

    /// The state of the output `rel` (relative to `out`) against the
    /// fingerprint `inputs`.
    pub fn status(&self, out: &Path, rel: &str, inputs: &str) -> Status {
        let Some(entry) = self.outputs.get(rel) else {
            return Status::New;
        };
        let Ok(bytes) = std::fs::read(out.join(rel)) else {
            return Status::Missing;
        };
        if hash_bytes(&bytes) != entry.output {
            Status::Edited
        } else if entry.inputs != inputs {
            Status::Changed
        } else {
            Status::Fresh
        }
    }

    /// Whether the last complete build had the inputs `run_inputs` and
    /// every file it covered is still as written.
    pub fn run_is_fresh(&self, out: &Path, run_inputs: &str) -> bool {
        let Some(run) = &self.run else {
            return false;
        };
        run.inputs == run_inputs
            && run.outputs.iter().all(|rel| {
                self.outputs.get(rel).is_some_and(|entry| {
                    std::fs::read(out.join(rel)).is_ok_and(|b| hash_bytes(&b) == entry.output)
                })
            })
    }

    /// Records a complete build over `outputs` with the inputs `run_inputs`.
    pub fn record_run(&mut self, run_inputs: &str, outputs: Vec<String>) {
        self.run = Some(Run {
            inputs: run_inputs.to_string(),
            outputs,
        });
    }

    /// Whether a complete build with `run_inputs` is already recorded.
    pub fn has_run(&self, run_inputs: &str) -> bool {
        self.run.as_ref().is_some_and(|r| r.inputs == run_inputs)
    }

    pub fn record(&mut self, rel: &str, inputs: &str, bytes: &[u8]) {
        // Whatever wrote this file, the last complete build no longer
        // describes the folder.
        self.run = None;
        self.outputs.insert(
            rel.to_string(),
            Entry {
                inputs: inputs.to_string(),
                output: hash_bytes(bytes),
            },
        );
    }
}

/// Font files under `dirs` (recursively, not following links), with their
/// sizes and modification times, sorted: a cheap stand-in for the fonts'
/// contents that changes when a font is added, removed or replaced.
pub fn font_listing(dirs: &[PathBuf]) -> Vec<u8> {
    let mut found: Vec<String> = Vec::new();
    for (i, dir) in dirs.iter().enumerate() {
        let mut stack = vec![(dir.clone(), 0usize)];
        while let Some((d, depth)) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in entries.flatten() {
                let Ok(ft) = e.file_type() else { continue };
                let path = e.path();
                if ft.is_dir() && depth < 16 {
                    stack.push((path, depth + 1));
                } else if ft.is_file() {
                    let ext = path
                        .extension()
                        .and_then(|x| x.to_str())
                        .unwrap_or("")
                        .to_ascii_lowercase();
                    if matches!(ext.as_str(), "ttf" | "otf" | "ttc" | "otc") {
                        let meta = e.metadata().ok();
                        let len = meta.as_ref().map_or(0, |m| m.len());
                        let mtime = meta
                            .and_then(|m| m.modified().ok())
                            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                            .map_or(0, |d| d.as_secs());
                        // Named within its folder (the folder by its place
                        // in the list), as the taxonomy files are within the
                        // data folder: `fonts`, `./fonts` and its absolute
                        // path are the same fonts.
                        let name = path.strip_prefix(dir).unwrap_or(&path);
                        found.push(format!("{i}\t{}\t{len}\t{mtime}", name.display()));
                    }
                }
            }
        }
    }
    found.sort();
    found.join("\n").into_bytes()
}

/// The folders the system's fonts are read from on this platform.
pub fn system_font_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = [
        "/usr/share/fonts",
        "/usr/local/share/fonts",
        "/Library/Fonts",
        "/System/Library/Fonts",
        "C:\\Windows\\Fonts",
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    if let Some(home) = std::env::var_os("HOME") {
        let home = PathBuf::from(home);
        dirs.push(home.join(".fonts"));
        dirs.push(home.join(".local/share/fonts"));
        dirs.push(home.join("Library/Fonts"));
    }
    dirs
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A font folder named another way (`fonts`, `fonts/.`) lists the same
    /// fonts, so briefs built with one are fresh with the other; a font
    /// added changes the listing.
    #[test]
    fn a_font_folder_named_another_way_lists_the_same_fonts() {
        let dir = std::env::temp_dir().join(format!("brief-fonts-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("a.ttf"), b"font a").unwrap();
        std::fs::write(dir.join("sub/b.otf"), b"font b").unwrap();
        let listing = font_listing(std::slice::from_ref(&dir));
        assert_eq!(font_listing(&[dir.join(".")]), listing);
        assert_eq!(font_listing(&[dir.join("sub/..")]), listing);
        std::fs::write(dir.join("c.ttf"), b"font c").unwrap();
        assert_ne!(font_listing(std::slice::from_ref(&dir)), listing);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn fingerprints_are_stable_and_length_prefixed() {
        let a = Fingerprint::new().add(b"ab").add(b"c").hex();
        let b = Fingerprint::new().add(b"a").add(b"bc").hex();
        assert_ne!(a, b);
        assert_eq!(a, Fingerprint::new().add(b"ab").add(b"c").hex());
        assert_eq!(a.len(), 32);
        // Pinned: a change of hash function must be deliberate (it makes
        // every recorded brief stale once).
        assert_eq!(hash_bytes(b""), Fingerprint::new().add(b"").hex());
    }

    #[test]
    fn status_follows_the_file_and_the_inputs() {
        let dir = std::env::temp_dir().join(format!("brief-manifest-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("2025-Q2")).unwrap();
        let rel = "2025-Q2/a.pdf";
        let mut m = Manifest::default();
        assert_eq!(m.status(&dir, rel, "x"), Status::New);
        std::fs::write(dir.join(rel), b"one").unwrap();
        m.record(rel, "x", b"one");
        assert_eq!(m.status(&dir, rel, "x"), Status::Fresh);
        assert_eq!(m.status(&dir, rel, "y"), Status::Changed);
        std::fs::write(dir.join(rel), b"edited").unwrap();
        assert_eq!(m.status(&dir, rel, "x"), Status::Edited);
        std::fs::remove_file(dir.join(rel)).unwrap();
        assert_eq!(m.status(&dir, rel, "x"), Status::Missing);

        // A complete run is fresh while its files are as written, and any
        // later write forgets it.
        std::fs::write(dir.join(rel), b"one").unwrap();
        m.record_run("run-1", vec![rel.to_string()]);
        assert!(m.run_is_fresh(&dir, "run-1"));
        assert!(!m.run_is_fresh(&dir, "run-2"), "other inputs");
        std::fs::write(dir.join(rel), b"edited").unwrap();
        assert!(!m.run_is_fresh(&dir, "run-1"), "file edited");
        std::fs::write(dir.join(rel), b"one").unwrap();
        m.record(rel, "x", b"one");
        assert!(!m.run_is_fresh(&dir, "run-1"), "a write clears the run");
        std::fs::remove_file(dir.join(rel)).unwrap();

        m.save(&dir).unwrap();
        let back = Manifest::load(&dir);
        assert_eq!(back.outputs, m.outputs);
        std::fs::write(dir.join(MANIFEST), b"{ not json").unwrap();
        assert!(Manifest::load(&dir).outputs.is_empty(), "damaged = empty");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
