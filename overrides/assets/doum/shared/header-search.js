// The big search box on the home and 404 pages, and its popular-keyword chips.
//
// Without JavaScript the form GETs ?q=<text> on the home page, which Material's search
// opens on load. With it, the query goes straight into Material's header search on the
// current page: open the search toggle, put the text in the header input and send the
// keyup Material listens to. Re-bound on every page through Material's document$.

const SEARCH_FORM = "form[data-doum-search]";

/** Open Material's header search showing results for `query`. Returns false if absent. */
export function openHeaderSearch(query) {
  const toggle = document.getElementById("__search");
  const input = document.querySelector("[data-md-component=search-query]");
  if (!toggle || !input) return false;
  if (!toggle.checked) {
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
  }
  input.value = query;
  // Let the opened overlay lay out (on phones the input is hidden until then), then focus.
  requestAnimationFrame(() => {
    input.focus();
    input.setSelectionRange(query.length, query.length);
    input.dispatchEvent(new KeyboardEvent("keyup", { key: "Enter", bubbles: true }));
  });
  return true;
}

function bindForm(form) {
  const input = form.querySelector("input[name=q]");
  form.addEventListener("submit", (event) => {
    const query = input ? input.value.trim() : "";
    if (!query) {
      event.preventDefault();
      input?.focus();
      return;
    }
    if (openHeaderSearch(query)) event.preventDefault();
  });
  for (const chip of form.querySelectorAll("[data-doum-query]")) {
    chip.addEventListener("click", (event) => {
      if (!openHeaderSearch(chip.dataset.doumQuery || "")) return;
      event.preventDefault();
      // Material's instant navigation would also follow the ?q= link (it ignores
      // defaultPrevented), re-render the page and close the search it just opened.
      event.stopPropagation();
    });
  }
  form.dataset.doumReady = "";
}

function init() {
  for (const form of document.querySelectorAll(SEARCH_FORM)) bindForm(form);
}

if (window.document$) {
  window.document$.subscribe(init);
} else {
  init();
}
