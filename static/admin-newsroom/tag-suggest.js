"use strict";
// Suggest existing tags while a journalist types in the comma-separated tags field, so that one
// topic keeps one spelling. Suggestions come from the admin's own autocomplete view (tag search).
document.addEventListener("DOMContentLoaded", () => {
  const input = document.getElementById("id_tags");
  if (!input || !input.dataset.suggestUrl) return;
  const list = document.createElement("datalist");
  list.id = "id_tags_suggestions";
  input.after(list);
  input.setAttribute("list", list.id);
  input.setAttribute("autocomplete", "off");
  let pending;

  const quoted = (name) => (/[\s,]/.test(name) ? `"${name}"` : name);

  input.addEventListener("input", () => {
    clearTimeout(pending);
    const cut = input.value.lastIndexOf(",") + 1;
    const done = input.value.slice(0, cut);
    const term = input.value.slice(cut).trim().replace(/^"/, "");
    if (term.length < 2) { list.replaceChildren(); return; }
    pending = setTimeout(async () => {
      const url = new URL(input.dataset.suggestUrl, window.location.href);
      url.search = new URLSearchParams({ app_label: "articles", model_name: "article", field_name: "tags", term });
      const response = await fetch(url, { credentials: "same-origin" });
      if (!response.ok) return;
      const { results } = await response.json();
      // Each option is the whole field with the last tag completed: picking one keeps the others.
      const prefix = done && !done.endsWith(" ") ? `${done} ` : done;
      list.replaceChildren(...results.map(({ text }) => new Option(text, prefix + quoted(text))));
    }, 200);
  });
});
