//! The `wjc` binary as staff use it: exit codes, messages and files, on fixtures in a temporary
//! folder.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

/// The fixture that fills every optional field somewhere, with awkward text.
const FULL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/full.json");
/// The real list, when it is in the repository.
const REAL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/data/prisoners.json"
);

/// A fresh folder for one test, removed when the test ends.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!("wjc-cli-test-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).unwrap();
        Self(path)
    }

    fn path(&self, file: &str) -> String {
        self.0.join(file).to_str().unwrap().to_owned()
    }

    fn write(&self, file: &str, text: &str) -> String {
        let path = self.path(file);
        fs::write(&path, text).unwrap();
        path
    }

    /// The names of the files in the folder, sorted.
    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(&self.0)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// What a run of `wjc` did.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn wjc(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_wjc"))
        .args(args)
        .output()
        .unwrap();
    Run {
        code: output
            .status
            .code()
            .expect("wjc exits with a code, never by a signal"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// The form every tool writes: pretty JSON of the loaded dataset, newline-terminated.
fn canonical(text: &str) -> String {
    let loaded = wjc_core::load(text).unwrap();
    assert!(
        loaded.report.errors.is_empty(),
        "{:?}",
        loaded.report.errors
    );
    serde_json::to_string_pretty(&loaded.dataset).unwrap() + "\n"
}

/// Exports `source` to CSV and imports it back with `source` as the envelope; returns the CSV
/// text and the JSON written.
fn round_trip(dir: &TempDir, source: &str) -> (String, String) {
    let csv = dir.path("people.csv");
    let json = dir.path("out.json");
    let export = wjc(&["export-csv", source, "-o", &csv]);
    assert_eq!(export.code, 0, "{}{}", export.stdout, export.stderr);
    assert!(!export.stdout.contains("warning"), "{}", export.stdout);
    let import = wjc(&["import-csv", &csv, "-o", &json, "--base", source]);
    assert_eq!(import.code, 0, "{}{}", import.stdout, import.stderr);
    (
        fs::read_to_string(csv).unwrap(),
        fs::read_to_string(json).unwrap(),
    )
}

fn full() -> Value {
    serde_json::from_str(&fs::read_to_string(FULL).unwrap()).unwrap()
}

/// `full.json` with `n` extra minimal records, so one or two bad ones stay under the one-in-five
/// limit.
fn padded(n: usize) -> Value {
    let mut data = full();
    let people = data["people"].as_array_mut().unwrap();
    for i in 1..=n {
        let mut person = people[3].clone();
        person["id"] = json!(format!("padding-{i}"));
        people.push(person);
    }
    data
}

// ---- validate ----

#[test]
fn validate_passes_a_clean_file() {
    let run = wjc(&["validate", FULL]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .ends_with(": 4 records: 4 loaded, 0 skipped, 0 warnings\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn validate_prints_warnings_but_passes() {
    let dir = TempDir::new("warnings");
    let mut data = full();
    data["people"][1]["nickname"] = json!("Zo");
    let file = dir.write("data.json", &data.to_string());
    let run = wjc(&["validate", &file]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout
            .contains("4 records: 4 loaded, 0 skipped, 1 warning\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("warning: record 2 (\"fixture-two\"), nickname: is not a known field"),
        "{}",
        run.stdout
    );
}

#[test]
fn validate_fails_on_errors_naming_record_and_field() {
    let dir = TempDir::new("errors");
    let mut data = padded(6);
    data["people"][1]["status"] = json!("jailed");
    data["people"][2]["arrested"] = json!("2020-13");
    let file = dir.write("data.json", &data.to_string());
    let run = wjc(&["validate", &file]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("10 records: 8 loaded, 2 skipped, 0 warnings"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("error: record 2 (\"fixture-two\"), status: \"jailed\" is not one of"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("error: record 3 (\"fixture-three\"), arrested:"),
        "{}",
        run.stdout
    );
}

#[test]
fn validate_explains_a_refused_file() {
    let dir = TempDir::new("refused");
    let file = dir.write(
        "broken.json",
        "{\n  \"schema_version\": 1,\n  \"people\": [,]\n}",
    );
    let run = wjc(&["validate", &file]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("was refused. The data file is not valid JSON (line 3, column 14)"),
        "{}",
        run.stdout
    );

    // Mass corruption: the report lists every bad record.
    let mut data = full();
    data["people"][0]["country"] = json!("XX");
    data["people"][1]["country"] = json!("YY");
    let file = dir.write("corrupt.json", &data.to_string());
    let run = wjc(&["validate", &file]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("2 of its 4 records are invalid"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("4 records: 2 loaded, 2 skipped"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("\"XX\" is not") && run.stdout.contains("\"YY\" is not"),
        "{}",
        run.stdout
    );
}

// ---- stats ----

#[test]
fn stats_lists_every_status_and_counts() {
    let run = wjc(&["stats", FULL]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    assert!(out.starts_with("SYNTHETIC TEST DATA"), "{out}");
    for status in wjc_core::Status::ALL {
        assert!(
            out.contains(&format!("  {} ", status.as_str())),
            "{status:?} in {out}"
        );
    }
    assert!(out.contains("  exiled           0    0.0%"), "{out}");
    assert!(out.contains("  BY Belarus       1   25.0%"), "{out}");
    assert!(out.contains("  camp-a Campaign A  3   75.0%"), "{out}");
    assert!(
        out.contains("  (none given)") && out.contains("  of which life"),
        "{out}"
    );
}

// ---- CSV round trip ----

#[test]
fn csv_round_trip_keeps_every_field_byte_for_byte() {
    let dir = TempDir::new("round-trip");
    let original = fs::read_to_string(FULL).unwrap();
    assert_eq!(
        original,
        canonical(&original),
        "the fixture is written as the tools write"
    );
    let (csv, json) = round_trip(&dir, FULL);
    assert_eq!(json, original);
    assert_eq!(
        wjc_core::load(&json).unwrap().dataset,
        wjc_core::load(&original).unwrap().dataset
    );
    // The encodings the help promises.
    assert!(
        csv.starts_with("\u{feff}id,name,aliases,native_name,"),
        "{csv}"
    );
    for cell in [
        "Zofia Nandu;; the elder; \"\"Zosia\"\" Ł.; ;;leading semicolon; trailing semicolon;;; two;;;;in a row",
        ",9y 8m,",
        ",8m,",
        ",life,",
        ",20y,",
        "Второе интервью <http://example.org/x>",
        "2018-09: Arrested: at home;; searched; 2019: Trial began",
        "a tab\there.\n\nSecond paragraph:\nit has a single line break too.",
    ] {
        assert!(csv.contains(cell), "{cell:?} in {csv}");
    }
}

#[test]
fn csv_round_trip_of_the_real_list() {
    if !Path::new(REAL).exists() {
        return;
    }
    let dir = TempDir::new("real");
    let original = fs::read_to_string(REAL).unwrap();
    let (_, json) = round_trip(&dir, REAL);
    assert_eq!(json, canonical(&original));
    assert_eq!(
        wjc_core::load(&json).unwrap().dataset,
        wjc_core::load(&original).unwrap().dataset
    );
}

#[test]
fn csv_round_trip_of_generated_data() {
    let dir = TempDir::new("generated-round-trip");
    let file = dir.path("synthetic.json");
    assert_eq!(
        wjc(&["generate", "--count", "500", "--seed", "9", "-o", &file]).code,
        0
    );
    let (_, json) = round_trip(&dir, &file);
    assert_eq!(json, fs::read_to_string(&file).unwrap());
}

#[test]
fn import_reads_what_spreadsheets_save() {
    let dir = TempDir::new("spreadsheet-quirks");
    let csv = dir.path("people.csv");
    assert_eq!(wjc(&["export-csv", FULL, "-o", &csv]).code, 0);
    let exported = fs::read_to_string(&csv).unwrap();
    // Excel in many locales: ";" between cells, "\r\n" line ends (inside cells too), TRUE.
    let mut reader = csv::Reader::from_reader(exported.trim_start_matches('\u{feff}').as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(reader.headers().unwrap()).unwrap();
    for record in reader.records() {
        let record = record.unwrap();
        let cells: Vec<String> = record
            .iter()
            .map(|c| {
                if c == "true" {
                    "TRUE".into()
                } else {
                    c.replace('\n', "\r\n")
                }
            })
            .collect();
        writer.write_record(&cells).unwrap();
        // A row left blank.
        writer.write_record([""; 25]).unwrap();
    }
    let saved = dir.write(
        "saved.csv",
        &String::from_utf8(writer.into_inner().unwrap()).unwrap(),
    );
    let json = dir.path("out.json");
    let run = wjc(&["import-csv", &saved, "-o", &json, "--base", FULL]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        fs::read_to_string(json).unwrap(),
        fs::read_to_string(FULL).unwrap()
    );
}

#[test]
fn import_takes_the_envelope_from_the_existing_file_and_reports_changes() {
    let dir = TempDir::new("envelope");
    let csv = dir.path("people.csv");
    assert_eq!(wjc(&["export-csv", FULL, "-o", &csv]).code, 0);
    // Drop the last row, as a slip in a spreadsheet would.
    let text = fs::read_to_string(&csv).unwrap();
    let shorter = text.trim_end().rsplit_once('\n').unwrap().0.to_owned() + "\n";
    let csv = dir.write("shorter.csv", &shorter);
    let data = dir.write("data.json", &fs::read_to_string(FULL).unwrap());
    let run = wjc(&["import-csv", &csv, "-o", &data]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("Wrote 3 people"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("0 added, 1 removed, 0 changed, 3 unchanged"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Removed: fixture-four"),
        "{}",
        run.stdout
    );
    let written = wjc_core::load(&fs::read_to_string(&data).unwrap())
        .unwrap()
        .dataset;
    assert_eq!(written.title, "Round-trip fixture (fictional test data)");
    assert_eq!(
        dir.files(),
        ["data.json", "people.csv", "shorter.csv"],
        "no temporary file is left"
    );

    // Neither --base nor an existing file: nothing to take the envelope from.
    let run = wjc(&["import-csv", &csv, "-o", &dir.path("new.json")]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("does not exist yet") && run.stderr.contains("--base"),
        "{}",
        run.stderr
    );
}

#[test]
fn import_refuses_bad_rows_naming_each_and_writes_nothing() {
    let dir = TempDir::new("bad-rows");
    let data = dir.write("data.json", &padded(8).to_string());
    let csv = dir.path("people.csv");
    assert_eq!(wjc(&["export-csv", &data, "-o", &csv]).code, 0);
    let text = fs::read_to_string(&csv).unwrap();
    let mut rows: Vec<Vec<String>> =
        csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect();
    // Row numbers count the header as row 1, so rows[i] is row i + 2.
    rows[1][7] = "jailed".into(); // status, row 3
    rows[2][14] = "ten years".into(); // sentence, row 4
    rows[3][0] = "fixture-one".into(); // a repeated id, row 5
    rows[4][22] = "no address; Fine <https://example.org>; Bad <ftp://example.org>".into(); // links, row 6
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header()).unwrap();
    for row in &rows {
        writer.write_record(row).unwrap();
    }
    let bad = dir.write(
        "bad.csv",
        &String::from_utf8(writer.into_inner().unwrap()).unwrap(),
    );
    let before = fs::read_to_string(&data).unwrap();
    let run = wjc(&["import-csv", &bad, "-o", &data]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let out = &run.stdout;
    assert!(
        out.contains("12 rows of people, 4 with problems. Nothing was written"),
        "{out}"
    );
    for line in [
        "error: row 3 (\"fixture-two\"), status: \"jailed\" is not one of:",
        "error: row 4 (\"fixture-three\"), sentence: \"ten years\" is not a sentence written like 20y, 9y 8m, 8m or life",
        "error: row 5 (\"fixture-one\"), id: repeats the id of row 2; ids must be unique",
        "error: row 6 (\"padding-1\"), links[1]: \"no address\" is not a link written like: Title <https://example.org/page>",
        "error: row 6 (\"padding-1\"), links[3].url: must be a web address",
    ] {
        assert!(out.contains(line), "{line:?} in {out}");
    }
    assert_eq!(
        fs::read_to_string(&data).unwrap(),
        before,
        "the good file is untouched"
    );
    assert_eq!(
        dir.files(),
        ["bad.csv", "data.json", "people.csv"],
        "no temporary file is left"
    );
}

#[test]
fn import_lists_every_problem_even_when_most_rows_are_bad() {
    let dir = TempDir::new("mass-bad");
    let header = header().join(",");
    let rows = [
        "a,A,,,,XX,,imprisoned,2023,S.,T.,,,,,,,camp-a,src-a,,,,,,",
        "b,B,,,,BY,,held,2023,S.,T.,,,,,,,camp-a,src-a,,,,,,",
    ];
    let csv = dir.write("bad.csv", &format!("{header}\n{}\n{}\n", rows[0], rows[1]));
    let data = dir.path("data.json");
    let run = wjc(&["import-csv", &csv, "-o", &data, "--base", FULL]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("error: row 2 (\"a\"), country: \"XX\""),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("error: row 3 (\"b\"), status: \"held\""),
        "{}",
        run.stdout
    );
    assert!(!Path::new(&data).exists());
}

#[test]
fn import_explains_an_unusable_spreadsheet() {
    let dir = TempDir::new("unusable");
    let data = dir.path("data.json");
    let cases = [
        ("empty.csv", "", "is empty"),
        (
            "header-only.csv",
            &(header().join(",") + "\n"),
            "has no rows of people",
        ),
        (
            "wrong-header.csv",
            "id,name,nickname\nx,y,z\n",
            "unknown columns \"nickname\"; missing columns \"aliases\"",
        ),
    ];
    for (file, text, message) in cases {
        let csv = dir.write(file, text);
        let run = wjc(&["import-csv", &csv, "-o", &data, "--base", FULL]);
        assert_eq!(run.code, 1, "{file}");
        assert!(run.stderr.contains(message), "{file}: {}", run.stderr);
    }
    fs::write(dir.path("latin1.csv"), b"id,name\n\xe9\n").unwrap();
    let run = wjc(&[
        "import-csv",
        &dir.path("latin1.csv"),
        "-o",
        &data,
        "--base",
        FULL,
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("is not UTF-8 text") && run.stderr.contains("CSV UTF-8"),
        "{}",
        run.stderr
    );
    let base = dir.write("base.json", "{ not json");
    let csv = dir.path("header-only.csv");
    let run = wjc(&["import-csv", &csv, "-o", &data, "--base", &base]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("cannot take the title, sources and campaigns from"),
        "{}",
        run.stderr
    );
    assert!(!Path::new(&data).exists());
}

#[test]
fn export_refuses_a_file_with_errors() {
    let dir = TempDir::new("export-errors");
    let mut data = padded(6);
    data["people"][0]["status"] = json!("jailed");
    let file = dir.write("data.json", &data.to_string());
    let csv = dir.path("people.csv");
    let run = wjc(&["export-csv", &file, "-o", &csv]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("error: record 1 (\"fixture-one\"), status:"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Nothing was written"), "{}", run.stdout);
    assert!(!Path::new(&csv).exists());
}

#[test]
fn export_warns_about_what_would_not_come_back() {
    let dir = TempDir::new("export-lossy");
    let mut data = full();
    data["people"][0]["occupations"] = json!([" padded "]);
    let file = dir.write("data.json", &data.to_string());
    let run = wjc(&["export-csv", &file, "-o", &dir.path("people.csv")]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout
            .contains("warning: row 2 (\"fixture-one\"): occupations would change on import (spaces at the ends of list items are dropped)"),
        "{}",
        run.stdout
    );
}

// ---- generate ----

#[test]
fn generate_is_deterministic_and_valid() {
    let dir = TempDir::new("generate");
    let gen = |seed: &str, file: &str| {
        let path = dir.path(file);
        let run = wjc(&["generate", "--count", "300", "--seed", seed, "-o", &path]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            run.stdout.contains("Wrote 300 synthetic people"),
            "{}",
            run.stdout
        );
        fs::read(path).unwrap()
    };
    let (a, again, other) = (gen("7", "a.json"), gen("7", "b.json"), gen("8", "c.json"));
    assert_eq!(a, again);
    assert_ne!(a, other);
    let run = wjc(&["validate", &dir.path("a.json")]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout
            .contains("300 records: 300 loaded, 0 skipped, 0 warnings"),
        "{}",
        run.stdout
    );
}

// ---- misuse ----

#[test]
fn misuse_is_one_line_and_the_usage_with_exit_code_2() {
    let dir = TempDir::new("misuse");
    let missing = dir.path("missing.json");
    let cases: &[(&[&str], &str, &str)] = &[
        (&[], "wjc: no command given", "usage: wjc validate FILE"),
        (
            &["frobnicate"],
            "wjc: there is no command \"frobnicate\"",
            "wjc help [COMMAND]",
        ),
        (
            &["validate"],
            "wjc: missing FILE (the data file to check)",
            "usage: wjc validate FILE",
        ),
        (
            &["validate", &missing],
            "no such file or folder",
            "usage: wjc validate FILE",
        ),
        (
            &["stats", FULL, "extra"],
            "unexpected argument \"extra\"",
            "usage: wjc stats FILE",
        ),
        (
            &["export-csv", FULL],
            "-o/--output is required",
            "usage: wjc export-csv FILE -o OUT.csv",
        ),
        (
            &["export-csv", FULL, "-o"],
            "-o/--output needs a value",
            "usage: wjc export-csv",
        ),
        (
            &["export-csv", FULL, "--out", "x.csv"],
            "unknown option \"--out\"",
            "usage: wjc export-csv",
        ),
        (
            &["import-csv", "x.csv"],
            "-o/--output is required",
            "usage: wjc import-csv IN.csv -o FILE [--base ENVELOPE.json]",
        ),
        (
            &["generate", "-o", "x.json"],
            "--count is required",
            "usage: wjc generate --count N [--seed S] -o FILE",
        ),
        (
            &["generate", "--count", "lots", "-o", "x.json"],
            "--count must be a whole number from 1 to 200000, not \"lots\"",
            "usage: wjc generate",
        ),
        (
            &["generate", "--count", "5", "--seed", "-3", "-o", "x.json"],
            "--seed needs a value",
            "usage: wjc generate",
        ),
        (
            &["help", "frobnicate"],
            "there is no command \"frobnicate\"",
            "usage:",
        ),
    ];
    for (args, message, usage) in cases {
        let run = wjc(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}");
        assert!(
            run.stderr.lines().next().unwrap().contains(message),
            "{args:?}: {}",
            run.stderr
        );
        assert!(run.stderr.contains(usage), "{args:?}: {}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{args:?}");
    }
}

#[cfg(unix)]
#[test]
fn an_argument_that_is_not_text_is_a_misuse() {
    use std::os::unix::ffi::OsStrExt;
    let output = Command::new(env!("CARGO_BIN_EXE_wjc"))
        .arg("validate")
        .arg(std::ffi::OsStr::from_bytes(b"\xff.json"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("wjc: the argument \"\u{fffd}.json\" is not valid text"),
        "{stderr}"
    );
}

#[test]
fn unwritable_output_is_a_misuse_and_leaves_nothing_behind() {
    let dir = TempDir::new("unwritable");
    let into_missing_folder = dir.path("no/such/folder/out.csv");
    let run = wjc(&["export-csv", FULL, "-o", &into_missing_folder]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with("wjc: cannot write")
            && run.stderr.contains("no such file or folder"),
        "{}",
        run.stderr
    );
    let run = wjc(&["generate", "--count", "3", "-o", &dir.path("")]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("it is a folder"), "{}", run.stderr);
    let run = wjc(&["validate", &dir.path("")]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("cannot read") && run.stderr.contains("it is a folder"),
        "{}",
        run.stderr
    );
    assert!(dir.files().is_empty());
}

#[test]
fn help_is_available_for_every_command() {
    let overview = wjc(&["help"]);
    assert_eq!(overview.code, 0);
    assert!(overview.stdout.contains("Commands:") && overview.stdout.contains("Exit codes"));
    assert_eq!(wjc(&["--help"]).stdout, overview.stdout);
    for command in [
        "validate",
        "stats",
        "export-csv",
        "import-csv",
        "generate",
        "site",
    ] {
        let help = wjc(&["help", command]);
        assert_eq!(help.code, 0);
        assert!(
            help.stdout.starts_with(&format!("usage: wjc {command}")),
            "{}",
            help.stdout
        );
        let flag = wjc(&[command, "--help"]);
        assert_eq!((flag.code, &flag.stdout), (0, &help.stdout));
    }
    let import = wjc(&["help", "import-csv"]).stdout;
    for promise in [
        "a \";\" inside an item is written twice",
        "Title <https://example.org/page>",
        "2018-09: What happened",
        "9y 8m",
    ] {
        assert!(import.contains(promise), "{promise}");
    }
}

/// The spreadsheet's header, as the export writes it.
fn header() -> Vec<&'static str> {
    vec![
        "id",
        "name",
        "aliases",
        "native_name",
        "gender",
        "country",
        "location",
        "status",
        "status_as_of",
        "summary",
        "story",
        "occupations",
        "arrested",
        "sentenced",
        "sentence",
        "charges",
        "flags",
        "campaigns",
        "source",
        "photo_url",
        "photo_alt",
        "photo_credit",
        "links",
        "timeline",
        "synthetic",
    ]
}

// ---- site ----

/// Trunk 0.21's index.html for this project, shortened: the inline module loader, preloads with
/// integrity, an empty app element.
const TRUNK_INDEX: &str = r#"<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Without Just Cause</title>
    <meta name="description" content="Placeholder.">
    <link rel="stylesheet" href="./app-1.css" integrity="sha384-a"/>
<script type="module">
import init, * as bindings from './app-2.js';
const wasm = await init({ module_or_path: './app-2_bg.wasm' });
window.wasmBindings = bindings;
</script>
  <link rel="modulepreload" href="./app-2.js" crossorigin="anonymous" integrity="sha384-b"></head>
  <body>
    <div id="app" class="wjc-app"></div>
  </body>
</html>"#;

/// A built site in `dir` (Trunk's page and the data file) with `data` as the dataset.
fn built_site(dir: &TempDir, data: &Value) -> String {
    fs::create_dir_all(dir.0.join("data")).unwrap();
    dir.write("index.html", TRUNK_INDEX);
    dir.write("data/prisoners.json", &data.to_string());
    dir.path("")
}

fn read(dir: &TempDir, file: &str) -> String {
    fs::read_to_string(dir.path(file)).unwrap()
}

#[test]
fn site_writes_the_list_and_a_page_per_person_with_hostile_text_escaped() {
    let dir = TempDir::new("site-hostile");
    let mut data = padded(10);
    let people = data["people"].as_array_mut().unwrap();
    people[1]["name"] = json!("<script>alert(\"x\")</script> O'Neil & \"Co\"");
    people[1]["summary"] = json!("</p><img src=x onerror=alert(1)>");
    people[1]["story"] = json!("One <b>bold</b> claim.\n\n\"Second\" paragraph.");
    // Two records the loader skips: neither may get a page or a card.
    people[2]["status"] = json!("jailed");
    people[3]["links"] = json!([{ "title": "Bad", "url": "javascript:alert(1)" }]);
    let people = people.clone();
    let site = built_site(&dir, &data);
    let run = wjc(&["site", &site]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("the list on 1 page (index.html), 12 profile pages (person/)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("2 records left out of the pages"),
        "{}",
        run.stdout
    );

    let mut pages: Vec<String> = fs::read_dir(dir.0.join("person"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    let skipped = [
        people[2]["id"].as_str().unwrap(),
        people[3]["id"].as_str().unwrap(),
    ];
    let mut expected: Vec<String> = people
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .filter(|id| !skipped.contains(id))
        .map(|id| format!("{id}.html"))
        .collect();
    expected.sort();
    assert_eq!(pages, expected);

    let index = read(&dir, "index.html");
    let hostile_id = people[1]["id"].as_str().unwrap();
    let profile = read(&dir, &format!("person/{hostile_id}.html"));
    for page in [&index, &profile] {
        assert!(!page.contains("<script>alert"), "{page}");
        assert!(!page.contains("<img"), "{page}");
        assert!(!page.contains("<b>"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; O'Neil &amp; \"Co\""));
        assert!(page.contains("&lt;/p&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assert!(!page.contains("javascript:"));
        for id in skipped {
            assert!(!page.contains(&format!("card-{id}\"")), "{id}");
            assert!(!page.contains(&format!("person/{id}.html")), "{id}");
        }
        // Exactly one script, the external loader.
        assert_eq!(page.matches("<script").count(), 1);
        assert!(page.contains("<script type=\"module\" src=\""));
    }
    assert!(profile.contains(&format!(
        "<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Neil &amp; &quot;Co&quot; — {}</title>",
        data["title"].as_str().unwrap()
    )));
    assert!(profile.contains("<p dir=\"auto\">One &lt;b&gt;bold&lt;/b&gt; claim.</p>"));
    assert!(index.contains(&format!(
        "<a href=\"person/{hostile_id}.html\" dir=\"auto\">"
    )));
    assert!(index.contains("2 records could not be shown"));
}

#[test]
fn site_links_out_only_over_http_with_no_referrer_and_links_pages_to_each_other() {
    let dir = TempDir::new("site-links");
    let site = built_site(&dir, &full());
    let run = wjc(&["site", &site]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let profile = read(&dir, "person/fixture-one.html");
    let outbound: Vec<&str> = profile
        .split("<a ")
        .skip(1)
        .filter(|a| a.contains("target=\"_blank\""))
        .collect();
    assert_eq!(outbound.len(), 3);
    for link in outbound {
        assert!(
            link.starts_with("href=\"https://") || link.starts_with("href=\"http://"),
            "{link}"
        );
        assert!(link.contains("rel=\"noopener noreferrer\""), "{link}");
    }
    assert!(profile.contains("href=\"https://example.org/a;b?c=d\""));
    assert!(profile.contains(">Interview &lt;part 1&gt;; \"quoted\"</a>"));
    // The photo is on another host: initials instead, so no third party learns who looked.
    assert!(!profile.contains("example.org/p/1.jpg"));
    // The page in person/ reaches the shared assets one folder up, and the app's address.
    assert!(profile.contains("href=\"../app-1.css\""));
    assert!(profile.contains("data-app-url=\"../#/person/fixture-one\""));
    assert!(profile.contains("<a href=\"../index.html\" class=\"wjc-back\">"));
    assert!(profile.contains("rel=\"next\""));
    let index = read(&dir, "index.html");
    assert!(index.contains("href=\"person/fixture-one.html\""));
    assert!(index.contains("<h1 class=\"wjc-header__title\">"));
    assert!(index.contains("Test data: the people on this page are synthetic"));
    let loader_name = index
        .split("src=\"./")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap();
    let loader = read(&dir, loader_name);
    assert!(loader.contains("import init, * as bindings from './app-2.js';"));
    assert!(loader.contains("if (typeof WebAssembly === 'object') {"));
}

#[test]
fn site_pages_a_long_list_and_refuses_a_second_run_or_a_refused_file() {
    let dir = TempDir::new("site-long");
    let out = dir.path("big.json");
    let run = wjc(&["generate", "--count", "250", "-o", &out]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let data: Value = serde_json::from_str(&read(&dir, "big.json")).unwrap();
    let site = built_site(&dir, &data);
    let run = wjc(&["site", &site]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains(
            "the list on 11 pages (index.html, list/2–11.html), 250 profile pages (person/)"
        ),
        "{}",
        run.stdout
    );
    // Pages of 24, as the app's (wjc_core::paging), with the same pager.
    let index = read(&dir, "index.html");
    assert_eq!(index.matches("class=\"wjc-card\">").count(), 24);
    assert!(index.contains("<a href=\"list/2.html\" rel=\"next\" class=\"wjc-pages__next\">"));
    assert!(index.contains(
        "<p id=\"results-page\" class=\"wjc-results-bar__page\">Page 1 of 11: people 1 to 24</p>"
    ));
    assert!(index.contains(
        "<a href=\"index.html\" aria-label=\"Page 1\" aria-current=\"page\" class=\"wjc-pages__link\">1</a>"
    ));
    assert!(!index.contains("wjc-pages__prev"));
    let middle = read(&dir, "list/5.html");
    assert_eq!(middle.matches("class=\"wjc-card\">").count(), 24);
    assert_eq!(middle.matches("class=\"wjc-pages__link\"").count(), 5);
    assert_eq!(middle.matches("class=\"wjc-pages__gap\"").count(), 2);
    assert!(middle.contains("data-app-url=\"../#/?page=5\""));
    let last = read(&dir, "list/11.html");
    assert_eq!(last.matches("class=\"wjc-card\">").count(), 10);
    assert!(last.contains("<title>Page 11 of 11 — "));
    assert!(last.contains("<a href=\"../list/10.html\" rel=\"prev\" class=\"wjc-pages__prev\">"));
    assert!(!last.contains("wjc-pages__next"));
    assert!(last.contains("data-app-url=\"../#/?page=11\""));
    assert_eq!(fs::read_dir(dir.0.join("person")).unwrap().count(), 250);
    // And compiled what the app loads, as `wjc compile` does.
    let compiled = wjc_core::read_list(&read(&dir, "data/list.json")).unwrap();
    assert_eq!(compiled.loaded.dataset.people.len(), 250);
    assert_eq!(fs::read_dir(dir.0.join("data/detail")).unwrap().count(), 11);
    assert!(index.contains("data-first=\"data/first.json\""));
    assert!(index.contains(
        "<link rel=\"preload\" href=\"data/first.json\" as=\"fetch\" crossorigin=\"anonymous\">"
    ));
    let first = wjc_core::read_list(&read(&dir, "data/first.json")).unwrap();
    assert_eq!(first.part_of, Some(250));

    let again = wjc(&["site", &site]);
    assert_eq!(again.code, 1);
    assert!(
        again.stderr.contains("was \"wjc site\" run on it already?"),
        "{}",
        again.stderr
    );

    dir.write(
        "data/prisoners.json",
        "{\"schema_version\": 1, \"people\": []}",
    );
    let refused = wjc(&["site", &site]);
    assert_eq!(refused.code, 1);
    assert!(refused.stdout.contains("was refused"), "{}", refused.stdout);
}

// ---- compile ----

#[test]
fn compile_writes_a_lean_list_and_detail_files_then_replaces_them() {
    let dir = TempDir::new("compile");
    let big = dir.path("big.json");
    assert_eq!(wjc(&["generate", "--count", "250", "-o", &big]).code, 0);
    let site = dir.path("site");
    let run = wjc(&["compile", &big, &site]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("250 people listed (")
            && run.stdout.contains(
                "their details in 11 files (24 per file), the first page in data/first.json"
            ),
        "{}",
        run.stdout
    );
    let list_text = read(&dir, "site/data/list.json");
    let list = wjc_core::read_list(&list_text).unwrap();
    let generated = wjc_core::load(&read(&dir, "big.json")).unwrap().dataset;
    assert_eq!(list.loaded.dataset.people.len(), 250);
    assert!(
        list_text.len() * 4 < read(&dir, "big.json").len(),
        "the list is lean"
    );
    // Every person's details are in the file the list names, whole.
    for (position, person) in generated.people.iter().enumerate() {
        let file = list.detail.file(position).unwrap();
        let detail = wjc_core::load(&read(&dir, &format!("site/data/{file}"))).unwrap();
        assert!(detail.dataset.people.contains(person), "{file}");
    }

    // A small list is one file, and the earlier details go.
    let run = wjc(&["compile", REAL, &site]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("37 people, whole ("), "{}", run.stdout);
    assert!(!dir.0.join("site/data/detail").exists());
    assert!(!dir.0.join("site/data/first.json").exists());
    let list = wjc_core::read_list(&read(&dir, "site/data/list.json")).unwrap();
    assert_eq!(list.detail, wjc_core::Detail::Inline);
    assert_eq!(
        list.loaded.dataset,
        wjc_core::load(&fs::read_to_string(REAL).unwrap())
            .unwrap()
            .dataset
    );

    // A refused file writes nothing.
    let empty = dir.write("empty.json", "{\"schema_version\": 1, \"people\": []}");
    let before = read(&dir, "site/data/list.json");
    let refused = wjc(&["compile", &empty, &site]);
    assert_eq!(refused.code, 1);
    assert!(refused.stdout.contains("was refused"), "{}", refused.stdout);
    assert_eq!(read(&dir, "site/data/list.json"), before);
}
