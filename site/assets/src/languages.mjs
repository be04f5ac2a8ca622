// The language chooser (/) offers first the language the browser prefers, if the site has it.
// Worked out in the page from navigator.languages: nothing is sent, nothing is kept, and no
// one is sent anywhere without choosing.
export function offerPreferredLanguage() {
  const list = document.querySelector("[data-languages]");
  if (!list) return;
  for (const preferred of navigator.languages || []) {
    const code = preferred.split("-")[0].toLowerCase();
    const item = list.querySelector(`[data-lang="${CSS.escape(code)}"]`);
    if (item) {
      list.prepend(item);
      return;
    }
  }
}
