//! A small command-line parser: each command declares its arguments and options, and anything
//! else is a [`Misuse`] with a message that says what was expected.

/// A command called wrongly, in one line.
#[derive(Debug, PartialEq, Eq)]
pub struct Misuse(pub String);

/// An argument given by position, such as `FILE`.
pub struct Positional {
    /// The name shown in usage, e.g. `FILE`.
    pub name: &'static str,
    /// What it is, for messages: "the data file".
    pub what: &'static str,
}

/// An option taking a value, such as `-o FILE` or `--count N`.
pub struct Opt {
    /// The long name without dashes: `output`.
    pub long: &'static str,
    /// The one-letter name, if any: `o`.
    pub short: Option<char>,
    /// What the value is, for messages: "the output file".
    pub what: &'static str,
}

/// The arguments of one command line, checked against the command's declaration.
#[derive(Debug)]
pub struct Parsed {
    positionals: Vec<String>,
    options: Vec<(&'static str, String)>,
}

impl Parsed {
    /// The `index`th positional argument (all declared ones are present once parsed).
    pub fn positional(&self, index: usize) -> &str {
        &self.positionals[index]
    }

    /// The option's value, when given.
    pub fn value(&self, long: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(name, _)| *name == long)
            .map(|(_, v)| v.as_str())
    }

    /// The option's value; a misuse when it was not given.
    pub fn required(&self, opt: &Opt) -> Result<&str, Misuse> {
        self.value(opt.long)
            .ok_or_else(|| Misuse(format!("{} is required ({})", opt.display(), opt.what)))
    }

    /// The option's value as a whole number in `min..=max`, or `default` when not given.
    pub fn number(
        &self,
        opt: &Opt,
        min: u64,
        max: u64,
        default: Option<u64>,
    ) -> Result<u64, Misuse> {
        let Some(text) = self.value(opt.long) else {
            return default
                .ok_or_else(|| Misuse(format!("{} is required ({})", opt.display(), opt.what)));
        };
        // Allow 50_000 and 50,000 as people write them.
        let digits: String = text.chars().filter(|c| !matches!(c, '_' | ',')).collect();
        digits
            .parse::<u64>()
            .ok()
            .filter(|n| (min..=max).contains(n))
            .ok_or_else(|| {
                Misuse(format!(
                    "{} must be a whole number from {min} to {max}, not \"{text}\"",
                    opt.display()
                ))
            })
    }
}

impl Opt {
    /// `-o/--output` or `--count`.
    fn display(&self) -> String {
        match self.short {
            Some(short) => format!("-{short}/--{}", self.long),
            None => format!("--{}", self.long),
        }
    }
}

/// Checks `args` against the declared positionals (all required) and options (each at most once).
///
/// Accepts `--name value`, `--name=value`, `-o value` and `--` to end options.
pub fn parse(
    args: &[String],
    positionals: &[Positional],
    options: &[Opt],
) -> Result<Parsed, Misuse> {
    let mut parsed = Parsed {
        positionals: Vec::new(),
        options: Vec::new(),
    };
    let mut rest = args.iter();
    let mut only_positionals = false;
    while let Some(arg) = rest.next() {
        let option = if only_positionals || arg == "-" || !arg.starts_with('-') {
            None
        } else if arg == "--" {
            only_positionals = true;
            continue;
        } else {
            Some(find_option(arg, options)?)
        };
        let Some((opt, inline_value)) = option else {
            if parsed.positionals.len() == positionals.len() {
                return Err(Misuse(format!("unexpected argument \"{arg}\"")));
            }
            parsed.positionals.push(arg.clone());
            continue;
        };
        if parsed.value(opt.long).is_some() {
            return Err(Misuse(format!("{} is given twice", opt.display())));
        }
        let value = match inline_value {
            Some(value) => value,
            // A value may not look like an option: `-o --seed` is surely a forgotten value.
            None => match rest.next() {
                Some(next) if !(next.starts_with('-') && next.len() > 1) => next.clone(),
                _ => {
                    return Err(Misuse(format!(
                        "{} needs a value: {}",
                        opt.display(),
                        opt.what
                    )))
                }
            },
        };
        if value.is_empty() {
            return Err(Misuse(format!(
                "{} needs a value: {}",
                opt.display(),
                opt.what
            )));
        }
        parsed.options.push((opt.long, value));
    }
    if let Some(missing) = positionals.get(parsed.positionals.len()) {
        return Err(Misuse(format!(
            "missing {} ({})",
            missing.name, missing.what
        )));
    }
    Ok(parsed)
}

/// The declared option `arg` names, with its value when written `--name=value`.
fn find_option<'a>(arg: &str, options: &'a [Opt]) -> Result<(&'a Opt, Option<String>), Misuse> {
    let (name, inline_value) = match arg.split_once('=') {
        Some((name, value)) => (name, Some(value.to_owned())),
        None => (arg, None),
    };
    let found = if let Some(long) = name.strip_prefix("--") {
        options.iter().find(|o| o.long == long)
    } else {
        let mut chars = name[1..].chars();
        match (chars.next(), chars.next()) {
            (Some(short), None) => options.iter().find(|o| o.short == Some(short)),
            _ => None,
        }
    };
    found
        .map(|opt| (opt, inline_value))
        .ok_or_else(|| Misuse(format!("unknown option \"{name}\"")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: Positional = Positional {
        name: "FILE",
        what: "the data file",
    };
    const OUTPUT: Opt = Opt {
        long: "output",
        short: Some('o'),
        what: "the output file",
    };
    const COUNT: Opt = Opt {
        long: "count",
        short: None,
        what: "how many records",
    };

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|&a| a.to_owned()).collect()
    }

    fn try_parse(args: &[&str]) -> Result<Parsed, Misuse> {
        parse(&strings(args), &[FILE], &[OUTPUT, COUNT])
    }

    fn misuse(args: &[&str]) -> String {
        try_parse(args).unwrap_err().0
    }

    #[test]
    fn accepts_options_in_every_spelling_and_place() {
        for args in [
            &["in.json", "-o", "out.csv"][..],
            &["-o", "out.csv", "in.json"],
            &["in.json", "--output", "out.csv"],
            &["--output=out.csv", "in.json"],
            &["-o=out.csv", "--", "in.json"],
        ] {
            let parsed = try_parse(args).unwrap();
            assert_eq!(parsed.positional(0), "in.json", "{args:?}");
            assert_eq!(parsed.value("output"), Some("out.csv"), "{args:?}");
            assert_eq!(parsed.value("count"), None);
        }
        assert_eq!(
            try_parse(&["--", "-odd-name.json"]).unwrap().positional(0),
            "-odd-name.json"
        );
    }

    #[test]
    fn says_what_is_wrong() {
        assert_eq!(misuse(&[]), "missing FILE (the data file)");
        assert_eq!(misuse(&["a", "b"]), "unexpected argument \"b\"");
        assert_eq!(misuse(&["a", "--out", "x"]), "unknown option \"--out\"");
        assert_eq!(misuse(&["a", "-x"]), "unknown option \"-x\"");
        assert_eq!(
            misuse(&["a", "-o"]),
            "-o/--output needs a value: the output file"
        );
        assert_eq!(
            misuse(&["a", "-o", "--count", "3"]),
            "-o/--output needs a value: the output file"
        );
        assert_eq!(
            misuse(&["a", "--output="]),
            "-o/--output needs a value: the output file"
        );
        assert_eq!(
            misuse(&["a", "-o", "x", "-o", "y"]),
            "-o/--output is given twice"
        );
    }

    #[test]
    fn reads_bounded_numbers() {
        let parsed = try_parse(&["a", "--count", "50,000"]).unwrap();
        assert_eq!(parsed.number(&COUNT, 1, 100_000, None), Ok(50_000));
        assert_eq!(
            parsed.number(&COUNT, 1, 10, None).unwrap_err().0,
            "--count must be a whole number from 1 to 10, not \"50,000\""
        );
        let parsed = try_parse(&["a", "--count", "many"]).unwrap();
        assert!(parsed.number(&COUNT, 1, 10, None).is_err());
        let parsed = try_parse(&["a"]).unwrap();
        assert_eq!(parsed.number(&COUNT, 1, 10, Some(7)), Ok(7));
        assert_eq!(
            parsed.number(&COUNT, 1, 10, None).unwrap_err().0,
            "--count is required (how many records)"
        );
        assert_eq!(
            parsed.required(&OUTPUT).unwrap_err().0,
            "-o/--output is required (the output file)"
        );
    }
}
