// Frontline portal behaviour. Loaded as a file (the CSP allows no inline script); event delegation so that it keeps
// working after htmx swaps.
(function () {
    "use strict";

    // CSRF header on every htmx request (forms also carry the hidden field).
    document.addEventListener("htmx:configRequest", function (event) {
        var token = document.querySelector('meta[name="csrf-token"]');
        var header = document.querySelector('meta[name="csrf-header"]');
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
    });

    function showError(message) {
        var flash = document.getElementById("flash");
        if (!flash) { return; }
        var alert = document.createElement("div");
        alert.className = "alert alert-error";
        alert.setAttribute("role", "alert");
        var text = document.createElement("span");
        text.textContent = message;
        var close = document.createElement("button");
        close.type = "button";
        close.className = "alert-close";
        close.setAttribute("aria-label", "Dismiss");
        close.setAttribute("data-dismiss", "");
        close.textContent = "×";
        alert.append(text, close);
        flash.replaceChildren(alert);
    }

    // Server errors and lost connections: a clear message where the user is, never a half-swapped page.
    document.addEventListener("htmx:responseError", function () {
        showError("Something went wrong on our side. Nothing was half-saved; please try again.");
    });
    document.addEventListener("htmx:sendError", function () {
        showError("We could not reach Frontline. Check your connection and try again.");
    });

    document.addEventListener("click", function (event) {
        var target = event.target;
        if (!(target instanceof Element)) { return; }
        var dismiss = target.closest("[data-dismiss]");
        if (dismiss) {
            dismiss.closest(".alert").remove();
            return;
        }
        var copy = target.closest("[data-copy]");
        if (copy) {
            var source = document.querySelector(copy.getAttribute("data-copy"));
            if (!source) { return; }
            var done = function () {
                var label = copy.textContent;
                copy.textContent = "Copied ✓";
                setTimeout(function () { copy.textContent = label; }, 1600);
            };
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(source.textContent).then(done, function () { selectText(source); });
            } else {
                selectText(source);
                try { document.execCommand("copy"); done(); } catch (e) { /* the text stays selected */ }
            }
        }
    });

    function selectText(node) {
        var range = document.createRange();
        range.selectNodeContents(node);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
    }

    document.addEventListener("submit", function (event) {
        var form = event.target;
        var question = form.getAttribute && form.getAttribute("data-confirm");
        if (question && !window.confirm(question)) {
            event.preventDefault();
            event.stopPropagation();
        }
    }, true);

    document.addEventListener("change", function (event) {
        var target = event.target;
        if (target.matches("select[data-autosubmit]")) {
            target.form.requestSubmit();
        }
        if (target.matches("input[data-toggle-custom]")) {
            var custom = document.getElementById("custom-instructions");
            if (custom) { custom.classList.toggle("hidden", target.value !== "CUSTOM"); }
        }
    });

    // The colour picker and the hex field mirror each other; the form's htmx trigger updates the preview.
    document.addEventListener("input", function (event) {
        var target = event.target;
        if (target.matches("input[type=color][data-sync]")) {
            var text = document.querySelector(target.getAttribute("data-sync"));
            if (text) { text.value = target.value; }
        } else if (target.id === "primaryColor" && /^#[0-9a-fA-F]{6}$/.test(target.value.trim())) {
            var picker = document.querySelector('input[type=color][data-sync="#primaryColor"]');
            if (picker) { picker.value = target.value.trim().toLowerCase(); }
        }
    });
    // A form with data-carry="#other" also sends the other form's fields (as hidden inputs added on submit): the logo
    // upload carries the unsaved colour and position, which the page shows again afterwards.
    document.addEventListener("submit", function (event) {
        var form = event.target;
        var source = form.matches && form.matches("form[data-carry]") && document.querySelector(form.getAttribute("data-carry"));
        if (!source) { return; }
        form.querySelectorAll("input[data-carried]").forEach(function (old) { old.remove(); });
        Array.prototype.forEach.call(source.elements, function (field) {
            if (!field.name || field.name === "_csrf" || field.type === "file" || field.disabled
                || ((field.type === "radio" || field.type === "checkbox") && !field.checked)) { return; }
            var hidden = document.createElement("input");
            hidden.type = "hidden";
            hidden.name = field.name;
            hidden.value = field.value;
            hidden.setAttribute("data-carried", "");
            form.appendChild(hidden);
        });
    }, true);

    // Knowledge uploads: drag and drop onto the drop zone, the chosen file names, and a real upload progress bar.
    function showChosen(zone, files) {
        var list = zone.querySelector("[data-dropzone-files]");
        if (list) {
            list.textContent = Array.prototype.map.call(files, function (f) { return f.name; }).join(", ");
        }
    }
    document.addEventListener("dragover", function (event) {
        var zone = event.target instanceof Element && event.target.closest("[data-dropzone]");
        if (zone) { event.preventDefault(); zone.classList.add("dragging"); }
    });
    document.addEventListener("dragleave", function (event) {
        var zone = event.target instanceof Element && event.target.closest("[data-dropzone]");
        if (zone) { zone.classList.remove("dragging"); }
    });
    document.addEventListener("drop", function (event) {
        var zone = event.target instanceof Element && event.target.closest("[data-dropzone]");
        if (!zone) { return; }
        event.preventDefault();
        zone.classList.remove("dragging");
        var input = zone.querySelector("input[type=file]");
        input.files = event.dataTransfer.files;
        showChosen(zone, input.files);
    });
    document.addEventListener("change", function (event) {
        var zone = event.target instanceof Element && event.target.closest("[data-dropzone]");
        if (zone && event.target.files) { showChosen(zone, event.target.files); }
    });
    document.addEventListener("htmx:xhr:progress", function (event) {
        var form = event.target instanceof Element && event.target.closest("form");
        var bar = form && form.querySelector("[data-upload-progress]");
        if (bar && event.detail.lengthComputable) {
            bar.classList.remove("hidden");
            bar.value = Math.round(event.detail.loaded * 100 / event.detail.total);
        }
    });
})();
