// without-just-cause: the page inside the iframe embed. Reads the settings from the address's
// fragment (the same names as <wjc-widget>'s attributes) and tells the parent page its height,
// for embed.js. Written by `wjc site`.
const ATTRIBUTES = __ATTRIBUTES__;
const widget = document.querySelector("wjc-widget");

function apply() {
  const settings = new URLSearchParams(location.hash.slice(1));
  for (const name of settings.keys()) {
    if (!ATTRIBUTES.includes(name)) {
      console.warn(`<wjc-widget>: ignored ${name.slice(0, 60)}: not a setting of the widget`);
    }
  }
  for (const name of ATTRIBUTES) {
    const value = settings.get(name);
    if (value === null) widget.removeAttribute(name);
    else widget.setAttribute(name, value);
  }
}
apply();
addEventListener("hashchange", apply);

if (parent !== window) {
  // The body, not the document: the document never reports less than the frame's own height.
  let last = -1;
  const tell = (always) => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last && !always) return;
    last = height;
    parent.postMessage({ type: "__MESSAGE__", height }, "*");
  };
  new ResizeObserver(() => tell(false)).observe(document.body);
  // embed.js asks when it starts after this frame has already told its height.
  addEventListener("message", (event) => {
    if (event.source === parent && event.data?.type === "__ASK__") tell(true);
  });
}
