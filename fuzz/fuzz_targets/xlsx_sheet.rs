//! Fuzz target: arbitrary bytes read as `sheet.xlsx` by the data loader.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::read("sheet.xlsx", data);
});
