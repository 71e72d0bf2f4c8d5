//! Full-text search: which records contain every word of a query.
//!
//! A record's searchable text is folded ([`crate::fold`]) into words joined by single spaces, and
//! a query word (folded, never empty, no spaces) matches when that text contains it anywhere. So
//! it matches exactly when one of the record's distinct words contains it, and the index keeps
//! each distinct word once: a query word is looked up in the vocabulary (at most a few hundred KB
//! at 50,000 records, against tens of MB of text), then the records holding the words found are
//! collected. Records are sets of bits, so no query allocates per record; and a query that only
//! narrows a recent one (a word typed further, a word added, a filter clicked) searches within
//! that one's matches instead of everyone.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Mutex, TryLockError};

use super::bits::Bits;
use super::lists::Lists;
use super::sorted;
use crate::fold::for_each_word;
use crate::model::Person;
use crate::pace::{Pause, SLICE};

/// The searchable words of every record, and the text matches of recent queries.
#[derive(Clone, Debug)]
pub(super) struct SearchIndex {
    /// Every distinct word, the most common first, each followed by a space.
    vocabulary: String,
    /// Where each word starts in `vocabulary`, and the vocabulary's length at the end.
    starts: Vec<usize>,
    /// Per word, the records that contain it, ascending.
    postings: Lists,
    /// Per record, its distinct words, in the order they first appear.
    words: Lists,
    /// Per record, the characters in its words ([`char_bit`]).
    masks: Vec<u64>,
    recent: Recent,
}

impl SearchIndex {
    /// Folds and splits every person's searchable text, pausing every [`SLICE`] records.
    pub(super) async fn build(people: &[Person], pause: &mut impl Pause) -> Self {
        // Words get numbers in order of first appearance here, renumbered by frequency below.
        let mut numbers = Numbering::default();
        let mut word_masks: Vec<u64> = Vec::new();
        // Per word, how many records hold it and the last record that did.
        let mut frequency: Vec<usize> = Vec::new();
        let mut last_record: Vec<usize> = Vec::new();
        let mut words = Lists::default();
        let mut masks = Vec::with_capacity(people.len());
        let mut buffer = String::new();
        let mut record_words = Vec::new();
        for (record, person) in people.iter().enumerate() {
            if record % SLICE == SLICE - 1 {
                pause.pause().await;
            }
            let mut mask = 0;
            record_words.clear();
            for field in searchable(person) {
                for_each_word(field, &mut buffer, |word| {
                    let number = numbers.number(word);
                    if number == word_masks.len() {
                        word_masks.push(word.chars().fold(0, |m, c| m | char_bit(c)));
                        frequency.push(0);
                        last_record.push(usize::MAX);
                    }
                    if last_record[number] != record {
                        last_record[number] = record;
                        frequency[number] += 1;
                        mask |= word_masks[number];
                        record_words.push(number);
                    }
                });
            }
            words.push(record_words.iter().copied());
            masks.push(mask);
        }
        words.shrink_to_fit();
        // What only numbering needed goes before the rest is built: the browser's WebAssembly
        // memory never shrinks, so the build's peak is what a visitor's tab keeps.
        let Numbering { mut spelled, .. } = numbers;
        let count = word_masks.len();
        drop((word_masks, last_record, record_words, buffer));

        // Most common first: a common query word is found in most records by its first few words.
        let by_frequency = sorted((0..count).map(|w| (usize::MAX - frequency[w], w)));
        drop(frequency);
        let mut renumber = vec![0; count];
        for (new, &old) in by_frequency.iter().enumerate() {
            renumber[old] = new;
        }
        for number in words.items_mut() {
            *number = renumber[*number];
        }
        drop(renumber);
        let postings = words.transpose(count);

        let in_order: Vec<Box<str>> = by_frequency
            .iter()
            .map(|&old| std::mem::take(&mut spelled[old]))
            .collect();
        let mut vocabulary = String::with_capacity(in_order.iter().map(|w| w.len() + 1).sum());
        let mut starts = Vec::with_capacity(count + 1);
        for word in &in_order {
            starts.push(vocabulary.len());
            vocabulary.push_str(word);
            vocabulary.push(' ');
        }
        starts.push(vocabulary.len());
        Self {
            vocabulary,
            starts,
            postings,
            words,
            masks,
            recent: Recent::default(),
        }
    }

    /// The records whose text contains every one of `words` (folded, none empty).
    pub(super) fn matches(&self, words: &[String]) -> Bits {
        if words.is_empty() {
            return Bits::full(self.masks.len());
        }
        let mut recent = match self.recent.0.try_lock() {
            Ok(recent) => recent,
            Err(TryLockError::Poisoned(poisoned)) => {
                // A search panicked half-way: what it left may be wrong, so start afresh.
                self.recent.0.clear_poison();
                let mut recent = poisoned.into_inner();
                recent.clear();
                recent
            }
            // Another thread is searching: search without the cache rather than wait.
            Err(TryLockError::WouldBlock) => return self.narrow(None, words),
        };
        // Keep the chain of queries this one narrows; the rest was typed away.
        while recent
            .last()
            .is_some_and(|last| !narrows(words, &last.words))
        {
            recent.pop();
        }
        if let Some(last) = recent.last().filter(|last| last.words == words) {
            return last.matches.clone();
        }
        let matches = self.narrow(recent.last(), words);
        if recent.len() == RECENT {
            recent.remove(0);
        }
        recent.push(Searched {
            words: words.to_vec(),
            matches: matches.clone(),
        });
        matches
    }

    /// The records matching `words`, searched within the matches of `base` (which `words`
    /// narrow) when there is one.
    fn narrow(&self, base: Option<&Searched>, words: &[String]) -> Bits {
        let (mut matches, done) = match base {
            Some(base) => (base.matches.clone(), base.words.as_slice()),
            None => (Bits::full(self.masks.len()), [].as_slice()),
        };
        for (i, word) in words.iter().enumerate() {
            // A word inside one searched for already (or about to be) needs no search of its own.
            let inside_other = words.iter().enumerate().any(|(j, other)| {
                j != i && other.contains(word.as_str()) && (other.len() > word.len() || j < i)
            });
            if !inside_other && !done.iter().any(|d| d.contains(word.as_str())) {
                self.keep_containing(&mut matches, word);
            }
        }
        matches
    }

    /// Keeps in `records` those whose text contains `word`.
    fn keep_containing(&self, records: &mut Bits, word: &str) {
        let left = records.count();
        if left == 0 {
            return;
        }
        let need = word.chars().fold(0, |m, c| m | char_bit(c));
        if word.len() == 1 && word.as_bytes()[0].is_ascii_alphanumeric() {
            // One ASCII letter or digit has a bit of its own: the masks answer exactly.
            records.retain(|r| self.masks[r] & need != 0);
            return;
        }
        let found = self.vocabulary_hits(word);
        // Two ways to the same answer; take the one with less to read.
        let postings: usize = found.iter().map(|&w| self.postings.get(w).len()).sum();
        if postings <= left * (self.words.total() / self.masks.len()) {
            self.keep_by_postings(records, left, &found);
        } else {
            self.keep_by_words(records, &found, need);
        }
    }

    /// Keeps in `records` (`left` of them) those holding one of the vocabulary's words `found`,
    /// from the words' lists of records.
    fn keep_by_postings(&self, records: &mut Bits, left: usize, found: &[usize]) {
        let mut kept = Bits::empty(self.masks.len());
        let mut missing = left;
        for &w in found {
            for &r in self.postings.get(w) {
                if records.contains(r) && kept.insert(r) {
                    missing -= 1;
                    if missing == 0 {
                        // Every record is found: the less common words need no reading.
                        *records = kept;
                        return;
                    }
                }
            }
        }
        *records = kept;
    }

    /// Keeps in `records` those holding one of the vocabulary's words `found`, from the records'
    /// lists of words; `need` is the searched word's [`char_bit`]s.
    fn keep_by_words(&self, records: &mut Bits, found: &[usize], need: u64) {
        let mut wanted = Bits::empty(self.starts.len() - 1);
        for &w in found {
            wanted.insert(w);
        }
        records.retain(|r| {
            self.masks[r] & need == need && self.words.get(r).iter().any(|&w| wanted.contains(w))
        });
    }

    /// The words of the vocabulary that contain `word`, ascending.
    fn vocabulary_hits(&self, word: &str) -> Vec<usize> {
        let mut hits = Vec::new();
        // The first word not found yet: later matches in a word already found are skipped.
        let mut next = 0;
        for (at, _) in self.vocabulary.match_indices(word) {
            if at >= self.starts[next] {
                let hit = next + self.starts[next..].partition_point(|&s| s <= at) - 1;
                hits.push(hit);
                next = hit + 1;
            }
        }
        hits
    }
}

/// Numbers distinct words in the order they are first seen.
#[derive(Default)]
struct Numbering {
    /// Words of up to eight bytes, as a number: a byte each (folded words have no zero byte, so
    /// no two share a number). Most words are this short, and compare as one number.
    short: HashMap<u64, usize, BuildHasherDefault<WordHasher>>,
    long: WordMap<usize>,
    /// Every word, by number.
    spelled: Vec<Box<str>>,
}

impl Numbering {
    /// The number of `word`: the next one when it is new.
    fn number(&mut self, word: &str) -> usize {
        let next = self.spelled.len();
        let number = if word.len() <= 8 {
            let key = word.bytes().fold(0, |key, b| key << 8 | u64::from(b));
            *self.short.entry(key).or_insert(next)
        } else if let Some(&number) = self.long.get(word) {
            number
        } else {
            self.long.insert(word.into(), next);
            next
        };
        if number == next {
            self.spelled.push(word.into());
        }
        number
    }
}

/// How many recent queries are kept: enough for a long query typed letter by letter.
const RECENT: usize = 32;

/// The text matches of recent queries, each narrowing the one before it.
#[derive(Debug, Default)]
struct Recent(Mutex<Vec<Searched>>);

impl Clone for Recent {
    /// A copy of the index starts with no recent queries.
    fn clone(&self) -> Self {
        Self::default()
    }
}

#[derive(Debug)]
struct Searched {
    words: Vec<String>,
    matches: Bits,
}

/// Whether every record containing all of `words` also contains all of `base`: each word of
/// `base` is inside one of `words`.
fn narrows(words: &[String], base: &[String]) -> bool {
    base.iter()
        .all(|b| words.iter().any(|w| w.contains(b.as_str())))
}

/// Everything a visitor may search a person by.
fn searchable(person: &Person) -> impl Iterator<Item = &str> {
    [
        person.name.as_str(),
        person.country.name(),
        person.summary.as_str(),
        person.story.as_str(),
    ]
    .into_iter()
    .chain(person.aliases.iter().map(String::as_str))
    .chain(person.native_name.as_deref())
    .chain(person.location.as_deref())
    .chain(person.occupations.iter().map(String::as_str))
    .chain(person.charges.iter().map(String::as_str))
}

/// A bit for a folded character: one each for `a`–`z` and `0`–`9`, the rest share 28 bits.
fn char_bit(c: char) -> u64 {
    let bit = match c {
        'a'..='z' => u32::from(c) - u32::from('a'),
        '0'..='9' => 26 + u32::from(c) - u32::from('0'),
        _ => 36 + u32::from(c) % 28,
    };
    1 << bit
}

/// A map from texts (words, ids) to `V`, hashed with [`WordHasher`]. The index and the loader
/// share it, so the browser downloads its code once.
pub(crate) type WordMap<V> = HashMap<Box<str>, V, BuildHasherDefault<WordHasher>>;

/// rustc's `FxHash`: one multiply per eight bytes. Indexing hashes every word of every record
/// (millions at 50,000 records), where the standard hasher is several times slower; its
/// protection against crafted collisions matters little for the project's own dataset.
#[derive(Default)]
pub(crate) struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Fixed-size reads only (a copy of a variable length is a call): eight bytes at a time,
        // and the last up to eight bytes as two overlapping halves, or three single bytes.
        let mut rest = bytes;
        while let Some((block, more)) = rest.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*block));
            rest = more;
        }
        let n = rest.len();
        let tail = if n >= 4 {
            let half = |at: usize| {
                rest[at..]
                    .first_chunk::<4>()
                    .map_or(0, |b| u64::from(u32::from_le_bytes(*b)))
            };
            half(0) | half(n - 4) << 32
        } else if n > 0 {
            u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16
        } else {
            return;
        };
        self.add(tail ^ (n as u64) << 56);
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn finish(&self) -> u64 {
        // The product's high bits are the well-mixed ones; the table picks slots by the low.
        self.0.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;
    use crate::pace::{at_once, NoPause};

    #[test]
    fn both_ways_of_reading_find_what_the_folded_text_contains() {
        let people = super::super::tests::dataset().people;
        let index = at_once(SearchIndex::build(&people, &mut NoPause));
        let texts: Vec<String> = people
            .iter()
            .map(|p| fold(&searchable(p).collect::<Vec<_>>().join(" ")))
            .collect();
        let everyone = Bits::full(people.len());
        let mut some = Bits::empty(people.len());
        for r in [0, 2, 3, 5] {
            some.insert(r);
        }
        for word in [
            "a",
            "al",
            "ale",
            "ia",
            "journalist",
            "r",
            "ph",
            "ss",
            "zz",
            "1",
            "pham",
        ] {
            for within in [&everyone, &some] {
                let expected: Vec<usize> =
                    within.iter().filter(|&r| texts[r].contains(word)).collect();
                let found = index.vocabulary_hits(word);
                let need = word.chars().fold(0, |m, c| m | char_bit(c));
                let mut by_postings = within.clone();
                index.keep_by_postings(&mut by_postings, within.count(), &found);
                let mut by_words = within.clone();
                index.keep_by_words(&mut by_words, &found, need);
                let mut chosen = within.clone();
                index.keep_containing(&mut chosen, word);
                for kept in [by_postings, by_words, chosen] {
                    assert_eq!(kept.iter().collect::<Vec<_>>(), expected, "{word}");
                }
            }
        }
    }

    #[test]
    fn the_vocabulary_lists_each_word_once_most_common_first() {
        let people = super::super::tests::dataset().people;
        let index = at_once(SearchIndex::build(&people, &mut NoPause));
        let spelled: Vec<&str> = (0..index.starts.len() - 1)
            .map(|w| &index.vocabulary[index.starts[w]..index.starts[w + 1] - 1])
            .collect();
        let mut unique = spelled.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), spelled.len());
        let common: Vec<usize> = (0..spelled.len())
            .map(|w| index.postings.get(w).len())
            .collect();
        assert!(common.windows(2).all(|pair| pair[0] >= pair[1]));
        // Every record has "in one sentence" (the summary) and "a story", in that order; ties
        // keep the order the words first appear in.
        assert_eq!(&spelled[..5], ["in", "one", "sentence", "a", "story"]);
        assert_eq!(index.vocabulary_hits("tory"), [4]);
        assert!(index.vocabulary_hits("zz").is_empty());
    }
}
