//! The static pages' content: the list, page by page, and one page per person, in the same
//! markup and CSS classes as the app's components, so the app's stylesheet draws them alike.
//!
//! Every text from the data is escaped ([`Esc`]); the only links from the data are the model's
//! `HttpUrl`s (http and https only); internal links are built from record ids, which are slugs.

use std::io::{self, Write};

use wjc_core::paging::{page_of, Link, Page, PAGE_SIZE};
use wjc_core::query::{totals, Index, Query, Totals};
use wjc_core::text::{self, ui};
use wjc_core::url_state::{self, ViewState};
use wjc_core::{icon, Dataset, Person, Report, Status, DATASET_PATH};

use super::html::Esc;

/// The dataset, in the app's default order, ready to be written out.
pub struct Site<'a> {
    dataset: &'a Dataset,
    report: &'a Report,
    /// Positions in `dataset.people`, in the order the app lists them before any search.
    order: Vec<usize>,
    /// The statuses present, in the legend's order.
    statuses: Vec<Status>,
    /// The header's numbers, counted once: every page shows them.
    totals: Totals,
    /// "About this data", written once: every page shows it.
    about: String,
}

impl<'a> Site<'a> {
    /// Orders the people exactly as the app does for a visitor who has not searched or filtered.
    pub fn new(dataset: &'a Dataset, report: &'a Report) -> Self {
        let outcome = Index::new(dataset).run(&Query::default());
        Self {
            dataset,
            report,
            order: outcome.matches,
            statuses: outcome.facets.statuses.iter().map(|(s, _)| *s).collect(),
            totals: totals(&dataset.people),
            about: text::about(dataset),
        }
    }

    /// How many pages the list takes: as many as the app's (`wjc_core::paging`), so a static
    /// page and the app's page that takes it over show the same people.
    pub fn list_pages(&self) -> usize {
        Page::of(self.order.len(), 0, PAGE_SIZE).count
    }

    /// The people in the order they are listed.
    pub fn people(&self) -> impl Iterator<Item = &'a Person> + '_ {
        self.order.iter().map(|&i| &self.dataset.people[i])
    }

    /// The title of list page `page` (1-based).
    pub fn list_title(&self, page: usize) -> String {
        let site = &self.dataset.title;
        if page == 1 {
            site.clone()
        } else {
            text::list_page_title(page, self.list_pages(), site)
        }
    }

    /// The content of `<div id="app">` for list page `page` (1-based), `depth` folders deep.
    pub fn write_list<W: Write>(&self, out: &mut W, page: usize, depth: usize) -> io::Result<()> {
        let up = "../".repeat(depth);
        let current = Page::of(self.order.len(), page - 1, PAGE_SIZE);
        let pages = current.count;
        let skip = (ui::SKIP_TO_RESULTS, "results");
        self.chrome(out, depth, skip, true, |out| {
            let total = self.order.len();
            write!(
                out,
                "<section class=\"wjc-list__main\" aria-labelledby=\"results-title\">\
                 <p class=\"wjc-static-note\">{} <a href=\"{up}{DATASET_PATH}\">{}</a></p>",
                Esc(ui::STATIC_NOTE),
                Esc(ui::STATIC_DATA_LINK)
            )?;
            self.skipped_notice(out)?;
            write!(
                out,
                "<div class=\"wjc-results-bar\"><h2 id=\"results-title\" class=\"wjc-results-bar__title\">{}</h2>\
                 <p class=\"wjc-results-bar__count\">{}</p>",
                Esc(ui::RESULTS),
                Esc(&text::result_count(total, total))
            )?;
            if pages > 1 {
                write!(
                    out,
                    "<p id=\"results-page\" class=\"wjc-results-bar__page\">{}</p>",
                    Esc(&text::page_summary(current.number(), pages, current.items.0 + 1, current.items.1))
                )?;
            }
            self.legend(out)?;
            write!(
                out,
                "</div><ul id=\"results\" class=\"wjc-grid\" tabindex=\"-1\" aria-labelledby=\"results-title\"{}>",
                if pages > 1 { " aria-describedby=\"results-page\"" } else { "" }
            )?;
            for &position in &self.order[current.range()] {
                self.card(out, &self.dataset.people[position], &up)?;
            }
            out.write_all(b"</ul>")?;
            if pages > 1 {
                pager(out, &current, &up)?;
            }
            out.write_all(b"</section>")
        })
    }

    /// The content of `<div id="app">` for the profile of the person listed `rank`th (0-based),
    /// on a page one folder deep.
    pub fn write_profile<W: Write>(&self, out: &mut W, rank: usize) -> io::Result<()> {
        let up = "../";
        let dataset = self.dataset;
        let person = &dataset.people[self.order[rank]];
        let skip = (ui::SKIP_TO_PROFILE, "profile-title");
        self.chrome(out, 1, skip, false, |out| {
            write!(
                out,
                "<article class=\"wjc-profile\" aria-labelledby=\"profile-title\">\
                 <nav class=\"wjc-profile__nav\" aria-label=\"{}\"><a class=\"wjc-back\" href=\"{up}{}\">← {}</a></nav>\
                 <header class=\"wjc-profile__header\">",
                Esc(ui::PROFILE_NAV),
                list_path(page_of(rank, PAGE_SIZE) + 1),
                Esc(ui::BACK)
            )?;
            avatar(out, person)?;
            write!(
                out,
                "<div><h1 id=\"profile-title\" class=\"wjc-profile__name\" tabindex=\"-1\" dir=\"auto\">{}</h1>",
                Esc(&person.name)
            )?;
            if let Some(native) = &person.native_name {
                write!(out, "<p class=\"wjc-profile__native\" dir=\"auto\">{}</p>", Esc(native))?;
            }
            out.write_all(b"<p class=\"wjc-profile__status\">")?;
            badge(out, person.status)?;
            write!(
                out,
                " <span>{}</span></p><p class=\"wjc-profile__summary\" dir=\"auto\">{}</p></div></header>\
                 <div class=\"wjc-profile__body\"><section class=\"wjc-profile__story\" aria-labelledby=\"story-title\">\
                 <h2 id=\"story-title\">{}</h2>",
                Esc(&text::as_of(person.status_as_of)),
                Esc(&person.summary),
                Esc(ui::STORY)
            )?;
            for paragraph in person.paragraphs() {
                write!(out, "<p dir=\"auto\">{}</p>", Esc(paragraph))?;
            }
            if !person.timeline.is_empty() {
                write!(out, "<h2>{}</h2><ol class=\"wjc-timeline\">", Esc(ui::TIMELINE))?;
                for event in &person.timeline {
                    write!(
                        out,
                        "<li><time datetime=\"{}\">{}</time> — <span dir=\"auto\">{}</span></li>",
                        Esc(&event.date.to_string()),
                        Esc(&text::date(event.date)),
                        Esc(&event.event)
                    )?;
                }
                out.write_all(b"</ol>")?;
            }
            if !person.links.is_empty() {
                write!(out, "<h2>{}</h2><ul class=\"wjc-links\">", Esc(ui::LINKS))?;
                for link in &person.links {
                    // HttpUrl admits only http and https; no referrer tells the site who sent the visitor.
                    write!(
                        out,
                        "<li><a href=\"{}\" rel=\"noopener noreferrer\" referrerpolicy=\"no-referrer\" target=\"_blank\">{}</a></li>",
                        Esc(link.url.as_str()),
                        Esc(&link.title)
                    )?;
                }
                out.write_all(b"</ul>")?;
            }
            write!(
                out,
                "</section><aside class=\"wjc-profile__facts\" aria-labelledby=\"facts-title\">\
                 <h2 id=\"facts-title\">{}</h2><dl class=\"wjc-facts\">",
                Esc(ui::FACTS)
            )?;
            for (label, value) in text::profile_facts(person, dataset) {
                write!(
                    out,
                    "<div class=\"wjc-facts__row\"><dt>{}</dt><dd dir=\"auto\">{}</dd></div>",
                    Esc(label),
                    Esc(&value)
                )?;
            }
            write!(out, "</dl></aside></div><nav class=\"wjc-pager\" aria-label=\"{}\">", Esc(ui::PAGER))?;
            let previous = rank.checked_sub(1);
            let next = Some(rank + 1).filter(|r| *r < self.order.len());
            for (other, label, rel) in [(previous, ui::PREVIOUS, "prev"), (next, ui::NEXT, "next")] {
                let Some(other) = other.map(|r| &dataset.people[self.order[r]]) else {
                    continue;
                };
                write!(
                    out,
                    "<a class=\"wjc-pager__{rel}\" href=\"{up}{}\" rel=\"{rel}\"><span class=\"wjc-pager__label\">{}</span>\
                     <span class=\"wjc-pager__name\" dir=\"auto\">{}</span></a>",
                    Esc(&profile_path(other)),
                    Esc(label),
                    Esc(&other.name)
                )?;
            }
            out.write_all(b"</nav></article>")
        })
    }

    /// What the app opens in place of a page one folder deep: ` data-app-url="../#/person/x"`
    /// for a profile, ` data-app-url="../#/?page=3"` for list page 3 (1-based), the same people.
    pub fn app_url_attr(profile: Option<&Person>, page: usize) -> String {
        let view = ViewState {
            profile: profile.map(|p| p.id.clone()),
            page: page.saturating_sub(1),
            ..ViewState::default()
        };
        format!(
            " data-app-url=\"../{}\"",
            Esc(&url_state::to_fragment(&view))
        )
    }

    /// The parts every page shares, as in the app: skip link, header, `main` with `body`, footer;
    /// all in the element the app removes when it takes over.
    fn chrome<W: Write>(
        &self,
        out: &mut W,
        depth: usize,
        (skip_text, skip_target): (&str, &str),
        title_heading: bool,
        body: impl FnOnce(&mut W) -> io::Result<()>,
    ) -> io::Result<()> {
        let dataset = self.dataset;
        // On the list the site's name is the page's main heading; on a profile the person's is.
        let title_tag = if title_heading { "h1" } else { "p" };
        write!(
            out,
            "<div id=\"wjc-static\"><a class=\"wjc-skip\" href=\"#{skip_target}\">{}</a>\
             <header class=\"wjc-header\"><div class=\"wjc-header__inner\">\
             <{title_tag} class=\"wjc-header__title\"><a href=\"{}index.html\">{}</a></{title_tag}>\
             <p class=\"wjc-header__lede\">{}</p><dl class=\"wjc-totals\">",
            Esc(skip_text),
            "../".repeat(depth),
            Esc(&dataset.title),
            Esc(&dataset.description)
        )?;
        let t = self.totals;
        for (value, label) in [
            (t.people, ui::TOTAL_PEOPLE),
            (t.countries, ui::TOTAL_COUNTRIES),
            (t.held, ui::TOTAL_HELD),
            (t.released, ui::TOTAL_RELEASED),
        ] {
            write!(
                out,
                "<div class=\"wjc-totals__item\"><dt class=\"wjc-totals__label\">{}</dt><dd class=\"wjc-totals__value\">{value}</dd></div>",
                Esc(label)
            )?;
        }
        out.write_all(b"</dl>")?;
        if dataset.synthetic {
            write!(
                out,
                "<p class=\"wjc-banner\" role=\"note\">{}</p>",
                Esc(ui::SYNTHETIC_BANNER)
            )?;
        }
        out.write_all(b"</div></header><main class=\"wjc-main\">")?;
        body(out)?;
        write!(
            out,
            "</main><footer class=\"wjc-footer\"><section class=\"wjc-footer__act\" aria-labelledby=\"act-title\">\
             <h2 id=\"act-title\">{}</h2><ul>",
            Esc(ui::ACT_TITLE)
        )?;
        for action in ui::ACTIONS {
            write!(out, "<li>{}</li>", Esc(action))?;
        }
        write!(
            out,
            "</ul></section><section class=\"wjc-footer__about\" aria-labelledby=\"about-title\">\
             <h2 id=\"about-title\">{}</h2><p>{}</p><ul>",
            Esc(ui::ABOUT_TITLE),
            Esc(&self.about)
        )?;
        for source in &dataset.sources {
            write!(out, "<li>{}</li>", Esc(&text::source_entry(source)))?;
        }
        out.write_all(b"</ul></section></footer></div>")
    }

    /// One person's card, as the app's `Card` draws it, linking to their static page.
    fn card<W: Write>(&self, out: &mut W, person: &Person, up: &str) -> io::Result<()> {
        write!(
            out,
            "<li class=\"wjc-card\" id=\"card-{}\">",
            Esc(&person.id)
        )?;
        avatar(out, person)?;
        write!(
            out,
            "<div class=\"wjc-card__body\"><h3 class=\"wjc-card__name\"><a href=\"{up}{}\" dir=\"auto\">{}</a></h3>",
            Esc(&profile_path(person)),
            Esc(&person.name)
        )?;
        if let Some(native) = &person.native_name {
            write!(
                out,
                "<p class=\"wjc-card__native\" dir=\"auto\">{}</p>",
                Esc(native)
            )?;
        }
        write!(
            out,
            "<p class=\"wjc-card__country\"><span class=\"wjc-flag\" aria-hidden=\"true\">{}</span> {}</p>\
             <p class=\"wjc-card__status\">",
            person.country.flag(),
            Esc(person.country.name())
        )?;
        badge(out, person.status)?;
        write!(
            out,
            "<span class=\"wjc-card__asof\">{}</span></p><p class=\"wjc-card__summary\" dir=\"auto\">{}</p><ul class=\"wjc-card__facts\">",
            Esc(&text::as_of(person.status_as_of)),
            Esc(&person.summary)
        )?;
        let lines = [
            text::custody_line(person),
            person.sentence.map(text::sentence_line),
        ];
        for line in lines.iter().flatten() {
            write!(out, "<li>{}</li>", Esc(line))?;
        }
        write!(
            out,
            "<li class=\"wjc-card__campaign\">{}</li></ul></div></li>",
            Esc(&text::campaigns(person, self.dataset))
        )
    }

    /// The legend of the statuses present, as the app's `StatusLegend`.
    fn legend<W: Write>(&self, out: &mut W) -> io::Result<()> {
        write!(
            out,
            "<details class=\"wjc-legend\"><summary>{}</summary><dl>",
            Esc(ui::LEGEND)
        )?;
        for &status in &self.statuses {
            out.write_all(b"<div class=\"wjc-legend__item\"><dt>")?;
            badge(out, status)?;
            write!(
                out,
                "</dt><dd>{}</dd></div>",
                Esc(text::status_description(status))
            )?;
        }
        out.write_all(b"</dl></details>")
    }

    /// "2 records could not be shown", with the reasons, as the app's notice (without "Dismiss").
    fn skipped_notice<W: Write>(&self, out: &mut W) -> io::Result<()> {
        let skipped = self.report.skipped();
        if skipped == 0 {
            return Ok(());
        }
        write!(
            out,
            "<div class=\"wjc-notice\" role=\"note\"><p class=\"wjc-notice__text\">{}</p>\
             <details class=\"wjc-notice__details\"><summary>{}</summary><ul>",
            Esc(&text::skipped_notice(skipped)),
            Esc(ui::DETAILS)
        )?;
        for problem in &self.report.errors {
            write!(out, "<li dir=\"auto\">{}</li>", Esc(&problem.to_string()))?;
        }
        out.write_all(b"</ul></details></div>")
    }
}

/// The list's pager, in the app's markup (`ListPager`): previous, at most seven page links, next.
fn pager<W: Write>(out: &mut W, page: &Page, up: &str) -> io::Result<()> {
    write!(
        out,
        "<nav class=\"wjc-pages\" aria-label=\"{}\">",
        Esc(ui::PAGES)
    )?;
    let step = |out: &mut W, to: Option<usize>, label: &str, rel: &str| match to {
        Some(to) => write!(
            out,
            "<a class=\"wjc-pages__{rel}\" href=\"{up}{}\" rel=\"{rel}\">{}</a>",
            list_path(to + 1),
            Esc(label)
        ),
        None => Ok(()),
    };
    step(out, page.previous(), ui::PAGE_PREVIOUS, "prev")?;
    out.write_all(b"<ul class=\"wjc-pages__list\">")?;
    for link in page.links() {
        let Link::Page(index) = link else {
            write!(
                out,
                "<li class=\"wjc-pages__gap\">{}</li>",
                Esc(ui::PAGE_GAP)
            )?;
            continue;
        };
        let current = if index == page.index {
            " aria-current=\"page\""
        } else {
            ""
        };
        write!(
            out,
            "<li><a class=\"wjc-pages__link\" href=\"{up}{}\" aria-label=\"{}\"{current}>{}</a></li>",
            list_path(index + 1),
            Esc(&text::page_link(index + 1)),
            index + 1
        )?;
    }
    out.write_all(b"</ul>")?;
    step(out, page.next(), ui::PAGE_NEXT, "next")?;
    out.write_all(b"</nav>")
}

/// Where list page `page` (1-based) is, from the site's root: `index.html`, `list/2.html`.
pub fn list_path(page: usize) -> String {
    if page == 1 {
        "index.html".into()
    } else {
        format!("list/{page}.html")
    }
}

/// Where a person's page is, from the site's root. Ids are checked slugs (see the loader), so a
/// page can never be written outside `person/`.
pub fn profile_path(person: &Person) -> String {
    url_state::static_profile_path(&person.id).unwrap_or_default()
}

/// The person's initials. The app shows a photo when the site itself hosts it; these pages do not
/// know which host will serve them, and a photo from elsewhere would tell a third party who looked
/// at whom.
fn avatar<W: Write>(out: &mut W, person: &Person) -> io::Result<()> {
    write!(
        out,
        "<span class=\"wjc-avatar wjc-avatar--initials\" aria-hidden=\"true\">{}</span>",
        Esc(&text::initials(&person.name))
    )
}

/// A status badge: word, shape and colour, as the app's `StatusBadge`.
fn badge<W: Write>(out: &mut W, status: Status) -> io::Result<()> {
    write!(
        out,
        "<span class=\"wjc-badge wjc-badge--{}\"><svg class=\"wjc-badge__icon\" viewBox=\"0 0 16 16\" width=\"14\" height=\"14\" \
         aria-hidden=\"true\" focusable=\"false\"><path d=\"{}\"/></svg><span>{}</span></span>",
        status.as_str(),
        icon::status_path(status),
        Esc(text::status_label(status))
    )
}
