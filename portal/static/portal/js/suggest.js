/*
 * Suggestions as you type, for every box marked data-suggest: the WAI-ARIA Authoring
 * Practices "combobox with listbox popup" pattern. Arrow keys move through the suggestions,
 * Enter chooses one, Escape closes the list (and clears the box when it is already closed); a
 * live region says how many suggestions there are. Without this script the box is a plain
 * field and the form works as before.
 *
 * data-suggest names where suggestions come from (the portal's search when it is empty); each
 * is {title, url} and choosing one opens it. With data-suggest-fills, a suggestion is
 * {title, value} and choosing it puts its value in the box (a form's field, such as the
 * register reference of the partnership a member assesses).
 */
(function () {
    "use strict";
    var DELAY = 200;
    var counter = 0;

    function setUp(input) {
        counter += 1;
        var listId = "suggestions-" + counter;
        var list = document.createElement("ul");
        list.id = listId;
        list.className = "suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", "Suggestions");
        list.hidden = true;
        var status = document.createElement("p");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        input.insertAdjacentElement("afterend", list);
        list.insertAdjacentElement("afterend", status);
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);
        input.parentElement.classList.add("has-suggestions");

        var timer = null;
        var active = -1;
        var latest = 0;
        var source = input.dataset.suggest || "/search/suggest/";
        var fills = "suggestFills" in input.dataset;
        var shown = [];

        function options() {
            return list.querySelectorAll("[role=option]");
        }

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(index) {
            var items = options();
            if (!items.length) { return; }
            active = (index + items.length) % items.length;
            items.forEach(function (item, position) {
                item.setAttribute("aria-selected", position === active ? "true" : "false");
            });
            input.setAttribute("aria-activedescendant", items[active].id);
        }

        function show(suggestions) {
            shown = suggestions;
            list.textContent = "";
            suggestions.forEach(function (suggestion, position) {
                var item = document.createElement("li");
                item.id = listId + "-" + position;
                item.setAttribute("role", "option");
                item.setAttribute("aria-selected", "false");
                item.textContent = suggestion.title;
                item.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    choose(suggestion);
                });
                list.appendChild(item);
            });
            active = -1;
            input.removeAttribute("aria-activedescendant");
            // Just under the box, whatever else its field holds (a label, a hint below it).
            list.style.top = input.offsetTop + input.offsetHeight + "px";
            list.style.left = input.offsetLeft + "px";
            list.hidden = suggestions.length === 0;
            input.setAttribute("aria-expanded", suggestions.length ? "true" : "false");
            status.textContent = suggestions.length
                ? suggestions.length + " suggestion" + (suggestions.length === 1 ? "" : "s") + ": use the up and down arrows"
                : "";
        }

        function choose(suggestion) {
            if (fills) {
                input.value = suggestion.value;
                close();
            } else {
                window.location.assign(suggestion.url);
            }
        }

        function fetchSuggestions() {
            var text = input.value.trim();
            if (text.length < 2) { show([]); return; }
            var asked = ++latest;
            fetch(source + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
                .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
                .then(function (data) { if (asked === latest) { show(data.suggestions || []); } })
                .catch(function () { show([]); });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY);
        });
        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown") {
                if (list.hidden) { fetchSuggestions(); return; }
                event.preventDefault();
                highlight(active + 1);
            } else if (event.key === "ArrowUp") {
                if (list.hidden) { return; }
                event.preventDefault();
                highlight(active - 1);
            } else if (event.key === "Enter" && !list.hidden && active >= 0) {
                event.preventDefault();
                choose(shown[active]);
            } else if (event.key === "Escape") {
                // Open: close the list and keep the text (a search box would clear it too).
                if (!list.hidden) { event.preventDefault(); close(); } else { input.value = ""; }
            }
        });
        input.addEventListener("blur", function () { window.setTimeout(close, 150); });
    }

    document.querySelectorAll("input[data-suggest]").forEach(setUp);
})();
