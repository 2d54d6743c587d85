//! Fuzz target: arbitrary bytes read as `record.json` by the data loader.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::read("record.json", data);
});
