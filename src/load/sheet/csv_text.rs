//! CSV text into records, at memory speed: fields are borrowed from the
//! text (only a quoted field holding `""` is copied), each record's line is
//! counted on the way, and a large file is cut into parts at record
//! boundaries so that the parts can be decoded and read on several threads.
//!
//! The dialect is what spreadsheets write (RFC 4180): `,` between fields,
//! LF, CRLF or a lone CR between records, `"` around a field that holds any
//! of them, `""` for a quote inside one. A quote inside an unquoted field is
//! taken as it stands, as the csv crate does.

use std::borrow::Cow;

/// Reads the records of a CSV text one by one.
pub struct Records<'t> {
    text: &'t str,
    pos: usize,
    line: u64,
    /// Quotes read as quoting (opening, closing and doubled ones), to tell
    /// whether every quote of the text was one (see `Part::regular`).
    quoting: usize,
    /// A quoted field ran to the end of the text.
    unterminated: bool,
}

impl<'t> Records<'t> {
    /// Records of `text`, whose first byte is on line `line`.
    pub fn new(text: &'t str, line: u64) -> Self {
        Records {
            text,
            pos: 0,
            line,
            quoting: 0,
            unterminated: false,
        }
    }

    /// The whole text, read or not.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Reads the next record's fields into `fields` (cleared first) and
    /// returns its line; `None` at the end of the text. A blank line is a
    /// record of one empty field.
    pub fn next_into(&mut self, fields: &mut Vec<Cow<'t, str>>) -> Option<u64> {
        fields.clear();
        let bytes = self.text.as_bytes();
        if self.pos >= bytes.len() {
            return None;
        }
        let line = self.line;
        loop {
            let field = if bytes.get(self.pos) == Some(&b'"') {
                self.quoted()
            } else {
                let rest = &bytes[self.pos..];
                let end =
                    self.pos + memchr::memchr3(b',', b'\n', b'\r', rest).unwrap_or(rest.len());
                let field = &self.text[self.pos..end];
                self.pos = end;
                Cow::Borrowed(field)
            };
            fields.push(field);
            match bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'\r') => {
                    self.pos += 1;
                    if bytes.get(self.pos) == Some(&b'\n') {
                        self.pos += 1;
                    }
                    self.line += 1;
                    return Some(line);
                }
                Some(b'\n') => {
                    self.pos += 1;
                    self.line += 1;
                    return Some(line);
                }
                _ => return Some(line),
            }
        }
    }

    /// A field that starts with a quote, the position on its opening quote:
    /// its text up to the closing quote with `""` read as `"`, then any text
    /// up to the next delimiter taken as it stands.
    fn quoted(&mut self) -> Cow<'t, str> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let open = self.pos;
        self.pos += 1;
        self.quoting += 1;
        let mut from = self.pos;
        let mut copied: Option<String> = None;
        let mut field = loop {
            match memchr::memchr(b'"', &bytes[self.pos..]) {
                None => {
                    self.unterminated = true;
                    self.pos = bytes.len();
                    break join(copied, &text[from..]);
                }
                Some(i) if bytes.get(self.pos + i + 1) == Some(&b'"') => {
                    let quote = self.pos + i;
                    copied
                        .get_or_insert_with(String::new)
                        .push_str(&text[from..=quote]);
                    self.pos = quote + 2;
                    self.quoting += 2;
                    from = self.pos;
                }
                Some(i) => {
                    let quote = self.pos + i;
                    self.pos = quote + 1;
                    self.quoting += 1;
                    break join(copied, &text[from..quote]);
                }
            }
        };
        self.line += line_breaks(&bytes[open..self.pos]);
        let rest = &bytes[self.pos..];
        let end = self.pos + memchr::memchr3(b',', b'\n', b'\r', rest).unwrap_or(rest.len());
        if end > self.pos {
            field.to_mut().push_str(&text[self.pos..end]);
            self.pos = end;
        }
        field
    }

    /// Whether every quote of the text was read as quoting and every quoted
    /// field closed: then a line feed after an even number of quotes is a
    /// record boundary, and the cuts made by `cut_points` were sound.
    pub fn regular(&self) -> bool {
        !self.unterminated
            && self.quoting == memchr::memchr_iter(b'"', self.text.as_bytes()).count()
    }
}

fn join<'t>(copied: Option<String>, tail: &'t str) -> Cow<'t, str> {
    match copied {
        None => Cow::Borrowed(tail),
        Some(mut s) => {
            s.push_str(tail);
            Cow::Owned(s)
        }
    }
}

/// Line breaks in `bytes`: LF, CRLF (once) or a lone CR, so that a line
/// number is the one an editor shows. A CR at the very end counts as one.
pub fn line_breaks(bytes: &[u8]) -> u64 {
    let mut n = 0;
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
            n += 1;
        }
    }
    n
}

/// Below this size a text is read in one part.
pub const PART_BYTES: usize = 1 << 20;

/// Where to cut `bytes` into at most `parts` parts of about equal size,
/// each of at least `PART_BYTES`: the starts of the parts (the first is 0)
/// and the end. A part starts after a line feed that follows an even number
/// of quotes, i.e. outside any quoted field when the text's quotes are
/// regular (checked as the parts are read). The bytes may be UTF-8 or
/// CP949: neither has `"` or a line feed inside a multi-byte character.
pub fn cut_points(bytes: &[u8], parts: usize) -> Vec<usize> {
    let parts = parts.clamp(1, (bytes.len() / PART_BYTES).max(1));
    let mut cuts = vec![0];
    let (mut scanned, mut quotes) = (0, 0usize);
    for k in 1..parts {
        let target = bytes.len() * k / parts;
        if target <= *cuts.last().unwrap_or(&0) || target <= scanned {
            continue;
        }
        quotes += memchr::memchr_iter(b'"', &bytes[scanned..target]).count();
        scanned = target;
        let found = loop {
            match memchr::memchr2(b'"', b'\n', &bytes[scanned..]) {
                None => break None,
                Some(i) => {
                    let at = scanned + i;
                    scanned = at + 1;
                    if bytes[at] == b'"' {
                        quotes += 1;
                    } else if quotes % 2 == 0 {
                        break Some(scanned);
                    }
                }
            }
        };
        match found {
            Some(cut) if cut < bytes.len() => cuts.push(cut),
            _ => break,
        }
    }
    cuts.push(bytes.len());
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<(u64, Vec<String>)> {
        let mut records = Records::new(text, 1);
        let mut fields = Vec::new();
        let mut out = Vec::new();
        while let Some(line) = records.next_into(&mut fields) {
            out.push((line, fields.iter().map(|f| f.to_string()).collect()));
        }
        out
    }

    fn rec(line: u64, fields: &[&str]) -> (u64, Vec<String>) {
        (line, fields.iter().map(|f| f.to_string()).collect())
    }

    #[test]
    fn fields_and_lines_whatever_the_line_endings() {
        for text in ["a,b\n1,2\n", "a,b\r\n1,2\r\n", "a,b\r1,2\r", "a,b\n1,2"] {
            assert_eq!(
                all(text),
                vec![rec(1, &["a", "b"]), rec(2, &["1", "2"])],
                "{text:?}"
            );
        }
        assert_eq!(all("a,"), vec![rec(1, &["a", ""])]);
        assert_eq!(
            all("a,\n\n,b"),
            vec![rec(1, &["a", ""]), rec(2, &[""]), rec(3, &["", "b"])]
        );
    }

    #[test]
    fn quoted_fields_as_the_csv_crate_reads_them() {
        let text = "id,t\n1,\"a, \"\"b\"\"\"\n2,\"x\r\ny\",z\n3,c\"d,\"e\"f\n4,\"open";
        let ours = all(text);
        let mut theirs = Vec::new();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        for r in reader.records() {
            let r = r.expect("valid CSV");
            theirs.push(r.iter().map(String::from).collect::<Vec<_>>());
        }
        let fields: Vec<Vec<String>> = ours.iter().map(|(_, f)| f.clone()).collect();
        assert_eq!(fields, theirs);
        // A line break inside quotes is a line too.
        let lines: Vec<u64> = ours.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, vec![1, 2, 3, 5, 6]);
    }

    /// On thousands of random texts of delimiters, quotes and line ends,
    /// the same records as the csv crate (which skips blank lines).
    #[test]
    fn random_texts_read_as_the_csv_crate_reads_them() {
        let alphabet = ["a", "é", ",", "\"", "\n", "\r", "\r\n", " "];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..5000 {
            let mut text = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            for _ in 0..seed % 24 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            let ours: Vec<Vec<String>> = all(&text)
                .into_iter()
                .map(|(_, f)| f)
                .filter(|f| f != &[String::new()])
                .collect();
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(text.as_bytes());
            let theirs: Vec<Vec<String>> = reader
                .records()
                .map(|r| r.expect("text").iter().map(String::from).collect())
                .filter(|f: &Vec<String>| f != &[String::new()])
                .collect();
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    #[test]
    fn quotes_that_are_not_quoting_make_the_text_irregular() {
        let read = |text: &str| {
            let mut r = Records::new(text, 1);
            let mut f = Vec::new();
            while r.next_into(&mut f).is_some() {}
            r.regular()
        };
        assert!(read("a,\"b\"\"c\",d\n"));
        assert!(!read("a,5\"3,d\n"));
        assert!(!read("a,\"b\"x,d\n\"open"));
    }

    #[test]
    fn cuts_fall_after_line_feeds_outside_quotes() {
        let row = "x,\"multi\nline\",y\n";
        let text = row.repeat(3 * PART_BYTES / row.len() + 1);
        let cuts = cut_points(text.as_bytes(), 3);
        assert_eq!(cuts.len(), 4, "{cuts:?}");
        assert_eq!((cuts[0], cuts[3]), (0, text.len()));
        for &c in &cuts[1..3] {
            assert_eq!(c % row.len(), 0, "cut inside a record at {c}");
        }
        assert_eq!(cut_points(b"a\nb\n", 8), vec![0, 4]);
    }

    #[test]
    fn line_breaks_count_crlf_once() {
        assert_eq!(line_breaks(b"a\r\nb\rc\nd\r"), 4);
    }
}
