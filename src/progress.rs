//! Progress of a multi-brief build: a bar redrawn in place on a terminal,
//! plain lines (one per file written) in CI logs and pipes.

use std::io::{IsTerminal, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A bar when stderr is a terminal and `CI` is not set; plain otherwise.
    Auto,
    Bar,
    Plain,
}

impl Mode {
    pub fn parse(s: &str) -> Option<Mode> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(Mode::Auto),
            "bar" => Some(Mode::Bar),
            "plain" => Some(Mode::Plain),
            _ => None,
        }
    }
}

pub struct Progress {
    bar: bool,
    total: usize,
    done: usize,
    current: String,
}

const WIDTH: usize = 24;

impl Progress {
    pub fn new(mode: Mode, total: usize) -> Progress {
        let bar = match mode {
            Mode::Bar => true,
            Mode::Plain => false,
            Mode::Auto => std::io::stderr().is_terminal() && std::env::var_os("CI").is_none(),
        };
        Progress {
            bar: bar && total > 0,
            total,
            done: 0,
            current: String::new(),
        }
    }

    /// The item now being rendered.
    pub fn start(&mut self, label: &str) {
        self.current = label.to_string();
        self.draw();
    }

    /// One item finished.
    pub fn done(&mut self) {
        self.done = (self.done + 1).min(self.total);
        self.draw();
    }

    /// A line of output: printed above the bar, or as is.
    pub fn line(&mut self, text: &str) {
        if self.bar {
            eprint!("\r\x1b[2K");
        }
        println!("{text}");
        self.draw();
    }

    pub fn finish(&mut self) {
        if self.bar {
            eprint!("\r\x1b[2K");
            let _ = std::io::stderr().flush();
        }
    }

    fn draw(&self) {
        if !self.bar {
            return;
        }
        eprint!(
            "\r\x1b[2K{}",
            render_bar(self.done, self.total, &self.current)
        );
        let _ = std::io::stderr().flush();
    }
}

/// `[#########---------------]  9/24 2025-Q2/brief-2025-Q2-ko.pdf`
fn render_bar(done: usize, total: usize, label: &str) -> String {
    let filled = (done * WIDTH).checked_div(total).unwrap_or(WIDTH);
    format!(
        "[{}{}] {done:>width$}/{total} {label}",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        width = total.to_string().len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_fills_in_proportion() {
        assert_eq!(render_bar(0, 4, "a"), format!("[{}] 0/4 a", "-".repeat(24)));
        assert_eq!(
            render_bar(1, 4, "b"),
            format!("[{}{}] 1/4 b", "#".repeat(6), "-".repeat(18))
        );
        assert_eq!(
            render_bar(12, 12, "c"),
            format!("[{}] 12/12 c", "#".repeat(24))
        );
        assert_eq!(render_bar(0, 0, ""), format!("[{}] 0/0 ", "#".repeat(24)));
        assert!(Mode::parse("BAR") == Some(Mode::Bar) && Mode::parse("x").is_none());
    }
}
