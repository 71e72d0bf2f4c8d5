//! The Embed dialog: both snippets for the current search and filters, with copy buttons and a
//! live preview of the iframe embed, so a partner sees what their readers will get.

use leptos::html::Dialog;
use leptos::prelude::*;
use wjc_core::embed::{iframe_snippet, script_snippet, Settings};
use wjc_core::i18n::Lang;
use wjc_core::text::{self, embed as t};

use super::deferred::{load_ahead, split_point, Deferred};
use crate::browser;
use crate::state::AppState;

/// The button that opens the dialog, and the dialog; what the dialog holds is drawn (and, in a
/// split build, its code loaded) the first time it opens.
#[component]
pub fn EmbedButton(
    /// The site's title, for the iframe's title.
    site_title: String,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let open = RwSignal::new(false);
    let opened = RwSignal::new(false);
    let show = move |_| {
        if let Some(dialog) = dialog.get_untracked() {
            open.set(true);
            opened.set(true);
            let _ = dialog.show_modal();
        }
    };
    let close = move |_| {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    };
    let body = move || {
        let site_title = site_title.clone();
        opened
            .get()
            .then(|| view! { <Deferred draw=move || embed_body(site_title.clone(), open) /> })
    };
    view! {
        <button
            type="button"
            class="wjc-button wjc-button--quiet"
            aria-haspopup="dialog"
            on:pointerover=|_| load_ahead(preload_embed)
            on:focus=|_| load_ahead(preload_embed)
            on:click=show
        >
            {t::BUTTON.text()}
        </button>
        <dialog
            node_ref=dialog
            class="wjc-embed"
            aria-labelledby="wjc-embed-title"
            on:close=move |_| open.set(false)
        >
            <div class="wjc-embed__head">
                <h2 id="wjc-embed-title">{t::DIALOG_TITLE.text()}</h2>
                <button type="button" class="wjc-button wjc-button--quiet" on:click=close>
                    {t::CLOSE.text()}
                </button>
            </div>
            {body}
        </dialog>
    }
}

split_point! {
    /// What the dialog holds, from its own module in a split build.
    pub fn embed_body(site_title: String, open: RwSignal<bool>) in embed, preload preload_embed {
        view! { <EmbedBody site_title=site_title open=open /> }.into_any()
    }
}

/// Both snippets for the current search, filters and language, and the preview while the dialog
/// is open.
#[component]
fn EmbedBody(site_title: String, open: RwSignal<bool>) -> impl IntoView {
    let state = AppState::expect();
    // The snippets carry the language on screen, unless it is English, the widget's own default
    // after the partner page's.
    let settings = Memo::new(move |_| {
        let mut settings = state.view.with(Settings::for_view);
        let speaking = state.speaking.get();
        settings.lang = settings.lang.or((speaking != Lang::En).then_some(speaking));
        settings
    });
    // The campaign site's address, where partners load the widget from.
    let site = state.site_address();
    let title = move || {
        settings.with(|s| {
            let names: Vec<&str> = s
                .query
                .filters
                .countries
                .iter()
                .map(wjc_core::CountryCode::name)
                .collect();
            t::frame_title(&site_title, &names)
        })
    };
    let script = {
        let site = site.clone();
        move || settings.with(|s| script_snippet(s, &site))
    };
    let iframe = {
        let (site, title) = (site.clone(), title.clone());
        move || settings.with(|s| iframe_snippet(s, &site, &title()))
    };
    let preview = move || {
        open.get()
            .then(|| format!("embed.html{}", settings.with(Settings::to_fragment)))
    };
    view! {
        <p>{t::DIALOG_INTRO.text()}</p>
        <Snippet
            id="wjc-embed-script"
            title=t::SCRIPT_TITLE
            help=t::SCRIPT_HELP
            code=Signal::derive(script)
        />
        <Snippet
            id="wjc-embed-iframe"
            title=t::IFRAME_TITLE
            help=t::IFRAME_HELP
            code=Signal::derive(iframe)
        />
        <h3>{t::PREVIEW.text()}</h3>
        {move || {
            preview()
                .map(|src| {
                    view! {
                        <iframe class="wjc-embed__preview" src=src title=title.clone()></iframe>
                    }
                })
        }}
    }
}

/// One snippet, read-only, with its copy button.
#[component]
fn Snippet(
    id: &'static str,
    title: text::Label,
    help: text::Label,
    code: Signal<String>,
) -> impl IntoView {
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let text = code.get_untracked();
        leptos::task::spawn_local(async move {
            copied.set(Some(browser::copy_text(&text).await));
        });
    };
    view! {
        <section class="wjc-embed__snippet" aria-labelledby=format!("{id}-title")>
            <h3 id=format!("{id}-title")>{title.text()}</h3>
            <p id=format!("{id}-help")>{help.text()}</p>
            <textarea
                id=id
                class="wjc-embed__code"
                readonly
                rows="4"
                spellcheck="false"
                aria-labelledby=format!("{id}-title")
                aria-describedby=format!("{id}-help")
                prop:value=move || code.get()
            ></textarea>
            <div class="wjc-embed__actions">
                <button type="button" class="wjc-button" on:click=copy>
                    {t::COPY.text()}
                    " "
                    {title.text()}
                </button>
                <span role="status">
                    {move || {
                        copied
                            .get()
                            .map(|ok| if ok { t::COPIED.text() } else { t::COPY_FAILED.text() })
                    }}
                </span>
            </div>
        </section>
    }
}
