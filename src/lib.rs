//! `brief`: quarterly, half-year and annual policy briefs from
//! industrial-cooperation event records. The modules follow the pipeline:
//!
//! `config` + `load` (records -> validated `model`) -> `aggregate` (numbers
//! of one `period`) -> `brief` (one language-specific model) -> `render`
//! (PDF via typst, DOCX via docx-rs) -> `output` (atomic writes).
//! `plan` (with `incremental` and `progress`) plans, renders and writes the
//! briefs of a run, for one period or across periods of several kinds.

pub mod aggregate;
pub mod app;
pub mod brief;
pub mod cli;
pub mod config;
pub mod diag;
pub mod draft;
pub mod error;
pub mod incremental;
pub mod load;
pub mod locale;
pub mod model;
pub mod output;
pub mod parallel;
pub mod period;
pub mod plan;
pub mod progress;
pub mod render;
pub mod standards;
pub mod synth;
pub mod templates;
