//! What every target shares: the sample taxonomies, loaded once, and the
//! loader's in-memory entry point.

use std::path::Path;
use std::sync::OnceLock;

use brief::load::{self, Keep, LoadOptions};
use brief::model::Taxonomy;

fn taxonomy() -> &'static Taxonomy {
    static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
    TAXONOMY.get_or_init(|| {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        load::load_taxonomy(&data).expect("the sample taxonomies load")
    })
}

/// Reads `data` as a file called `name`; any panic is a finding.
pub fn read(name: &str, data: &[u8]) {
    let options = LoadOptions {
        currencies: vec!["KRW".into(), "USD".into(), "CAD".into()],
        keep: Keep::All,
    };
    let _ = load::read_bytes(name, data, taxonomy(), &options);
}
