//! The commands' names and help texts.

/// The usage lines of every command, shared by the overview and misuse messages.
macro_rules! usage {
    () => {
        "usage: wjc validate FILE
       wjc stats FILE
       wjc export-csv FILE -o OUT.csv
       wjc import-csv IN.csv -o FILE [--base ENVELOPE.json]
       wjc generate --count N [--seed S] -o FILE
       wjc compile FILE DIR
       wjc site DIR [--widget WIDGET]
       wjc help [COMMAND]
"
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
  photo_alt, photo_credit, links, timeline, synthetic.
  An empty cell means the field is not known.
  Lists (aliases, occupations, charges, flags, campaigns, links, timeline):
    items separated by \";\", e.g.  journalist; poet
    a \";\" inside an item is written twice:  Article 342;; Article 361
    spaces around items are dropped.
  Dates: 2018, 2018-09 or 2018-09-15.
  sentence: 20y, 9y 8m, 8m or life.
  links: Title <https://example.org/page>; Other title <https://...>
  timeline: 2018-09: What happened; 2019-03-02: What happened next
  synthetic: true for generated test records, otherwise empty.
  Line breaks inside a cell (the story's paragraphs) are kept.
  Excel: open the file with Data > From Text/CSV and set every column to Text
  so dates like 2018-09 are not changed; save as \"CSV UTF-8\". Files saved
  with \";\" between cells are read too.
"
    };
}

/// A `wjc` command.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Command {
    /// `wjc validate`.
    Validate,
    /// `wjc stats`.
    Stats,
    /// `wjc export-csv`.
    ExportCsv,
    /// `wjc import-csv`.
    ImportCsv,
    /// `wjc generate`.
    Generate,
    /// `wjc site`.
    Site,
    /// `wjc compile`.
    Compile,
}

impl Command {
    /// The command named `name` on the command line.
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "validate" => Self::Validate,
            "stats" => Self::Stats,
            "export-csv" => Self::ExportCsv,
            "import-csv" => Self::ImportCsv,
            "generate" => Self::Generate,
            "site" => Self::Site,
            "compile" => Self::Compile,
            _ => return None,
        })
    }

    /// The name as typed.
    pub fn name(self) -> &'static str {
        match self {
            Self::Validate => "validate",
            Self::Stats => "stats",
            Self::ExportCsv => "export-csv",
            Self::ImportCsv => "import-csv",
            Self::Generate => "generate",
            Self::Site => "site",
            Self::Compile => "compile",
        }
    }

    /// The one-line usage.
    pub fn usage(self) -> &'static str {
        match self {
            Self::Validate => "wjc validate FILE",
            Self::Stats => "wjc stats FILE",
            Self::ExportCsv => "wjc export-csv FILE -o OUT.csv",
            Self::ImportCsv => "wjc import-csv IN.csv -o FILE [--base ENVELOPE.json]",
            Self::Generate => "wjc generate --count N [--seed S] -o FILE",
            Self::Site => "wjc site DIR [--widget WIDGET]",
            Self::Compile => "wjc compile FILE DIR",
        }
    }

    /// The full help, for `wjc help COMMAND` and `wjc COMMAND --help`.
    pub fn help(self) -> &'static str {
        match self {
            Self::Validate => VALIDATE,
            Self::Stats => STATS,
            Self::ExportCsv => EXPORT_CSV,
            Self::ImportCsv => IMPORT_CSV,
            Self::Generate => GENERATE,
            Self::Site => SITE,
            Self::Compile => COMPILE,
        }
    }
}

/// What follows a misuse message: the usage of the command, or of all commands.
pub fn usage_hint(command: Option<Command>) -> String {
    match command {
        Some(command) => format!(
            "usage: {}\n(run \"wjc help {}\" for details)",
            command.usage(),
            command.name()
        ),
        None => concat!(usage!(), "(run \"wjc help\" for details)").to_owned(),
    }
}

/// `wjc help`.
pub const OVERVIEW: &str = concat!(
    "wjc: the maintainers' tool for the without-just-cause data file.\n\n",
    usage!(),
    "
Commands:
  validate    check a data file and list every problem
  stats       count people by status, country, campaign and occupation
  export-csv  write the people to a spreadsheet (CSV) file
  import-csv  rebuild the data file from an edited spreadsheet, if it is valid
  generate    write a synthetic data file for scale tests
  compile     turn the data file into what the browser loads (list, details)
  site        finish a site built by Trunk: static pages, no inline scripts

Run \"wjc help COMMAND\" (or \"wjc COMMAND --help\") for details.
Exit codes: 0 all well, 1 problems in the data, 2 wrong use or a file that
cannot be read or written.
"
);

const VALIDATE: &str = "\
usage: wjc validate FILE

Checks the data file FILE (e.g. assets/data/prisoners.json) exactly as the web
app will read it, and prints a report: how many records loaded, were skipped
or raised warnings, then one line per problem naming the record (its place in
the list and its id), the field and what is wrong.

A skipped record is missing from the site until it is fixed. Warnings (such as
an unknown field) do not stop a record from loading.

Exit codes: 0 no errors (warnings allowed), 1 errors or the file was refused,
2 wrong use or FILE cannot be read.
";

const STATS: &str = "\
usage: wjc stats FILE

Counts the people in the data file FILE: by status (every status, including
those with nobody), by country, by campaign and by occupation (most first),
and a few totals. Records with errors are left out and reported as skipped.

Exit codes: 0 counted, 1 the file was refused, 2 wrong use or FILE cannot be
read.
";

const EXPORT_CSV: &str = concat!(
    "usage: wjc export-csv FILE -o OUT.csv

Writes the people in the data file FILE to the spreadsheet file OUT.csv, one
row per person. Edit it, then bring it back with \"wjc import-csv\". FILE must
have no errors first (run \"wjc validate\"). The title, description, sources
and campaigns are not in the spreadsheet; they stay in the data file.

Options:
  -o, --output OUT.csv   where to write the spreadsheet (required)
",
    csv_format!(),
    "
Exit codes: 0 written, 1 FILE has errors (nothing written), 2 wrong use or a
file cannot be read or written.
"
);

const IMPORT_CSV: &str = concat!(
    "usage: wjc import-csv IN.csv -o FILE [--base ENVELOPE.json]

Rebuilds the data file FILE from the spreadsheet IN.csv (as written by
\"wjc export-csv\", then edited). The title, description, date, sources and
campaigns are taken from ENVELOPE.json when --base is given, otherwise from
the current FILE. Every row is checked exactly as the web app will check it:
if any row has a problem, nothing is written and every problem is listed with
its spreadsheet row number (the header is row 1). FILE is replaced in one
step, so it is never left half-written. The report also says which ids were
added or removed compared with the current FILE.

Options:
  -o, --output FILE       the data file to write (required)
  --base ENVELOPE.json    a data file to take the title, sources and campaigns
                          from (its people are ignored)
",
    csv_format!(),
    "
Exit codes: 0 written, 1 problems in the spreadsheet (nothing written), 2 wrong
use or a file cannot be read or written.
"
);

const GENERATE: &str = "\
usage: wjc generate --count N [--seed S] -o FILE

Writes a synthetic data file with N people for scale and layout tests. The
same seed always gives the same file. Every record and the file itself are
marked \"synthetic\": true, and all text is generic filler; none of it
describes a real person. Never publish it as the real list.

Options:
  --count N          how many people, 1 to 200000 (required)
  --seed S           any whole number (default 1)
  -o, --output FILE  where to write the data file (required)

Exit codes: 0 written, 2 wrong use or FILE cannot be written.
";

const SITE: &str = "\
usage: wjc site DIR [--widget WIDGET]

Finishes the site that Trunk built in DIR (\"make dist\" runs it after
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

Run it once per Trunk build: a page it has finished is refused.

Exit codes: 0 written, 1 the data file was refused or DIR/index.html is not
Trunk's page, 2 wrong use or a file cannot be read or written.
";

const COMPILE: &str = "\
usage: wjc compile FILE DIR

Turns the data file FILE into what the app in the browser loads, in the site
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
Records with errors are left out, as \"wjc validate FILE\" lists them.

Exit codes: 0 written, 1 the data file was refused (nothing written), 2 wrong
use or a file cannot be read or written.
";
