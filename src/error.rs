//! The error of a run, whichever step failed, and the exit code it gives
//! (documented in `cli::EXIT_CODES` and the README). Shared by `app`, which
//! dispatches, and `plan`, which renders and writes.

use std::fmt;
use std::path::PathBuf;

use crate::config::ConfigError;
use crate::load::LoadError;
use crate::render::RenderError;
use crate::templates::TemplateError;

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
