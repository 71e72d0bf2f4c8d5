// without-just-cause: resizes the campaign's embed.html iframes on this page to their content
// (docs/embedding.md). Optional: without it the frames keep the height the page gives them.
(() => {
  const script = document.currentScript;
  if (!script) return;
  const origin = new URL(script.src).origin;
  const frame = (source) =>
    [...document.querySelectorAll("iframe")].find((iframe) => iframe.contentWindow === source);
  addEventListener("message", (event) => {
    // Only our embed page, and only from the frame that sent it, may size a frame.
    if (event.origin !== origin) return;
    const { data } = event;
    if (!data || data.type !== "__MESSAGE__" || !Number.isFinite(data.height)) return;
    const iframe = frame(event.source);
    if (!iframe) return;
    // Through the CSSOM: allowed by policies that refuse inline styles.
    iframe.style.height = `${Math.ceil(Math.min(Math.max(data.height, 0), 100000))}px`;
    if (!iframe.hasAttribute("width")) iframe.style.width = "100%";
    iframe.style.border = "0";
  });
  // Frames that loaded before this script ran have already told their height: ask again. The
  // question carries nothing, so any frame may read it (one still loading has no origin yet).
  for (const iframe of document.querySelectorAll("iframe")) {
    const src = iframe.getAttribute("src");
    if (src && new URL(src, location.href).origin === origin) {
      iframe.contentWindow?.postMessage({ type: "__ASK__" }, "*");
    }
  }
})();
