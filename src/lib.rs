//! `brief`: quarterly policy briefs from industrial-cooperation event
//! records. The modules follow the pipeline:
//!
//! `config` + `load` (records -> validated `model`) -> `aggregate` (numbers
//! of one quarter) -> `brief` (one language-specific model) -> `render`
//! (PDF via typst, DOCX via docx-rs) -> `output` (atomic writes).
//! `incremental` and `progress` serve `brief build` across quarters.

pub mod aggregate;
pub mod app;
pub mod brief;
pub mod cli;
pub mod config;
pub mod diag;
pub mod incremental;
pub mod load;
pub mod locale;
pub mod model;
pub mod output;
pub mod progress;
pub mod render;
pub mod standards;
pub mod synth;
pub mod templates;
