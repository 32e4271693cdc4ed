// Tag autocomplete: every <input data-tag-type="..."> (a comma-separated list of tags) becomes
// an accessible combobox suggesting canonical tags and synonyms (with what they stand for).
// Without this file the inputs stay plain text fields, and new tags are always allowed.
(() => {
  "use strict";
  const ENDPOINT = "/tags/autocomplete";
  let counter = 0;

  // Inputs marked data-tag-single hold one tag; the others a comma-separated list.
  function currentTerm(input) {
    if ("tagSingle" in input.dataset) return input.value.trim();
    const parts = input.value.split(",");
    return parts[parts.length - 1].trim();
  }

  function replaceTerm(input, name) {
    if ("tagSingle" in input.dataset) {
      input.value = name;
      return;
    }
    const parts = input.value.split(",");
    parts[parts.length - 1] = (parts.length > 1 ? " " : "") + name;
    input.value = parts.join(",") + ", ";
  }

  function tagType(input) {
    const from = input.dataset.tagTypeFrom && document.getElementById(input.dataset.tagTypeFrom);
    return (from && from.value) || input.dataset.tagType;
  }

  function enhance(input) {
    const id = `tag-suggestions-${++counter}`;
    const wrapper = document.createElement("div");
    wrapper.className = "tag-combobox";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);
    const list = document.createElement("ul");
    list.id = id;
    list.className = "tag-suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    wrapper.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);
    input.setAttribute("autocomplete", "off");

    let items = [];
    let active = -1;
    let timer = null;
    let asked = 0;

    function close() {
      list.hidden = true;
      list.replaceChildren();
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      active = index;
      list.querySelectorAll("[role=option]").forEach((li, i) => {
        li.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      if (index >= 0) input.setAttribute("aria-activedescendant", `${id}-${index}`);
      else input.removeAttribute("aria-activedescendant");
    }

    function choose(index) {
      const item = items[index];
      if (!item) return;
      replaceTerm(input, item.canonical || item.name);
      close();
      input.focus();
    }

    function show(results) {
      list.replaceChildren();
      items = results;
      active = -1;
      if (!results.length) return close();
      results.forEach((item, i) => {
        const li = document.createElement("li");
        li.id = `${id}-${i}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.className = "tag-suggestion";
        const name = document.createElement("span");
        name.className = "name";
        name.textContent = item.name;
        li.appendChild(name);
        if (item.canonical) {
          const target = document.createElement("span");
          target.className = "maps-to";
          target.textContent = ` → ${item.canonical}`;
          li.appendChild(target);
        }
        // mousedown, not click: it comes before the input loses focus
        li.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(i);
        });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    async function fetchSuggestions() {
      const term = currentTerm(input);
      if (!term) return close();
      const ticket = ++asked;
      const params = new URLSearchParams({ type: tagType(input), q: term });
      try {
        const response = await fetch(`${ENDPOINT}?${params}`, { headers: { Accept: "application/json" } });
        if (!response.ok || ticket !== asked) return;
        const data = await response.json();
        if (ticket === asked) show(data.results || []);
      } catch (error) {
        close();
      }
    }

    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 120);
    });
    input.addEventListener("keydown", (event) => {
      if (list.hidden) {
        if (event.key === "ArrowDown" && currentTerm(input)) fetchSuggestions();
        return;
      }
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight((active + 1) % items.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault(); // pick the suggestion, don't submit the form
        choose(active);
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", () => setTimeout(close, 100));
  }

  function start() {
    document.querySelectorAll("input[data-tag-type]").forEach(enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
