//! The fonts the PDF and the charts are typeset with.
//!
//! By default only fonts built into the program are used, so a brief is the
//! same bytes on every machine and nothing has to be installed: Pretendard
//! GOV (Regular and Bold: every Hangul syllable, the Hanja of KS X 1001 and
//! Latin), then typst's own fonts for the few symbols it lacks (maths, box
//! drawing). Font folders named in the configuration are scanned when given.
//! The system's fonts are read only when asked (`[fonts] system = true`),
//! when a configured family is not among the fonts above, or when a
//! character that none of them covers has to be drawn.

use std::path::PathBuf;
use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst_kit::fonts::FontStore;

use super::RenderError;
use crate::config::SystemFonts;

/// The family of the built-in Korean fonts.
pub use crate::config::BUILTIN_FONT_FAMILY as FAMILY;

/// Names the built-in fonts (and their versions) for build fingerprints.
pub const BUILTIN: &str =
    "Pretendard GOV 1.3.9 (npm pretendard-gov, Regular + Bold); typst-assets 0.15";

/// The built-in font files (assets/fonts, reproduced by scripts/fonts.sh).
static BUILTIN_FILES: [&[u8]; 2] = [
    include_bytes!("../../assets/fonts/PretendardGOV-Regular.otf"),
    include_bytes!("../../assets/fonts/PretendardGOV-Bold.otf"),
];

/// One set of fonts typst can use.
pub struct Fonts {
    store: FontStore,
    system: bool,
}

impl Fonts {
    /// The built-in fonts and those under `folders`; the system's too when
    /// `system` is set.
    pub fn load(folders: &[PathBuf], system: bool) -> Fonts {
        let mut store = FontStore::new();
        for data in BUILTIN_FILES {
            for font in Font::iter(Bytes::new(data)) {
                let info = font.info().clone();
                store.push((font, info));
            }
        }
        store.extend(typst_kit::fonts::embedded());
        for dir in folders {
            store.extend(typst_kit::fonts::scan(dir));
        }
        let mut fonts = Fonts {
            store,
            system: false,
        };
        if system {
            fonts.add_system();
        }
        fonts
    }

    /// Adds the system's fonts (after the others, so families found
    /// earlier keep their faces).
    fn add_system(&mut self) {
        self.store.extend(typst_kit::fonts::system());
        self.system = true;
    }

    pub fn book(&self) -> &LazyHash<FontBook> {
        self.store.book()
    }

    pub fn font(&self, index: usize) -> Option<Font> {
        self.store.font(index)
    }

    /// Whether a face of `family` (any case) is in the set.
    pub fn has_family(&self, family: &str) -> bool {
        self.store.book().contains_family(&family.to_lowercase())
    }

    /// Family names of fonts that can draw `c`, for messages.
    pub fn families_covering(&self, c: char) -> Vec<String> {
        let book = self.store.book();
        let mut out: Vec<String> = (0..)
            .map_while(|i| book.info(i))
            .filter(|info| info.coverage.contains(c as u32))
            .map(|info| info.family.clone())
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// The fonts of one run, loaded when the first brief is typeset: the
/// built-in and configured ones, and the system's when they are asked for
/// or needed (see the module documentation).
pub struct FontChoice {
    folders: Vec<PathBuf>,
    system: SystemFonts,
    families: Vec<String>,
    first: OnceLock<Fonts>,
    with_system: OnceLock<Fonts>,
}

impl FontChoice {
    pub fn new(folders: &[PathBuf], system: SystemFonts, families: &[String]) -> FontChoice {
        FontChoice {
            folders: folders.to_vec(),
            system,
            families: families.to_vec(),
            first: OnceLock::new(),
            with_system: OnceLock::new(),
        }
    }

    /// Whether the system's fonts can play a part in what is typeset, so a
    /// build fingerprint must cover them: when they are always read, or
    /// when a configured family is not built in (then it is looked for
    /// there). A character no built-in font covers also reads them; such a
    /// brief's text is in its fingerprint, the system's fonts are not.
    pub fn system_may_be_used(&self) -> bool {
        match self.system {
            SystemFonts::Always => true,
            SystemFonts::Never => false,
            SystemFonts::WhenNeeded => self.families.iter().any(|f| !is_builtin_family(f)),
        }
    }

    fn first(&self) -> &Fonts {
        self.first.get_or_init(|| {
            let mut fonts = Fonts::load(&self.folders, self.system == SystemFonts::Always);
            // A configured family that is not built in is looked for among
            // the system's fonts.
            if self.system == SystemFonts::WhenNeeded
                && !self.families.iter().all(|f| fonts.has_family(f))
            {
                fonts.add_system();
            }
            fonts
        })
    }

    fn with_system(&self) -> Option<&Fonts> {
        if self.system != SystemFonts::WhenNeeded || self.first().system {
            return None;
        }
        Some(
            self.with_system
                .get_or_init(|| Fonts::load(&self.folders, true)),
        )
    }

    /// Runs `typeset` with the run's fonts. If it fails because no font
    /// covers a character, and the system's fonts were not read yet but
    /// may be, runs it once more with them.
    pub fn typeset<T>(
        &self,
        typeset: impl Fn(&Fonts) -> Result<T, RenderError>,
    ) -> Result<T, RenderError> {
        match typeset(self.first()) {
            Err(RenderError::Font(message)) => match self.with_system() {
                Some(fonts) => typeset(fonts),
                None => Err(RenderError::Font(message)),
            },
            other => other,
        }
    }
}

/// Whether `family` is one of the fonts built into the program.
fn is_builtin_family(family: &str) -> bool {
    family.eq_ignore_ascii_case(FAMILY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_fonts_cover_hangul_and_the_hanja_of_ks_x_1001() {
        let fonts = Fonts::load(&[], false);
        assert!(fonts.has_family(FAMILY));
        // The first and last Hangul syllables, and Hanja the sample data
        // and Korean names use (美 is KS X 1001 0xCCE0).
        for c in ['가', '힣', '美', '韓', '國', '忠', '淸'] {
            assert!(
                fonts.families_covering(c).iter().any(|f| f == FAMILY),
                "{c} is not covered by {FAMILY}"
            );
        }
        // Regular and Bold are both there.
        let book = fonts.book();
        let weights: Vec<u16> = (0..)
            .map_while(|i| book.info(i))
            .filter(|i| i.family == FAMILY)
            .map(|i| i.variant.weight.to_number())
            .collect();
        assert!(
            weights.contains(&400) && weights.contains(&700),
            "{weights:?}"
        );
    }

    #[test]
    fn system_fonts_are_fingerprinted_only_when_they_can_be_used() {
        let ours = vec![FAMILY.to_string()];
        let office = vec!["Malgun Gothic".to_string(), FAMILY.to_string()];
        assert!(!FontChoice::new(&[], SystemFonts::WhenNeeded, &ours).system_may_be_used());
        assert!(FontChoice::new(&[], SystemFonts::WhenNeeded, &office).system_may_be_used());
        assert!(FontChoice::new(&[], SystemFonts::Always, &ours).system_may_be_used());
        assert!(!FontChoice::new(&[], SystemFonts::Never, &office).system_may_be_used());
    }
}
