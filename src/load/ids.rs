//! The event ids seen so far in a data folder, to refuse a duplicate: per
//! shard one arena of text and one table of positions, so a million ids
//! cost a few allocations rather than a million, and one probe each. Ids
//! are spread over as many shards as there are cores by their hash, so a
//! batch (a part of a sheet) is checked on every core at once.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use hashbrown::hash_table::Entry;

/// Where an id lies in its shard's arena, and the file that first used it.
struct Seen {
    start: usize,
    len: u32,
    file: u32,
}

#[derive(Default)]
struct Shard {
    text: String,
    table: HashTable<Seen>,
}

impl Shard {
    fn insert(
        &mut self,
        hash: u64,
        id: &str,
        file: usize,
        hasher: &rustc_hash::FxBuildHasher,
    ) -> Result<(), usize> {
        let Shard { text, table } = self;
        let at = |s: &Seen| &text[s.start..s.start + s.len as usize];
        let entry = table.entry(hash, |s| at(s) == id, |s| hasher.hash_one(at(s)));
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

/// Batches smaller than this are checked on one thread.
const PARALLEL_BATCH: usize = 50_000;

pub struct Ids {
    shards: Vec<Shard>,
    hasher: rustc_hash::FxBuildHasher,
}

impl Default for Ids {
    fn default() -> Self {
        let n = crate::parallel::cores().min(8);
        Ids::with_shards(n)
    }
}

impl Ids {
    fn with_shards(n: usize) -> Self {
        Ids {
            shards: (0..n.max(1)).map(|_| Shard::default()).collect(),
            hasher: rustc_hash::FxBuildHasher,
        }
    }

    fn shard_of(&self, hash: u64) -> usize {
        // The table uses the low bits; the shard takes the high ones.
        ((hash >> 32) as usize) % self.shards.len()
    }

    /// Makes room for `more` ids.
    pub fn reserve(&mut self, more: usize) {
        let each = more / self.shards.len() + 1;
        let hasher = &self.hasher;
        for Shard { text, table } in &mut self.shards {
            table.reserve(each, |s| {
                hasher.hash_one(&text[s.start..s.start + s.len as usize])
            });
            text.reserve(each * 16);
        }
    }

    /// Records `id` as used by file number `file`; when it was used
    /// before, the number of the file that used it first.
    pub fn insert(&mut self, id: &str, file: usize) -> Result<(), usize> {
        let hash = self.hasher.hash_one(id);
        let shard = self.shard_of(hash);
        self.shards[shard].insert(hash, id, file, &self.hasher)
    }

    /// Records every id of `ids` (in file order) as used by file number
    /// `file`, as `insert` one by one would: returns the positions in
    /// `ids` of those used before (earlier in `ids` too), each with the
    /// number of the file that used it first, in order.
    pub fn insert_all(&mut self, ids: &[&str], file: usize) -> Vec<(usize, usize)> {
        if self.shards.len() == 1 || ids.len() < PARALLEL_BATCH {
            return ids
                .iter()
                .enumerate()
                .filter_map(|(i, id)| self.insert(id, file).err().map(|first| (i, first)))
                .collect();
        }
        let n = self.shards.len();
        let hasher = &self.hasher;
        let mut found: Vec<(usize, usize)> = std::thread::scope(|scope| {
            let workers: Vec<_> = self
                .shards
                .iter_mut()
                .enumerate()
                .map(|(k, shard)| {
                    scope.spawn(move || {
                        let mut found = Vec::new();
                        for (i, id) in ids.iter().enumerate() {
                            let hash = hasher.hash_one(id);
                            if ((hash >> 32) as usize) % n == k
                                && let Err(first) = shard.insert(hash, id, file, hasher)
                            {
                                found.push((i, first));
                            }
                        }
                        found
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect()
        });
        found.sort_unstable();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::Ids;

    #[test]
    fn a_second_use_names_the_first_file() {
        for shards in [1, 2, 3] {
            let mut ids = Ids::with_shards(shards);
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

    /// A batch checked on every shard at once finds what one id at a time
    /// finds: repeats within the batch and of earlier files, in order.
    #[test]
    fn a_batch_finds_what_one_at_a_time_finds() {
        let batch: Vec<String> = (0..120_000)
            .map(|i| format!("id-{}", (i * 7919) % 100_000))
            .chain(["early".to_string(), "id-5".to_string()])
            .collect();
        let batch: Vec<&str> = batch.iter().map(String::as_str).collect();
        let one_by_one = {
            let mut ids = Ids::with_shards(1);
            let _ = ids.insert("early", 0);
            ids.insert_all(&batch, 1)
        };
        assert_eq!(one_by_one.len(), 20_002);
        for shards in [2, 3] {
            let mut ids = Ids::with_shards(shards);
            let _ = ids.insert("early", 0);
            assert_eq!(ids.insert_all(&batch, 1), one_by_one, "{shards} shards");
            assert_eq!(ids.insert("id-17", 2), Err(1));
        }
        assert_eq!(one_by_one[0].1, 1);
        assert!(
            one_by_one.contains(&(120_000, 0)),
            "`early` came from file 0"
        );
    }
}
