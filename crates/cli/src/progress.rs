//! Progress on long jobs (`generate`, `compile`, `site` at tens of thousands of people): a bar on
//! standard error when a person watches it, nothing when it goes to a file, a pipe or a test.

use std::path::Path;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::Settings;

/// Jobs over fewer items than this end too soon for a bar to help.
const SHOWN_FROM: usize = 2_000;

/// Data files smaller than this (about 2,000 people) load too quickly for a bar to help.
const LARGE_FILE: u64 = 4 << 20;

/// A progress bar, hidden unless standard error is a terminal and the job is long.
pub struct Progress(ProgressBar);

impl Progress {
    /// A bar for `len` steps of `what` (e.g. "generating people").
    pub fn new(settings: &Settings, len: usize, what: &'static str) -> Self {
        if !settings.progress || len < SHOWN_FROM {
            return Self::hidden();
        }
        let progress = Self(ProgressBar::new(len as u64));
        progress.count(len, what);
        // Redrawn a few times a second, not on every step, so it costs nothing.
        progress.0.enable_steady_tick(Duration::from_millis(200));
        progress
    }

    /// A job on the data file at `path` whose first stage, `what`, cannot be counted (such as
    /// reading it): shown when the file is large.
    pub fn for_file(settings: &Settings, path: &Path, what: &'static str) -> Self {
        let large = std::fs::metadata(path).is_ok_and(|m| m.len() >= LARGE_FILE);
        if !settings.progress || !large {
            return Self::hidden();
        }
        let progress = Self(ProgressBar::new_spinner());
        progress.stage(what);
        progress.0.enable_steady_tick(Duration::from_millis(200));
        progress
    }

    /// No bar.
    pub fn hidden() -> Self {
        Self(ProgressBar::hidden())
    }

    /// One more step done.
    pub fn step(&self) {
        self.0.inc(1);
    }

    /// A new stage that cannot be counted: the bar says `what` and keeps moving.
    pub fn stage(&self, what: &'static str) {
        if let Ok(style) = ProgressStyle::with_template("{msg:20} {spinner} {elapsed}") {
            self.0.set_style(style);
        }
        self.0.set_message(what);
    }

    /// A new stage of `len` steps of `what`, counted from zero.
    pub fn count(&self, len: usize, what: &'static str) {
        if let Ok(style) =
            ProgressStyle::with_template("{msg:20} [{wide_bar}] {human_pos}/{human_len} {eta}")
        {
            self.0.set_style(style.progress_chars("=> "));
        }
        self.0.set_length(len as u64);
        self.0.set_position(0);
        self.0.set_message(what);
    }
}

impl Drop for Progress {
    /// The bar leaves no trace; the command's report follows on standard output.
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}
