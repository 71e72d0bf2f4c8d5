//! Progress on long jobs (`generate`, `compile`, `site` at tens of thousands of people): a bar on
//! standard error when a person watches it, nothing when it goes to a file, a pipe or a test.

use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::Settings;

/// Jobs over fewer items than this end too soon for a bar to help.
const SHOWN_FROM: usize = 2_000;

/// A progress bar, hidden unless standard error is a terminal and the job is long.
pub struct Progress(ProgressBar);

impl Progress {
    /// A bar for `len` steps of `what` (e.g. "generating people").
    pub fn new(settings: &Settings, len: usize, what: &'static str) -> Self {
        if !settings.progress || len < SHOWN_FROM {
            return Self::hidden();
        }
        let bar = ProgressBar::new(len as u64).with_message(what);
        if let Ok(style) =
            ProgressStyle::with_template("{msg:20} [{wide_bar}] {human_pos}/{human_len} {eta}")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        // Redrawn a few times a second, not on every step, so it costs nothing.
        bar.enable_steady_tick(Duration::from_millis(200));
        Self(bar)
    }

    /// No bar.
    pub fn hidden() -> Self {
        Self(ProgressBar::hidden())
    }

    /// One more step done.
    pub fn step(&self) {
        self.0.inc(1);
    }

    /// A new stage of the job that cannot be counted (such as writing one large file): the
    /// bar says `what` and keeps moving.
    pub fn stage(&self, what: &'static str) {
        if !self.0.is_hidden() {
            if let Ok(style) = ProgressStyle::with_template("{msg:20} {spinner} {elapsed}") {
                self.0.set_style(style);
            }
            self.0.set_message(what);
        }
    }
}

impl Drop for Progress {
    /// The bar leaves no trace; the command's report follows on standard output.
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}
