//! The event ids seen so far in a data folder, to refuse a duplicate: one
//! arena of text and one table of positions, so a million ids cost two
//! allocations rather than a million, and one probe each.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use hashbrown::hash_table::Entry;

/// Where an id lies in the arena, and the file that first used it.
struct Seen {
    start: usize,
    len: u32,
    file: u32,
}

#[derive(Default)]
pub struct Ids {
    text: String,
    table: HashTable<Seen>,
    hasher: rustc_hash::FxBuildHasher,
}

impl Ids {
    /// Makes room for `more` ids.
    pub fn reserve(&mut self, more: usize) {
        let Ids {
            text,
            table,
            hasher,
        } = self;
        table.reserve(more, |s| {
            hasher.hash_one(&text[s.start..s.start + s.len as usize])
        });
        text.reserve(more * 16);
    }

    /// Records `id` as used by file number `file`; when it was used
    /// before, the number of the file that used it first.
    pub fn insert(&mut self, id: &str, file: usize) -> Result<(), usize> {
        let Ids {
            text,
            table,
            hasher,
        } = self;
        let at = |s: &Seen| &text[s.start..s.start + s.len as usize];
        let entry = table.entry(
            hasher.hash_one(id),
            |s| at(s) == id,
            |s| hasher.hash_one(at(s)),
        );
        match entry {
            Entry::Occupied(seen) => Err(seen.get().file as usize),
            Entry::Vacant(slot) => {
                let seen = Seen {
                    start: text.len(),
                    len: u32::try_from(id.len()).unwrap_or(u32::MAX),
                    file: u32::try_from(file).unwrap_or(u32::MAX),
                };
                slot.insert(seen);
                text.push_str(id);
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_second_use_names_the_first_file() {
        let mut ids = super::Ids::default();
        assert_eq!(ids.insert("a", 0), Ok(()));
        assert_eq!(ids.insert("b", 1), Ok(()));
        assert_eq!(ids.insert("a", 2), Err(0));
        for i in 0..10_000 {
            assert_eq!(ids.insert(&format!("id-{i}"), 3), Ok(()));
        }
        assert_eq!(ids.insert("id-9999", 4), Err(3));
        assert_eq!(ids.insert("b", 4), Err(1));
    }
}
