//! `wjc stats FILE`: who is on the list, counted several ways, as aligned plain text.

use std::collections::HashMap;
use std::fmt::Write;

use wjc_core::{Dataset, Status};

use crate::validate::{left_out, plural, read_and_load};
use crate::{Failure, Verdict};

/// Runs `wjc stats FILE`.
pub fn run(path: &str, out: &mut String) -> Result<Verdict, Failure> {
    let Some(loaded) = read_and_load(path, out)? else {
        return Ok(Verdict::Problems);
    };
    let dataset = &loaded.dataset;
    if dataset.synthetic {
        out.push_str("SYNTHETIC TEST DATA: not real people.\n");
    }
    let _ = writeln!(out, "{} (updated {})", dataset.title, dataset.updated);
    let _ = write!(out, "{}", plural(dataset.people.len(), "person", "people"));
    if let Some(left_out) = left_out(&loaded.report, path) {
        let _ = write!(out, " ({left_out})");
    }
    out.push('\n');
    write_stats(out, dataset);
    Ok(Verdict::Clean)
}

/// The tables for a loaded dataset.
fn write_stats(out: &mut String, dataset: &Dataset) {
    let people = &dataset.people;
    let total = people.len();

    let by_status = Status::ALL
        .iter()
        .map(|&status| {
            let count = people.iter().filter(|p| p.status == status).count();
            (vec![status.as_str().to_owned()], count)
        })
        .collect();
    write_table(out, "By status", by_status, total);

    let mut countries: HashMap<_, usize> = HashMap::new();
    for person in people {
        *countries.entry(person.country).or_default() += 1;
    }
    let mut by_country: Vec<_> = countries.into_iter().collect();
    by_country.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let heading = format!(
        "By country ({})",
        plural(by_country.len(), "country", "countries")
    );
    let rows = by_country
        .into_iter()
        .map(|(code, count)| {
            (
                vec![code.as_str().to_owned(), code.name().to_owned()],
                count,
            )
        })
        .collect();
    write_table(out, &heading, rows, total);

    let mut by_campaign: Vec<_> = dataset
        .campaigns
        .iter()
        .map(|c| {
            let count = people
                .iter()
                .filter(|p| p.campaigns.contains(&c.id))
                .count();
            (vec![c.id.clone(), c.title.clone()], count)
        })
        .collect();
    // Stable: campaigns with equal counts keep the file's order.
    by_campaign.sort_by_key(|row| std::cmp::Reverse(row.1));
    write_table(out, "By campaign", by_campaign, total);

    let mut occupations: HashMap<&str, usize> = HashMap::new();
    for occupation in people.iter().flat_map(|p| &p.occupations) {
        *occupations.entry(occupation.as_str()).or_default() += 1;
    }
    let mut by_occupation: Vec<_> = occupations.into_iter().collect();
    by_occupation.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let heading = format!(
        "By occupation ({})",
        plural(by_occupation.len(), "tag", "tags")
    );
    let mut rows: Vec<_> = by_occupation
        .into_iter()
        .map(|(tag, count)| (vec![tag.to_owned()], count))
        .collect();
    rows.push((
        vec!["(none given)".to_owned()],
        people.iter().filter(|p| p.occupations.is_empty()).count(),
    ));
    write_table(out, &heading, rows, total);

    let count =
        |keep: &dyn Fn(&wjc_core::Person) -> bool| people.iter().filter(|p| keep(p)).count();
    let life = count(&|p| p.sentence == Some(wjc_core::Sentence::Life));
    let totals = vec![
        (vec!["people".to_owned()], total),
        (
            vec!["held now (detained, imprisoned, house arrest, disappeared)".to_owned()],
            count(&|p| p.status.is_held()),
        ),
        (
            vec!["with a sentence".to_owned()],
            count(&|p| p.sentence.is_some()),
        ),
        (vec!["  of which life".to_owned()], life),
        (
            vec!["with detention conditions flagged".to_owned()],
            count(&|p| !p.flags.is_empty()),
        ),
        (
            vec!["with a photo".to_owned()],
            count(&|p| p.photo.is_some()),
        ),
        (
            vec!["with links".to_owned()],
            count(&|p| !p.links.is_empty()),
        ),
        (
            vec!["with a timeline".to_owned()],
            count(&|p| !p.timeline.is_empty()),
        ),
        (
            vec!["synthetic records".to_owned()],
            count(&|p| p.synthetic),
        ),
    ];
    write_table(out, "Totals", totals, total);
}

/// A heading, then one line per row: label cells padded to a column, the count right-aligned,
/// and its share of `total`.
fn write_table(out: &mut String, heading: &str, rows: Vec<(Vec<String>, usize)>, total: usize) {
    let _ = writeln!(out, "\n{heading}");
    let columns = rows
        .iter()
        .map(|(labels, _)| labels.len())
        .max()
        .unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            rows.iter()
                .filter_map(|(labels, _)| labels.get(i))
                .map(|l| l.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let count_width = rows
        .iter()
        .map(|(_, n)| n.to_string().len())
        .max()
        .unwrap_or(1);
    for (labels, count) in rows {
        out.push(' ');
        for (label, width) in labels.iter().zip(&widths) {
            let _ = write!(out, " {label}{}", " ".repeat(width - label.chars().count()));
        }
        let _ = writeln!(out, "  {count:>count_width$}  {:>6}", percent(count, total));
    }
}

/// `count` as a share of `total` with one decimal, e.g. `54.1%`; whole-number arithmetic keeps
/// it exact and free of float casts.
fn percent(count: usize, total: usize) -> String {
    if total == 0 {
        return String::new();
    }
    let tenths = (count * 1000 + total / 2) / total;
    format!("{}.{}%", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_to_one_decimal() {
        assert_eq!(percent(20, 37), "54.1%");
        assert_eq!(percent(37, 37), "100.0%");
        assert_eq!(percent(0, 37), "0.0%");
        assert_eq!(percent(1, 3), "33.3%");
        assert_eq!(percent(2, 3), "66.7%");
    }

    #[test]
    fn tables_align_labels_and_counts() {
        let mut out = String::new();
        let rows = vec![
            (vec!["CN".to_owned(), "China".to_owned()], 120),
            (vec!["BY".to_owned(), "Belarus".to_owned()], 7),
        ];
        write_table(&mut out, "By country", rows, 127);
        assert_eq!(
            out,
            "\nBy country\n  CN China    120   94.5%\n  BY Belarus    7    5.5%\n"
        );
    }
}
