//! The command line of `wjc`, declared once: clap builds the parser, `--help`, `wjc help`,
//! `--version`, the suggestions for mistyped commands and the shell completions from it.

use clap::{Args, Parser, Subcommand};
use clap_complete::Shell;

/// Exit codes, shared by every help text.
macro_rules! exit_codes {
    () => {
        "Exit codes: 0 all well, 1 problems in the data, 2 wrong use or a file that cannot be \
         read or written."
    };
}
const EXIT_CODES: &str = exit_codes!();

/// What every command that writes the data file does, for their help.
macro_rules! safe_writes {
    () => {
        "The data file is replaced in one step (written to a temporary file beside it, then renamed),
so a failure never leaves it half-written. The previous file is kept beside it as
FILE.YYYYMMDDTHHMMSS.mmmZ.bak; the five newest backups are kept, older ones removed."
    };
}

/// The spreadsheet format, shared by the help of both CSV commands.
macro_rules! csv_format {
    () => {
        "
The spreadsheet (UTF-8 CSV, header row, one row per person):
  Columns, in this order: id, name, aliases, native_name, gender, country,
  location, status, status_as_of, summary, story, occupations, arrested,
  sentenced, sentence, charges, flags, campaigns, source, photo_url,
  photo_alt, photo_credit, links, timeline, actions, last_verified,
  visibility, synthetic, then three columns
  for each language the summary is translated into (es, fr, ru, ar, fa,
  zh-Hans): summary_es, story_es, reviewed_es, summary_fr, … reviewed_zh-Hans.
  An empty cell means the field is not known.
  Lists (aliases, occupations, charges, flags, campaigns, links, timeline,
  actions):
    items separated by \";\", e.g.  journalist; poet
    a \";\" inside an item is written twice:  Article 342;; Article 361
    spaces around items are dropped.
  Dates: 2018, 2018-09 or 2018-09-15.
  sentence: 20y, 9y 8m, 8m or life.
  links: Title <https://example.org/page>; Other title <https://...>
  timeline: DATE [KIND] [@SOURCE]: what happened, e.g.
    2018-09 arrest @state-dept-2023: Arrested at home; 2019: Other event
    KIND: arrest, detention, disappearance, trial, sentence, appeal, hearing,
    transfer, release, last_contact, award or other (the default).
  actions: KIND [#HASHTAG…] [<URL>] [@SOURCE]: text [|| postal address], e.g.
    share #WithoutJustCause: Share the story; demand @src: Free her now
    KIND: share, demand, act, write_letter or contact_officials.
  last_verified: the date staff last checked the record against its sources.
  visibility: empty (full), no_photo or initials. People below full are
    exported as the public pages show them unless --full is given: export
    with --full to edit them, or their initials replace their names.
  synthetic: true for generated test records, otherwise empty.
  Translations: an empty summary_xx means no translation into xx (story_xx
  and reviewed_xx must then be empty too); reviewed_xx is yes when a person
  has reviewed the translation, empty for a machine or unreviewed one.
  Line breaks inside a cell (the story's paragraphs) are kept.
  Formulas: a cell that starts with =, +, -, @, a tab or a carriage return
  is written with an apostrophe in front ('=…), so a spreadsheet shows it as
  text instead of running it; a cell that itself starts with an apostrophe
  followed by one of those gets one more apostrophe. Import removes exactly
  one such apostrophe, so every text comes back as it was.
  Excel: open the file with Data > From Text/CSV and set every column to Text
  so dates like 2018-09 are not changed; save as \"CSV UTF-8\". Files saved
  with \";\" between cells are read too.
"
    };
}

/// The maintainers' tool for the without-just-cause data file.
#[derive(Parser, Debug)]
#[command(
    name = "wjc",
    version,
    about = "wjc: the maintainers' tool for the without-just-cause data file.",
    after_help = EXIT_CODES,
    after_long_help = concat!(
        "Keeping the list (see docs/data-format.md):
  wjc export-csv assets/data/prisoners.json -o people.csv
  (edit people.csv in a spreadsheet, save it as CSV UTF-8)
  wjc import-csv people.csv -o assets/data/prisoners.json --dry-run
  wjc import-csv people.csv -o assets/data/prisoners.json
  wjc diff assets/data/prisoners.json.BACKUP.bak assets/data/prisoners.json

",
        exit_codes!()
    ),
    propagate_version = true
)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// A `wjc` command.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check a data file and list every problem.
    #[command(
        long_about = "Checks the data file FILE (e.g. assets/data/prisoners.json) exactly as the web
app will read it, and prints a report: how many records loaded, were skipped
or raised warnings, then one line per problem naming the record (its place in
the list and its id), the field and what is wrong.

A skipped record is missing from the site until it is fixed. Warnings (such as
an unknown field) do not stop a record from loading.",
        after_help = "Exit codes: 0 no errors (warnings allowed), 1 errors or the file was refused,
2 wrong use or FILE cannot be read."
    )]
    Validate(DataFile),

    /// Count people by status, country, campaign and occupation.
    #[command(
        long_about = "Counts the people in the data file FILE: by status (every status, including
those with nobody), by country, by campaign and by occupation (most first),
and a few totals. Records with errors are left out and reported as skipped.",
        after_help = "Exit codes: 0 counted, 1 the file was refused, 2 wrong use or FILE cannot be read."
    )]
    Stats(DataFile),

    /// Write the people to a spreadsheet (CSV) file.
    #[command(
        long_about = "Writes the people in the data file FILE to the spreadsheet file OUT.csv, one
row per person. Edit it, then bring it back with \"wjc import-csv\". FILE must
have no errors first (run \"wjc validate\"). The title, description, sources
and campaigns are not in the spreadsheet; they stay in the data file.",
        after_long_help = concat!(
            csv_format!(),
            "
Exit codes: 0 written, 1 FILE has errors (nothing written), 2 wrong use or a
file cannot be read or written."
        )
    )]
    ExportCsv(ExportCsv),

    /// Rebuild the data file from an edited spreadsheet, if it is valid.
    #[command(
        long_about = "Rebuilds the data file FILE from the spreadsheet IN.csv (as written by
\"wjc export-csv\", then edited). The title, description, date, sources and
campaigns are taken from ENVELOPE.json when --base is given, otherwise from
the current FILE. Every row is checked exactly as the web app will check it:
if any row has a problem, nothing is written and every problem is listed with
its spreadsheet row number (the header is row 1).

Nobody is removed by accident: when people of the current FILE are missing
from the spreadsheet (a deleted row, or rows hidden by a filter when it was
saved), nothing is written and they are named, unless --allow-removals is
given. --dry-run shows who would be added, removed or changed (and which
fields) and writes nothing. The date \"updated\" becomes today's when the
content changes.",
        after_long_help = concat!(
            safe_writes!(),
            "\n",
            csv_format!(),
            "
Exit codes: 0 written (or, with --dry-run, it could be), 1 problems in the
spreadsheet or people would be removed (nothing written), 2 wrong use or a
file cannot be read or written."
        )
    )]
    ImportCsv(ImportCsv),

    /// Say who was added, removed or changed between two data files.
    #[command(
        long_about = "Compares two versions of the data file, OLD and NEW (e.g. the backup that
\"wjc import-csv\" keeps and the file it wrote), and says who was added,
removed or changed, with the fields that changed and each change of status.
Use it to review a change before publishing. Records with errors are left
out of both sides, as the app leaves them out.",
        after_help = "Exit codes: 0 compared (whatever the differences), 1 a file was refused,
2 wrong use or a file cannot be read."
    )]
    Diff(Diff),

    /// Write a synthetic data file for scale tests.
    #[command(
        long_about = "Writes a synthetic data file with N people for scale and layout tests. The
same seed always gives the same file. Every record and the file itself are
marked \"synthetic\": true, and all text is generic filler; none of it
describes a real person. Never publish it as the real list.",
        after_long_help = concat!(
            safe_writes!(),
            "

Exit codes: 0 written, 2 wrong use or FILE cannot be written."
        )
    )]
    Generate(Generate),

    /// Turn the data file into what the browser loads (list, details).
    #[command(
        long_about = "Turns the data file FILE into what the app in the browser loads, in the site
folder DIR (\"wjc site\" does this for DIR/data/prisoners.json):
- DIR/data/list.json: for up to 100 people, the whole checked dataset; for
  more, a lean list with only what the cards, search and filters need (names,
  country, status, dates, occupations, campaigns), so the first screen stays
  small and quick whatever the size;
- DIR/data/detail/VERSION-N.json (more than 100 people only): every record
  whole, 24 per file in list order, so opening a profile costs one small
  download. VERSION changes with the content, so a list is never read with
  another version's details; earlier detail files are removed;
- DIR/data/first.json (more than 100 people only): the first 24 people of the
  list, whole, which the app shows while the list downloads.
Records with errors are left out, as \"wjc validate FILE\" lists them.",
        after_help = "Exit codes: 0 written, 1 the data file was refused (nothing written), 2 wrong
use or a file cannot be read or written."
    )]
    Compile(Compile),

    /// Finish a site built by Trunk: static pages, no inline scripts.
    #[command(
        long_about = "Finishes the site that Trunk built in DIR (\"make dist\" runs it after
\"trunk build\"):
- moves Trunk's inline loader into a file (loader-HASH.js), so the pages run
  under a strict Content-Security-Policy, and refuses pages with any other
  inline script or style. The loader fetches the app's code once the browser
  has painted the page (Trunk's preload of it is left out), so the static
  page comes first;
- compiles DIR/data/prisoners.json into what the app loads (as \"wjc compile
  DIR/data/prisoners.json DIR\" does);
- writes the list of people into DIR/index.html (24 people per page, further
  pages in DIR/list/) and one page per person in DIR/person/ID.html, from
  DIR/data/prisoners.json, the same data the app loads. Browsers without
  JavaScript or WebAssembly show these pages; the app takes them over where
  it can run. Records the app would skip are left out here too;
- with --widget, adds the embeddable widget from Trunk's build of widget.html
  in WIDGET: widget.js, embed.html and embed.js (stable addresses for
  partners' pages) and the hashed files they load (docs/embedding.md).

Run it once per Trunk build: a page it has finished is refused.",
        after_help = "Exit codes: 0 written, 1 the data file was refused or DIR/index.html is not
Trunk's page, 2 wrong use or a file cannot be read or written."
    )]
    Site(Site),

    /// Check the interface's translations against English.
    #[command(
        long_about = "Checks the message catalogues in DIR (by default assets/i18n, the folder of
the repository): en.json, which defines every message, and each translation
(es.json, fr.json, ru.json, ar.json, fa.json, zh-Hans.json) together with the
country names and date patterns generated from CLDR for it (cldr/LANG.json).
Prints one line per problem, FILE: key: what, then a summary:
- a message that cannot be read (ICU MessageFormat; docs/translating.md);
- a message missing from a translation, or one English does not have;
- placeholders that differ from English ({name} where English has {country});
- a plural without every category the language needs (Russian: one, few,
  many, other; Arabic: zero, one, two, few, many, other);
- a key a translation repeats from its CLDR file, and a .json file in DIR
  named for no language of the interface.",
        after_help = "Exit codes: 0 no problems, 1 problems, 2 wrong use or a file cannot be read."
    )]
    I18nCheck(I18nCheck),

    /// Print the data file's JSON Schema, for editors.
    #[command(
        long_about = "Prints the JSON Schema of the data file, generated from the model the app
reads. The repository keeps a copy in assets/data/prisoners.schema.json, and
the data file names it with \"$schema\", so editors such as VS Code and
JetBrains check the file as it is typed. \"wjc validate\" remains the judge:
a few rules (unique ids, campaigns and sources that exist in the file, a
sentence date after the arrest, real calendar days) are beyond a schema.",
        after_help = "Exit codes: 0 printed, 2 wrong use."
    )]
    Schema,

    /// Print a shell completion script (bash, zsh, fish …).
    #[command(
        long_about = "Prints the completion script for SHELL, so the shell completes wjc's commands,
options and file names. For example:
  bash:  wjc completions bash > ~/.local/share/bash-completion/completions/wjc
  zsh:   wjc completions zsh > ~/.zfunc/_wjc   (with fpath+=~/.zfunc before compinit)
  fish:  wjc completions fish > ~/.config/fish/completions/wjc.fish",
        after_help = "Exit codes: 0 printed, 2 wrong use."
    )]
    Completions {
        /// The shell to complete in.
        shell: Shell,
    },
}

impl Command {
    /// The name as typed, for messages.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Validate(_) => "validate",
            Self::Stats(_) => "stats",
            Self::ExportCsv(_) => "export-csv",
            Self::ImportCsv(_) => "import-csv",
            Self::Diff(_) => "diff",
            Self::Generate(_) => "generate",
            Self::Compile(_) => "compile",
            Self::Site(_) => "site",
            Self::I18nCheck(_) => "i18n-check",
            Self::Schema => "schema",
            Self::Completions { .. } => "completions",
        }
    }
}

/// A command that reads one data file.
#[derive(Args, Debug)]
pub struct DataFile {
    /// The data file, e.g. assets/data/prisoners.json.
    #[arg(value_name = "FILE")]
    pub file: String,
}

/// `wjc export-csv FILE -o OUT.csv`.
#[derive(Args, Debug)]
pub struct ExportCsv {
    /// The data file to export.
    #[arg(value_name = "FILE")]
    pub file: String,
    /// Where to write the spreadsheet.
    #[arg(short, long, value_name = "OUT.csv")]
    pub output: String,
    /// Write people kept to initials or without a photo in full, to edit them (by default the
    /// spreadsheet shows them as every public page does, and must not be imported back).
    #[arg(long)]
    pub full: bool,
}

/// `wjc import-csv IN.csv -o FILE [--base ENVELOPE.json] [--dry-run] [--allow-removals]`.
#[derive(Args, Debug)]
pub struct ImportCsv {
    /// The spreadsheet to import.
    #[arg(value_name = "IN.csv")]
    pub csv: String,
    /// The data file to write.
    #[arg(short, long, value_name = "FILE")]
    pub output: String,
    /// A data file to take the title, sources and campaigns from (its people are ignored).
    #[arg(long, value_name = "ENVELOPE.json")]
    pub base: Option<String>,
    /// Show who would be added, removed or changed, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Write even though people of the current file are missing from the spreadsheet.
    #[arg(long)]
    pub allow_removals: bool,
}

/// `wjc diff OLD NEW`.
#[derive(Args, Debug)]
pub struct Diff {
    /// The earlier data file.
    #[arg(value_name = "OLD")]
    pub old: String,
    /// The later data file.
    #[arg(value_name = "NEW")]
    pub new: String,
}

/// `wjc generate --count N [--seed S] -o FILE`.
#[derive(Args, Debug)]
pub struct Generate {
    /// How many people.
    #[arg(
        long,
        value_name = "N",
        value_parser = count,
        help = "How many people, 1 to 200000 (50000, 50_000 and 50,000 are read alike)"
    )]
    pub count: usize,
    /// Any whole number; the same seed gives the same file.
    #[arg(long, value_name = "S", default_value_t = 1, value_parser = whole_number)]
    pub seed: u64,
    /// Where to write the data file.
    #[arg(short, long, value_name = "FILE")]
    pub output: String,
}

/// `wjc compile FILE DIR`.
#[derive(Args, Debug)]
pub struct Compile {
    /// The data file, e.g. assets/data/prisoners.json.
    #[arg(value_name = "FILE")]
    pub file: String,
    /// The site folder to write data/list.json and data/detail/ into, e.g. dist.
    #[arg(value_name = "DIR")]
    pub dir: String,
}

/// `wjc site DIR [--widget WIDGET]`.
#[derive(Args, Debug)]
pub struct Site {
    /// The folder Trunk built, e.g. dist.
    #[arg(value_name = "DIR")]
    pub dir: String,
    /// The folder of Trunk's widget build (widget.html), e.g. target/widget.
    #[arg(long, value_name = "WIDGET")]
    pub widget: Option<String>,
    /// The site's public address, e.g. `https://campaign.example/` (`make dist SITE_URL=…`):
    /// share cards, canonical links, feeds and QR codes need it. Without it addresses are
    /// relative and no QR code is made.
    #[arg(long = "site-url", value_name = "URL")]
    pub address: Option<String>,
    /// Which share images to draw: `auto` (each profile's up to 2,000 people, beyond that only
    /// the site card, which the profiles then share), `profiles` (every profile's) or `none`.
    #[arg(long, value_name = "WHICH", default_value = "auto")]
    pub images: Images,
}

/// Which share images `wjc site` draws.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Images {
    /// Every profile's up to 2,000 people (about 30 ms each); beyond, only the site card.
    Auto,
    /// Every profile's, however many.
    Profiles,
    /// None (a quick build).
    None,
}

/// `wjc i18n-check [DIR]`.
#[derive(Args, Debug)]
pub struct I18nCheck {
    /// The folder of the catalogues.
    #[arg(value_name = "DIR", default_value = "assets/i18n")]
    pub dir: String,
}

/// Most people `--count` accepts: 200,000 make a 430 MB file and need about 750 MB of memory
/// while generating, beyond any scale test of a static JSON list.
pub const MAX_COUNT: usize = 200_000;

/// A whole number as people write it: `50000`, `50_000` or `50,000`.
fn whole_number(text: &str) -> Result<u64, String> {
    let digits: String = text.chars().filter(|c| !matches!(c, '_' | ',')).collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("\"{text}\" is not a whole number"));
    }
    digits
        .parse()
        .map_err(|_| format!("\"{text}\" is too large"))
}

/// `--count`: a whole number from 1 to [`MAX_COUNT`].
fn count(text: &str) -> Result<usize, String> {
    whole_number(text)
        .ok()
        .and_then(|n| usize::try_from(n).ok())
        .filter(|n| (1..=MAX_COUNT).contains(n))
        .ok_or_else(|| format!("must be a whole number from 1 to {MAX_COUNT}, not \"{text}\""))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn numbers_are_read_as_people_write_them() {
        assert_eq!(count("50,000"), Ok(50_000));
        assert_eq!(count("50_000"), Ok(50_000));
        assert!(count("0").is_err());
        assert!(count("200001").unwrap_err().contains("from 1 to 200000"));
        assert!(count("many").is_err());
        assert!(count("").is_err());
        assert_eq!(whole_number("18446744073709551615"), Ok(u64::MAX));
        assert!(whole_number("18446744073709551616")
            .unwrap_err()
            .contains("too large"));
        assert!(whole_number("-3").is_err());
    }
}
