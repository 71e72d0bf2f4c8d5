// without-just-cause: defines <wjc-widget> for partner pages (docs/embedding.md).
// This file keeps its address; the files it loads are content-hashed, so a new release is
// picked up as soon as this file's short cache expires. Written by `wjc site`.
import init, { Widget } from "./__GLUE__";

const ATTRIBUTES = __ATTRIBUTES__;
// "Cannot be shown here" in each language of the site, by tag.
const UNAVAILABLE = __UNAVAILABLE__;
// The campaign site: where this file is, whatever page loaded it.
const SITE = new URL("./", import.meta.url).href;

// One WebAssembly instance and one stylesheet for every widget on the page.
let ready;
function start() {
  ready ??= Promise.all([
    init({ module_or_path: new URL("./__WASM__", import.meta.url) }),
    fetch(new URL("./__CSS__", import.meta.url))
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`${response.status} ${response.url}`))))
      .then((css) => {
        // A constructable stylesheet: allowed by partner policies that refuse inline styles.
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        return sheet;
      }),
  ]);
  return ready;
}

class WjcWidget extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  #widget = null;
  #root = null;

  connectedCallback() {
    if (this.#root) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    const root = document.createElement("div");
    this.#root = root;
    shadow.replaceChildren(root);
    start().then(
      ([, sheet]) => {
        if (this.#root !== root) return;
        shadow.adoptedStyleSheets = [sheet];
        const names = ATTRIBUTES.filter((name) => this.hasAttribute(name));
        this.#widget = new Widget(root, SITE, names, names.map((name) => this.getAttribute(name)));
      },
      (error) => {
        // No WebAssembly, a policy that refuses it, or our files unreachable: say so in the box.
        console.warn("<wjc-widget>: could not start:", error);
        const message = document.createElement("p");
        message.setAttribute("role", "status");
        // In the widget's language (its lang attribute, else the page's), else English.
        const tag = (this.getAttribute("lang") || document.documentElement.lang || "en").toLowerCase();
        const lang = Object.keys(UNAVAILABLE).find((l) => tag === l.toLowerCase())
          || Object.keys(UNAVAILABLE).find((l) => tag.split("-")[0] === l.split("-")[0])
          || "en";
        message.lang = lang;
        message.dir = lang === "ar" || lang === "fa" ? "rtl" : "ltr";
        message.textContent = UNAVAILABLE[lang];
        root.replaceChildren(message);
      },
    );
  }

  disconnectedCallback() {
    // Moving the element fires disconnect then connect: only a real removal frees the widget.
    queueMicrotask(() => {
      if (this.isConnected || !this.#root) return;
      this.#widget?.free();
      this.#widget = null;
      this.#root.remove();
      this.#root = null;
    });
  }

  attributeChangedCallback(name, before, after) {
    if (before !== after) this.#widget?.set(name, after);
  }
}

if (!customElements.get("wjc-widget")) customElements.define("wjc-widget", WjcWidget);
