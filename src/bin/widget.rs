//! Entry point of the embeddable widget (built by Trunk from `widget.html` into its own,
//! smaller WebAssembly file): `widget.js` calls these exports for each `<wjc-widget>` element.

use wasm_bindgen::prelude::{wasm_bindgen, JsValue};

fn main() {}

/// One `<wjc-widget>` on a partner's page.
#[wasm_bindgen]
pub struct Widget(without_just_cause::widget::Widget);

#[wasm_bindgen]
impl Widget {
    /// Mounts a widget into `root`, inside the element's shadow root. `names` and `values` are the
    /// element's attributes (a value is `undefined` when the attribute is absent); `site` is the
    /// campaign site's address, ending in `/`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        root: web_sys::HtmlElement,
        site: String,
        names: Vec<String>,
        values: Vec<JsValue>,
    ) -> Self {
        let attributes: Vec<(String, Option<String>)> = names
            .into_iter()
            .zip(values.into_iter().map(|v| v.as_string()))
            .collect();
        Self(without_just_cause::widget::Widget::mount(
            root,
            site,
            &attributes,
        ))
    }

    /// An attribute changed (`value` is `null` when it was removed).
    pub fn set(&self, name: &str, value: &JsValue) {
        self.0.set(name, value.as_string().as_deref());
    }
}
