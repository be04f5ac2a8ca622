// The search box in the header: shown only with JavaScript (without it, a link to the search
// page). It hands the words to the search page in the address's #fragment, which the browser
// never sends to any server; the search page reads it and takes it out of the address.
export function headerSearch() {
  for (const form of document.querySelectorAll(".fv-header__search-form")) {
    const link = form.parentElement.querySelector(".fv-header__search-link");
    const input = form.querySelector("input");
    form.hidden = false;
    if (link) link.hidden = true;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const query = input.value.trim();
      location.assign(form.dataset.search + (query ? `#q=${encodeURIComponent(query)}` : ""));
    });
  }
}
