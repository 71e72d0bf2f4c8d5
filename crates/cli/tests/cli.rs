//! The `wjc` binary as staff use it: exit codes, messages and files, on fixtures in a temporary
//! folder.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, UNIX_EPOCH};

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

/// 2026-12-06T20:15:00Z: the clock every run here sees, so dates and backup names are known.
const NOW_MS: u64 = 1_796_588_100_000;

/// Runs the command line in-process, as the binary does, at [`NOW_MS`] plus `later_ms`.
fn wjc_at(later_ms: u64, args: &[&str]) -> Run {
    let mut stdout = String::new();
    let settings = wjc_cli::Settings {
        now: UNIX_EPOCH + Duration::from_millis(NOW_MS + later_ms),
        progress: false,
    };
    let outcome = wjc_cli::run_with(args, &mut stdout, settings);
    Run {
        code: i32::from(outcome.code),
        stdout,
        stderr: outcome.stderr,
    }
}

fn wjc(args: &[&str]) -> Run {
    wjc_at(0, args)
}

/// Runs the `wjc` binary itself.
fn wjc_binary(args: &[&std::ffi::OsStr]) -> Run {
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

/// The full fixture with its first person kept to `level` (and no text naming them).
fn restricted(dir: &TempDir, level: &str) -> String {
    let mut data: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(FULL).unwrap()).unwrap();
    let person = &mut data["people"][0];
    person["visibility"] = level.into();
    person["id"] = "case-1".into();
    for field in ["aliases", "native_name", "translations"] {
        person.as_object_mut().unwrap().remove(field);
    }
    dir.write("restricted.json", &data.to_string())
}

#[test]
fn the_spreadsheet_shows_people_as_their_visibility_allows() {
    let dir = TempDir::new("visibility-csv");
    let data = restricted(&dir, "initials");
    let csv = dir.path("people.csv");
    let run = wjc(&["export-csv", &data, "-o", &csv]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("export with --full to edit them"));
    let text = fs::read_to_string(&csv).unwrap();
    assert!(text.contains("case-1,Z. Ñ.-Ł.,"), "{text}");
    assert!(!text.contains("Zofia") && !text.contains("example.org/p/1.jpg"));
    let run = wjc(&["export-csv", &data, "-o", &csv, "--full"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(fs::read_to_string(&csv)
        .unwrap()
        .contains("Zofia Ñandú-Łukasiewicz"));
}

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
        "2018-09 arrest @src-b: Arrested: at home;; searched; 2019 trial: Trial began",
        "share #Free_Them #Свобода @src-a: Share: the story;; widely; write_letter <https://example.org/letters?a=1:2>: Write a card || PO Box 1;; Town: North",
        "a tab\there.\n\nSecond paragraph:\nit has a single line break too.",
    ] {
        assert!(csv.contains(cell), "{cell:?} in {csv}");
    }
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
        writer.write_record(vec![""; header().len()]).unwrap();
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
fn import_refuses_to_lose_a_person_unless_told_to() {
    let (dir, original, data, csv) = exported("envelope");
    // Drop the last row, as a slip in a spreadsheet (or a filter left on) would.
    let text = fs::read_to_string(&csv).unwrap();
    let shorter = text.trim_end().rsplit_once('\n').unwrap().0.to_owned() + "\n";
    let csv = dir.write("shorter.csv", &shorter);

    for extra in [&[][..], &["--dry-run"]] {
        let mut args = vec!["import-csv", &csv, "-o", &data];
        args.extend_from_slice(extra);
        let run = wjc(&args);
        assert_eq!(run.code, 1, "{extra:?}: {}{}", run.stdout, run.stderr);
        assert!(
            run.stdout.contains(&format!(
                "Refused: 1 person of {data} is not in {csv}:\n  \"fixture-four\" (Minimal Person)\n"
            )),
            "{}",
            run.stdout
        );
        assert!(run.stdout.contains("--allow-removals"), "{}", run.stdout);
        assert_eq!(fs::read_to_string(&data).unwrap(), original);
        assert_eq!(dir.files(), ["data.json", "people.csv", "shorter.csv"]);
    }

    let run = wjc(&["import-csv", &csv, "-o", &data, "--allow-removals"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("0 added, 1 removed, 0 changed, 3 unchanged"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("  removed: \"fixture-four\" (Minimal Person)"),
        "{}",
        run.stdout
    );
    let backup = "data.json.20261206T201500.000Z.bak";
    assert!(
        run.stdout.contains(&format!(
            "Wrote 3 people to {data} (updated 2026-12-06); the previous file is kept as {}",
            dir.path(backup)
        )),
        "{}",
        run.stdout
    );
    assert_eq!(fs::read_to_string(dir.path(backup)).unwrap(), original);
    let written = wjc_core::load(&fs::read_to_string(&data).unwrap())
        .unwrap()
        .dataset;
    assert_eq!(written.title, "Round-trip fixture (fictional test data)");
    assert_eq!(
        written.updated.to_string(),
        "2026-12-06",
        "the content changed"
    );
    assert_eq!(
        dir.files(),
        ["data.json", backup, "people.csv", "shorter.csv"],
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
fn import_refuses_when_the_current_file_cannot_be_compared() {
    let dir = TempDir::new("broken-current");
    let csv = dir.path("people.csv");
    assert_eq!(wjc(&["export-csv", FULL, "-o", &csv]).code, 0);
    let data = dir.write("data.json", "{ not json");
    let run = wjc(&["import-csv", &csv, "-o", &data, "--base", FULL]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("so nobody can be checked for removal"),
        "{}",
        run.stdout
    );
    assert_eq!(fs::read_to_string(&data).unwrap(), "{ not json");
    let run = wjc(&[
        "import-csv",
        &csv,
        "-o",
        &data,
        "--base",
        FULL,
        "--allow-removals",
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        fs::read_to_string(dir.path("data.json.20261206T201500.000Z.bak")).unwrap(),
        "{ not json"
    );
}

#[test]
fn a_record_the_app_skips_still_counts_as_a_person_to_keep() {
    let dir = TempDir::new("skipped-kept");
    let mut data = padded(6);
    data["people"][9]["status"] = json!("jailed");
    let file = dir.write("data.json", &serde_json::to_string_pretty(&data).unwrap());
    let mut good = data.clone();
    good["people"].as_array_mut().unwrap().remove(9);
    let csv = dir.path("people.csv");
    let clean = dir.write("clean.json", &good.to_string());
    assert_eq!(wjc(&["export-csv", &clean, "-o", &csv]).code, 0);
    let run = wjc(&["import-csv", &csv, "-o", &file]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("  \"padding-6\" (Minimal Person)"),
        "{}",
        run.stdout
    );
}

#[test]
fn dry_run_shows_every_change_and_writes_nothing() {
    let (dir, original, data, csv) = exported("dry-run");
    let text = fs::read_to_string(&csv).unwrap();
    let mut rows = rows_of(&text);
    rows[1][7] = "released".into(); // fixture-two's status
    rows[1][8] = "2026-11".into(); // its status_as_of
    rows[2][1] = "Renamed Person".into(); // fixture-three's name
    let mut added = rows[3].clone();
    added[0] = "fixture-five".into();
    added[1] = "Eve Cinque".into();
    rows.push(added);
    let edited = dir.write("edited.csv", &csv_of(&rows));

    let run = wjc(&["import-csv", &edited, "-o", &data, "--dry-run"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let expected = format!(
        "Compared with {data}:
1 added, 0 removed, 2 changed, 2 unchanged.
  added:   \"fixture-five\" (Eve Cinque) (released, CU)
  status:  \"fixture-two\" (Lin Minghua): detained → released (as of 2026-11)
  changed: \"fixture-two\" (Lin Minghua): status, status_as_of
  changed: \"fixture-three\" (Renamed Person): name
Dry run: nothing was written. Without --dry-run, {data} would hold 5 people (updated 2026-12-06).
"
    );
    assert_eq!(run.stdout, expected);
    assert_eq!(fs::read_to_string(&data).unwrap(), original);
    assert_eq!(dir.files(), ["data.json", "edited.csv", "people.csv"]);

    // The same spreadsheet, for real: the same report, then the file.
    let run = wjc(&["import-csv", &edited, "-o", &data]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with(expected.lines().next().unwrap()));
    assert!(run.stdout.contains("Wrote 5 people"), "{}", run.stdout);

    // `wjc diff` says the same of the backup and the new file.
    let backup = dir.path("data.json.20261206T201500.000Z.bak");
    let diff = wjc(&["diff", &backup, &data]);
    assert_eq!(diff.code, 0, "{}", diff.stderr);
    assert_eq!(
        diff.stdout,
        format!(
            "From {backup} to {data}:\n{}The list's updated changed.\n{}",
            "1 added, 0 removed, 2 changed, 2 unchanged.\n",
            expected
                .lines()
                .skip(2)
                .take(4)
                .fold(String::new(), |mut lines, line| {
                    lines.push_str(line);
                    lines.push('\n');
                    lines
                })
        )
    );
}

#[test]
fn an_unchanged_spreadsheet_leaves_the_file_and_its_date_alone() {
    let (dir, original, data, csv) = exported("unchanged");
    let run = wjc(&["import-csv", &csv, "-o", &data]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout
            .ends_with("already holds exactly this; nothing was written.\n"),
        "{}",
        run.stdout
    );
    assert_eq!(fs::read_to_string(&data).unwrap(), original);
    assert_eq!(dir.files(), ["data.json", "people.csv"], "no backup either");
}

#[test]
fn the_five_newest_backups_are_kept() {
    let (dir, original, data, csv) = exported("backups");
    let mut rows = rows_of(&fs::read_to_string(&csv).unwrap());
    let mut contents = vec![original];
    for edit in 1..=7_u64 {
        rows[0][9] = format!("Summary, edition {edit}.");
        let edited = dir.write("edited.csv", &csv_of(&rows));
        // Two imports in the same millisecond do not overwrite each other's backup.
        let later = if edit == 4 { 3 } else { edit };
        let run = wjc_at(later, &["import-csv", &edited, "-o", &data]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        contents.push(fs::read_to_string(&data).unwrap());
    }
    let backups: Vec<String> = dir
        .files()
        .into_iter()
        .filter(|f| Path::new(f).extension().is_some_and(|e| e == "bak"))
        .collect();
    assert_eq!(
        backups,
        [
            "data.json.20261206T201500.003Z.bak",
            "data.json.20261206T201500.004Z.bak",
            "data.json.20261206T201500.005Z.bak",
            "data.json.20261206T201500.006Z.bak",
            "data.json.20261206T201500.007Z.bak",
        ]
    );
    // Each backup holds the file as it was before that import.
    for (backup, content) in backups.iter().zip(&contents[2..7]) {
        assert_eq!(&fs::read_to_string(dir.path(backup)).unwrap(), content);
    }
}

/// A folder with `full.json` copied as `data.json` and exported to `people.csv`: the folder, the
/// file's text and the paths of the data file and the spreadsheet.
fn exported(name: &str) -> (TempDir, String, String, String) {
    let dir = TempDir::new(name);
    let original = fs::read_to_string(FULL).unwrap();
    let data = dir.write("data.json", &original);
    let csv = dir.path("people.csv");
    assert_eq!(wjc(&["export-csv", &data, "-o", &csv]).code, 0);
    (dir, original, data, csv)
}

/// The data rows of an exported spreadsheet.
fn rows_of(csv: &str) -> Vec<Vec<String>> {
    csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// A spreadsheet of these rows under the export's header.
fn csv_of(rows: &[Vec<String>]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header()).unwrap();
    for row in rows {
        writer.write_record(row).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
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
        "a,A,,,,XX,,imprisoned,2023,S.,T.,,,,,,,camp-a,src-a,,,,,,,,,,,,,,,,,,,,,,,,,,,",
        "b,B,,,,BY,,held,2023,S.,T.,,,,,,,camp-a,src-a,,,,,,,,,,,,,,,,,,,,,,,,,,,",
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
fn misuse_is_a_message_and_the_usage_with_exit_code_2() {
    let dir = TempDir::new("misuse");
    let missing = dir.path("missing.json");
    let cases: &[(&[&str], &str, &str)] = &[
        (&[], "Usage: wjc <COMMAND>", "Commands:"),
        (
            &["frobnicate"],
            "error: unrecognized subcommand 'frobnicate'",
            "Usage: wjc <COMMAND>",
        ),
        (
            &["valdate", FULL],
            "error: unrecognized subcommand 'valdate'",
            "a similar subcommand exists: 'validate'",
        ),
        (
            &["validate"],
            "error: the following required arguments were not provided",
            "Usage: wjc validate <FILE>",
        ),
        (
            &["validate", &missing],
            "wjc: cannot read",
            "Usage: wjc validate <FILE>",
        ),
        (
            &["stats", FULL, "extra"],
            "error: unexpected argument 'extra' found",
            "Usage: wjc stats <FILE>",
        ),
        (
            &["export-csv", FULL],
            "--output <OUT.csv>",
            "Usage: wjc export-csv --output <OUT.csv> <FILE>",
        ),
        (
            &["export-csv", FULL, "-o"],
            "error: a value is required for '--output <OUT.csv>'",
            "For more information, try '--help'.",
        ),
        (
            &["export-csv", FULL, "--out", "x.csv"],
            "error: unexpected argument '--out' found",
            "tip: a similar argument exists: '--output'",
        ),
        (
            &["import-csv", "x.csv", "-o", "y.json", "--dry-rum"],
            "error: unexpected argument '--dry-rum' found",
            "tip: a similar argument exists: '--dry-run'",
        ),
        (
            &["import-csv", "x.csv", "-o", "y.json", "--dry-run=yes"],
            "error: unexpected value 'yes' for '--dry-run'",
            "Usage: wjc import-csv",
        ),
        (
            &["generate", "-o", "x.json"],
            "--count <N>",
            "Usage: wjc generate",
        ),
        (
            &["generate", "--count", "lots", "-o", "x.json"],
            "must be a whole number from 1 to 200000, not \"lots\"",
            "For more information, try '--help'.",
        ),
        (
            &["generate", "--count", "5", "--seed", "-3", "-o", "x.json"],
            "error: unexpected argument '-3' found",
            "Usage: wjc generate",
        ),
        (
            &["completions", "tcsh"],
            "error: invalid value 'tcsh' for '<SHELL>'",
            "[possible values: bash, elvish, fish, powershell, zsh]",
        ),
        (
            &["help", "frobnicate"],
            "error: unrecognized subcommand 'frobnicate'",
            "Usage:",
        ),
    ];
    for (args, message, usage) in cases {
        let run = wjc(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}");
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(usage), "{args:?}: {}", run.stderr);
    }
    assert!(dir.files().is_empty());
}

#[cfg(unix)]
#[test]
fn an_argument_that_is_not_text_is_a_misuse() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let not_text = OsStr::from_bytes(b"\xff.json");
    let run = wjc_binary(&[OsStr::new("validate"), not_text]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("invalid UTF-8"), "{}", run.stderr);
    let mut stdout = String::new();
    let outcome = wjc_cli::run([OsStr::new("import-csv"), not_text], &mut stdout);
    assert_eq!(outcome.code, 2);
}

#[test]
fn the_binary_keeps_the_exit_codes() {
    use std::ffi::OsStr;
    let run = wjc_binary(&[OsStr::new("validate"), OsStr::new(FULL)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = wjc_binary(&[OsStr::new("validate"), OsStr::new("/no/such/file.json")]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.starts_with("wjc: cannot read"), "{}", run.stderr);
    let run = wjc_binary(&[OsStr::new("--version")]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, concat!("wjc ", env!("CARGO_PKG_VERSION"), "\n"))
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
    // A path whose folder is a file.
    let file = dir.write("file.txt", "not a folder");
    let run = wjc(&[
        "generate",
        "--count",
        "3",
        "-o",
        &format!("{file}/out.json"),
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("cannot write"), "{}", run.stderr);
    assert_eq!(dir.files(), ["file.txt"]);
    assert_eq!(fs::read_to_string(file).unwrap(), "not a folder");
}

#[cfg(unix)]
#[test]
fn a_failed_write_leaves_the_old_file_whole() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, original, data, csv) = exported("failed-write");
    let edited = fs::read_to_string(&csv)
        .unwrap()
        .replace("Lin Minghua", "Lin Minghua-Wang");
    fs::write(&csv, edited).unwrap();
    // The folder becomes read-only: no temporary file, no backup can be made in it.
    fs::set_permissions(&dir.0, fs::Permissions::from_mode(0o555)).unwrap();
    let read_only = fs::File::create(dir.path("probe")).is_err();
    let run = wjc(&["import-csv", &csv, "-o", &data]);
    fs::set_permissions(&dir.0, fs::Permissions::from_mode(0o755)).unwrap();
    if !read_only {
        // Running as root, which writes anywhere: the failure cannot be staged this way (the
        // library's own test stages it with a writer that fails).
        return;
    }
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("permission denied"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&data).unwrap(), original);
    assert_eq!(dir.files(), ["data.json", "people.csv"]);
}

#[test]
fn help_is_available_for_every_command() {
    let overview = wjc(&["help"]);
    assert_eq!(overview.code, 0);
    assert!(overview.stdout.contains("Commands:") && overview.stdout.contains("Exit codes"));
    assert_eq!(wjc(&["--help"]).stdout, overview.stdout);
    assert!(wjc(&["-h"]).stdout.contains("Commands:"));
    for command in COMMANDS {
        assert!(overview.stdout.contains(command), "{command}");
        let help = wjc(&["help", command]);
        assert_eq!(help.code, 0);
        assert!(
            help.stdout.contains(&format!("Usage: wjc {command}")),
            "{}",
            help.stdout
        );
        assert!(help.stdout.contains("Exit codes"), "{}", help.stdout);
        let flag = wjc(&[command, "--help"]);
        assert_eq!((flag.code, &flag.stdout), (0, &help.stdout));
    }
    let import = wjc(&["help", "import-csv"]).stdout;
    for promise in [
        "a \";\" inside an item is written twice",
        "Title <https://example.org/page>",
        "2018-09 arrest @state-dept-2023: Arrested at home",
        "share #WithoutJustCause: Share the story",
        "9y 8m",
        "--allow-removals",
        "--dry-run",
        "the five newest backups are kept",
        "is written with an apostrophe in front",
    ] {
        assert!(import.contains(promise), "{promise}");
    }
    let version = wjc(&["--version"]);
    assert_eq!(
        (version.code, version.stdout.as_str()),
        (0, concat!("wjc ", env!("CARGO_PKG_VERSION"), "\n"))
    );
}

#[test]
fn completions_cover_every_command_and_flag() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef wjc"),
        ("fish", "complete -c wjc"),
    ] {
        let run = wjc(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        assert!(run.stdout.contains(marker), "{shell}: {}", run.stdout);
        for word in [
            "import-csv",
            "allow-removals",
            "dry-run",
            "completions",
            "diff",
        ] {
            assert!(run.stdout.contains(word), "{shell} completes {word}");
        }
    }
}

/// Every command, as typed.
const COMMANDS: [&str; 11] = [
    "validate",
    "stats",
    "export-csv",
    "import-csv",
    "diff",
    "generate",
    "compile",
    "site",
    "i18n-check",
    "schema",
    "completions",
];

/// The spreadsheet's header, as the export writes it.
fn header() -> Vec<String> {
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
        "actions",
        "last_verified",
        "visibility",
        "synthetic",
    ]
    .into_iter()
    .map(str::to_owned)
    // Then three columns per language a summary is translated into.
    .chain(
        ["es", "fr", "ru", "ar", "fa", "zh-Hans"]
            .into_iter()
            .flat_map(|tag| ["summary", "story", "reviewed"].map(|part| format!("{part}_{tag}"))),
    )
    .collect()
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
        assert!(!page.contains("<img src=x"), "{page}");
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
    assert_eq!(first.extent, wjc_core::Extent::FirstPage { of: 250 });

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
    // Whole, but for the translations, which browsers do not get yet.
    let mut real = wjc_core::load(&fs::read_to_string(REAL).unwrap())
        .unwrap()
        .dataset;
    assert!(real.people.iter().any(|p| !p.translations.is_empty()));
    for person in &mut real.people {
        person.translations.clear();
    }
    assert_eq!(list.loaded.dataset, real);

    // A refused file writes nothing.
    let empty = dir.write("empty.json", "{\"schema_version\": 1, \"people\": []}");
    let before = read(&dir, "site/data/list.json");
    let refused = wjc(&["compile", &empty, &site]);
    assert_eq!(refused.code, 1);
    assert!(refused.stdout.contains("was refused"), "{}", refused.stdout);
    assert_eq!(read(&dir, "site/data/list.json"), before);
}

// ---- spreadsheet formulas ----

/// People whose cells start with what spreadsheets run as formulas (`=`, `+`, `-`, `@`, tab),
/// some after apostrophes of their own.
const FORMULAS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/formulas.json");

#[test]
fn formula_cells_are_defused_and_come_back_byte_for_byte() {
    let dir = TempDir::new("formulas");
    let original = fs::read_to_string(FORMULAS).unwrap();
    assert_eq!(original, canonical(&original));
    let (csv, json) = round_trip(&dir, FORMULAS);
    assert_eq!(json, original);
    let rows = rows_of(&csv);
    let cell = |row: usize, column: &str| {
        let at = header().iter().position(|c| *c == column).unwrap();
        rows[row][at].clone()
    };
    assert_eq!(
        cell(0, "name"),
        "'=HYPERLINK(\"https://example.org/x\",\"click me\")"
    );
    assert_eq!(
        cell(0, "aliases"),
        "''=already quoted; +44 20 7946 0000; @handle"
    );
    assert_eq!(cell(0, "location"), "'-Minsk region");
    assert!(cell(0, "story").starts_with("'\tIndented"));
    assert_eq!(
        cell(0, "photo_credit"),
        "'''@two apostrophes then an at sign"
    );
    assert_eq!(cell(1, "name"), "''=Quoted Name");
    assert_eq!(cell(1, "location"), "'plain apostrophe, no formula");
    assert_eq!(cell(3, "summary"), "''''=three apostrophes then equals");
    // No cell of the spreadsheet starts with what a spreadsheet would run.
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
        }
    }
    // As a spreadsheet saves cells typed with an apostrophe in front: without it.
    let mut saved = rows.clone();
    saved[2][1] = "-Dash Start".into();
    let saved = dir.write("saved.csv", &csv_of(&saved));
    let out = dir.path("saved.json");
    let run = wjc(&["import-csv", &saved, "-o", &out, "--base", FORMULAS]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(fs::read_to_string(out).unwrap(), original);
}

#[test]
fn the_real_list_comes_back_byte_for_byte() {
    let dir = TempDir::new("real-bytes");
    let (_, json) = round_trip(&dir, REAL);
    assert_eq!(json, fs::read_to_string(REAL).unwrap());
}

// ---- schema ----

const SCHEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/data/prisoners.schema.json"
);
const HOSTILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../core/tests/fixtures/hostile.json"
);

#[test]
fn the_committed_schema_is_the_generated_one() {
    let run = wjc(&["schema"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        fs::read_to_string(SCHEMA).unwrap(),
        "run: cargo run -p wjc-cli -- schema > assets/data/prisoners.schema.json"
    );
    let real: Value = serde_json::from_str(&fs::read_to_string(REAL).unwrap()).unwrap();
    assert_eq!(real["$schema"], "./prisoners.schema.json");
}

/// Whether the committed schema accepts `instance`.
struct Checker {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

impl Checker {
    fn new() -> Self {
        let schema: Value = serde_json::from_str(&fs::read_to_string(SCHEMA).unwrap()).unwrap();
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        let url = "file:///prisoners.schema.json";
        compiler.add_resource(url, schema).unwrap();
        let index = compiler.compile(url, &mut schemas).unwrap();
        Self { schemas, index }
    }

    fn accepts(&self, instance: &Value) -> bool {
        self.schemas.validate(instance, self.index).is_ok()
    }
}

#[test]
fn the_schema_accepts_the_real_list_and_the_fixtures() {
    let checker = Checker::new();
    for file in [REAL, FULL, FORMULAS] {
        let value: Value = serde_json::from_str(&fs::read_to_string(file).unwrap()).unwrap();
        if let Err(error) = checker.schemas.validate(&value, checker.index) {
            panic!("{file}: {error:#}");
        }
    }
}

#[test]
fn the_schema_and_the_validator_agree_on_the_hostile_records() {
    let checker = Checker::new();
    let text = fs::read_to_string(HOSTILE).unwrap();
    let hostile: Value = serde_json::from_str(&text).unwrap();
    let report = wjc_core::load(&text).unwrap().report;
    let skipped: Vec<usize> = report
        .errors
        .iter()
        .map(|p| p.record.as_ref().unwrap().position)
        .collect();
    assert!(!skipped.is_empty());
    for (index, record) in hostile["people"].as_array().unwrap().iter().enumerate() {
        let position = index + 1;
        let mut alone = hostile.clone();
        alone["people"] = json!([record]);
        let loads = !skipped.contains(&position);
        // A repeated id is a rule between records, beyond a schema of one record.
        let repeats_an_id = report.errors.iter().any(|p| {
            p.record.as_ref().unwrap().position == position && p.reason.starts_with("repeats")
        });
        if repeats_an_id {
            assert!(checker.accepts(&alone), "record {position}");
            continue;
        }
        assert_eq!(
            checker.accepts(&alone),
            loads,
            "record {position}: {record}"
        );
    }
    assert!(
        !checker.accepts(&hostile),
        "the file as a whole has bad records"
    );
}

#[test]
fn the_schema_and_the_validator_agree_field_by_field() {
    let checker = Checker::new();
    let combining = |n: usize| format!("Z{}", "\u{301}".repeat(n));
    let link = |url: &str| json!([{ "title": "x", "url": url }]);
    let cases: Vec<(&str, Value, bool)> = vec![
        ("status", json!("jailed"), false),
        ("status", json!("house_arrest"), true),
        ("country", json!("XX"), false),
        ("country", json!("by"), false),
        ("arrested", json!("2020-13"), false),
        ("arrested", json!("1899"), false),
        ("arrested", json!("1900-01-01"), true),
        ("status_as_of", json!("2100-12-31"), true),
        ("name", json!(""), false),
        ("name", json!("   "), false),
        ("name", json!("a\u{7}b"), false),
        ("name", json!("\u{200b}\u{2060}"), false),
        ("name", json!("Tab\there"), true),
        ("name", json!("x".repeat(301)), false),
        ("name", json!("x".repeat(300)), true),
        ("location", json!(combining(31)), false),
        ("location", json!(combining(30)), true),
        ("location", Value::Null, true),
        ("id", json!("Bad Id"), false),
        ("id", json!("-leading"), false),
        ("id", json!("inner--hyphens"), true),
        ("sentence", json!({"years": 0}), false),
        ("sentence", json!({"months": 3}), true),
        ("sentence", json!({"years": 201}), false),
        ("sentence", json!({"months": 12}), false),
        ("sentence", json!("life"), true),
        ("sentence", json!("death"), false),
        ("flags", json!(["nope"]), false),
        ("flags", json!(["unfair_trial"]), true),
        ("links", link("ftp://example.org"), false),
        ("links", link("HTTPS://example.org/a b"), false),
        ("links", link("https://@example.org"), false),
        ("links", link("HTTP://example.org/?q=1"), true),
        ("aliases", json!(vec!["a"; 51]), false),
        ("aliases", json!(vec!["a"; 50]), true),
        ("aliases", json!([["nested"]]), false),
        ("campaigns", json!([]), false),
        ("story", json!("x".repeat(20_001)), false),
        ("synthetic", json!("yes"), false),
        (
            "photo",
            json!({"url": "https://example.org/p.jpg", "alt": "x"}),
            false,
        ),
    ];
    for (field, value, valid) in cases {
        let mut data = padded(6);
        data["people"][0][field] = value.clone();
        let loaded = wjc_core::load(&data.to_string()).unwrap();
        let loads = loaded.report.loaded == 10;
        assert_eq!(loads, valid, "the loader on {field}: {value}");
        assert_eq!(
            checker.accepts(&data),
            valid,
            "the schema on {field}: {value}"
        );
    }
    // Descriptions of the list and of a campaign may be left out.
    let mut data = padded(6);
    data.as_object_mut().unwrap().remove("description");
    data["campaigns"][0]
        .as_object_mut()
        .unwrap()
        .remove("description");
    assert_eq!(wjc_core::load(&data.to_string()).unwrap().report.loaded, 10);
    assert!(checker.accepts(&data));
    data.as_object_mut().unwrap().remove("title");
    assert!(wjc_core::load(&data.to_string()).is_err());
    assert!(!checker.accepts(&data));
    // Rules between fields or records, which only `wjc validate` checks.
    for (field, value) in [
        ("campaigns", json!(["no-such-campaign"])),
        ("source", json!("no-such-source")),
        ("sentenced", json!("2001")),
        ("arrested", json!("2021-02-30")),
    ] {
        let mut data = padded(6);
        data["people"][0][field] = value.clone();
        let loaded = wjc_core::load(&data.to_string()).unwrap();
        assert_eq!(loaded.report.loaded, 9, "{field}: {value}");
        assert!(checker.accepts(&data), "{field}: {value}");
    }
}

#[test]
fn the_schema_and_the_validator_agree_on_translations() {
    let checker = Checker::new();
    let es = |summary: &str| json!({"es": {"summary": summary, "reviewed": false}});
    let cases: Vec<(Value, bool)> = vec![
        (es("Una frase."), true),
        (
            json!({"es": {"summary": "Una frase.", "story": null, "reviewed": true}}),
            true,
        ),
        (
            json!({"zh-Hans": {"summary": "一句话。", "story": "一段。", "reviewed": false}}),
            true,
        ),
        (
            json!({"de": {"summary": "Ein Satz.", "reviewed": false}}),
            false,
        ),
        (
            json!({"en": {"summary": "A sentence.", "reviewed": false}}),
            false,
        ),
        (
            json!({"zh": {"summary": "一句话。", "reviewed": false}}),
            false,
        ),
        (json!({"es": {"summary": "Una frase."}}), false),
        (
            json!({"es": {"summary": "Una frase.", "reviewed": "no"}}),
            false,
        ),
        (json!({"es": "Una frase."}), false),
        (json!(["es"]), false),
        (es(""), false),
        (es(" \u{200b}"), false),
        (es(&"x".repeat(401)), false),
        (es(&"x".repeat(400)), true),
        (es("TODO"), false),
        (es("Detenida en 2020 (TBD)."), false),
        (es("FIXME: traducir"), false),
        (es("Condenada a XXX años."), false),
        (es("Detenida en {year}."), false),
        (es("Detenida en {{year}}."), false),
        (es("Detenida [fecha]."), false),
        (es("Lorem Ipsum dolor."), false),
        (es("Todo el mundo lo sabe."), true),
        (es("MASTODON, XXXL y TBDX."), true),
        (es("Un { solo [ signo."), true),
        (
            json!({"es": {"summary": "Una frase.", "story": "[párrafo]", "reviewed": false}}),
            false,
        ),
    ];
    for (value, valid) in cases {
        let mut data = padded(6);
        data["people"][0]["translations"] = value.clone();
        let loaded = wjc_core::load(&data.to_string()).unwrap();
        // A bad translation is left out and the person kept: the loader warns.
        assert_eq!(loaded.report.loaded, 10, "{value}");
        let clean = loaded
            .report
            .warnings
            .iter()
            .all(|p| !p.field.starts_with("translations"));
        assert_eq!(
            clean, valid,
            "the loader on {value}: {:?}",
            loaded.report.warnings
        );
        assert_eq!(checker.accepts(&data), valid, "the schema on {value}");
    }
    // An untranslated copy of the English is a rule between fields, which only the loader checks.
    let mut data = padded(6);
    let english = data["people"][0]["summary"].clone();
    data["people"][0]["translations"] = json!({"fr": {"summary": english, "reviewed": false}});
    let loaded = wjc_core::load(&data.to_string()).unwrap();
    assert_eq!(
        loaded.report.warnings.len(),
        1,
        "{:?}",
        loaded.report.warnings
    );
    assert!(checker.accepts(&data));
}

#[test]
fn import_refuses_a_bad_translation_instead_of_dropping_it() {
    let (dir, original, data, csv) = exported("bad-translation");
    let mut rows = rows_of(&fs::read_to_string(&csv).unwrap());
    let at = |column: &str| header().iter().position(|c| *c == column).unwrap();
    rows[0][at("summary_fr")] = "TODO".into();
    rows[0][at("reviewed_es")] = "maybe".into();
    rows[1][at("story_es")] = "Un relato sin resumen.".into();
    rows[2][at("reviewed_ar")] = "yes".into();
    rows[3][at("summary_fa")] = rows[3][at("summary")].clone();
    let bad = dir.write("bad.csv", &csv_of(&rows));
    let run = wjc(&["import-csv", &bad, "-o", &data]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let out = &run.stdout;
    for line in [
        "error: row 2 (\"fixture-one\"), summary_fr: still holds the placeholder \"TODO\"\n",
        "error: row 2 (\"fixture-one\"), reviewed_es: \"maybe\" must be yes",
        "error: row 3 (\"fixture-two\"), summary_es: is empty, so there is no translation; story_es and reviewed_es must be empty too",
        "error: row 4 (\"fixture-three\"), summary_ar: is empty, so there is no translation",
        "error: row 5 (\"fixture-four\"), summary_fa: is the English text, not a translation\n",
        "4 rows of people, 4 with problems. Nothing was written",
    ] {
        assert!(out.contains(line), "{line:?} in {out}");
    }
    assert_eq!(fs::read_to_string(&data).unwrap(), original);

    // Cleared cells remove a translation; "yes" marks one reviewed.
    let mut rows = rows_of(&fs::read_to_string(&csv).unwrap());
    for column in ["summary_fr", "story_fr", "reviewed_fr"] {
        rows[0][at(column)].clear();
    }
    rows[1][at("reviewed_ru")] = "Yes".into();
    let edited = dir.write("edited.csv", &csv_of(&rows));
    let run = wjc(&["import-csv", &edited, "-o", &data]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let written: Value = serde_json::from_str(&fs::read_to_string(&data).unwrap()).unwrap();
    let people = &written["people"];
    assert!(people[0]["translations"].get("fr").is_none());
    assert_eq!(people[0]["translations"]["es"]["reviewed"], true);
    assert_eq!(people[1]["translations"]["ru"]["reviewed"], true);
    assert_eq!(people[1]["translations"]["fa"]["reviewed"], false);
}

// ---- any command line ----

mod any_command_line {
    use super::*;
    use proptest::prelude::*;

    /// Words of a command line that cannot make `wjc` write anywhere: outputs are under a folder
    /// that does not exist, and no bare word can become an output.
    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::sample::select(
                COMMANDS
                    .iter()
                    .copied()
                    .chain([
                        "help",
                        "bash",
                        "zsh",
                        "fish",
                        "tcsh",
                        "valdate",
                        "import",
                        "--help",
                        "-h",
                        "--version",
                        "-V",
                        "--dry-run",
                        "--allow-removals",
                        "--base",
                        "--count",
                        "--seed",
                        "--widget",
                        "--",
                        "-",
                        "--count=0",
                        "--count=3",
                        "--count=many",
                        "--count=200001",
                        "--seed=-1",
                        "--seed=18446744073709551616",
                        "--dry-run=yes",
                        "-o/nonexistent-wjc/out.json",
                        "--output=/nonexistent-wjc/out.csv",
                        "--output=",
                        "-x",
                        "--frobnicate",
                        "/nonexistent-wjc/in.csv",
                        "/nonexistent-wjc/",
                        FULL
                    ])
                    .collect::<Vec<_>>()
            )
            .prop_map(str::to_owned),
            "/nonexistent-wjc/\\PC{0,12}",
            "-{1,2}\\PC{0,12}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn never_panics_and_wrong_use_is_exit_2_with_a_message(
            words in prop::collection::vec(word(), 0..6)
        ) {
            // `compile` and `site` write into the folder they are given: only one that does not
            // exist.
            let writes_here = matches!(words.first().map(String::as_str), Some("compile" | "site"))
                && words[1..].iter().any(|w| !w.starts_with('/') && !w.starts_with('-'));
            prop_assume!(!writes_here);
            let args: Vec<&str> = words.iter().map(String::as_str).collect();
            let run = wjc(&args);
            prop_assert!(matches!(run.code, 0..=2), "{args:?}: {}", run.code);
            if run.code == 2 {
                prop_assert!(!run.stderr.trim().is_empty(), "{args:?}");
                prop_assert!(
                    run.stderr.starts_with("error: ")
                        || run.stderr.starts_with("wjc: ")
                        || run.stderr.starts_with("wjc: the maintainers' tool"),
                    "{args:?}: {}",
                    run.stderr
                );
            }
            if run.code == 0 {
                prop_assert!(run.stderr.is_empty(), "{args:?}: {}", run.stderr);
            }
        }
    }
}

// ---- i18n-check ----

/// Catalogues with one mistake of each kind a translator can make.
const I18N: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/i18n");
/// The catalogues the site ships.
const I18N_REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/i18n");

#[test]
fn i18n_check_names_each_problem_with_its_file_and_key() {
    let run = wjc(&["i18n-check", I18N]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stderr, "");
    let expected = [
        "es.json: search: at character 8: the message ends inside a \"{\"…\"}\"",
        "es.json: country.IR: comes from CLDR (the cldr folder); remove it here",
        "es.json: extra: unused: English has no such message",
        "es.json: held: has the placeholders {name}, {pais} where English has {country}, {name}",
        "es.json: people: the plural of {count} lacks many (es needs one, many, other)",
        "ru.json: people: the plural of {count} lacks few, many (ru needs one, few, many, other)",
        "ru.json: search: missing: not translated yet",
        "de.json: not named for a language of the interface (en, es, fr, ru, ar, fa, zh-Hans), so never shown",
        "7 catalogues checked: 8 problems in 3 files",
    ];
    let lines: Vec<String> = run
        .stdout
        .lines()
        .map(|l| l.replace(&format!("{I18N}/"), ""))
        .collect();
    assert_eq!(lines, expected);
}

#[test]
fn i18n_check_passes_the_shipped_catalogues() {
    let run = wjc(&["i18n-check", I18N_REAL]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "7 catalogues checked: no problems\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn i18n_check_stops_at_a_file_it_cannot_read_and_reports_one_that_is_no_catalogue() {
    let dir = TempDir::new("i18n");
    for lang in ["en", "es", "fr", "ru", "ar", "fa"] {
        let text = fs::read_to_string(format!("{I18N_REAL}/{lang}.json")).unwrap();
        dir.write(&format!("{lang}.json"), &text);
    }
    let run = wjc(&["i18n-check", dir.0.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    let missing = dir.path("zh-Hans.json");
    assert_eq!(
        run.stderr.lines().next(),
        Some(format!("wjc: cannot read \"{missing}\": no such file or folder").as_str())
    );
    assert!(run.stderr.contains("Usage: wjc i18n-check [DIR]"));

    dir.write("zh-Hans.json", "{\"search\": 1}");
    dir.write("en.json", "{\"search\": \"Search\",}");
    let run = wjc(&["i18n-check", dir.0.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with(&format!("{}: not valid JSON", dir.path("en.json"))),
        "{}",
        run.stdout
    );
    assert!(run
        .stdout
        .ends_with("1 catalogue checked: 1 problem in 1 file\n"));
}

#[test]
fn site_shows_a_restricted_person_as_their_level_allows_in_every_output() {
    let dir = TempDir::new("site-visibility");
    let mut data: Value = serde_json::from_str(&fs::read_to_string(FULL).unwrap()).unwrap();
    let person = &mut data["people"][0];
    person["visibility"] = json!("initials");
    person["id"] = json!("case-1");
    for field in ["aliases", "native_name", "translations"] {
        person.as_object_mut().unwrap().remove(field);
    }
    let site = built_site(&dir, &data);
    let run = wjc(&["site", &site, "--site-url", "https://campaign.example"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let page = read(&dir, "person/case-1.html");
    assert!(page.contains("Z. Ñ.-Ł."), "{page}");
    assert!(page.contains(
        "<meta property=\"og:image\" content=\"https://campaign.example/share/case-1.png\">"
    ));
    assert!(page.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
    assert!(page
        .contains("<link rel=\"canonical\" href=\"https://campaign.example/person/case-1.html\">"));
    for file in [
        "index.html",
        "person/case-1.html",
        "feeds/all.atom",
        "feeds/by.atom",
        "data/list.json",
        "data/prisoners.json",
    ] {
        let text = read(&dir, file);
        assert!(!text.contains("Zofia"), "{file} names the person");
        assert!(
            !text.contains("example.org/p/1.jpg"),
            "{file} has the photo"
        );
    }
    let png = fs::read(dir.path("share/case-1.png")).unwrap();
    assert_eq!(&png[16..24], &[0, 0, 4, 176, 0, 0, 2, 118], "1200×630");
    assert!(read(&dir, "qr/case-1.svg").starts_with("<?xml"));
}
