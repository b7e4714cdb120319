// Search as you type on the library and search pages, which are served without the app's
// JavaScript (decision 0037): on typing, fetch the result page for the new query and swap in its
// results, keeping focus and caret in the field. Without this file the form is a plain GET form.
// After client-side navigation inside the hydrated app, React's own handler does the same job and
// this file is not loaded.
(() => {
  if (window.__remixContext) return;
  const form = document.querySelector("form[data-live-search]");
  const input = form && form.querySelector('input[type="search"]');
  if (!input) return;
  let timer;
  let controller;

  async function showResults() {
    const url = new URL(form.action, location.href);
    url.search = new URLSearchParams(new FormData(form)).toString();
    const layout = document.querySelector(".search-layout");
    controller?.abort();
    controller = new AbortController();
    layout?.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { accept: "text/html" } });
      if (!response.ok) return;
      const next = new DOMParser().parseFromString(await response.text(), "text/html");
      const nextLayout = next.querySelector(".search-layout");
      if (!layout || !nextLayout) return;
      // The results heading is a live region: keep the element (so screen readers announce the
      // new count) and give it the new text.
      const heading = document.getElementById("results-heading");
      const nextHeading = nextLayout.querySelector("#results-heading");
      if (heading && nextHeading) {
        heading.textContent = nextHeading.textContent;
        nextHeading.replaceWith(heading);
      }
      for (const notice of document.querySelectorAll("main > .alert")) notice.remove();
      for (const notice of next.querySelectorAll("main > .alert")) layout.before(document.importNode(notice, true));
      // Once the reader searches, the page drops its introduction, as the server does.
      if (!next.querySelector("main .lead")) document.querySelector("main .lead")?.remove();
      layout.replaceWith(document.importNode(nextLayout, true));
      document.title = next.title;
      history.replaceState(null, "", url);
    } catch (error) {
      if (error.name !== "AbortError") form.submit();
    } finally {
      document.querySelector(".search-layout")?.removeAttribute("aria-busy");
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(showResults, 250);
  });
})();
