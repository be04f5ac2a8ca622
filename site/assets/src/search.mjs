// The search page: searches this language's whole index in the browser, so what someone types
// never leaves their device. The index is fetched once and whole: the same bytes whatever is
// searched. Results are made as text, never as HTML.
import { SearchIndex } from "./search/ranking.mjs";

const LIMIT = 20;
const form = document.getElementById("search-form");
const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const results = document.getElementById("search-results");

let index = null;
let failed = false;
let waiting = null;

// A query handed over in the fragment (#q=…) by the search box in the header: read once, then
// taken out of the address bar and this page's history entry.
function takeQuery() {
  if (!location.hash.startsWith("#q=")) return null;
  let query = "";
  try {
    query = decodeURIComponent(location.hash.slice(3).replace(/\+/g, " "));
  } catch {
    query = "";
  }
  history.replaceState(history.state, "", location.pathname + location.search);
  return query;
}

// The lists below the results, kept unseen while words from the header wait for the index.
function reveal() {
  document.body.classList.remove("fv-searching");
}

function show(query) {
  results.replaceChildren();
  if (!query.trim()) {
    status.textContent = "";
    reveal();
    return;
  }
  if (!index) {
    status.textContent = failed ? form.dataset.failed : form.dataset.loading;
    waiting = failed ? null : query;
    if (failed) reveal();
    return;
  }
  waiting = null;
  const all = index.search(query);
  const found = all.slice(0, LIMIT);
  status.textContent = found.length
    ? form.dataset.found.replace("{count}", () => String(all.length))
    : form.dataset.none;
  // On a small screen the results start below the box: bring them into view.
  if (status.getBoundingClientRect().top > window.innerHeight * 0.6) {
    status.scrollIntoView({ block: "start" });
  }
  if (!found.length) return reveal();
  const list = document.createElement("ol");
  list.className = "fv-results";
  for (const result of found) {
    const item = document.createElement("li");
    item.className = "fv-results__item";
    const link = document.createElement("a");
    link.className = "govuk-link fv-results__link";
    link.href = form.dataset.base + result.path;
    link.textContent = result.title;
    const summary = document.createElement("p");
    summary.className = "govuk-body-s fv-results__summary";
    summary.textContent = result.summary;
    item.append(link, summary);
    list.append(item);
  }
  results.append(list);
  reveal();
}

// The index, fetched whole the first time it is needed (the box is focused, or words arrive
// from the header): a visit that never searches costs no more than any other page.
let loading = null;
function load() {
  if (!loading) {
    loading = fetch(form.dataset.index, { credentials: "same-origin" })
      .then((response) => {
        if (!response.ok) throw new Error(`index: ${response.status}`);
        return response.json();
      })
      .then((data) => {
        index = new SearchIndex(data);
      })
      .catch(() => {
        failed = true;
      })
      .finally(() => {
        if (waiting !== null) show(waiting);
      });
  }
  return loading;
}

if (form && input && status && results) {
  form.hidden = false;
  input.addEventListener("focus", load, { once: true });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    load();
    show(input.value);
  });
  const handOver = () => {
    const query = takeQuery();
    if (query !== null) {
      input.value = query;
      load();
      show(query);
    }
  };
  window.addEventListener("hashchange", handOver);
  handOver();
}
