//! The interface's language: the one the view asks for ([`AppState::wanted_language`]), spoken
//! once its messages (and the people's summaries in it) have arrived. Until then, and when they
//! cannot be had, the interface stays in the language it speaks.

use std::sync::Arc;

use leptos::prelude::*;
use wjc_core::compiled::Translations;
use wjc_core::i18n::{self, Lang};
use wjc_core::text;

use crate::browser;
use crate::data::{fetch_catalogue, fetch_translations};
use crate::state::AppState;

/// Speaks the language `state`'s view asks for, now and whenever it changes.
pub fn follow(state: AppState) {
    Effect::new(move |_| {
        let wanted = state.wanted_language();
        if wanted != state.speaking.get_untracked() {
            switch(state, wanted);
        }
    });
}

/// Speaks `lang` once its messages are in (English needs none), then draws again.
fn switch(state: AppState, lang: Lang) {
    leptos::task::spawn_local(async move {
        let catalogue = match lang {
            Lang::En => None,
            _ => match fetch_catalogue(&state.site_address(), lang).await {
                Ok(catalogue) => Some(catalogue),
                Err(failure) => {
                    leptos::logging::warn!(
                        "without-just-cause: the {} texts could not be loaded: {}",
                        lang.tag(),
                        text::failure_reason(&failure)
                    );
                    return;
                }
            },
        };
        // The people's summaries in it, if any were translated: without them, the records' own.
        let translations = match lang {
            Lang::En => Translations::default(),
            _ => fetch_translations(&state.site_address(), lang).await,
        };
        // Another language may have been chosen while these downloaded.
        if state.wanted_language_untracked() != lang {
            return;
        }
        state.translations.set(Arc::new(translations));
        i18n::speak(catalogue);
        // The campaign site's page is in this language; a widget says so on its own element,
        // never on the partner's page.
        if state.is_site_page() {
            browser::set_page_language(lang.tag(), lang.dir());
        }
        state.speaking.set(lang);
    });
}
